/**
 * Forget-me on Slack (issue 16), through the real Bolt app against the fake
 * Slack: the word opens a modal that explains what goes and what stays, the
 * one answer confirms it, the member is told privately; leaving a round
 * answers with a button that opens the same modal.
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

const OFFERED = "zqxslack expertise";

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
const said = (text: string) => () => JSON.stringify(driver.responded().at(-1)?.args ?? {}).includes(text);

/** Olga opens a round; Citra joins it through the intake modal and confirms the reading. */
async function citraJoins() {
  slack.users.set("U-CITRA", { real_name: "Citra", locale: "en-US" });
  await driver.start();
  await driver.slash("U-OLGA", "setup Kopi");
  await until(() => driver.responded().length === 1, "the setup reply");
  await driver.slash("U-OLGA", "open");
  await until(() => driver.responded().length === 2, "the open reply");
  await driver.slash("U-CITRA", "join");
  await until(() => slack.of("views.open").length === 1, "the intake modal");
  const view = driver.lastView();
  await driver.submit("U-CITRA", view, driver.fill(view, { expertise: OFFERED, goals: "SQL", team: "Data", language: "en" }));
  await until(() => dms("U-CITRA").length === 1, "the reading");
  await driver.press("U-CITRA", button(dms("U-CITRA")[0], en("review.confirm")), { message: dms("U-CITRA")[0] });
  await until(said(en("join.done", { number: 1 })), "joined");
}

const profiles = () => tdb.db.kysely.selectFrom("profiles").select("member_id").execute();

describe("forget-me on Slack", () => {
  it("opens a modal that explains it, erases on the one answer, and tells the member privately", async () => {
    await citraJoins();
    const views = slack.of("views.open").length;
    await driver.slash("U-CITRA", "forget-me");
    await until(() => slack.of("views.open").length === views + 1, "the forget-me modal");
    const view = driver.lastView();
    const shown = JSON.stringify(view.blocks);
    // The explanation first, as plain text (nothing in it read as markup), then the one required answer.
    expect((view.blocks[0] as { text?: { type: string } }).text?.type).toBe("plain_text");
    expect(shown).toContain("Former member");
    expect(shown).toContain(en("forget.confirmOption"));
    expect(await profiles()).toHaveLength(1);
    const submitted = await driver.submit("U-CITRA", view, driver.fill(view, { confirm: "yes" }));
    expect(submitted.body).not.toContain("errors");
    await until(() => JSON.stringify(slack.calls).includes(en("forget.done", { paired: "no" }).slice(0, 40)), "the confirmation");
    expect(await profiles()).toEqual([]);
    const members = await tdb.db.kysely.selectFrom("members").select("external_id").execute();
    expect(members.map((m) => m.external_id)).not.toContain("U-CITRA");
  });

  it("answers leaving with a button that opens the same modal", async () => {
    await citraJoins();
    await driver.slash("U-CITRA", "leave");
    await until(said(en("leave.confirmButton")), "the leave question");
    const question = driver.responded().at(-1);
    await driver.press("U-CITRA", button(question, en("leave.confirmButton")));
    await until(said(en("leave.forgetHint", { command: "/mentoring" })), "left, with the offer");
    const left = driver.responded().at(-1);
    const views = slack.of("views.open").length;
    await driver.press("U-CITRA", button(left, en("leave.forgetButton")));
    await until(() => slack.of("views.open").length === views + 1, "the forget-me modal");
    expect(JSON.stringify(driver.lastView().blocks)).toContain(en("forget.confirmOption"));
  });
});
