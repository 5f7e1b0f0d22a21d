/**
 * Slack as an attacker would try it (issue 11): a signed request replayed,
 * timestamps from the future, an OAuth state used twice, a response_url on
 * someone else's host, and payloads no listener takes. The real Bolt app
 * over HTTP on 127.0.0.1 against the fake Slack, on both databases.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SlackNotice } from "../../src/adapters/slack/slack-app";
import { FakeSlack } from "../support/fake-slack";
import { SlackDriver, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const slack = new FakeSlack();
const driver = new SlackDriver(slack, () => tdb.db);
const notices: SlackNotice[] = [];
const FORM = "application/x-www-form-urlencoded";

beforeAll(async () => {
  await slack.start();
});
afterAll(async () => {
  await slack.stop();
});
afterEach(async () => {
  await driver.stop();
  notices.length = 0;
});

const start = () => driver.start(undefined, { onNotice: (kind) => notices.push(kind) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("a replayed slash command", () => {
  it("runs once however often the same signed request arrives", async () => {
    await start();
    const body = driver.slashBody("U-OLGA", "setup Kopi");
    const ts = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 5; i++) expect((await driver.post(body, FORM, { ts })).status).toBe(200);
    await until(() => driver.responded().length >= 1, "the setup reply");
    await settle();
    expect(driver.responded()).toHaveLength(1);
    expect(JSON.stringify(driver.responded()[0]?.args)).toContain("Kopi");
    expect(await tdb.db.kysely.selectFrom("programs").select("name").execute()).toEqual([{ name: "Kopi" }]);
    expect(notices.filter((n) => n === "command-replayed")).toHaveLength(4);
  });
});

describe("request timestamps", () => {
  it("refuses with 401 a request stamped more than five minutes ahead or behind, and changes nothing", async () => {
    await start();
    // Stamped as each request leaves, so a slow machine does not shrink the distance.
    const at = (seconds: number) => ({ ts: Math.floor(Date.now() / 1000) + seconds });
    expect((await driver.slash("U-OLGA", "setup Kopi", undefined, at(600))).status).toBe(401);
    expect((await driver.slash("U-OLGA", "setup Kopi", undefined, at(330))).status).toBe(401);
    expect((await driver.slash("U-OLGA", "setup Kopi", undefined, at(-600))).status).toBe(401);
    await settle();
    expect(await tdb.db.kysely.selectFrom("programs").select("id").execute()).toEqual([]);
    expect(slack.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
    expect(notices).toEqual(["timestamp-refused", "timestamp-refused", "timestamp-refused"]);
    // A little skew either way is fine, and Bolt still checks the signature.
    expect((await driver.slash("U-OLGA", "setup Kopi", undefined, at(240))).status).toBe(200);
    expect((await driver.slash("U-OLGA", "help", undefined, { ...at(60), secret: "wrong" })).status).toBe(401);
    await until(() => driver.responded().length === 1, "the setup reply");
    expect(await tdb.db.kysely.selectFrom("programs").select("name").execute()).toEqual([{ name: "Kopi" }]);
  });
});
