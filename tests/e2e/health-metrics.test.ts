/**
 * /healthz, /readyz and /metrics on PORT, with the real process: Slack in
 * HTTP mode (the routes on Bolt's receiver), Slack in Socket Mode and
 * Discord (their own small server; /readyz follows the Socket Mode
 * WebSocket). A command moves the command counter and the latency
 * histograms, and its log line and the dispatcher's line for the row it wrote carry the
 * same request id. In-process: /readyz is 503 once the database is closed.
 */
import { createHmac } from "node:crypto";
import { createServer } from "node:net";
import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/time/clock";
import { createLogger } from "../../src/logger";
import { startHealthServer } from "../../src/ops/health-server";
import { observability } from "../../src/ops/observability";
import { FAKE_IDS, FakeDiscord } from "../support/fake-discord";
import { FakeSlack } from "../support/fake-slack";
import { processDatabase, startMain as startProcess } from "../support/main-process";
import { openTestDb, testDbKind } from "../support/test-db";

const DISCORD_TOKEN = "fake-discord-token-0123456789";
const SIGNING_SECRET = "test-signing-secret";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The bot as its own process, stopped after each test. */
function startMain(env: Record<string, string>) {
  const main = startProcess(env, "info");
  cleanups.push(main.stop);
  return main;
}

async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A port nothing listens on now (the process is given a number: PORT=0 would leave the test guessing). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const database = () => processDatabase("health", cleanups);

async function get(port: number, path: string): Promise<{ status: number; body: string; type: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.text(), type: response.headers.get("content-type") ?? "" };
}

/** A series' value in Prometheus text, 0 when absent. */
function value(metrics: string, series: string): number {
  const line = metrics.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** The process's JSON log lines with this message. */
function logLines(output: string, msg: string): Array<Record<string, unknown>> {
  return output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === msg);
}

async function expectHealthy(port: number): Promise<string> {
  const alive = await get(port, "/healthz");
  expect(alive.status).toBe(200);
  const ready = await waitFor(async () => {
    const r = await get(port, "/readyz");
    return r.status === 200 ? r : undefined;
  }, "/readyz 200");
  expect(JSON.parse(ready.body)).toMatchObject({ status: "ready", checks: { database: "ok", migrations: "ok" } });
  const metrics = await get(port, "/metrics");
  expect(metrics.status).toBe(200);
  expect(metrics.type).toContain("text/plain");
  expect(metrics.body).toContain("# HELP sebaya_commands_total");
  expect(metrics.body).toContain("sebaya_outbox_pending ");
  expect(metrics.body).toContain("process_resident_memory_bytes");
  return metrics.body;
}

describe("health and metrics on PORT", () => {
  it("Slack in HTTP mode: the routes on Bolt's receiver; a slash command moves the counter and both histograms", async () => {
    const slack = new FakeSlack();
    await slack.start();
    cleanups.push(() => slack.stop());
    const port = await freePort();
    const { output } = startMain({
      ...(await database()),
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}api/`,
      PORT: String(port),
    });
    await waitFor(() => output().includes("Slack app listening"), "the Slack app to listen", 60_000);
    const before = await expectHealthy(port);
    expect(value(before, 'sebaya_commands_total{kind="help",outcome="ok"}')).toBe(0);
    expect(JSON.parse((await get(port, "/readyz")).body).checks["platform:slack"]).toBe("ok");

    const ts = Math.floor(Date.now() / 1000);
    const body = new URLSearchParams({
      command: "/mentoring",
      text: "help",
      team_id: "T-ACME",
      user_id: "U-ANA",
      user_name: "ana",
      channel_id: "C-MENTORING",
      channel_name: "mentoring",
      trigger_id: "trigger-health-1",
      response_url: `${slack.url}respond/1`,
    }).toString();
    const signature = `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
    const posted = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": signature,
      },
      body,
    });
    expect(posted.status).toBe(200);
    const after = await waitFor(async () => {
      const m = (await get(port, "/metrics")).body;
      return value(m, 'sebaya_reply_seconds_count{platform="slack",kind="command"}') === 1 ? m : undefined;
    }, "the reply's latency");
    expect(value(after, 'sebaya_commands_total{kind="help",outcome="ok"}')).toBe(1);
    expect(value(after, 'sebaya_ack_seconds_count{platform="slack"}')).toBe(1);
    expect(slack.calls.some((c) => c.method.startsWith("respond/"))).toBe(true);
    expect(logLines(output(), "command")).toContainEqual(
      expect.objectContaining({ command: "help", outcome: "ok", requestId: "trigger-health-1" }),
    );
  }, 90_000);

  it("Slack in Socket Mode: the routes on their own server; /readyz turns 503 while the WebSocket is down and 200 once it is back", async () => {
    const slack = new FakeSlack();
    await slack.start();
    cleanups.push(() => slack.stop());
    const port = await freePort();
    const { output } = startMain({
      ...(await database()),
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_APP_TOKEN: "xapp-1-test",
      SLACK_API_URL: `${slack.url}api/`,
      PORT: String(port),
    });
    await waitFor(() => output().includes("Slack app connected over Socket Mode"), "the Socket Mode connection", 60_000);
    await expectHealthy(port);
    expect(JSON.parse((await get(port, "/readyz")).body).checks["platform:slack"]).toBe("ok");
    const opened = slack.of("apps.connections.open").length;

    // The client waits a few seconds before it reconnects: /readyz says so meanwhile.
    slack.dropSocket();
    const down = await waitFor(async () => {
      const r = await get(port, "/readyz");
      return r.status === 503 ? r : undefined;
    }, "/readyz 503 after the drop");
    expect(JSON.parse(down.body).checks).toMatchObject({ database: "ok", "platform:slack": "not connected" });
    expect((await get(port, "/healthz")).status).toBe(200);

    await waitFor(async () => (await get(port, "/readyz")).status === 200, "/readyz 200 once reconnected");
    expect(slack.of("apps.connections.open").length).toBe(opened + 1);
    // The new connection carries commands.
    const ack = await slack.push("slash_commands", {
      command: "/mentoring",
      text: "help",
      team_id: "T-ACME",
      user_id: "U-ANA",
      user_name: "ana",
      channel_id: "C-MENTORING",
      channel_name: "mentoring",
      trigger_id: "trigger-socket-1",
      response_url: `${slack.url}respond/socket-1`,
    });
    expect(ack?.envelope_id).toBeDefined();
  }, 90_000);

  it("Discord: the routes on their own server; commands move the metrics and the request id reaches the outbox row's line", async () => {
    const fake = new FakeDiscord();
    await fake.start();
    cleanups.push(() => fake.stop());
    const port = await freePort();
    const { output } = startMain({
      ...(await database()),
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: FAKE_IDS.application,
      DISCORD_API_URL: fake.apiUrl,
      TICK_SCHEDULE: "* * * * * *",
      PORT: String(port),
    });
    await waitFor(() => fake.identifies.length === 1, "the IDENTIFY", 60_000);
    await expectHealthy(port);
    expect(JSON.parse((await get(port, "/readyz")).body).checks["platform:discord"]).toBe("ok");

    const organizer = { user: FAKE_IDS.owner, permissions: PermissionFlagsBits.ManageGuild, locale: "en-US" as const };
    await fake.interact(fake.slashCommand({ ...organizer, subcommand: "setup", options: { name: "Kopi Pagi" } }), {
      timeoutMs: 15_000,
    });
    const open = fake.slashCommand({ ...organizer, subcommand: "open" });
    await fake.interact(open, { timeoutMs: 15_000 });
    const metrics = await waitFor(async () => {
      const m = (await get(port, "/metrics")).body;
      return value(m, 'sebaya_deliveries_total{result="sent"}') >= 1 &&
        value(m, 'sebaya_reply_seconds_count{platform="discord",kind="command"}') === 2
        ? m
        : undefined;
    }, "the announcement's delivery in the metrics");
    expect(value(metrics, 'sebaya_commands_total{kind="program.setup",outcome="ok"}')).toBe(1);
    expect(value(metrics, 'sebaya_commands_total{kind="round.open",outcome="ok"}')).toBe(1);
    expect(value(metrics, 'sebaya_ack_seconds_count{platform="discord"}')).toBe(2);

    // The open command's line and the dispatcher's line for the announcement it wrote share the interaction's id.
    const openId = open.id;
    await waitFor(() => logLines(output(), "delivery").find((l) => l.requestId === openId), "the delivery's log line");
    expect(logLines(output(), "command")).toContainEqual(
      expect.objectContaining({ command: "round.open", outcome: "ok", requestId: openId }),
    );
    expect(logLines(output(), "delivery")).toContainEqual(expect.objectContaining({ requestId: openId, result: "sent" }));
  }, 90_000);

  it.runIf(testDbKind() === "postgres")(
    "[server only] with SHARDS=2 the parent's /metrics has the shard processes' commands, and /readyz follows every shard's gateway",
    async () => {
      const fake = new FakeDiscord({ shards: 2 });
      await fake.start();
      cleanups.push(() => fake.stop());
      const port = await freePort();
      startMain({
        ...(await database()),
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: FAKE_IDS.application,
        DISCORD_API_URL: fake.apiUrl,
        SHARDS: "2",
        SHARD_SPAWN_DELAY_MS: "0",
        PORT: String(port),
      });
      await waitFor(() => fake.identifies.length === 2, "both shards' IDENTIFY", 90_000);
      await expectHealthy(port);

      // The command is answered in a shard process; its count and latencies reach the parent's scrape.
      const organizer = { user: FAKE_IDS.owner, permissions: PermissionFlagsBits.ManageGuild, locale: "en-US" as const };
      await fake.interact(fake.slashCommand({ ...organizer, subcommand: "setup", options: { name: "Kopi Pagi" } }), {
        timeoutMs: 15_000,
      });
      const metrics = await waitFor(async () => {
        const m = (await get(port, "/metrics")).body;
        return value(m, 'sebaya_reply_seconds_count{platform="discord",kind="command"}') === 1 ? m : undefined;
      }, "the shard's reply latency in the parent's metrics");
      expect(value(metrics, 'sebaya_commands_total{kind="program.setup",outcome="ok"}')).toBe(1);
      expect(value(metrics, 'sebaya_ack_seconds_count{platform="discord"}')).toBe(1);
      // The queue gauges are read once, in the parent: not added up over the processes.
      expect(metrics.match(/^sebaya_outbox_pending /gm)).toHaveLength(1);

      // One shard's gateway drops and is slow to resume: the parent is not ready until it is back.
      fake.holdResumes();
      fake.closeShard(1, 4000);
      const down = await waitFor(async () => {
        const r = await get(port, "/readyz");
        return r.status === 503 ? r : undefined;
      }, "/readyz 503 while shard 1 is away");
      expect(JSON.parse(down.body).checks).toMatchObject({ database: "ok", "platform:discord": "not connected" });
      fake.releaseResumes();
      await waitFor(async () => (await get(port, "/readyz")).status === 200, "/readyz 200 once shard 1 resumed");
    },
    150_000,
  );

  it("/readyz is 503 naming the database once it is closed; /healthz stays 200", async () => {
    const test = await openTestDb();
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await test.close();
    });
    const ops = observability({
      db: test.db.kysely,
      clock: systemClock,
      logger: createLogger("silent"),
      defaultMetrics: false,
    });
    ops.expect("discord");
    const server = await startHealthServer(ops.routes, 0, "127.0.0.1");
    cleanups.push(server.stop);
    const waiting = await get(server.port, "/readyz");
    expect(waiting.status).toBe(503);
    expect(JSON.parse(waiting.body).checks).toEqual({ database: "ok", migrations: "ok", "platform:discord": "not connected" });
    ops.connected("discord");
    expect((await get(server.port, "/readyz")).status).toBe(200);
    await test.close();
    closed = true;
    const down = await get(server.port, "/readyz");
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body).checks.database).toMatch(/^unreachable/);
    expect((await get(server.port, "/healthz")).status).toBe(200);
    expect((await get(server.port, "/metrics")).body).toContain("sebaya_scrape_errors_total 1");
    expect((await get(server.port, "/nowhere")).status).toBe(404);
  }, 60_000);
});
