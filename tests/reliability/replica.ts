/**
 * One scheduler + dispatcher replica as its own process, composed from the
 * production pieces (database, Ticker, node-cron) with an HTTP sender to the
 * fake platform. Started by the reliability tests and the delivery benchmark.
 *
 * Env: DATABASE_URL, PLATFORM_URL, WORKER, LEASE_MS (default 60000),
 * BACKOFF_BASE_MS (default 5000), TICK (cron, default every second),
 * ROLE ("both", default: Ticker; "jobs": only runDueJobs; "delivery": only the
 * dispatcher), WAIT_FOR_GO=1 (after "ready", start ticking on a "go" line on stdin),
 * WAKE=1 (as main does: the due-work listener wakes the Ticker on every commit
 * of this role's kind, and rows put back for a moment get a timed wake; prints
 * "listening" once LISTEN is in place), GRACEFUL=1 (on SIGTERM, shut down as
 * main does: Ticker.drain within SHUTDOWN_TIMEOUT_MS, default 10000, leases
 * handed back; otherwise a last tick delivers what is due, for the benchmarks).
 */

import { createInterface } from "node:readline";
import cron from "node-cron";
import { openDatabase } from "../../src/app";
import { systemClock } from "../../src/core/time/clock";
import { RateLimits } from "../../src/delivery/rate-limits";
import type { Sender } from "../../src/delivery/sender";
import { type CronHandle, startCron } from "../../src/scheduler/cron";
import { Ticker } from "../../src/scheduler/tick";
import { type DueWorkListener, listenForDueWork } from "../../src/store/due-work-listener";
import { TEST_KEYS } from "../support/test-keys";
import { httpSender } from "./http-sender";

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const worker = env("WORKER");
const leaseMs = Number(env("LEASE_MS", "60000"));
const tickExpression = env("TICK", "* * * * * *");
const role = env("ROLE", "both");
if (role !== "both" && role !== "jobs" && role !== "delivery")
  throw new Error(`ROLE must be both, jobs or delivery, got ${role}`);
const wakeOnCommit = env("WAKE", "0") === "1";
const db = await openDatabase({ kind: "postgres", url: env("DATABASE_URL"), poolSize: 10 }, TEST_KEYS);
const jobOptions = { leaseMs, batch: 50 };
const deliveryOptions = {
  leaseMs,
  batch: 200,
  concurrency: 16,
  limits: new RateLimits(),
  backoff: { baseMs: Number(env("BACKOFF_BASE_MS", "5000")), capMs: 60_000 },
};
const totals = { jobs: 0, sent: 0 };
const http = httpSender(env("PLATFORM_URL"), worker);
// Counted here: a send may come from a tick, a wake or a timed wake.
const sender: Sender = {
  async send(out) {
    const result = await http.send(out);
    totals.sent++;
    return result;
  },
};

let errors = 0;
let lost = 0;
const onError = () => {
  // The tick failed (e.g. the database went away); the next tick tries again.
  errors++;
};
const ticker = new Ticker(db.kysely, sender, systemClock, {
  worker,
  jobs: jobOptions,
  delivery: deliveryOptions,
  timedWakes: wakeOnCommit && role !== "jobs",
  onError,
});

/** Job passes already counted: callers that share a queued pass must count it once. */
const counted = new WeakSet<Promise<unknown>>();

/** One role's tick, through the Ticker's coalesced passes (so wakes and ticks never overlap). */
const roleTick = async (): Promise<void> => {
  if (role !== "jobs") {
    await ticker.deliver();
    return;
  }
  const pass = ticker.jobPasses.run();
  const first = !counted.has(pass);
  counted.add(pass);
  const s = await pass;
  if (first) totals.jobs += s.done + s.skipped;
};

/** Same shape as startCron (immediate tick, then on the cron), for the single roles. */
function startRole(): CronHandle {
  const task = cron.schedule(tickExpression, () => roleTick().catch(onError), { name: `sebaya-${role}` });
  void roleTick().catch(onError);
  return {
    async stop() {
      await task.stop();
    },
  };
}

let handle: CronHandle | null = null;
let listener: DueWorkListener | null = null;
let cpuAtStart = process.cpuUsage();
const start = () => {
  cpuAtStart = process.cpuUsage();
  handle ??= role === "both" ? startCron(ticker, tickExpression, onError) : startRole();
};

if (wakeOnCommit) {
  listener = listenForDueWork(
    db,
    (work) => {
      // Before "go" nothing runs; a single role only wakes for its own queue.
      if (!handle) return;
      if (role === "both") ticker.wake(work);
      else if ((role === "jobs" && work === "jobs") || (role === "delivery" && work === "outbox")) void roleTick().catch(onError);
    },
    { onLost: () => lost++ },
  );
  await listener.ready;
  process.stdout.write(`listening ${worker}\n`);
}
process.stdout.write(`ready ${worker}\n`);
if (process.env.WAIT_FOR_GO === "1") {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    if (line.trim() === "go") {
      lines.close();
      start();
    }
  });
} else {
  start();
}

const graceful = env("GRACEFUL", "0") === "1";

process.on("SIGTERM", async () => {
  if (graceful) {
    // As platforms.ts: no new tick, then the Ticker's drain (in flight finishes, leases go back).
    await handle?.stop();
    const result = await ticker.drain(Number(env("SHUTDOWN_TIMEOUT_MS", "10000")));
    const released = result.drained
      ? ` released_jobs=${result.released.jobs} released_outbox=${result.released.outbox}`
      : " released_jobs=none released_outbox=none";
    await listener?.stop();
    await db.close();
    process.stdout.write(`stopped ${worker} errors=${errors} sent=${totals.sent}${released}\n`);
    process.exit(0);
  }
  await listener?.stop();
  ticker.stop();
  if (handle) {
    await handle.stop();
    if (role === "both") await ticker.tick().catch(() => undefined);
    else await roleTick().catch(() => undefined);
  }
  await ticker.idle();
  await db.close();
  // CPU since the start of ticking (not start-up), for the benchmark's per-message figures.
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  process.stdout.write(
    `stopped ${worker} errors=${errors} role=${role} jobs=${totals.jobs} sent=${totals.sent} cpu_ms=${cpuMs} passes=${ticker.deliveryPasses.started} lost=${lost}\n`,
  );
  process.exit(0);
});
