/**
 * How Slack connects: Socket Mode (the app opens a WebSocket that Slack
 * pushes envelopes on), and OAuth installs for several workspaces, with the
 * installation sealed in PostgreSQL, each workspace's own token used, and
 * the installation deleted when the app is uninstalled. The real Bolt app
 * and Web API client against the fake Slack on 127.0.0.1.
 */
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SlackApp, startSlackApp } from "../../src/adapters/slack/app";
import { slackSender } from "../../src/adapters/slack/sender";
import { installedWorkspaces } from "../../src/adapters/slack/workspace-clients";
import { createAppCore, platformStore } from "../../src/app";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { Dispatcher } from "../../src/delivery/dispatcher";
import { SlackInstallations } from "../../src/store/platform/slack-installations";
import { SlackOAuthStates } from "../../src/store/platform/slack-oauth-states";
import { TokenCipher } from "../../src/store/token-cipher";
import { FakeSlack } from "../support/fake-slack";
import { START } from "../support/harness";
import { useTestDb } from "../support/test-db";

const SECRET = "test-signing-secret";
const tdb = useTestDb();
const slack = new FakeSlack();
let app: SlackApp | null = null;
let clock: ManualClock;

beforeAll(async () => {
  await slack.start();
});
afterAll(async () => {
  await slack.stop();
});
afterEach(async () => {
  await app?.stop();
  app = null;
  slack.calls.length = 0;
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const responded = () => slack.calls.filter((c) => c.method.startsWith("respond/"));

describe("Socket Mode", () => {
  it("connects with the app token, takes a slash command from the socket, acknowledges it and answers", async () => {
    clock = new ManualClock(START);
    const core = createAppCore({ db: tdb.db, clock });
    app = await startSlackApp({
      core,
      store: platformStore(tdb.db.kysely),
      clock,
      auth: { kind: "token", botToken: "xoxb-socket" },
      transport: { kind: "socket", appToken: "xapp-1-socket" },
      apiUrl: `${slack.url}api/`,
    });
    const open = slack.of("apps.connections.open")[0];
    expect(open?.token).toBe("xapp-1-socket");
    expect(app.port).toBeNull();
    const ack = await slack.push("slash_commands", {
      command: "/mentoring",
      text: "setup Kopi Sore",
      team_id: "T-ACME",
      user_id: "U-OLGA",
      user_name: "olga",
      channel_id: "C-MENTORING",
      channel_name: "mentoring",
      trigger_id: "trigger-olga",
      response_url: `${slack.url}respond/socket-1`,
    });
    expect(ack?.envelope_id).toBeDefined();
    await until(() => responded().length === 1, "the setup reply");
    expect(JSON.stringify(responded()[0]?.args)).toContain("Kopi Sore");
    const programs = await tdb.db.kysely.selectFrom("programs").select(["name", "channel_id"]).execute();
    expect(programs).toEqual([{ name: "Kopi Sore", channel_id: "C-MENTORING" }]);
  });
});

describe("OAuth installs for several workspaces", () => {
  const key = randomBytes(32).toString("base64");

  async function startOAuth() {
    clock = new ManualClock(START);
    const core = createAppCore({ db: tdb.db, clock });
    const installations = new SlackInstallations(tdb.db.kysely, TokenCipher.fromKey(key), clock);
    app = await startSlackApp({
      core,
      store: platformStore(tdb.db.kysely),
      clock,
      auth: {
        kind: "oauth",
        clientId: "111.222",
        clientSecret: "client-secret",
        installations,
        states: new SlackOAuthStates(tdb.db.kysely),
      },
      transport: { kind: "http", port: 0, signingSecret: SECRET },
      apiUrl: `${slack.url}api/`,
    });
    return installations;
  }

  async function install(team: string): Promise<Response> {
    const start = await fetch(`http://127.0.0.1:${app?.port}/slack/install`, { redirect: "manual" });
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(location.searchParams.get("client_id")).toBe("111.222");
    expect(location.searchParams.get("scope")?.split(",")).toContain("chat:write");
    const state = location.searchParams.get("state") ?? "";
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return fetch(`http://127.0.0.1:${app?.port}/slack/oauth_redirect?code=code-${team}&state=${state}`, {
      headers: { cookie },
      redirect: "manual",
    });
  }

  function signed(body: string, contentType: string) {
    const ts = Math.floor(Date.now() / 1000);
    return fetch(`http://127.0.0.1:${app?.port}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`,
      },
      body,
    });
  }

  const slash = (team: string, text: string, n: number) =>
    signed(
      new URLSearchParams({
        command: "/mentoring",
        text,
        team_id: team,
        user_id: `U-${team}`,
        user_name: "olga",
        channel_id: `C-${team}`,
        channel_name: "mentoring",
        trigger_id: `t-${team}-${n}`,
        response_url: `${slack.url}respond/${team}-${n}`,
      }).toString(),
      "application/x-www-form-urlencoded",
    );

  it("installs two workspaces, seals their tokens, and acts in each with its own token", async () => {
    const installations = await startOAuth();
    for (const team of ["T-GLOBEX", "T-INITECH"]) {
      const done = await install(team);
      expect(done.status).toBe(200);
    }
    expect(slack.of("oauth.v2.access").map((c) => c.args.code)).toEqual(["code-T-GLOBEX", "code-T-INITECH"]);
    const rows = await tdb.db.kysely.selectFrom("slack_installations").select(["key", "team_id", "sealed"]).execute();
    expect(rows.map((r) => r.key).sort()).toEqual(["T:T-GLOBEX", "T:T-INITECH"]);
    for (const r of rows) expect(Buffer.from(r.sealed).toString("latin1")).not.toContain("xoxb-");
    expect(await installations.botToken("T-GLOBEX")).toBe("xoxb-T-GLOBEX");

    // Each workspace's own admin sets up its program.
    for (const team of ["T-GLOBEX", "T-INITECH"]) slack.users.set(`U-${team}`, { real_name: "Olga", is_admin: true });
    expect((await slash("T-GLOBEX", "setup Globex Mentoring", 1)).status).toBe(200);
    expect((await slash("T-INITECH", "setup Initech Mentoring", 1)).status).toBe(200);
    await until(() => responded().length === 2, "both setup replies");
    const lookups = slack.of("users.info");
    expect(lookups.find((c) => c.args.user === "U-T-GLOBEX")?.token).toBe("xoxb-T-GLOBEX");
    expect(lookups.find((c) => c.args.user === "U-T-INITECH")?.token).toBe("xoxb-T-INITECH");

    // A workspace that never installed the app gets nothing done.
    await slash("T-NOBODY", "setup Sneaky", 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const names = (await tdb.db.kysely.selectFrom("programs").select("name").execute()).map((p) => p.name).sort();
    expect(names).toEqual(["Globex Mentoring", "Initech Mentoring"]);

    // Delivery uses each workspace's token too.
    await slash("T-GLOBEX", "open", 2);
    await until(() => responded().length === 3, "the open reply");
    const dispatcher = new Dispatcher(tdb.db.kysely, slackSender(installedWorkspaces(installations, `${slack.url}api/`)), clock, {
      worker: "oauth-test",
    });
    await dispatcher.dispatchPending();
    const announcement = slack.of("chat.postMessage").find((c) => c.args.channel === "C-T-GLOBEX");
    expect(announcement?.token).toBe("xoxb-T-GLOBEX");
  });

  it("forgets a workspace that uninstalls the app: its tokens are deleted and its messages stop", async () => {
    const installations = await startOAuth();
    await install("T-GLOBEX");
    await install("T-INITECH");
    await slash("T-GLOBEX", "setup Globex Mentoring", 1);
    await until(() => responded().length === 1, "the setup reply");
    const uninstalled = await signed(
      JSON.stringify({
        type: "event_callback",
        team_id: "T-GLOBEX",
        api_app_id: "A_SEBAYA",
        event_id: "Ev-uninstall",
        event: { type: "app_uninstalled" },
      }),
      "application/json",
    );
    expect(uninstalled.status).toBe(200);
    for (let i = 0; i < 100 && (await installations.count()) !== 1; i++) await new Promise((r) => setTimeout(r, 20));
    const keys = (await tdb.db.kysely.selectFrom("slack_installations").select("key").execute()).map((r) => r.key);
    expect(keys).toEqual(["T:T-INITECH"]);
    expect(await installations.botToken("T-GLOBEX")).toBeNull();

    // The round announcement written before the uninstall cannot be delivered: it fails, it is not retried forever.
    await slash("T-INITECH", "setup Initech Mentoring", 2);
    await until(() => responded().length === 2, "the other workspace still works");
    const sender = slackSender(installedWorkspaces(installations, `${slack.url}api/`));
    await expect(
      sender.send({
        id: 1,
        key: "k",
        platform: "slack",
        tenantId: "t",
        tenantExternalId: "T-GLOBEX",
        audience: { kind: "channel", programId: "p" },
        target: { kind: "channel", channelId: "C-T-GLOBEX" },
        message: { blocks: [{ type: "text", text: "hello" }] },
        attempts: 0,
        conversation: "channel:p",
        programId: null,
        reachMemberId: null,
        dmBlocked: false,
        leaseUntil: new Date(),
      }),
    ).rejects.toMatchObject({ kind: "permanent", message: "not_installed" });
  });
  it("a workspace installed again within its 30 days keeps its data, and its organizers hear so with the new token", async () => {
    const installations = await startOAuth();
    await install("T-GLOBEX");
    slack.users.set("U-T-GLOBEX", { real_name: "Olga", is_admin: true });
    await slash("T-GLOBEX", "setup Globex Mentoring", 1);
    await until(() => responded().length === 1, "the setup reply");
    const uninstall = JSON.stringify({
      type: "event_callback",
      team_id: "T-GLOBEX",
      api_app_id: "A_SEBAYA",
      event_id: "Ev-uninstall-again",
      event: { type: "app_uninstalled" },
    });
    expect((await signed(uninstall, "application/json")).status).toBe(200);
    const departures = () => tdb.db.kysely.selectFrom("space_departures").select("space_id").execute();
    for (let i = 0; i < 100 && (await departures()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await departures()).toEqual([{ space_id: "T-GLOBEX" }]);

    clock.advance(5 * 24 * 60 * 60 * 1000);
    expect((await install("T-GLOBEX")).status).toBe(200);
    expect(await departures()).toEqual([]);
    const dispatcher = new Dispatcher(tdb.db.kysely, slackSender(installedWorkspaces(installations, `${slack.url}api/`)), clock, {
      worker: "oauth-test",
    });
    await dispatcher.dispatchPending();
    // In the program's language (the setup's, Indonesian by default here).
    const said = (["en", "id"] as const).map((l) => translator(l)("departure.back", { names: "Globex Mentoring" }));
    const back = slack.of("chat.postMessage").filter((c) => said.some((t) => JSON.stringify(c.args).includes(t)));
    expect(back.map((c) => c.token)).toEqual(["xoxb-T-GLOBEX"]);
    expect(await tdb.db.kysely.selectFrom("programs").select("name").execute()).toEqual([{ name: "Globex Mentoring" }]);
  });
});
