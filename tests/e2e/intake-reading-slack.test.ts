/**
 * The intake read back on Slack (issue 13, item 2), through the real Bolt app
 * against the fake Slack: the modal's answers come back as "I read: …" with
 * Confirm and Fix; Fix opens the modal again prefilled, Confirm saves.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { FakeSlack } from "../support/fake-slack";
import { button, SlackDriver, TEAM, until } from "../support/slack-driver";
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

  it("offers the vocabulary as the member types, beside a box for their own words, and reads both as one list", async () => {
    slack.users.set("U-CITRA", { real_name: "Citra", locale: "en-US" });
    await openRound();
    // A topic the organizer added for this program is offered in its forms, and only there.
    await driver.slash("U-OLGA", "topics add Batik tulis | Batik tulis | membatik");
    await until(() => driver.responded().length === 3, "the topics reply");
    await driver.slash("U-CITRA", "join");
    await until(() => slack.of("views.open").length === 1, "the intake modal");
    const view = driver.lastView();
    const blocks = view.blocks as Array<{ block_id?: string; label?: { text: string }; element?: Record<string, unknown> }>;
    const expertise = blocks.find((b) => b.block_id === "expertise");
    expect(expertise?.element).toMatchObject({ type: "multi_external_select", action_id: "sebaya_topics:en" });
    const other = blocks.find((b) => b.block_id === "expertise_other");
    expect(other?.label?.text).toBe(en("join.other", { field: en("field.expertise") }));

    // Type-ahead: what Slack asks as the member types, answered with topics in the form's language.
    const suggest = async (action: string, value: string, privateMetadata = String(view.private_metadata)) => {
      const answer = await driver.interaction({
        type: "block_suggestion",
        team: { id: TEAM },
        user: { id: "U-CITRA", name: "citra", team_id: TEAM },
        action_id: action,
        block_id: "expertise",
        value,
        view: { id: "V1", callback_id: "sebaya_form", private_metadata: privateMetadata },
      });
      expect(answer.status).toBe(200);
      return (JSON.parse(answer.body) as { options: Array<{ text: { text: string }; value: string }> }).options;
    };
    expect((await suggest("sebaya_topics:en", "anali")).map((o) => o.value)).toContain("Data analysis");
    expect((await suggest("sebaya_topics:id", "public spe"))[0]?.value).toBe("Berbicara di depan umum");
    expect((await suggest("sebaya_topics:en", "pyhton"))[0]?.value).toBe("Python");
    expect((await suggest("sebaya_topics:en", "a")).length).toBeLessThanOrEqual(100);
    expect((await suggest("sebaya_topics:en", "batik"))[0]?.value).toBe("Batik tulis");
    expect((await suggest("sebaya_topics:id", "membatik"))[0]?.value).toBe("Batik tulis");
    // Metadata this deployment did not seal names no program: the shared vocabulary answers.
    expect((await suggest("sebaya_topics:en", "batik", "forged")).map((o) => o.value)).not.toContain("Batik tulis");

    await driver.submit(
      "U-CITRA",
      view,
      driver.fill(view, {
        expertise: ["Data analysis", "SQL"],
        expertise_other: "Power BI dashboards (finance, sales)",
        goals: ["Public speaking"],
        team: "Data",
        language: "en",
      }),
    );
    await until(() => dms("U-CITRA").length === 1, "the reading");
    const reading = dms("U-CITRA")[0];
    expect(JSON.stringify(reading?.args.blocks)).toContain("Data analysis · SQL · Power BI");
    // Fix: the topics chosen are chosen again, the member's own words back in their box.
    await driver.press("U-CITRA", button(reading, en("review.fix")), { message: reading });
    await until(() => slack.of("views.open").length === 2, "the modal again");
    const again = driver.lastView().blocks as typeof blocks;
    expect(again.find((b) => b.block_id === "expertise")?.element?.initial_options).toEqual([
      { text: { type: "plain_text", text: "Data analysis" }, value: "Data analysis" },
      { text: { type: "plain_text", text: "SQL" }, value: "SQL" },
    ]);
    expect(again.find((b) => b.block_id === "expertise_other")?.element?.initial_value).toBe(
      "Power BI dashboards (finance, sales)",
    );
    await driver.submit("U-CITRA", driver.lastView(), driver.fill(driver.lastView(), {}));
    await until(() => dms("U-CITRA").length === 2, "the reading again");
    const second = dms("U-CITRA")[1];
    expect(JSON.stringify(second?.args.blocks)).toContain("Data analysis · SQL · Power BI");
    await driver.press("U-CITRA", button(second, en("review.confirm")), { message: second });
    await until(() => JSON.stringify(driver.responded().at(-1)?.args ?? {}).includes(en("join.done", { number: 1 })), "joined");
    const profile = await tdb.db.kysely.selectFrom("profiles").select(["expertise", "goals"]).executeTakeFirstOrThrow();
    expect(profile).toEqual({
      expertise: ["Data analysis", "SQL", "Power BI dashboards (finance, sales)"],
      goals: ["Public speaking"],
    });
  });

  it("says beside the list when neither a topic is chosen nor anything typed", async () => {
    slack.users.set("U-CITRA", { real_name: "Citra", locale: "en-US" });
    await openRound();
    await driver.slash("U-CITRA", "join");
    await until(() => slack.of("views.open").length === 1, "the intake modal");
    const view = driver.lastView();
    const refused = await driver.submit("U-CITRA", view, driver.fill(view, { goals: ["Public speaking"], team: "Data" }));
    const answer = JSON.parse(refused.body) as { response_action?: string; errors?: Record<string, string> };
    expect(answer.response_action).toBe("errors");
    expect(Object.keys(answer.errors ?? {})).toEqual(["expertise"]);
    expect(await enrollments()).toEqual([]);
  });
});
