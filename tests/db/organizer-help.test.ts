/**
 * Help for a command nobody knows lists what this person can do: an
 * organizer gets the organizer commands too (issue 12, item 17), a member
 * does not; the same rule as /mentoring help.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { Harness } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const en = translator("en");
const id = translator("id");
/** The first line of the organizer help: present or not. */
const organizerHeading = (t: typeof en) => t("help.organizer", { csv: "/mentoring report csv" }).split("\n")[0] as string;

beforeEach(async () => {
  h = new Harness(tdb.db);
  await h.openProgram();
  await h.join("ani");
});

describe("help after an unknown command", () => {
  it("lists organizer commands for an organizer, in the program channel and in a DM", async () => {
    const inChannel = await h.text("olga", { type: "unknown:weigths" });
    expect(inChannel).toContain(en("error.unknownCommand"));
    expect(inChannel).toContain(organizerHeading(en));
    expect(inChannel).toContain("/mentoring weights");
    const inDm = await h.text("olga", { type: "unknown:raport" }, { channel: null });
    expect(inDm).toContain(organizerHeading(en));
  });

  it("speaks the organizer's language", async () => {
    const text = await h.text("olga", { type: "unknown:bobott" }, { locale: "id-ID" });
    expect(text).toContain(id("error.unknownCommand"));
    expect(text).toContain(organizerHeading(id));
    expect(text).toContain("/mentoring weights [nama=nilai ...]");
  });

  it("leaves organizer commands out for a member, as /mentoring help does", async () => {
    const unknown = await h.text("ani", { type: "unknown:foo" });
    expect(unknown).toContain(en("help.member").split("\n")[0] as string);
    expect(unknown).not.toContain(organizerHeading(en));
    expect(await h.text("ani", { type: "help" })).not.toContain(organizerHeading(en));
    expect(await h.text("ani", { type: "unknown:foo" }, { channel: null })).not.toContain(organizerHeading(en));
  });
});
