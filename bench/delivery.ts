/**
 * npm run bench:delivery: jobs claimed and messages dispatched per second by
 * Sebaya's scheduler and dispatcher (1 and 3 replica processes) against the
 * PostgreSQL server and a fake platform with no rate limit, the dispatcher's
 * own overhead per message (in-process, no-op sender vs HTTP sender), and a
 * naive row-at-a-time outbox loop as the baseline, on the same inputs.
 *
 *   npm run bench:delivery                         # 2,500 pairs: 5,000 jobs, 5,000 messages (one per pair conversation)
 *   npm run bench:delivery -- --pairs 500 --replicas 1
 *
 * Flags: --pairs N (default 2500)  --replicas a,b (default 1,3)
 *        --cold-stats (no ANALYZE after the bulk inserts: the planner then
 *        works from the statistics of nearly empty tables)
 *        --out FILE (Markdown copy; default bench/delivery-results.md; "none" to skip)
 *
 * Database: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test. Every scenario gets its own fresh
 * database, cloned from one seeded template (so every contender sees the same
 * rows), dropped at the end.
 */

import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Kysely, type LogEvent, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { openDatabase } from "../src/app";
import { systemClock } from "../src/core/time/clock";
import { Dispatcher } from "../src/delivery/dispatcher";
import { RateLimits } from "../src/delivery/rate-limits";
import type { Sender } from "../src/delivery/sender";
import { runDueJobs } from "../src/scheduler/run-due-jobs";
import type { Db } from "../src/store/connect";
import type { Database } from "../src/store/schema";
import { FakePlatform } from "../tests/reliability/fake-platform";
import { httpSender } from "../tests/reliability/http-sender";
import { seedDueReminders } from "../tests/reliability/seed";
import { TEST_KEYS } from "../tests/support/test-keys";
import { ReplicaProcess } from "./replica-process";
import { type Column, fixed, int, markdownTable, type Row, textTable } from "./table";

// ------------------------------------------------------------------ options

const { values: flags } = parseArgs({
  options: {
    pairs: { type: "string", default: "2500" },
    replicas: { type: "string", default: "1,3" },
    "cold-stats": { type: "boolean", default: false },
    out: { type: "string", default: fileURLToPath(new URL("./delivery-results.md", import.meta.url)) },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (flags.help) {
  console.info("npm run bench:delivery -- [--pairs N] [--replicas 1,3] [--cold-stats] [--out FILE|none]");
  process.exit(0);
}
const pairs = Number(flags.pairs);
if (!Number.isInteger(pairs) || pairs < 1) throw new Error(`--pairs wants a positive integer, got ${flags.pairs}`);
const replicaCounts = flags.replicas.split(",").map((s) => {
  const n = Number(s.trim());
  if (!Number.isInteger(n) || n < 1) throw new Error(`--replicas wants positive integers, got ${flags.replicas}`);
  return n;
});

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TARGET = 2_000;
const POLL_MS = 20;
const PHASE_TIMEOUT_MS = 15 * 60_000;
/** The replica's dispatcher settings (tests/reliability/replica.ts), used in-process too. */
const DISPATCH = { leaseMs: 60_000, batch: 200, concurrency: 16, backoff: { baseMs: 5_000, capMs: 60_000 } };

// ------------------------------------------------------------------ databases

const created = new Set<string>();

async function admin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database, empty or cloned from `template` (which must have no sessions). */
async function createDatabase(template?: string): Promise<string> {
  const name = `sebaya_b_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(`create database ${name}${template ? ` template ${template}` : ""}`);
      break;
    } catch (error) {
      // A session to the template that has just closed can linger for a moment.
      if (!template || attempt >= 20) throw error;
      await sleep(250);
    }
  }
  created.add(name);
  return name;
}

async function dropDatabase(name: string): Promise<void> {
  await admin(`drop database if exists ${name} with (force)`);
  created.delete(name);
}

async function dropAll(): Promise<void> {
  for (const name of [...created]) await dropDatabase(name).catch(() => undefined);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function counts(db: Kysely<Database>): Promise<{ jobs: number; outbox: number; done: number; messages: number }> {
  const { rows } = await sql<{ jobs: number; outbox: number; done: number; messages: number }>`
    select (select count(*)::int from jobs where status = 'pending') as jobs,
           (select count(*)::int from outbox where status = 'pending') as outbox,
           (select count(*)::int from jobs where status = 'done') as done,
           (select count(*)::int from outbox) as messages`.execute(db);
  return rows[0] as { jobs: number; outbox: number; done: number; messages: number };
}

/** Planner statistics after a bulk insert, as autovacuum would have them in a steady state. */
async function analyze(db: Kysely<Database>): Promise<void> {
  if (!flags["cold-stats"]) await sql`analyze`.execute(db);
}

async function pendingCount(db: Kysely<Database>, table: "jobs" | "outbox"): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)::int`.as("n"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Polls until `table` has no pending rows; returns performance.now() when it saw that. */
async function untilDrained(db: Kysely<Database>, table: "jobs" | "outbox"): Promise<number> {
  const deadline = Date.now() + PHASE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await pendingCount(db, table)) === 0) return performance.now();
    await sleep(POLL_MS);
  }
  throw new Error(`timed out waiting for ${table} to drain`);
}

// ------------------------------------------------------------------ machine

interface CpuSnapshot {
  busy: number;
  total: number;
}

function cpuSnapshot(): CpuSnapshot {
  let busy = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

const busyShare = (a: CpuSnapshot, b: CpuSnapshot) => (b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0);
const load1 = () => os.loadavg()[0] ?? 0;

/** CPU ms so far of each server process serving this database (from /proc: null unless the server runs here). */
async function serverCpu(db: Kysely<Database>): Promise<Map<number, number> | null> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const out = new Map<number, number>();
  for (const r of rows) {
    try {
      // Fields after "(comm) ": state is 0, utime 11, stime 12, in clock ticks (100 per second on Linux).
      const fields = readFileSync(`/proc/${r.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      out.set(r.pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      return null;
    }
  }
  return out;
}

/** Server CPU ms between two snapshots (processes that started in between count from zero). */
function serverCpuDelta(a: Map<number, number> | null, b: Map<number, number> | null): number | null {
  if (!a || !b) return null;
  let ms = 0;
  for (const [pid, t] of b) ms += t - (a.get(pid) ?? 0);
  return ms;
}

const serverNote = (ms: number | null, count: number, per: string) =>
  ms === null
    ? "PostgreSQL CPU n/a (server not on this machine)"
    : `PostgreSQL CPU ${fixed((1000 * ms) / Math.max(1, count), 0)} µs per ${per}`;

// ------------------------------------------------------------------ replicas

const live = new Set<ReplicaProcess>();

interface PhaseResult {
  ms: number;
  perReplica: Array<{ worker: string; jobs: number; sent: number; cpuMs: number; errors: number }>;
  busy: number;
  loadBefore: number;
  /** PostgreSQL server CPU ms during the phase, if measurable. */
  serverMs: number | null;
  /** This process's CPU ms during the phase (the FakePlatform and the polling). */
  ownMs: number;
}

/** R replicas in one role: all started and "ready", then "go" to each at once, until `table` drains. */
async function replicaPhase(
  db: Kysely<Database>,
  env: Record<string, string>,
  role: "jobs" | "delivery",
  r: number,
  lastArrival?: () => number | null,
): Promise<PhaseResult> {
  const replicas = Array.from({ length: r }, (_, i) =>
    ReplicaProcess.start(`${role[0]}${i + 1}`, { TICK: "* * * * * *", ...env, ROLE: role }),
  );
  for (const x of replicas) live.add(x);
  await Promise.all(replicas.map((x) => x.line("ready", 180_000)));
  const loadBefore = load1();
  const server0 = await serverCpu(db);
  const cpu0 = cpuSnapshot();
  const own0 = process.cpuUsage();
  const wall0 = Date.now();
  const t0 = performance.now();
  for (const x of replicas) x.go();
  const t1 = await untilDrained(db, role === "jobs" ? "jobs" : "outbox");
  const own = process.cpuUsage(own0);
  const busy = busyShare(cpu0, cpuSnapshot());
  const serverMs = serverCpuDelta(server0, await serverCpu(db));
  // Messages: the platform's own clock on the last arrival (no polling lag).
  const last = lastArrival?.() ?? null;
  const ms = last !== null ? Math.max(1, last - wall0) : t1 - t0;
  const stopped = (await Promise.all(replicas.map((x) => x.stop("errors", "jobs", "sent", "cpu_ms")))).map(
    ({ cpu_ms, ...rest }) => ({ ...rest, cpuMs: cpu_ms }),
  );
  for (const x of replicas) live.delete(x);
  return {
    ms,
    busy,
    loadBefore,
    serverMs,
    ownMs: (own.user + own.system) / 1000,
    perReplica: stopped.map((s, i) => ({ worker: (replicas[i] as ReplicaProcess).worker, ...s })),
  };
}

// ------------------------------------------------------------------ results

interface Arrival {
  key: string;
  conversation: string;
}

interface Result {
  contender: string;
  replicas: string;
  jobsPerSecond: number | null;
  messages: number;
  messagesPerSecond: number;
  usPerMessage: number | null;
  duplicates: number;
  missing: number;
  outOfOrder: number;
  load: number;
  notes: string[];
}

/** Duplicates, keys never delivered, and conversations whose arrival order differs from outbox id order. */
async function check(
  db: Kysely<Database>,
  arrivals: readonly Arrival[],
): Promise<{ duplicates: number; missing: number; outOfOrder: number }> {
  const rows = await db.selectFrom("outbox").select(["idempotency_key", "conversation"]).orderBy("id").execute();
  const seen = new Set<string>();
  let duplicates = 0;
  const arrived = new Map<string, string[]>();
  for (const a of arrivals) {
    if (seen.has(a.key)) duplicates++;
    seen.add(a.key);
    const list = arrived.get(a.conversation) ?? [];
    if (!list.includes(a.key)) list.push(a.key);
    arrived.set(a.conversation, list);
  }
  const expected = new Map<string, string[]>();
  for (const r of rows) expected.set(r.conversation, [...(expected.get(r.conversation) ?? []), r.idempotency_key]);
  let outOfOrder = 0;
  for (const [conversation, keys] of expected) {
    const got = arrived.get(conversation) ?? [];
    if (got.length === keys.length && got.some((k, i) => k !== keys[i])) outOfOrder++;
  }
  const missing = rows.filter((r) => !seen.has(r.idempotency_key)).length;
  return { duplicates, missing, outOfOrder };
}

/** A sender that answers at once (no HTTP): what is left is the dispatcher and the database. */
function noopSender(arrivals: Arrival[]): Sender {
  return {
    async send(out) {
      arrivals.push({ key: out.key, conversation: out.conversation });
      return { platformMessageId: `m${arrivals.length}` };
    },
  };
}

async function withPlatform<T>(f: (platform: FakePlatform) => Promise<T>): Promise<T> {
  const platform = new FakePlatform();
  await platform.start();
  try {
    return await f(platform);
  } finally {
    await platform.stop();
  }
}

async function withDatabase<T>(template: string, poolSize: number, f: (db: Db, url: string) => Promise<T>): Promise<T> {
  const name = await createDatabase(template);
  const url = urlOf(name);
  const db = await openDatabase({ kind: "postgres", url, poolSize }, TEST_KEYS);
  try {
    return await f(db, url);
  } finally {
    await db.close();
    await dropDatabase(name);
  }
}

const perReplicaNote = (p: PhaseResult, what: "jobs" | "sent", count: number) =>
  `${p.perReplica.map((x) => `${x.worker} ${int(x[what])}`).join(", ")}; replica CPU ${fixed(
    (1000 * p.perReplica.reduce((s, x) => s + x.cpuMs, 0)) / Math.max(1, count),
    0,
  )} µs per ${what === "jobs" ? "job" : "message"}; ${serverNote(p.serverMs, count, what === "jobs" ? "job" : "message")}; benchmark process${
    what === "sent" ? " (FakePlatform)" : ""
  } ${fixed((1000 * p.ownMs) / Math.max(1, count), 0)} µs; machine ${fixed(100 * p.busy, 0)}% busy; errors ${p.perReplica.reduce(
    (s, x) => s + x.errors,
    0,
  )}`;

// ------------------------------------------------------------------ scenarios

/** Sebaya: R replica processes run the jobs (ROLE=jobs), then R others deliver what they produced (ROLE=delivery). */
async function sebayaReplicas(seeded: string, r: number, jobs: number): Promise<Result> {
  return withPlatform((platform) =>
    withDatabase(seeded, 3, async (db, url) => {
      const env = { DATABASE_URL: url, PLATFORM_URL: platform.url };
      const loadAtStart = load1();
      const jobsPhase = await replicaPhase(db.kysely, env, "jobs", r);
      const after = await counts(db.kysely);
      await analyze(db.kysely);
      const lastArrival = () => platform.received.at(-1)?.at ?? null;
      const delivery = await replicaPhase(db.kysely, env, "delivery", r, lastArrival);
      const checked = await check(db.kysely, platform.received);
      return {
        contender: "Sebaya: replica processes (Ticker pieces, HTTP sender)",
        replicas: String(r),
        jobsPerSecond: (1000 * jobs) / jobsPhase.ms,
        messages: after.messages,
        messagesPerSecond: (1000 * after.messages) / delivery.ms,
        usPerMessage: null,
        ...checked,
        load: loadAtStart,
        notes: [
          `jobs: ${int(jobs)} in ${fixed(jobsPhase.ms / 1000, 2)} s (${int(after.done)} done, ${int(after.jobs)} left); ${perReplicaNote(jobsPhase, "jobs", jobs)}`,
          `messages: ${int(after.messages)} in ${fixed(delivery.ms / 1000, 2)} s, ${int(platform.received.length)} requests; ${perReplicaNote(delivery, "sent", after.messages)}`,
        ],
      };
    }),
  );
}

/** Per statement kind: how many, and their summed duration (Kysely's log). */
type Profile = Map<string, { n: number; ms: number }>;

function statementKind(text: string): string {
  const s = text.replace(/\s+/g, " ").replaceAll('"', "").trim().toLowerCase();
  if (s.startsWith("select") && s.includes("from outbox as o")) return "lease: select heads for update skip locked";
  if (s.startsWith("update outbox set lease_until")) return "lease: update lease_until";
  if (s.startsWith("select") && /from (members|pairing_members|programs)\b/.test(s)) return "lease: target lookup (one per row)";
  if (s.startsWith("update outbox") && s.includes("status = 'sent'") && s.includes("unnest"))
    return "mark sent (several rows a statement)";
  if (s.startsWith("update outbox set status")) return "mark sent (one row a statement)";
  if (s.startsWith("update outbox")) return "update outbox (other)";
  if (s.startsWith("begin") || s.startsWith("commit") || s.startsWith("rollback")) return "begin/commit";
  return s.slice(0, 60);
}

/**
 * Sebaya's Dispatcher in this process on a fresh copy of the outbox: `count`
 * dispatchers side by side, each with its own pool of 10 (as a replica has);
 * `profile` (one dispatcher) logs every statement's duration.
 */
async function sebayaInProcess(outbox: string, http: boolean, count: number, profile?: Profile): Promise<Result> {
  return withPlatform((platform) =>
    withDatabase(outbox, 2, async (db, url) => {
      const arrivals: Arrival[] = http ? platform.received : [];
      const log = (event: LogEvent) => {
        const kind = statementKind(event.query.sql);
        const p = profile?.get(kind) ?? { n: 0, ms: 0 };
        p.n++;
        p.ms += event.queryDurationMillis;
        profile?.set(kind, p);
      };
      const pools = Array.from(
        { length: count },
        () =>
          new Kysely<Database>({
            dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) }),
            ...(profile ? { log } : {}),
          }),
      );
      const dispatchers = pools.map((kysely, i) => {
        const worker = `bench${i + 1}`;
        const sender = http ? httpSender(platform.url, worker) : noopSender(arrivals);
        return new Dispatcher(kysely, sender, systemClock, { worker, limits: new RateLimits(), ...DISPATCH });
      });
      const messages = await pendingCount(db.kysely, "outbox");
      const loadAtStart = load1();
      const server0 = await serverCpu(db.kysely);
      const cpu0 = cpuSnapshot();
      const own0 = process.cpuUsage();
      const t0 = performance.now();
      // Each dispatches until the outbox is drained; one that finds only rows held by others retries shortly.
      const perDispatcher = await Promise.all(
        dispatchers.map(async (d) => {
          let sent = 0;
          while ((await pendingCount(db.kysely, "outbox")) > 0) {
            const s = await d.dispatchPending();
            sent += s.sent;
            if (s.sent === 0) await sleep(POLL_MS);
          }
          return sent;
        }),
      );
      const ms = performance.now() - t0;
      const own = process.cpuUsage(own0);
      const busy = busyShare(cpu0, cpuSnapshot());
      const serverMs = serverCpuDelta(server0, await serverCpu(db.kysely));
      for (const k of pools) await k.destroy();
      const sent = perDispatcher.reduce((a, b) => a + b, 0);
      const checked = await check(db.kysely, arrivals);
      return {
        contender: http
          ? "Sebaya: Dispatcher(s) in-process, HTTP sender to FakePlatform"
          : "Sebaya: Dispatcher in-process, no-op sender (dispatcher + database only)",
        replicas: String(count),
        jobsPerSecond: null,
        messages,
        messagesPerSecond: (1000 * sent) / ms,
        usPerMessage: count === 1 ? (1000 * ms) / Math.max(1, sent) : null,
        ...checked,
        load: loadAtStart,
        notes: [
          `${int(sent)} sent in ${fixed(ms / 1000, 2)} s${count > 1 ? ` (per dispatcher ${perDispatcher.map(int).join(", ")})` : ""}; this process's CPU ${fixed(
            (own.user + own.system) / Math.max(1, sent),
            0,
          )} µs per message${http ? " (FakePlatform included)" : ""}; ${serverNote(serverMs, sent, "message")}; machine ${fixed(
            100 * busy,
            0,
          )}% busy${profile ? "; Kysely query log on (profiled run)" : ""}`,
        ],
      };
    }),
  );
}

/** Reference, neither contender: the test harness alone (httpSender to FakePlatform, 16 in flight, no database). */
async function harnessOnly(messages: number): Promise<Result> {
  return withPlatform(async (platform) => {
    const sender = httpSender(platform.url, "harness");
    const loadAtStart = load1();
    const cpu0 = cpuSnapshot();
    const own0 = process.cpuUsage();
    const t0 = performance.now();
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < messages; i = next++) {
        const out = { key: `harness-${i}`, conversation: `c${i >> 1}` };
        // Only key and conversation are read by httpSender.
        await sender.send(out as Parameters<Sender["send"]>[0]);
      }
    };
    await Promise.all(Array.from({ length: DISPATCH.concurrency }, lane));
    const ms = performance.now() - t0;
    const own = process.cpuUsage(own0);
    const busy = busyShare(cpu0, cpuSnapshot());
    const keys = new Set(platform.received.map((r) => r.key));
    return {
      contender: "Reference: httpSender → FakePlatform only, no database (16 in flight)",
      replicas: "–",
      jobsPerSecond: null,
      messages,
      messagesPerSecond: (1000 * platform.received.length) / ms,
      usPerMessage: (1000 * ms) / Math.max(1, messages),
      duplicates: platform.received.length - keys.size,
      missing: messages - keys.size,
      outOfOrder: 0,
      load: loadAtStart,
      notes: [
        `${int(messages)} requests in ${fixed(ms / 1000, 2)} s; this process's CPU (client and server) ${fixed(
          (own.user + own.system) / Math.max(1, messages),
          0,
        )} µs per message; machine ${fixed(100 * busy, 0)}% busy: the ceiling the HTTP harness itself puts on every HTTP row`,
      ],
    };
  });
}

// ------------------------------------------------------------------ baseline

/**
 * BASELINE, not Sebaya: the naive outbox loop many implementations use (and
 * Sebaya used before): one row at a time, in one transaction, select the
 * oldest pending row FOR UPDATE SKIP LOCKED, send it, mark it sent, commit.
 * No conversation order, no leases, no rate limits; raw pg, no Kysely.
 */
async function naiveLoop(
  client: pg.PoolClient,
  send: (key: string, conversation: string) => Promise<string | null>,
): Promise<number> {
  let sent = 0;
  for (;;) {
    await client.query("begin");
    const { rows } = await client.query<{ id: number; idempotency_key: string; conversation: string }>(
      `select id, idempotency_key, conversation from outbox
        where status = 'pending' and available_at <= now()
        order by available_at, id limit 1
        for update skip locked`,
    );
    const row = rows[0];
    if (!row) {
      await client.query("commit");
      return sent;
    }
    try {
      const platformMessageId = await send(row.idempotency_key, row.conversation);
      await client.query(
        `update outbox set status = 'sent', sent_at = now(), platform_message_id = $2, attempts = attempts + 1
          where id = $1`,
        [row.id, platformMessageId],
      );
      await client.query("commit");
      sent++;
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
  }
}

async function baseline(outbox: string, loops: number, http: boolean): Promise<Result> {
  return withPlatform((platform) =>
    withDatabase(outbox, 2, async (db, url) => {
      const arrivals: Arrival[] = http ? platform.received : [];
      const send = async (key: string, conversation: string): Promise<string | null> => {
        if (!http) {
          arrivals.push({ key, conversation });
          return `m${arrivals.length}`;
        }
        const response = await fetch(`${platform.url}/send`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ key, conversation, worker: "naive" }),
        });
        if (!response.ok) throw new Error(`platform answered ${response.status}`);
        return ((await response.json()) as { id: string }).id;
      };
      const pool = new pg.Pool({ connectionString: url, max: loops });
      const clients = await Promise.all(Array.from({ length: loops }, () => pool.connect()));
      const messages = await pendingCount(db.kysely, "outbox");
      const loadAtStart = load1();
      const server0 = await serverCpu(db.kysely);
      const cpu0 = cpuSnapshot();
      const own0 = process.cpuUsage();
      const t0 = performance.now();
      const perLoop = await Promise.all(clients.map((c) => naiveLoop(c, send)));
      const ms = performance.now() - t0;
      const own = process.cpuUsage(own0);
      const busy = busyShare(cpu0, cpuSnapshot());
      const serverMs = serverCpuDelta(server0, await serverCpu(db.kysely));
      for (const c of clients) c.release();
      await pool.end();
      const sent = perLoop.reduce((s, n) => s + n, 0);
      const checked = await check(db.kysely, arrivals);
      return {
        contender: http
          ? "Baseline: naive row-at-a-time loop, HTTP to FakePlatform"
          : "Baseline: naive row-at-a-time loop, no-op sender",
        replicas: String(loops),
        jobsPerSecond: null,
        messages,
        messagesPerSecond: (1000 * sent) / ms,
        usPerMessage: loops === 1 ? (1000 * ms) / Math.max(1, sent) : null,
        ...checked,
        load: loadAtStart,
        notes: [
          `${int(sent)} sent in ${fixed(ms / 1000, 2)} s (per loop ${perLoop.map(int).join(", ")}); this process's CPU ${fixed(
            (own.user + own.system) / Math.max(1, sent),
            0,
          )} µs per message${http ? " (FakePlatform included)" : ""}; ${serverNote(serverMs, sent, "message")}; machine ${fixed(
            100 * busy,
            0,
          )}% busy`,
        ],
      };
    }),
  );
}

// ------------------------------------------------------------------ main

/** The verdict's second half: Sebaya without the HTTP harness, and the harness alone. */
function ownShare(results: readonly Result[]): string {
  const own = results.find((r) => r.contender.includes("no-op sender") && r.contender.startsWith("Sebaya"));
  const harness = results.find((r) => r.contender.startsWith("Reference"));
  if (!own) return "";
  return ` Dispatcher alone (in-process, no-op sender): ${int(own.messagesPerSecond)}/s, ${own.messagesPerSecond >= TARGET ? "above" : "below"} the target${
    harness ? `; the HTTP harness alone: ${int(harness.messagesPerSecond)}/s` : ""
  }.`;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadStart = os.loadavg();
  const cpus = os.cpus();
  const cpuName = `${(cpus[0]?.model ?? "unknown").trim()} (${cpus.length} cores)`;
  console.info(
    `delivery benchmark: ${int(pairs)} pairs, replicas ${replicaCounts.join(",")}; database ${new URL(BASE_URL).host}`,
  );

  // Template 1: seeded, jobs due. Template 2: its clone with the jobs run in-process, so 2 * pairs messages pending (one per job, in the pair conversation).
  const seeded = await createDatabase();
  let jobs = 0;
  let messages = 0;
  {
    const db = await openDatabase({ kind: "postgres", url: urlOf(seeded), poolSize: 2 }, TEST_KEYS);
    const t0 = performance.now();
    const seededRows = await seedDueReminders(db.kysely, pairs);
    jobs = seededRows.jobs;
    messages = seededRows.messages;
    await analyze(db.kysely);
    console.info(`seeded ${int(jobs)} due jobs in ${fixed((performance.now() - t0) / 1000, 1)} s`);
    await db.close();
  }
  const outbox = await createDatabase(seeded);
  let setupNote = "";
  const jobProfile: Profile = new Map();
  {
    const db = await openDatabase({ kind: "postgres", url: urlOf(outbox), poolSize: 2 }, TEST_KEYS);
    // Kysely's log on this run only: what one job costs in statements.
    const logged = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: urlOf(outbox), max: 10 }) }),
      log: (event) => {
        const kind = event.query.sql.replace(/\s+/g, " ").replaceAll('"', "").trim().slice(0, 70);
        const p = jobProfile.get(kind) ?? { n: 0, ms: 0 };
        p.n++;
        p.ms += event.queryDurationMillis;
        jobProfile.set(kind, p);
      },
    });
    const t0 = performance.now();
    const stats = await runDueJobs(logged, systemClock, { worker: "setup", batch: 50 });
    const ms = performance.now() - t0;
    await logged.destroy();
    const c = await counts(db.kysely);
    if (c.jobs !== 0 || c.outbox !== messages) throw new Error(`setup: ${c.jobs} jobs left, ${c.outbox} messages pending`);
    await analyze(db.kysely);
    const statements = [...jobProfile.values()].reduce((a, p) => a + p.n, 0);
    setupNote = `Outbox for the in-process and baseline rows: runDueJobs in this process (batch 50, concurrency 4, Kysely log on) did ${int(
      stats.done,
    )} jobs in ${fixed(ms / 1000, 2)} s (${int((1000 * jobs) / ms)} jobs/s), ${int(c.outbox)} messages pending; ${fixed(
      statements / Math.max(1, jobs),
      1,
    )} statements per job, the most frequent: ${[...jobProfile.entries()]
      .sort((a, b) => b[1].n - a[1].n)
      .slice(0, 6)
      .map(([kind, p]) => `\`${kind}…\` ×${int(p.n)} (${fixed((1000 * p.ms) / Math.max(1, p.n), 0)} µs each)`)
      .join(", ")}.`;
    console.info(setupNote);
    await db.close();
  }

  const results: Result[] = [];
  const run = async (label: string, f: () => Promise<Result>) => {
    console.info(`running: ${label} (load ${fixed(load1(), 2)})`);
    const r = await f();
    results.push(r);
    console.info(
      `  ${r.jobsPerSecond !== null ? `${int(r.jobsPerSecond)} jobs/s, ` : ""}${int(r.messagesPerSecond)} messages/s${
        r.usPerMessage !== null ? `, ${fixed(r.usPerMessage, 0)} µs/message` : ""
      }, ${r.duplicates} duplicates, ${r.missing} missing`,
    );
  };

  for (const r of replicaCounts) await run(`Sebaya, ${r} replica(s)`, () => sebayaReplicas(seeded, r, jobs));
  await run("Sebaya Dispatcher in-process, no-op sender", () => sebayaInProcess(outbox, false, 1));
  for (const r of replicaCounts)
    await run(`Sebaya, ${r} Dispatcher(s) in-process, HTTP sender`, () => sebayaInProcess(outbox, true, r));
  await run("baseline, 1 loop, no-op sender", () => baseline(outbox, 1, false));
  for (const r of replicaCounts) await run(`baseline, ${r} loop(s), HTTP`, () => baseline(outbox, r, true));
  await run("reference: HTTP harness only", () => harnessOnly(messages));
  const profile: Profile = new Map();
  console.info("profiling: Sebaya Dispatcher in-process, no-op sender, with Kysely's query log");
  const profiled = await sebayaInProcess(outbox, false, 1, profile);
  await dropAll();

  const loadEnd = os.loadavg();
  const columns: Column[] = [
    { header: "contender", align: "left" },
    { header: "replicas", align: "right" },
    { header: "jobs/s", align: "right" },
    { header: "messages/s", align: "right" },
    { header: "µs/message (dispatcher only)", align: "right" },
    { header: "duplicates", align: "right" },
    { header: "missing", align: "right" },
    { header: "conv. out of order", align: "right" },
    { header: "load 1m", align: "right" },
  ];
  const rows: Row[] = results.map((r) => [
    r.contender,
    r.replicas,
    r.jobsPerSecond === null ? "–" : int(r.jobsPerSecond),
    int(r.messagesPerSecond),
    r.usPerMessage === null ? "–" : fixed(r.usPerMessage, 0),
    int(r.duplicates),
    int(r.missing),
    int(r.outOfOrder),
    fixed(r.load, 2),
  ]);

  const sebaya = results.filter((r) => r.contender.startsWith("Sebaya: replica"));
  const verdict = `Target ${int(TARGET)} messages/s: ${sebaya
    .map(
      (r) =>
        `${r.replicas} replica${r.replicas === "1" ? "" : "s"} ${int(r.messagesPerSecond)}/s ${r.messagesPerSecond >= TARGET ? "met" : "NOT met"}`,
    )
    .join("; ")} (replica processes, HTTP to FakePlatform on the same machine).${ownShare(results)}`;

  const profileLines = [...profile.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
      ([kind, p]) =>
        `  - ${kind}: ${int(p.n)} statements, ${int(p.ms)} ms summed, ${fixed((1000 * p.ms) / Math.max(1, p.n), 0)} µs each`,
    );
  const notes = [
    ...results.map((r) => `- ${r.contender}, ${r.replicas}: ${r.notes.join(" · ")}`),
    `- ${setupNote}`,
    `- Profiled run (Dispatcher in-process, no-op sender, Kysely log on): ${profiled.notes.join(" · ")}; ${int(profiled.messagesPerSecond)} messages/s; ${fixed(
      [...profile.values()].reduce((a, p) => a + p.n, 0) / Math.max(1, profiled.messages),
      2,
    )} statements per message. Statement time, summed (statements of different lanes overlap; the lease's run one after another):`,
    ...profileLines,
  ];

  const command = `npm run bench:delivery${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.info(`\n${textTable(columns, rows)}\n\n${verdict}\n`);
  console.info(notes.join("\n"));

  if (flags.out !== "none") {
    const md = [
      "# Delivery benchmark",
      "",
      `Command: \`${command}\` · Node ${process.version} · CPU: ${cpuName} · load average ${fixed(loadStart[0] ?? 0, 2)} at start, ${fixed(
        loadEnd[0] ?? 0,
        2,
      )} at end (1 min; 5 min ${fixed(loadStart[1] ?? 0, 2)} → ${fixed(loadEnd[1] ?? 0, 2)}) · ${startedAt.toISOString()} · ${int(pairs)} pairs: ${int(
        jobs,
      )} jobs, ${int(messages)} messages`,
      "",
      `PostgreSQL server ${new URL(BASE_URL).host}, a fresh database per scenario (cloned from one seeded template). FakePlatform (tests/reliability/fake-platform.ts) runs in the benchmark process, no rate limit.  `,
      'Sebaya rows: replica processes (tests/reliability/replica.ts, ROLE=jobs then ROLE=delivery, TICK every second, started and "ready" before a common "go"); jobs/s until no job is pending, messages/s until the last message reached the platform.  ',
      "In-process rows: Dispatcher(s) in the benchmark process (batch 200, concurrency 16, a pool of 10 each, as in the replicas), no cron: each calls dispatchPending until the outbox is drained. µs/message (dispatcher only): wall time ÷ messages with one dispatcher; the no-op sender row is Sebaya's own share (dispatcher + database), the HTTP row adds a local HTTP round trip (client and FakePlatform on the same CPUs).  ",
      "CPU per message in the notes: the Node process(es) from process.cpuUsage(), PostgreSQL from /proc of the database's server processes (includes the benchmark's polling).  ",
      "Baseline: a naive outbox loop written in bench/delivery.ts (one row per transaction: select oldest FOR UPDATE SKIP LOCKED, send, mark sent, commit), N concurrent loops in one process, each with its own connection.  ",
      flags["cold-stats"]
        ? "Statistics: cold (--cold-stats): no ANALYZE after the bulk inserts.  "
        : "Statistics: ANALYZE after seeding, after the setup's job run and before each Sebaya delivery phase (as autovacuum would in a steady state; --cold-stats skips it).  ",
      "conv. out of order: pair conversations whose messages arrived in another order than the outbox's. load 1m: the 1-minute load average when the scenario started.",
      "",
      markdownTable(columns, rows),
      "",
      `**${verdict}**`,
      "",
      ...notes,
      "",
    ].join("\n");
    writeFileSync(flags.out, md);
    console.info(`\nwritten to ${flags.out}`);
  }
}

const abort = async (error: unknown) => {
  for (const r of live) r.kill();
  await dropAll();
  console.error(error);
  process.exit(1);
};
process.on("SIGINT", () => void abort(new Error("interrupted")));
await main().catch(abort);
