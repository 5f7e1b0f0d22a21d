/**
 * Slack as an attacker would try it (issue 11): a signed request replayed,
 * timestamps from the future, an OAuth state used twice, a response_url on
 * someone else's host, and payloads no listener takes. The real Bolt app
 * over HTTP on 127.0.0.1 against the fake Slack, on both databases.
 */
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SlackApp, type SlackNotice, startSlackApp } from "../../src/adapters/slack/slack-app";
import { createAppCore } from "../../src/app";
import { ManualClock } from "../../src/core/clock";
import { SlackInstallations } from "../../src/store/slack-installations";
import { TokenCipher } from "../../src/store/token-cipher";
import { FakeSlack } from "../support/fake-slack";
import { START } from "../support/harness";
import { PROGRAM_CHANNEL, SIGNING_SECRET, SlackDriver, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const slack = new FakeSlack();
/** Someone else's server, on another port: where a forged response_url would point. */
const stranger = new FakeSlack();
const driver = new SlackDriver(slack, () => tdb.db);
const notices: SlackNotice[] = [];
const FORM = "application/x-www-form-urlencoded";

beforeAll(async () => {
  await slack.start();
  await stranger.start();
});
afterAll(async () => {
  await slack.stop();
  await stranger.stop();
});
afterEach(async () => {
  await driver.stop();
  notices.length = 0;
  stranger.calls.length = 0;
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

describe("OAuth state", () => {
  let app: SlackApp | null = null;
  afterEach(async () => {
    await app?.stop();
    app = null;
  });

  async function startOAuth(): Promise<string> {
    const clock = new ManualClock(START);
    const installations = new SlackInstallations(tdb.db.kysely, TokenCipher.fromKey(randomBytes(32).toString("base64")), clock);
    app = await startSlackApp({
      core: createAppCore({ db: tdb.db, clock }),
      db: tdb.db.kysely,
      clock,
      signingSecret: SIGNING_SECRET,
      auth: {
        kind: "oauth",
        clientId: "111.222",
        clientSecret: "client-secret",
        stateSecret: "a-state-secret-of-length",
        installations,
      },
      transport: { kind: "http", port: 0 },
      apiUrl: `${slack.url}api/`,
    });
    return `http://127.0.0.1:${app.port}`;
  }

  /** Starts an install as a browser would: the state in Slack's authorize URL and in a cookie. */
  async function begin(base: string): Promise<{ state: string; cookie: string }> {
    const started = await fetch(`${base}/slack/install`, { redirect: "manual" });
    expect(started.status).toBe(302);
    const state = new URL(started.headers.get("location") ?? "").searchParams.get("state") ?? "";
    return { state, cookie: (started.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
  }

  const redirect = (base: string, team: string, begun: { state: string; cookie: string }) =>
    fetch(`${base}/slack/oauth_redirect?code=code-${team}&state=${encodeURIComponent(begun.state)}`, {
      headers: { cookie: begun.cookie },
      redirect: "manual",
    }).then(async (r) => {
      await r.text();
      return r.status;
    });

  it("works once: the same redirect again installs nothing", async () => {
    const base = await startOAuth();
    const begun = await begin(base);
    expect(await redirect(base, "T-GLOBEX", begun)).toBe(200);
    expect(await redirect(base, "T-GLOBEX", begun)).toBe(400);
    expect(await redirect(base, "T-INITECH", begun)).toBe(400);
    expect(slack.of("oauth.v2.access")).toHaveLength(1);
    const keys = await tdb.db.kysely.selectFrom("slack_installations").select("key").execute();
    expect(keys).toEqual([{ key: "T:T-GLOBEX" }]);
    expect(await tdb.db.kysely.selectFrom("slack_oauth_states").select("state_hash").execute()).toEqual([]);
  });

  it("two redirects with one state at the same time install once", async () => {
    const base = await startOAuth();
    const begun = await begin(base);
    const statuses = await Promise.all([redirect(base, "T-GLOBEX", begun), redirect(base, "T-INITECH", begun)]);
    expect(statuses.sort()).toEqual([200, 400]);
    expect(slack.of("oauth.v2.access")).toHaveLength(1);
    expect(await tdb.db.kysely.selectFrom("slack_installations").select("key").execute()).toHaveLength(1);
  });
});

describe("a response_url off Slack's host", () => {
  const SECRET = "q-secret-do-not-log";
  const strangerUrl = () => `${stranger.url}respond/1?token=${SECRET}`;

  it("is not followed: the reply to a slash command goes through the Web API, ephemeral in the channel", async () => {
    await start();
    const body = driver.slashBody("U-OLGA", "setup Kopi", PROGRAM_CHANNEL, { response_url: strangerUrl() });
    expect((await driver.post(body, FORM)).status).toBe(200);
    await until(() => slack.of("chat.postEphemeral").length === 1, "the ephemeral reply");
    await settle();
    expect(stranger.calls).toEqual([]);
    expect(driver.responded()).toEqual([]);
    const ephemeral = slack.of("chat.postEphemeral")[0]?.args;
    expect(ephemeral).toMatchObject({ channel: PROGRAM_CHANNEL.id, user: "U-OLGA" });
    expect(JSON.stringify(ephemeral)).toContain("Kopi");
    // The log hears the kind only: no URL, no query.
    expect(notices).toEqual(["response-url-refused"]);
  });

  it("falls back to a DM from the bot when it cannot post in that channel", async () => {
    await start();
    slack.script.set("chat.postEphemeral", [{ error: "channel_not_found" }]);
    const dm = { id: "D-U-OLGA-U-ANI", name: "directmessage" };
    await driver.post(driver.slashBody("U-OLGA", "help", dm, { response_url: strangerUrl() }), FORM);
    await until(() => slack.of("chat.postMessage").length >= 1, "the DM");
    await settle();
    expect(stranger.calls).toEqual([]);
    expect(slack.of("chat.postMessage").every((c) => c.args.channel === "U-OLGA")).toBe(true);
    expect(JSON.stringify(slack.of("chat.postMessage"))).toContain("/mentoring join");
  });

  it("a button press carrying one is answered the same way", async () => {
    await start();
    const help = { action_id: "sebaya:0", value: JSON.stringify({ kind: "command", command: { type: "help" } }) };
    await driver.interaction({
      type: "block_actions",
      team: { id: "T-ACME" },
      user: { id: "U-ANI", name: "ani", team_id: "T-ACME" },
      channel: PROGRAM_CHANNEL,
      trigger_id: "trigger-press-1",
      response_url: strangerUrl(),
      actions: [{ type: "button", ...help, block_id: "b", action_ts: "1" }],
    });
    await until(() => slack.of("chat.postEphemeral").length >= 1, "the ephemeral reply");
    await settle();
    expect(stranger.calls).toEqual([]);
    expect(slack.of("chat.postEphemeral")[0]?.args).toMatchObject({ channel: PROGRAM_CHANNEL.id, user: "U-ANI" });
    expect(notices).toEqual(["response-url-refused"]);
  });
});
