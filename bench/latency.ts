/**
 * npm run bench:latency: how long a member waits for a message, measured from
 * the commit of the transaction that wrote it (as the writer sees COMMIT
 * return) to the platform receiving the call, p50/p90/p99/max, with 1 and 3
 * replica processes against the PostgreSQL server:
 *
 * - Sebaya, woken on commit: replicas as main.ts runs them (Ticker, node-cron
 *   every minute, the due-work listener waking the Ticker, timed wakes), steady
 *   commits (Poisson arrivals), then a burst of commits all at once;
 * - Baseline, tick only: the same replicas without the listener (what a member
 *   waited before: up to the tick interval, every minute by default).
 *
 * Commits come from this process (one writer; 8 for the burst), through the
 * real store (`kyselyStore(...).transaction(tx => tx.outbox.enqueue(...))`),
 * one DM per transaction to one of 200 members, so every wake crosses
 * processes through NOTIFY. FakePlatform (tests/reliability/fake-platform.ts)
 * runs in this process too: commit and arrival are read on one clock.
 *
 *   npm run bench:latency
 *   npm run bench:latency -- --replicas 1 --seconds 10 --baseline-seconds 60
 *
 * Flags: --replicas a,b (default 1,3)  --rate N commits/s (default 20)
 *        --seconds N of steady commits when woken (default 30)
 *        --burst N commits at once (default 1000; 0 skips)
 *        --baseline-seconds N (default 120: two whole ticks; 0 skips the baseline)
 *        --tick CRON (default "* * * * *", as TICK_SCHEDULE)
 *        --out FILE (Markdown copy; default bench/latency-results.md; "none" to skip)
 *
 * Database: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test; a fresh database per scenario, dropped at the end.
 */

import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase } from "../src/app";
import type { Member, Tenant } from "../src/core/domain";
import { seededRandom } from "../src/core/matching/random";
import type { Db } from "../src/store/connect";
import { kyselyStore, repositories } from "../src/store/kysely-store";
import { FakePlatform } from "../tests/reliability/fake-platform";
import { TEST_KEYS } from "../tests/support/test-keys";
import { ReplicaProcess } from "./replica-process";
import { type Column, fixed, int, markdownTable, type Row, textTable } from "./table";

// ------------------------------------------------------------------ options

const { values: flags } = parseArgs({
  options: {
    replicas: { type: "string", default: "1,3" },
    rate: { type: "string", default: "20" },
    seconds: { type: "string", default: "30" },
    burst: { type: "string", default: "1000" },
    "baseline-seconds": { type: "string", default: "120" },
    tick: { type: "string", default: "* * * * *" },
    out: { type: "string", default: fileURLToPath(new URL("./latency-results.md", import.meta.url)) },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (flags.help) {
  console.info(
    "npm run bench:latency -- [--replicas 1,3] [--rate N] [--seconds N] [--burst N] [--baseline-seconds N] [--tick CRON] [--out FILE|none]",
  );
  process.exit(0);
}
const nonNegative = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} wants a non-negative number, got ${value}`);
  return n;
};
const replicaCounts = flags.replicas.split(",").map((s) => {
  const n = Number(s.trim());
  if (!Number.isInteger(n) || n < 1) throw new Error(`--replicas wants positive integers, got ${flags.replicas}`);
  return n;
});
const rate = nonNegative("rate", flags.rate);
const seconds = nonNegative("seconds", flags.seconds);
const burst = Math.round(nonNegative("burst", flags.burst));
const baselineSeconds = nonNegative("baseline-seconds", flags["baseline-seconds"]);
if (rate <= 0) throw new Error("--rate must be above 0");

const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TARGET_P99_MS = 1_000;
const MEMBERS = 200;
const BURST_WRITERS = 8;

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

async function createDatabase(): Promise<string> {
  const name = `sebaya_l_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await admin(`create database ${name}`);
  created.add(name);
  return name;
}

async function dropDatabase(name: string): Promise<void> {
  await admin(`drop database if exists ${name} with (force)`);
  created.delete(name);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load1 = () => os.loadavg()[0] ?? 0;

// ------------------------------------------------------------------ replicas

const live = new Set<ReplicaProcess>();

// ------------------------------------------------------------------ scenarios

interface Result {
  contender: string;
  replicas: number;
  load: string;
  commits: number;
  latencies: number[];
  duplicates: number;
  missing: number;
  passes: number;
  errors: number;
  drainMs: number;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);

interface World {
  db: Db;
  tenant: Tenant;
  members: Member[];
}

async function world(url: string): Promise<World> {
  const db = await openDatabase({ kind: "postgres", url, poolSize: BURST_WRITERS + 2 }, TEST_KEYS);
  const r = repositories(db.kysely);
  const tenant = await r.tenants.ensure("console", "T-latency");
  const members: Member[] = [];
  for (let i = 0; i < MEMBERS; i++) members.push(await r.members.ensure(tenant.id, `U${i}`, `Member ${i}`));
  return { db, tenant, members };
}

/** One transaction writing one DM, as a use case would; resolves with performance.now() after COMMIT returned. */
async function commitOne(w: World, key: string, member: Member): Promise<number> {
  await kyselyStore(w.db.kysely).transaction((tx) =>
    tx.outbox.enqueue({
      tenantId: w.tenant.id,
      key,
      audience: { kind: "member", memberId: member.id },
      message: { blocks: [{ type: "text", text: key, style: "plain" }] },
      at: new Date(),
    }),
  );
  return performance.now();
}

/**
 * R replica processes ready and started, then commits: `steadySeconds` of Poisson arrivals at
 * `rate`, or `burstCount` commits at once from several writers; waits until every message arrived.
 */
async function scenario(opts: {
  contender: string;
  replicas: number;
  wake: boolean;
  steadySeconds?: number;
  burstCount?: number;
}): Promise<Result> {
  const name = await createDatabase();
  const url = urlOf(name);
  const platform = new FakePlatform();
  await platform.start();
  const w = await world(url);
  const replicas: ReplicaProcess[] = [];
  try {
    for (let i = 0; i < opts.replicas; i++) {
      const r = ReplicaProcess.start(`r${i + 1}`, {
        ROLE: "both",
        DATABASE_URL: url,
        PLATFORM_URL: platform.url,
        TICK: flags.tick,
        WAKE: opts.wake ? "1" : "0",
      });
      replicas.push(r);
      live.add(r);
    }
    await Promise.all(replicas.map((r) => r.line("ready", 180_000)));
    for (const r of replicas) r.go();
    // The start-up tick (startCron ticks at once) is over before the first commit.
    await sleep(1_000);
    const load = load1();
    const committed = new Map<string, number>();
    const random = seededRandom(opts.replicas * 1000 + (opts.burstCount ?? 0) + (opts.wake ? 1 : 0));
    const pick = () => w.members[Math.floor(random() * w.members.length)] as Member;
    const t0 = performance.now();
    if (opts.burstCount) {
      let next = 0;
      const count = opts.burstCount;
      const writer = async () => {
        for (let i = next++; i < count; i = next++) {
          const key = `burst:${i}`;
          committed.set(key, await commitOne(w, key, pick()));
        }
      };
      await Promise.all(Array.from({ length: BURST_WRITERS }, writer));
    } else {
      const until = t0 + (opts.steadySeconds ?? 0) * 1000;
      let at = t0;
      for (let i = 0; ; i++) {
        at += (-Math.log(1 - random()) / rate) * 1000;
        if (at >= until) break;
        const wait = at - performance.now();
        if (wait > 0) await sleep(wait);
        const key = `steady:${i}`;
        committed.set(key, await commitOne(w, key, pick()));
      }
    }
    // Until every message arrived: a tick-only replica may take up to the tick interval (and the baseline's a minute).
    const deadline = performance.now() + 150_000;
    while (new Set(platform.received.map((r) => r.key)).size < committed.size) {
      if (performance.now() > deadline) break;
      await sleep(20);
    }
    const drainMs = performance.now() - t0;
    const stopped = await Promise.all(replicas.map((r) => r.stop("passes", "errors", "lost", "sent")));
    for (const r of replicas) live.delete(r);

    const first = new Map<string, number>();
    let duplicates = 0;
    for (const r of platform.received) {
      if (first.has(r.key)) duplicates++;
      else first.set(r.key, r.hrAt);
    }
    const latencies: number[] = [];
    let missing = 0;
    for (const [key, at] of committed) {
      const arrived = first.get(key);
      if (arrived === undefined) missing++;
      else latencies.push(arrived - at);
    }
    latencies.sort((a, b) => a - b);
    return {
      contender: opts.contender,
      replicas: opts.replicas,
      load: fixed(load, 2),
      commits: committed.size,
      latencies,
      duplicates,
      missing,
      passes: stopped.reduce((s, x) => s + x.passes, 0),
      errors: stopped.reduce((s, x) => s + x.errors, 0),
      drainMs,
    };
  } finally {
    for (const r of replicas) r.kill();
    await w.db.close();
    await platform.stop();
    await dropDatabase(name);
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
    `latency benchmark: replicas ${replicaCounts.join(",")}; ${rate} commits/s for ${seconds} s, a burst of ${burst}; baseline ${baselineSeconds} s; tick "${flags.tick}"; database ${new URL(BASE_URL).host}`,
  );
  const results: Result[] = [];
  const run = async (label: string, f: () => Promise<Result>) => {
    console.info(`running: ${label} (load ${fixed(load1(), 2)})`);
    const r = await f();
    results.push(r);
    console.info(
      `  ${int(r.commits)} commits: p50 ${ms(quantile(r.latencies, 0.5))} ms, p99 ${ms(quantile(r.latencies, 0.99))} ms, max ${ms(
        r.latencies.at(-1) ?? Number.NaN,
      )} ms; ${r.duplicates} duplicates, ${r.missing} missing, ${r.passes} delivery passes`,
    );
  };

  for (const r of replicaCounts) {
    if (seconds > 0)
      await run(`woken on commit, ${r} replica(s), steady`, () =>
        scenario({
          contender: "Sebaya: woken on commit (LISTEN/NOTIFY), steady",
          replicas: r,
          wake: true,
          steadySeconds: seconds,
        }),
      );
    if (burst > 0)
      await run(`woken on commit, ${r} replica(s), burst of ${burst}`, () =>
        scenario({
          contender: `Sebaya: woken on commit, a burst of ${int(burst)} commits from ${BURST_WRITERS} writers`,
          replicas: r,
          wake: true,
          burstCount: burst,
        }),
      );
  }
  if (baselineSeconds > 0)
    for (const r of replicaCounts)
      await run(`baseline, tick only, ${r} replica(s)`, () =>
        scenario({
          contender: `Baseline: tick only ("${flags.tick}"), steady`,
          replicas: r,
          wake: false,
          steadySeconds: baselineSeconds,
        }),
      );

  const loadEnd = os.loadavg();
  const columns: Column[] = [
    { header: "contender", align: "left" },
    { header: "replicas", align: "right" },
    { header: "commits", align: "right" },
    { header: "p50 ms", align: "right" },
    { header: "p90 ms", align: "right" },
    { header: "p99 ms", align: "right" },
    { header: "max ms", align: "right" },
    { header: "delivery passes", align: "right" },
    { header: "duplicates", align: "right" },
    { header: "missing", align: "right" },
    { header: "load 1m", align: "right" },
  ];
  const rows: Row[] = results.map((r) => [
    r.contender,
    String(r.replicas),
    int(r.commits),
    ms(quantile(r.latencies, 0.5)),
    ms(quantile(r.latencies, 0.9)),
    ms(quantile(r.latencies, 0.99)),
    ms(r.latencies.at(-1) ?? Number.NaN),
    int(r.passes),
    int(r.duplicates),
    int(r.missing),
    r.load,
  ]);
  const woken = results.filter((r) => r.contender.startsWith("Sebaya"));
  const verdict = `Target p99 under ${int(TARGET_P99_MS)} ms: ${woken
    .map((r) => {
      const p99 = quantile(r.latencies, 0.99);
      return `${r.contender.includes("burst") ? "burst" : "steady"}, ${r.replicas} replica${r.replicas === 1 ? "" : "s"} ${ms(p99)} ms ${p99 < TARGET_P99_MS && r.missing === 0 ? "met" : "NOT met"}`;
    })
    .join("; ")}.`;
  const notes = results.map(
    (r) =>
      `- ${r.contender}, ${r.replicas} replica${r.replicas === 1 ? "" : "s"}: ${int(r.commits)} commits, all delivered ${fixed(
        r.drainMs / 1000,
        1,
      )} s after the first commit; ${int(r.passes)} delivery passes (all replicas; each replica's tick and every coalesced wake count), errors ${r.errors}; mean ${ms(
        r.latencies.reduce((s, x) => s + x, 0) / Math.max(1, r.latencies.length),
      )} ms`,
  );
  const command = `npm run bench:latency${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.info(`\n${textTable(columns, rows)}\n\n${verdict}\n`);
  console.info(notes.join("\n"));

  if (flags.out !== "none") {
    const md = [
      "# Delivery latency benchmark",
      "",
      `Command: \`${command}\` · Node ${process.version} · CPU: ${cpuName} · load average ${fixed(loadStart[0] ?? 0, 2)} at start, ${fixed(
        loadEnd[0] ?? 0,
        2,
      )} at end (1 min) · ${startedAt.toISOString()}`,
      "",
      `Latency: from the writer seeing COMMIT return to FakePlatform receiving the call (both in the benchmark process, one clock). PostgreSQL server ${new URL(BASE_URL).host}, a fresh database per scenario; 200 members, one DM per transaction through the real store, so each commit notifies.  `,
      `Replicas: separate processes (tests/reliability/replica.ts, ROLE=both: the Ticker with node-cron "${flags.tick}", as TICK_SCHEDULE), started and ready before the first commit. Sebaya rows: WAKE=1, the due-work listener wakes the Ticker as main.ts does (and rows put back get a timed wake). Baseline rows: WAKE=0, delivery only on the tick, as before.  `,
      `Steady: Poisson arrivals, ${rate} commits/s from one writer (${seconds} s woken; ${baselineSeconds} s for the baseline, whole tick intervals so every phase of the minute is sampled). Burst: ${int(burst)} commits at once from ${BURST_WRITERS} writers. load 1m: the 1-minute load average when the scenario's commits started.`,
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
  for (const name of [...created]) await dropDatabase(name).catch(() => undefined);
  console.error(error);
  process.exit(1);
};
process.on("SIGINT", () => void abort(new Error("interrupted")));
await main().catch(abort);
