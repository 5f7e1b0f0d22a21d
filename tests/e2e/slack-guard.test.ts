/**
 * Slack as an attacker would try it (issue 11): a signed request replayed,
 * timestamps from the future, an OAuth state used twice, a response_url on
 * someone else's host, and payloads no listener takes. The real Bolt app
 * over HTTP on 127.0.0.1 against the fake Slack, on both databases.
 */
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SlackApp, type SlackNotice, startSlackApp } from "../../src/adapters/slack/app";
import { createAppCore, platformStore } from "../../src/app";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { SlackInstallations } from "../../src/store/platform/slack-installations";
import { SlackOAuthStates } from "../../src/store/platform/slack-oauth-states";
import { TokenCipher } from "../../src/store/token-cipher";
import { FakeSlack } from "../support/fake-slack";
import { START } from "../support/harness";
import { PROGRAM_CHANNEL, SIGNING_SECRET, SlackDriver, TEAM, until } from "../support/slack-driver";
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
      store: platformStore(tdb.db.kysely),
      clock,
      auth: {
        kind: "oauth",
        clientId: "111.222",
        clientSecret: "client-secret",
        installations,
        states: new SlackOAuthStates(tdb.db.kysely),
      },
      transport: { kind: "http", port: 0, signingSecret: SIGNING_SECRET },
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

describe("requests no listener takes", () => {
  const en = translator("en");
  const id = translator("id");
  /** Bolt's own answer to these was a 404 after three seconds; "at once" leaves room for a loaded machine. */
  const AT_ONCE_MS = 2_000;
  let n = 0;
  const from = (user: string) => ({
    team: { id: TEAM },
    user: { id: user, name: user.toLowerCase(), team_id: TEAM },
    trigger_id: `trigger-unhandled-${++n}`,
  });
  const textOf = (calls: Array<{ args: Record<string, unknown> }>) => calls.map((c) => c.args.text);

  it("a button Sebaya does not know: acknowledged at once; the presser hears why, ephemerally, in their language", async () => {
    await start();
    slack.users.set("U-ANI", { real_name: "Ani", locale: "en-US" });
    const answered = await driver.interaction({
      type: "block_actions",
      ...from("U-ANI"),
      channel: PROGRAM_CHANNEL,
      response_url: `${slack.url}respond/old-button`,
      actions: [{ type: "button", action_id: "legacy:join", value: "{}", block_id: "b", action_ts: "1" }],
    });
    expect(answered.status).toBe(200);
    expect(answered.ms).toBeLessThan(AT_ONCE_MS);
    await until(() => driver.responded().length === 1, "the answer");
    expect(driver.responded()[0]?.args).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: en("slack.unhandled.action"),
    });
    expect(notices).toEqual(["request-unhandled"]);
  });

  it("another slash command: acknowledged at once, answered once (a replay too), in the member's language", async () => {
    await start();
    const body = driver.slashBody("U-BUDI", "", PROGRAM_CHANNEL, { command: "/kopi" });
    const ts = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 2; i++) {
      const answered = await driver.post(body, FORM, { ts });
      expect(answered.status).toBe(200);
      expect(answered.ms).toBeLessThan(AT_ONCE_MS);
    }
    await until(() => driver.responded().length === 1, "the answer");
    await settle();
    expect(textOf(driver.responded())).toEqual([id("slack.unhandled.command", { command: "/kopi" })]);
    expect(await tdb.db.kysely.selectFrom("members").select("id").execute()).toEqual([]);

    // A member who chose English is answered in English, whatever their Slack locale says.
    slack.users.set("U-CITRA", { real_name: "Citra", locale: "id-ID" });
    const tenant = await tdb.db.kysely
      .insertInto("tenants")
      .values({ platform: "slack", external_id: TEAM })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tdb.db.kysely
      .insertInto("members")
      .values({ tenant_id: tenant.id, external_id: "U-CITRA", display_name: "Citra", language: "en" })
      .execute();
    await driver.post(driver.slashBody("U-CITRA", "", PROGRAM_CHANNEL, { command: "/kopi" }), FORM);
    await until(() => driver.responded().length === 2, "the answer in English");
    expect(driver.responded()[1]?.args.text).toBe(en("slack.unhandled.command", { command: "/kopi" }));
  });

  it("shortcuts: a global one gets a DM from the bot, a message shortcut an ephemeral answer", async () => {
    await start();
    const global = await driver.interaction({ type: "shortcut", callback_id: "start_mentoring", ...from("U-ANI") });
    expect(global.status).toBe(200);
    expect(global.ms).toBeLessThan(AT_ONCE_MS);
    await until(() => slack.of("chat.postMessage").length === 1, "the DM");
    expect(slack.of("chat.postMessage")[0]?.args).toMatchObject({ channel: "U-ANI", text: id("slack.unhandled.shortcut") });

    const onMessage = await driver.interaction({
      type: "message_action",
      callback_id: "save_note",
      ...from("U-ANI"),
      channel: PROGRAM_CHANNEL,
      message: { ts: "1700000000.000001", text: "a message" },
      response_url: `${slack.url}respond/shortcut`,
    });
    expect(onMessage.status).toBe(200);
    await until(() => driver.responded().length === 1, "the ephemeral answer");
    expect(driver.responded()[0]?.args).toMatchObject({ response_type: "ephemeral", text: id("slack.unhandled.shortcut") });
  });

  it("a modal Sebaya does not know: it closes at once, and a DM says nothing was saved", async () => {
    await start();
    const submitted = await driver.interaction({
      type: "view_submission",
      ...from("U-ANI"),
      view: { id: "V9", callback_id: "sebaya_form_v0", private_metadata: "{}", state: { values: {} } },
    });
    expect(submitted).toMatchObject({ status: 200, body: "" });
    expect(submitted.ms).toBeLessThan(AT_ONCE_MS);
    await until(() => slack.of("chat.postMessage").length === 1, "the DM");
    expect(slack.of("chat.postMessage")[0]?.args).toMatchObject({ channel: "U-ANI", text: id("slack.unhandled.form") });
  });

  it("suggestions get an empty list and a closed modal nothing more, both at once", async () => {
    await start();
    const suggested = await driver.interaction({
      type: "block_suggestion",
      ...from("U-ANI"),
      action_id: "topic",
      block_id: "b",
      value: "sq",
      view: { id: "V9", callback_id: "sebaya_form" },
    });
    expect(suggested.status).toBe(200);
    expect(suggested.ms).toBeLessThan(AT_ONCE_MS);
    expect(JSON.parse(suggested.body)).toEqual({ options: [] });
    const closed = await driver.interaction({
      type: "view_closed",
      ...from("U-ANI"),
      view: { id: "V9", callback_id: "sebaya_form" },
      is_cleared: false,
    });
    expect(closed.status).toBe(200);
    expect(closed.ms).toBeLessThan(AT_ONCE_MS);
    await settle();
    expect(slack.calls.filter((c) => c.method !== "auth.test" && c.method !== "users.info")).toEqual([]);
  });

  it("over Socket Mode too: an envelope no listener takes is acknowledged", async () => {
    const clock = new ManualClock(START);
    const app = await startSlackApp({
      core: createAppCore({ db: tdb.db, clock }),
      store: platformStore(tdb.db.kysely),
      clock,
      auth: { kind: "token", botToken: "xoxb-socket" },
      transport: { kind: "socket", appToken: "xapp-1-socket" },
      apiUrl: `${slack.url}api/`,
    });
    try {
      const ack = await slack.push("interactive", { type: "shortcut", callback_id: "start_mentoring", ...from("U-ANI") });
      expect(ack?.envelope_id).toBeDefined();
      await until(() => slack.of("chat.postMessage").length === 1, "the DM");
      expect(slack.of("chat.postMessage")[0]?.args.text).toBe(id("slack.unhandled.shortcut"));
    } finally {
      await app.stop();
    }
  });
});
