/**
 * Forget-me in the playground (issue 16): a member types the word, reads in
 * the form what goes and what stays, confirms by choosing the one answer, and
 * is told it is done; leaving a round offers the same form from a button.
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { playConsole } from "../support/console-play";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const en = translator("en");
const START = new Date("2026-12-05T02:00:00Z");
const OFFERED = "zqxconsole expertise";

const play = async (lines: string[]) => (await playConsole(tdb.db, lines, { start: START, echo: true })).out;

/** Citra joins round 1 through the intake (English), confirming the reading. */
const JOIN = [
  "/mentoring setup Kopi Belajar",
  "/mentoring open",
  ":as citra",
  ":press 1",
  OFFERED,
  "Public speaking",
  "",
  "Design",
  "",
  "English",
  "",
  `:press ${en("review.confirm")}`,
];

const profiles = () =>
  tdb.db.kysely.selectFrom("profiles as p").innerJoin("members as m", "m.id", "p.member_id").select("m.external_id").execute();

describe("forget-me in the playground", () => {
  it("shows the form's explanation, confirms by the one answer, and erases", async () => {
    const out = await play([...JOIN, "/mentoring forget-me", "1", ":quit"]);
    expect(out).toContain(en("join.done", { number: 1 }));
    const form = out.indexOf(en("console.form", { title: en("forget.form.title") }));
    expect(form).toBeGreaterThan(0);
    expect(out.slice(form)).toContain(en("forget.form.intro").split("\n")[0]);
    expect(out.slice(form)).toContain(en("forget.confirmOption"));
    expect(out.slice(form)).toContain(en("forget.done", { paired: "no" }));
    expect(await profiles()).toEqual([]);
    const dump = await tdb.db.kysely.selectFrom("members").select(["external_id", "display_name"]).execute();
    expect(dump.map((m) => m.external_id)).not.toContain("citra");
  });

  it("is offered by a button after leaving, in the Indonesian word too", async () => {
    const out = await play([
      ...JOIN,
      "/mentoring leave",
      `:press ${en("leave.confirmButton")}`,
      `:press ${en("leave.forgetButton")}`,
      ":cancel",
      "/mentoring hapus-data-saya",
      "1",
      ":quit",
    ]);
    expect(out).toContain(en("leave.forgetHint", { command: "/mentoring" }));
    const forms = out.split(en("console.form", { title: en("forget.form.title") })).length - 1;
    expect(forms).toBe(2);
    expect(out).toContain(en("forget.done", { paired: "no" }));
    expect(await profiles()).toEqual([]);
  });
});
