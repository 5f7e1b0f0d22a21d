/**
 * The intake read back on Slack (issue 13, item 2), through the real Bolt app
 * against the fake Slack: the modal's answers come back as "I read: …" with
 * Confirm and Fix; Fix opens the modal again prefilled, Confirm saves.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { FakeSlack } from "../support/fake-slack";
import { button, SlackDriver, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const slack = new FakeSlack();
const driver = new SlackDriver(slack, () => tdb.db);
const en = translator("en");
const id = translator("id");

const OFFERED = "Data analysis (Excel, SQL, Power BI dashboards)";
const WANTED = "Public speaking: presenting quarterly results with confidence";

beforeAll(async () => {
  await slack.start();
});
afterAll(async () => {
  await slack.stop();
});
afterEach(async () => {
  await driver.stop();
});

const dms = (user: string) => slack.of("chat.postMessage").filter((c) => c.args.channel === user);
const enrollments = () => tdb.db.kysely.selectFrom("enrollments").select("id").execute();

async function openRound() {
  await driver.start();
  await driver.slash("U-OLGA", "setup Kopi");
  await until(() => driver.responded().length === 1, "the setup reply");
  await driver.slash("U-OLGA", "open");
  await until(() => driver.responded().length === 2, "the open reply");
}

describe("the intake read back on Slack", () => {
  it("shows what it read, reopens the modal prefilled to fix, and saves only on confirm", async () => {
    slack.users.set("U-CITRA", { real_name: "Citra", locale: "en-US" });
    await openRound();
    await driver.slash("U-CITRA", "join");
    await until(() => slack.of("views.open").length === 1, "the intake modal");
    const view = driver.lastView();
    const first = await driver.submit(
      "U-CITRA",
      view,
      driver.fill(view, { expertise: OFFERED, goals: WANTED, team: "Data", language: "en" }),
    );
    expect(first.body).not.toContain("errors");
    await until(() => dms("U-CITRA").length === 1, "the reading");
    const reading = dms("U-CITRA")[0];
    const shown = JSON.stringify(reading?.args.blocks);
    expect(shown).toContain(en("review.intro"));
    expect(shown).toContain("Data analysis");
    expect(shown).toContain("Public speaking");
    // The buttons name a draft, never the answers.
    const fix = button(reading, en("review.fix"));
    expect(fix.value).not.toContain("Excel");
    expect(await enrollments()).toEqual([]);

    // Fix: the same modal, prefilled with what was given.
    await driver.press("U-CITRA", fix, { message: reading });
    await until(() => slack.of("views.open").length === 2, "the modal again");
    const again = driver.lastView();
    expect(JSON.stringify(again.blocks)).toContain(OFFERED);
    await driver.submit("U-CITRA", again, driver.fill(again, { goals: `${WANTED}, origami lipat` }));
    await until(() => dms("U-CITRA").length === 2, "the second reading");
    const second = dms("U-CITRA")[1];
    expect(JSON.stringify(second?.args.blocks)).toContain(`Public speaking · “origami lipat”`);
    // The first review was taken by its Fix: its Confirm no longer saves anything.
    await driver.press("U-CITRA", button(reading, en("review.confirm")), { message: reading });
    await until(() => JSON.stringify(driver.responded().at(-1)?.args ?? {}).includes(en("review.expired")), "expired");
    expect(await enrollments()).toEqual([]);

    await driver.press("U-CITRA", button(second, en("review.confirm")), { message: second });
    await until(() => JSON.stringify(driver.responded().at(-1)?.args ?? {}).includes(en("join.done", { number: 1 })), "joined");
    const profile = await tdb.db.kysely.selectFrom("profiles").select(["expertise", "goals", "team"]).executeTakeFirstOrThrow();
    expect(profile).toEqual({ expertise: [OFFERED], goals: [WANTED, "origami lipat"], team: "Data" });
    expect(await enrollments()).toHaveLength(1);
  });

  it("reads back in Indonesian for a member who chose it", async () => {
    slack.users.set("U-ANI", { real_name: "Ani", locale: "id-ID" });
    await openRound();
    await driver.slash("U-ANI", "join");
    await until(() => slack.of("views.open").length === 1, "the intake modal");
    const view = driver.lastView();
    await driver.submit("U-ANI", view, driver.fill(view, { expertise: OFFERED, goals: WANTED, team: "Data", language: "id" }));
    await until(() => dms("U-ANI").length === 1, "the reading");
    const shown = JSON.stringify(dms("U-ANI")[0]?.args.blocks);
    expect(shown).toContain("Analisis data");
    expect(shown).toContain("Berbicara di depan umum");
    await driver.press("U-ANI", button(dms("U-ANI")[0], id("review.confirm")), { message: dms("U-ANI")[0] });
    await until(
      () => JSON.stringify(driver.responded().at(-1)?.args ?? {}).includes("Anda sudah terdaftar di putaran 1"),
      "joined",
    );
  });
});
