/**
 * npm run bench:interactions: how fast members get answers when many act at
 * once. The bot runs as its own process (`node --import tsx src/main.ts`, Slack
 * over HTTP, PostgreSQL) against a fake Slack on 127.0.0.1
 * (tests/support/fake-slack.ts) in this process; a program is seeded through
 * real commands (setup, open, half the members join through the intake modal,
 * match), then a mix of member actions is sent open-loop (on schedule, whatever
 * the answers) at each rate for a fixed time:
 *
 *   status 30% (slash), journal note 20% (slash "journal <text>"), check-in 15%
 *   (slash), the announcement's Join button 15% (opens the intake modal), the
 *   intake submitted 20% (a join, or "already in" for one who is).
 *
 * ack = the signed request's HTTP response time; reply = until the fake Slack
 * receives the bot's answer to that request (its response_url, views.open with
 * its trigger_id, or chat.postMessage / postEphemeral to the member, first
 * come). The baseline is a bare Bolt app (bench/interactions-bare-bolt.ts) on
 * the same receiver answering each request with a fixed reply, no database:
 * the ceiling of this machine. --platform discord runs the same mix as Discord
 * interactions over a fake gateway against the bot and a bare discord.js client
 * (bench/interactions-discord.ts, bench/interactions-bare-discord.ts); the rows
 * share one table, told apart by its platform column. The bot's process CPU and peak RSS come from
 * /proc/<pid>/stat and status.
 *
 *   npm run bench:interactions
 *   npm run bench:interactions -- --rates 50,100 --seconds 5 --replicas 1,3
 *
 * Flags: --rates a,b (default 50,100,300,1000)  --seconds N per rate (default 10)
 *        --replicas a,b (default 1; above 1 behind a round-robin proxy in this process)
 *        --members N (default 300)  --platform slack|discord|both (default slack; Discord: bench/interactions-discord.ts)
 *        --bot tsx|dist (default tsx: `node --import tsx src/main.ts`; dist: `npm run build`, then the
 *          bundle production runs, `node --enable-source-maps dist/main.js`)
 *        --no-baseline  --no-queries (skips the round trips counted per action, bench/interactions-queries.ts)
 *        --out FILE|none (default bench/interactions-results.md)
 * BENCH_BOT_NODE_ARGS: node flags for the measured bot only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 * Database: BENCH_DATABASE_URL (a server URL; default postgres://postgres@127.0.0.1:5432/sebaya_bench_perf):
 * its server gets a seeded template database and a fresh copy per scenario, dropped at the end.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { FakeSlack, type SlackCall, WORKSPACE_ADMIN } from "../tests/support/fake-slack";
import { type OpenedView, SlackDriver } from "../tests/support/slack-driver";
import { type BenchHarness, type DiscordSeed, discordScenario, discordSeed } from "./interactions-discord";
import { type Count, countColumns, countQueries, countRows } from "./interactions-queries";
import { type Column, fixed, int, markdownTable, type Row, textTable } from "./table";

const { values: flags } = parseArgs({
  options: {
    rates: { type: "string", default: "50,100,300,1000" },
    seconds: { type: "string", default: "10" },
    replicas: { type: "string", default: "1" },
    members: { type: "string", default: "300" },
    platform: { type: "string", default: "slack" },
    bot: { type: "string", default: "tsx" },
    baseline: { type: "boolean", default: true },
    "no-baseline": { type: "boolean", default: false },
    "no-queries": { type: "boolean", default: false },
    out: { type: "string", default: fileURLToPath(new URL("./interactions-results.md", import.meta.url)) },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (flags.help) {
  console.info(
    "npm run bench:interactions -- [--rates 50,100,300,1000] [--seconds N] [--replicas 1,3] [--members N] [--platform slack|discord|both] [--bot tsx|dist] [--no-baseline] [--no-queries] [--out FILE|none]",
  );
  process.exit(0);
}
const positiveList = (name: string, s: string) =>
  s.split(",").map((x) => {
    const n = Number(x.trim());
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} wants positive numbers, got ${s}`);
    return n;
  });
const rates = positiveList("rates", flags.rates);
const replicaCounts = positiveList("replicas", flags.replicas).map(Math.round);
const seconds = positiveList("seconds", flags.seconds)[0] as number;
const MEMBERS = Math.round(positiveList("members", flags.members)[0] as number);
const baseline = flags.baseline && !flags["no-baseline"];
if (!["slack", "discord", "both"].includes(flags.platform))
  throw new Error(`--platform wants slack, discord or both, got ${flags.platform}`);
const onSlack = flags.platform !== "discord";
const onDiscord = flags.platform !== "slack";
if (flags.bot !== "tsx" && flags.bot !== "dist") throw new Error(`--bot wants tsx or dist, got ${flags.bot}`);
const botLabel = flags.bot === "dist" ? "dist/main.js" : "main.ts under tsx";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SECRET = "bench-signing-secret";
const TEAM = "T-BENCH";
const CHANNEL = { id: "C-MENTORING", name: "mentoring" };
const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/sebaya_bench_perf";
const TARGET = { rate: 300, ackP99: 100, replyP99: 300 };
/** How long after the last request a reply may still come before it counts as missing. */
const GRACE_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load1 = () => os.loadavg()[0] ?? 0;
const member = (i: number) => `U-M${String(i).padStart(4, "0")}`;

// ------------------------------------------------------------------ databases

function urlOf(name: string): string {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
const created = new Set<string>();
async function admin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: urlOf("postgres") });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
async function createDatabase(template?: string): Promise<string> {
  const name = `sebaya_i_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await admin(`create database ${name}${template ? ` template ${template}` : ""}`);
  created.add(name);
  return name;
}
async function dropDatabase(name: string): Promise<void> {
  await admin(`drop database if exists ${name} with (force)`);
  created.delete(name);
}

// ------------------------------------------------------------------ processes

const live = new Set<ChildProcess>();
const childErrors = new Map<ChildProcess, { lines: number; last: string[] }>();

/** The bot's own process: `node --import tsx src/main.ts`, or the esbuild bundle production runs (`--bot dist`). */
const botScript = (): string[] =>
  flags.bot === "dist" ? ["--enable-source-maps", "dist/main.js"] : ["--import", "tsx", "src/main.ts"];
/** BENCH_BOT_NODE_ARGS: node flags for the bot only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (written when it stops). */
const botNodeArgs = (process.env.BENCH_BOT_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);

function startChild(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      ...env,
    },
    // Their logs are not shown (an overloaded bot logs every late ack); error lines are counted.
    stdio: ["ignore", "ignore", "pipe"],
  });
  const errors = { lines: 0, last: [] as string[] };
  childErrors.set(child, errors);
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", (line) => {
    if (/"level":(50|60)|\[ERROR\]|Error/.test(line)) errors.lines++;
    errors.last = [...errors.last.slice(-9), line];
  });
  live.add(child);
  child.on("exit", () => live.delete(child));
  return child;
}
const startBot = (env: Record<string, string>) => startChild([...botNodeArgs, ...botScript()], env);

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([closed, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** Up when an unsigned request is refused (401): the receiver is listening. */
async function waitListening(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the bot exited (${child.exitCode}) before listening:\n${childErrors.get(child)?.last.join("\n")}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", body: "" });
      await r.text();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`nothing listening on ${port}`);
      await sleep(250);
    }
  }
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function sample(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command: state is field 3, utime 14 and stime 15 (1-based), in clock ticks of 1/100 s.
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return { cpuSeconds: ticks / 100, rssMb: Number(rss ?? 0) / 1024 };
}

/** A round-robin HTTP proxy in front of several replicas (as a load balancer would be). */
async function roundRobin(ports: number[]): Promise<{ port: number; server: Server }> {
  let next = 0;
  const server = createServer((req, res) => {
    const port = ports[next++ % ports.length] as number;
    const upstream = httpRequest(
      { host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

// ------------------------------------------------------------------ requests

type Kind = "status" | "journal" | "checkin" | "press" | "join";
const MIX: Array<[Kind, number]> = [
  ["status", 0.3],
  ["journal", 0.2],
  ["checkin", 0.15],
  ["press", 0.15],
  ["join", 0.2],
];

interface Pending {
  kind: Kind;
  sentAt: number;
  ackMs?: number;
  replyMs?: number;
  status?: number;
}

/** Matches the fake Slack's calls to the requests they answer; the first answer counts. */
class Replies {
  private readonly byKey = new Map<string, Pending>();
  private readonly byUser = new Map<string, Pending[]>();

  expect(p: Pending, keys: { responseUrl: string; trigger: string; user: string }) {
    this.byKey.set(`r:${keys.responseUrl}`, p);
    this.byKey.set(`t:${keys.trigger}`, p);
    const q = this.byUser.get(keys.user) ?? [];
    q.push(p);
    this.byUser.set(keys.user, q);
  }

  arrived(call: SlackCall, at: number) {
    let p: Pending | undefined;
    if (call.method.startsWith("respond/")) p = this.byKey.get(`r:${call.method}`);
    else if (call.method === "views.open") p = this.byKey.get(`t:${String(call.args.trigger_id)}`);
    else if (call.method === "chat.postMessage" || call.method === "chat.postEphemeral") {
      const user = String(call.args.user ?? call.args.channel);
      const q = this.byUser.get(user);
      // The oldest request of that member still waiting.
      while (q && q.length > 0 && q[0]?.replyMs !== undefined) q.shift();
      p = q?.[0];
    }
    if (p && p.replyMs === undefined) p.replyMs = at - p.sentAt;
  }
}

class Client {
  private n = 0;
  /** Each client's own: the seed's claimed triggers live on in every copy of its database. */
  private readonly run = randomUUID().slice(0, 8);
  constructor(
    private readonly port: () => number,
    private readonly slackUrl: string,
  ) {}

  async post(body: string): Promise<{ status: number; body: string }> {
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
    const r = await fetch(`http://127.0.0.1:${this.port()}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": signature,
      },
      body,
    });
    return { status: r.status, body: await r.text() };
  }

  next() {
    const n = ++this.n;
    return { responseUrl: `respond/${this.run}-${n}`, trigger: `trigger-${this.run}-${n}` };
  }

  slash(user: string, text: string, keys: { responseUrl: string; trigger: string }) {
    return new URLSearchParams({
      command: "/mentoring",
      text,
      team_id: TEAM,
      user_id: user,
      user_name: user.toLowerCase(),
      channel_id: CHANNEL.id,
      channel_name: CHANNEL.name,
      trigger_id: keys.trigger,
      response_url: `${this.slackUrl}${keys.responseUrl}`,
    }).toString();
  }

  /** A press of the announcement's Join button; each press on its own message, so none is a double click. */
  press(user: string, button: { action_id: string; value: string }, keys: { responseUrl: string; trigger: string }) {
    return interaction({
      type: "block_actions",
      team: { id: TEAM },
      user: { id: user, name: user.toLowerCase(), team_id: TEAM },
      channel: CHANNEL,
      container: { type: "message", message_ts: `1700000001.${keys.trigger}` },
      trigger_id: keys.trigger,
      response_url: `${this.slackUrl}${keys.responseUrl}`,
      actions: [{ type: "button", action_id: button.action_id, value: button.value, block_id: "b", action_ts: "1" }],
    });
  }

  submit(user: string, view: OpenedView, keys: { trigger: string }) {
    return interaction({
      type: "view_submission",
      team: { id: TEAM },
      user: { id: user, name: user.toLowerCase(), team_id: TEAM },
      trigger_id: keys.trigger,
      view: {
        id: "V1",
        callback_id: "sebaya_form",
        private_metadata: view.private_metadata,
        blocks: view.blocks,
        state: { values: fill(view) },
      },
    });
  }
}

const interaction = (payload: Record<string, unknown>) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
// SlackDriver.fill reads only its arguments: the intake answered as a person would.
const fill = (view: OpenedView) =>
  SlackDriver.prototype.fill.call(undefined, view, { expertise: "SQL", goals: "public speaking", team: "Data" });

// ------------------------------------------------------------------ the fake Slack and the seed

/** The fake Slack, with every call's arrival time handed to `onCall`. */
async function fakeSlack(): Promise<{ slack: FakeSlack; onCall: { f: (c: SlackCall, at: number) => void } }> {
  const slack = new FakeSlack();
  await slack.start();
  const onCall = { f: (_c: SlackCall, _at: number) => {} };
  // FakeSlack records calls by pushing them; the bench also wants when each arrived.
  const push = slack.calls.push.bind(slack.calls);
  slack.calls.push = (...items: SlackCall[]) => {
    const at = performance.now();
    for (const c of items) onCall.f(c, at);
    return push(...items);
  };
  for (let i = 0; i < MEMBERS; i++) slack.users.set(member(i), { real_name: `Member ${i}`, locale: "en-US", tz: "Asia/Jakarta" });
  return { slack, onCall };
}

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`seed: timed out waiting for ${what}`);
    await sleep(20);
  }
}

interface Seed {
  template: string;
  join: { action_id: string; value: string };
  views: OpenedView[];
}

function botEnv(url: string, port: number, slackUrl: string): Record<string, string> {
  return {
    DATABASE_URL: url,
    PORT: String(port),
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${slackUrl}api/`,
  };
}

/** A program through real commands: setup, open, every member's intake modal, half of them joined, a match. */
async function seed(): Promise<Seed> {
  const template = await createDatabase();
  const { slack } = await fakeSlack();
  const port = await freePort();
  const bot = startChild(botScript(), botEnv(urlOf(template), port, slack.url));
  try {
    await waitListening(port, bot);
    const client = new Client(() => port, slack.url);
    const responded = (k: { responseUrl: string }) => slack.calls.some((c) => c.method === k.responseUrl);
    for (const text of ["setup Kopi Bench", "open"]) {
      const k = client.next();
      await client.post(client.slash(WORKSPACE_ADMIN, text, k));
      await until(() => responded(k), text);
    }
    await until(() => slack.of("chat.postMessage").some((c) => c.args.channel === CHANNEL.id), "the announcement");
    const announcement = slack.of("chat.postMessage").find((c) => c.args.channel === CHANNEL.id);
    const blocks = (announcement?.args.blocks ?? []) as Array<{
      type: string;
      elements?: Array<{ action_id: string; value: string }>;
    }>;
    const join = blocks.find((b) => b.type === "actions")?.elements?.[0];
    if (!join) throw new Error("seed: no Join button on the announcement");
    const views: OpenedView[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < MEMBERS; i = next++) {
        const user = member(i);
        const k = client.next();
        await client.post(client.press(user, join, k));
        await until(() => slack.of("views.open").some((c) => c.args.trigger_id === k.trigger), `${user}'s intake modal`);
        const view = slack.of("views.open").find((c) => c.args.trigger_id === k.trigger)?.args.view as OpenedView;
        views[i] = view;
        if (i % 2 === 0) {
          const dms = () => slack.of("chat.postMessage").filter((c) => c.args.channel === user).length;
          const before = dms();
          await client.post(client.submit(user, view, client.next()));
          await until(() => dms() > before, `${user}'s join`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const k = client.next();
    await client.post(client.slash(WORKSPACE_ADMIN, "match", k));
    await until(() => responded(k), "match");
    // The intros delivered, so the outbox is quiet when the load starts.
    await sleep(3_000);
    return { template, join, views };
  } finally {
    await stopChild(bot);
    await slack.stop();
  }
}

// ------------------------------------------------------------------ one scenario

interface Result {
  platform: "Slack" | "Discord";
  contender: string;
  replicas: number;
  rate: number;
  sent: number;
  acks: number[];
  replies: number[];
  errors: number;
  missing: number;
  /** Error lines the bot logged (a late ack, a failed request). */
  logged: number;
  cpuPercent: number;
  /** The bot's CPU time from the first request until the last reply (or the grace's end), per request sent. */
  cpuMsPerCommand: number;
  rssMb: number;
  load: number;
  pending: Pending[];
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);

async function scenario(s: Seed, opts: { bare: boolean; replicas: number; rate: number }): Promise<Result> {
  const { slack, onCall } = await fakeSlack();
  const db = opts.bare ? null : await createDatabase(s.template);
  const ports = await Promise.all(Array.from({ length: opts.replicas }, freePort));
  const children = ports.map((port) =>
    opts.bare
      ? startChild(["--import", "tsx", "bench/interactions-bare-bolt.ts"], {
          PORT: String(port),
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: `${slack.url}api/`,
        })
      : startBot(botEnv(urlOf(db as string), port, slack.url)),
  );
  let proxy: { port: number; server: Server } | null = null;
  try {
    await Promise.all(children.map((c, i) => waitListening(ports[i] as number, c)));
    if (ports.length > 1) proxy = await roundRobin(ports);
    const target = proxy?.port ?? (ports[0] as number);
    const client = new Client(() => target, slack.url);
    const replies = new Replies();
    onCall.f = (c, at) => replies.arrived(c, at);
    // Warm-up: a few of each kind, so the first measured requests do not pay for compiling.
    await sleep(1_000);
    const pending: Pending[] = [];
    let random = 12345;
    const rnd = () => {
      random = (random * 1103515245 + 12345) % 2147483648;
      return random / 2147483648;
    };
    const pick = (): Kind => {
      let x = rnd();
      for (const [k, w] of MIX) {
        if (x < w) return k;
        x -= w;
      }
      return "status";
    };
    const send = (kind: Kind, i: number) => {
      const user = member(i);
      const k = client.next();
      const body =
        kind === "status"
          ? client.slash(user, "status", k)
          : kind === "journal"
            ? client.slash(user, `journal bench note ${k.trigger}`, k)
            : kind === "checkin"
              ? client.slash(user, "checkin", k)
              : kind === "press"
                ? client.press(user, s.join, k)
                : client.submit(user, s.views[i] as OpenedView, k);
      const p: Pending = { kind, sentAt: performance.now() };
      replies.expect(p, { ...k, user });
      pending.push(p);
      client
        .post(body)
        .then((r) => {
          p.ackMs = performance.now() - p.sentAt;
          p.status = r.status;
        })
        .catch(() => {
          p.status = 0;
        });
    };
    const before = children.map((c) => sample(c.pid as number));
    let peakRss = before.reduce((sum, x) => sum + x.rssMb, 0);
    const rssTimer = setInterval(() => {
      try {
        peakRss = Math.max(
          peakRss,
          children.reduce((sum, c) => sum + sample(c.pid as number).rssMb, 0),
        );
      } catch {}
    }, 250);
    const load = load1();
    const t0 = performance.now();
    const total = Math.round(opts.rate * seconds);
    // Open loop: every 2 ms, send whatever is due by the schedule.
    for (let sent = 0; sent < total; ) {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * opts.rate) + 1);
      while (sent < due) {
        send(pick(), Math.floor(rnd() * MEMBERS));
        sent++;
      }
      await sleep(2);
    }
    const elapsed = (performance.now() - t0) / 1000;
    const after = children.map((c) => sample(c.pid as number));
    const end = performance.now() + GRACE_MS;
    while (
      performance.now() < end &&
      pending.some((p) => p.status === undefined || (p.status === 200 && p.replyMs === undefined))
    )
      await sleep(50);
    const settled = children.map((c) => sample(c.pid as number));
    clearInterval(rssTimer);
    const cpu = after.reduce((sum, x, k) => sum + x.cpuSeconds - (before[k]?.cpuSeconds ?? 0), 0);
    const acks = pending.flatMap((p) => (p.status === 200 && p.ackMs !== undefined ? [p.ackMs] : [])).sort((a, b) => a - b);
    const repliesMs = pending.flatMap((p) => (p.replyMs !== undefined ? [p.replyMs] : [])).sort((a, b) => a - b);
    return {
      platform: "Slack",
      contender: opts.bare ? "bare Bolt, no database (the machine's ceiling)" : `Sebaya (${botLabel}, PostgreSQL)`,
      replicas: opts.replicas,
      rate: opts.rate,
      sent: pending.length,
      acks,
      replies: repliesMs,
      errors: pending.filter((p) => p.status !== 200).length,
      missing: pending.filter((p) => p.status === 200 && p.replyMs === undefined).length,
      logged: children.reduce((sum, c) => sum + (childErrors.get(c)?.lines ?? 0), 0),
      cpuPercent: (100 * cpu) / elapsed,
      cpuMsPerCommand:
        (1000 * settled.reduce((sum, x, k) => sum + x.cpuSeconds - (before[k]?.cpuSeconds ?? 0), 0)) / pending.length,
      rssMb: peakRss,
      load,
      pending,
    };
  } finally {
    for (const c of children) await stopChild(c);
    proxy?.server.close();
    await slack.stop();
    if (db) await dropDatabase(db);
  }
}

// ------------------------------------------------------------------ Discord

const harness: BenchHarness = {
  startChild: (script, env) => startChild(["--import", "tsx", ...script], env),
  startBot,
  stopChild,
  createDatabase,
  dropDatabase,
  urlOf,
  freePort,
  sample,
  errorLines: (c) => childErrors.get(c)?.lines ?? 0,
  lastLines: (c) => childErrors.get(c)?.last ?? [],
};

const DISCORD_METHOD = `Discord rows: the bot (${botLabel}, with DISCORD_TOKEN and DISCORD_API_URL, one process, one gateway shard) against the fake Discord (tests/support/fake-discord.ts) in the bench process, beside a bare discord.js client answering each interaction with a fixed reply and no database (bench/interactions-bare-discord.ts). Seeded through interactions (setup, open, ${MEMBERS} members each with a pool of intake drafts, half joined, match); the same mix as INTERACTION_CREATE over the gateway: /mentoring status, /mentoring journal, /mentoring checkin, the Join button (each press on its own copy of the announcement), the intake's last modal submitted (a draft of its own each). ack: until the interaction callback reached the fake; reply: until the answer did (a callback carrying it, an edit or follow-up of the response, or a DM). The fake refuses a callback later than 3 s, as Discord does: such interactions count as errors, and the ack percentiles, taken over accepted callbacks only, cannot pass 3 s (read them with the errors column).`;

/** The Discord rows: one process (a gateway shard), the bare discord.js client beside it; see interactions-discord.ts. */
async function discordRows(show: (r: Result) => void): Promise<void> {
  if (replicaCounts.some((n) => n !== 1))
    console.warn("Discord: one process only (replicas there are gateway shards, not a load balancer); --replicas ignored");
  // Each "join" submits a draft of its own: enough per member for the highest rate, with room for chance.
  const joinShare = MIX.find(([k]) => k === "join")?.[1] ?? 0;
  const perMember = Math.ceil(((Math.max(...rates) * seconds * joinShare) / MEMBERS) * 1.3) + 1;
  console.info(
    `Discord: seeding a program (${MEMBERS} members, ${perMember} intake drafts each, half joined, matched) through interactions...`,
  );
  let s: DiscordSeed | null = null;
  try {
    s = await discordSeed(harness, MEMBERS, perMember);
    for (const rate of rates) {
      for (const bare of baseline ? [true, false] : [false]) {
        const r = await discordScenario(harness, s, { bare, rate, seconds, members: MEMBERS, mix: MIX });
        if (r.spentDrafts > 0)
          console.warn(`  Discord: ${r.spentDrafts} joins found their member's drafts spent ("expired" answers)`);
        const via = new Map<string, number>();
        for (const p of r.pending) {
          const key = `${p.kind} ${p.via ?? "none"}`;
          via.set(key, (via.get(key) ?? 0) + 1);
        }
        show({
          platform: "Discord",
          contender: bare ? "bare discord.js, no database (the machine's ceiling)" : `Sebaya (${botLabel}, PostgreSQL)`,
          replicas: 1,
          rate,
          ...r,
        });
        console.info(`    reply carried by: ${[...via].map(([k, n]) => `${k} ${n}`).join(", ")}`);
      }
    }
  } finally {
    await s?.fake.stop();
    if (s) await dropDatabase(s.template);
  }
}

// ------------------------------------------------------------------ main

const ms = (x: number) => (Number.isNaN(x) ? "–" : x >= 10_000 ? int(x) : x >= 100 ? fixed(x, 0) : fixed(x, 1));

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadStart = os.loadavg();
  const cpus = os.cpus();
  const cpuName = `${(cpus[0]?.model ?? "unknown").trim()} (${cpus.length} cores)`;
  console.info(
    `interactions benchmark: rates ${rates.join(",")}/s for ${seconds} s each; replicas ${replicaCounts.join(",")}; ${MEMBERS} members; database ${new URL(BASE_URL).host}`,
  );
  let counts: Count[] = [];
  if (!flags["no-queries"]) {
    counts = await countQueries();
    console.info(
      `database round trips per action, from the request to the reply:\n${textTable(countColumns, countRows(counts))}\n`,
    );
  }
  if (flags.bot === "dist") {
    // The bundle production runs (npm run start:prod), built from this tree so it is never stale.
    console.info("building dist/ (npm run build)...");
    execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
  }
  const results: Result[] = [];
  const show = (r: Result) => {
    results.push(r);
    const bare = r.contender.startsWith("bare");
    const { replicas, rate } = r;
    const byKind = MIX.map(([k]) => {
      const of = r.pending.filter((p) => p.kind === k && p.replyMs !== undefined).map((p) => p.replyMs as number);
      of.sort((a, b) => a - b);
      const missing = r.pending.filter((p) => p.kind === k && p.status === 200 && p.replyMs === undefined).length;
      return `${k} ${ms(quantile(of, 0.5))}/${ms(quantile(of, 0.99))}${missing ? ` (${missing} no reply)` : ""}`;
    });
    console.info(
      `  ${r.platform} ${bare ? (r.platform === "Slack" ? "bare Bolt" : "bare discord.js") : "Sebaya"} x${replicas} ${rate}/s: ack p50 ${ms(quantile(r.acks, 0.5))} p99 ${ms(quantile(r.acks, 0.99))} ms; reply p50 ${ms(
        quantile(r.replies, 0.5),
      )} p99 ${ms(quantile(r.replies, 0.99))} ms; ${r.errors} errors, ${r.missing} without reply, ${r.logged} error lines logged; CPU ${fixed(r.cpuPercent, 0)}% (${fixed(r.cpuMsPerCommand, 2)} ms/command), RSS ${fixed(r.rssMb, 0)} MB; load ${fixed(r.load, 2)}`,
    );
    console.info(`    reply p50/p99 ms by kind: ${byKind.join(", ")}`);
  };
  if (onSlack) {
    console.info(`seeding a program (${MEMBERS} members, half joined, matched) through commands...`);
    const s = await seed();
    try {
      for (const rate of rates) {
        if (baseline) show(await scenario(s, { bare: true, replicas: 1, rate }));
        for (const replicas of replicaCounts) show(await scenario(s, { bare: false, replicas, rate }));
      }
    } finally {
      await dropDatabase(s.template);
    }
  }
  if (onDiscord) await discordRows(show);

  const columns: Column[] = [
    { header: "platform", align: "left" },
    { header: "contender", align: "left" },
    { header: "replicas", align: "right" },
    { header: "rate/s", align: "right" },
    { header: "sent", align: "right" },
    { header: "ack p50 ms", align: "right" },
    { header: "ack p99 ms", align: "right" },
    { header: "reply p50 ms", align: "right" },
    { header: "reply p99 ms", align: "right" },
    { header: "errors", align: "right" },
    { header: "no reply", align: "right" },
    { header: "bot errors", align: "right" },
    { header: "CPU %", align: "right" },
    { header: "CPU ms/command", align: "right" },
    { header: "RSS MB", align: "right" },
    { header: "load 1m", align: "right" },
  ];
  const rows: Row[] = [];
  let lastRate = -1;
  for (const r of results) {
    if (lastRate !== -1 && r.rate !== lastRate) rows.push("rule");
    lastRate = r.rate;
    rows.push([
      r.platform,
      r.contender,
      String(r.replicas),
      int(r.rate),
      int(r.sent),
      ms(quantile(r.acks, 0.5)),
      ms(quantile(r.acks, 0.99)),
      ms(quantile(r.replies, 0.5)),
      ms(quantile(r.replies, 0.99)),
      int(r.errors),
      int(r.missing),
      int(r.logged),
      fixed(r.cpuPercent, 0),
      // Refused or unanswered requests did little or no work: the figure undercounts there.
      `${fixed(r.cpuMsPerCommand, 2)}${r.errors + r.missing > r.sent / 100 ? "*" : ""}`,
      fixed(r.rssMb, 0),
      fixed(r.load, 2),
    ]);
  }
  const verdictOf = (platform: Result["platform"]) => {
    const one = results.find(
      (r) => r.platform === platform && !r.contender.startsWith("bare") && r.replicas === 1 && r.rate === TARGET.rate,
    );
    return one
      ? `Target (${platform}), one process at ${TARGET.rate}/s: ack p99 ${ms(quantile(one.acks, 0.99))} ms (under ${TARGET.ackP99}: ${
          quantile(one.acks, 0.99) < TARGET.ackP99 ? "met" : "NOT met"
        }), reply p99 ${ms(quantile(one.replies, 0.99))} ms (under ${TARGET.replyP99}: ${
          quantile(one.replies, 0.99) < TARGET.replyP99 && one.missing === 0 && one.errors === 0 ? "met" : "NOT met"
        }).`
      : `No one-process ${platform} run at ${TARGET.rate}/s in this run.`;
  };
  const verdict = [...(onSlack ? [verdictOf("Slack")] : []), ...(onDiscord ? [verdictOf("Discord")] : [])].join(" ");
  const command = `npm run bench:interactions${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.info(`\n${textTable(columns, rows)}\n\n${verdict}`);
  if (flags.out !== "none") {
    const loadEnd = os.loadavg();
    const slackMethod = `The bot (${botLabel}, Slack over HTTP, PostgreSQL ${new URL(BASE_URL).host}) as its own process; the load generator and the fake Slack in the bench process, on the same cores. A program seeded through commands (${MEMBERS} members, half joined through the intake modal, matched), a fresh copy of it per row. Mix, open loop for ${seconds} s per rate: status 30%, journal note 20%, check-in 15%, the Join button 15%, the intake submitted 20%. ack: the signed request's HTTP response time; reply: until the fake Slack received the answer (response_url, views.open, or a message to the member). CPU %: the bot's process(es) over the sending window (100% = one core); CPU ms/command: the bot's CPU time (user + system, /proc) from the first request to the last reply, divided by the requests sent, the figure a busy machine disturbs least (\\* where over 1% of the requests got an error or no reply: those did little or no work, so it undercounts); RSS: peak, summed over replicas.`;
    const commit = (() => {
      try {
        return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
      } catch {
        return "unknown";
      }
    })();
    const md = [
      `## ${startedAt.toISOString().slice(0, 16)}Z, commit ${commit}, ${botLabel}`,
      "",
      `Command: \`${command}\` · Node ${process.version} · CPU: ${cpuName} · load average ${fixed(loadStart[0] ?? 0, 2)} at start, ${fixed(
        loadEnd[0] ?? 0,
        2,
      )} at end (1 min) · ${startedAt.toISOString()}`,
      "",
      ...(onSlack ? [slackMethod, ""] : []),
      ...(onDiscord ? [DISCORD_METHOD, ""] : []),
      markdownTable(columns, rows),
      "",
      `**${verdict}**`,
      "",
      ...(counts.length > 0
        ? [
            "Database round trips per action, from the signed request to the reply (every statement a pg client sent, BEGIN and COMMIT included; bench/interactions-queries.ts):",
            "",
            markdownTable(countColumns, countRows(counts)),
            "",
          ]
        : []),
    ].join("\n");
    // The newest run on top, the earlier ones kept below it.
    const title = "# Interactive load benchmark\n";
    const earlier = existsSync(flags.out) ? readFileSync(flags.out, "utf8").replace(title, "").trimStart() : "";
    writeFileSync(flags.out, `${title}\n${md}\n${earlier ? `\n${earlier}` : ""}`);
    console.info(`written to ${flags.out}`);
  }
}

const abort = async (error: unknown) => {
  for (const c of live) c.kill("SIGKILL");
  for (const name of [...created]) await dropDatabase(name).catch(() => undefined);
  console.error(error);
  process.exit(1);
};
process.on("SIGINT", () => void abort(new Error("interrupted")));
await main().catch(abort);
process.exit(0);
