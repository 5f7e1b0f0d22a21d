/**
 * Slack, end to end through real Bolt and the fake Slack: an organizer reads
 * the audit trail with `/mentoring audit`; `app_uninstalled` (or the bot's
 * `tokens_revoked`) marks the workspace for deletion 30 days on, the job then
 * deletes it whole; a workspace that comes back first loses nothing. Nobody is
 * written to on the uninstall (Slack revoked the token first); the organizers
 * hear it when the app is back. The fake clock moves the 30 days.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { DAY_MS } from "../../src/core/time/durations";
import { runDueJobs } from "../../src/scheduler/run-due-jobs";
import { FakeSlack, type SlackCall } from "../support/fake-slack";
import { SlackDriver, TEAM, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const slack = new FakeSlack();
const driver = new SlackDriver(slack, () => tdb.db);
const en = translator("en");
const id = translator("id");
const text = (call: SlackCall | undefined) => JSON.stringify(call?.args ?? {});

beforeAll(async () => {
  await slack.start();
});
afterAll(async () => {
  await slack.stop();
});
afterEach(async () => {
  await driver.stop();
});

async function programWithOrganizer(): Promise<void> {
  await driver.start();
  slack.users.set("U-OLGA", { real_name: "Olga", tz: "Asia/Jakarta", locale: "en-US", is_admin: true });
  slack.users.set("U-ANI", { real_name: "Ani", tz: "Asia/Jakarta", locale: "id-ID" });
  await driver.slash("U-OLGA", "setup Kopi Belajar");
  await until(() => driver.responded().length === 1, "the setup reply");
  await driver.slash("U-OLGA", "open");
  await until(() => driver.responded().length === 2, "the open reply");
}

const departures = () => tdb.db.kysely.selectFrom("space_departures").selectAll().execute();
const tenants = () => tdb.db.kysely.selectFrom("tenants").select("external_id").execute();
const runJobs = () => runDueJobs(tdb.db.kysely, driver.clock, { worker: "slack-uninstall-test" });

describe("Slack: the audit trail and an uninstalled workspace", () => {
  it("shows organizers the audit trail, and refuses a member, each in their language", async () => {
    await programWithOrganizer();
    await driver.slash("U-OLGA", "audit");
    await until(() => driver.responded().length === 3, "the audit reply");
    const shown = text(driver.responded()[2]);
    expect(shown).toContain(en("audit.title", { name: "Kopi Belajar" }));
    expect(shown).toContain(en("audit.action.round.open", { round: 1 }));
    await driver.slash("U-ANI", "jejak");
    await until(() => driver.responded().length === 4, "the refusal");
    expect(text(driver.responded()[3])).toContain(id("refusal.notOrganizer").slice(0, 40));
  });

  it("deletes the workspace 30 days after app_uninstalled, and says nothing to a workspace it cannot reach", async () => {
    await programWithOrganizer();
    const sentBefore = slack.calls.filter((c) => c.method === "chat.postMessage").length;
    const first = await driver.event({ type: "app_uninstalled" }, "Ev-uninstall-1");
    expect(first.status).toBe(200);
    for (let i = 0; i < 100 && (await departures()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const [marked] = await departures();
    expect(marked?.space_id).toBe(TEAM);
    expect(new Date(marked?.delete_at as Date).getTime() - driver.clock.now().getTime()).toBe(30 * DAY_MS);
    // Slack says it again (a retry, tokens_revoked after it): still one mark, the same date.
    await driver.event({ type: "tokens_revoked", tokens: { bot: ["B-SEBAYA"] } }, "Ev-revoked-1");
    await new Promise((r) => setTimeout(r, 100));
    expect(await departures()).toEqual([marked]);
    expect(slack.calls.filter((c) => c.method === "chat.postMessage").length).toBe(sentBefore);
    expect(
      await tdb.db.kysely
        .selectFrom("outbox")
        .select("idempotency_key")
        .where("idempotency_key", "like", "space-left:%")
        .execute(),
    ).toEqual([]);

    driver.clock.advance(29 * DAY_MS);
    await runJobs();
    expect(await tenants()).toEqual([{ external_id: TEAM }]);
    driver.clock.advance(DAY_MS + 60_000);
    for (let pass = 0; pass < 5 && (await tenants()).length > 0; pass++) {
      expect((await runJobs()).failed).toBe(0);
      driver.clock.advance(60_000);
    }
    expect(await tenants()).toEqual([]);
    for (const table of ["programs", "members", "rounds", "outbox", "audit_events", "space_departures"] as const) {
      expect(await tdb.db.kysely.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
  });

  it("calls the deletion off when the workspace uses Sebaya again, and tells its organizers nothing was lost", async () => {
    await programWithOrganizer();
    await driver.event({ type: "app_uninstalled" }, "Ev-uninstall-2");
    for (let i = 0; i < 100 && (await departures()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await departures()).toHaveLength(1);
    driver.clock.advance(3 * DAY_MS);
    // Reinstalled with a new token (a single-workspace deployment): the first command proves it.
    await driver.slash("U-ANI", "status");
    await until(() => driver.responded().length === 3, "the status reply");
    expect(await departures()).toEqual([]);
    await driver.deliver();
    const back = slack.calls.filter(
      (c) => c.method === "chat.postMessage" && text(c).includes(en("departure.back", { names: "Kopi Belajar" })),
    );
    expect(back).toHaveLength(1);

    driver.clock.advance(31 * DAY_MS);
    await runJobs();
    expect(await tenants()).toEqual([{ external_id: TEAM }]);
    expect(await tdb.db.kysely.selectFrom("programs").select("name").execute()).toEqual([{ name: "Kopi Belajar" }]);
  });
});
