/**
 * One scheduler + dispatcher replica as its own process, composed from the
 * production pieces (database, Ticker, node-cron) with an HTTP sender to the
 * fake platform. Started by the reliability tests and the delivery benchmark.
 *
 * Env: DATABASE_URL, PLATFORM_URL, WORKER, LEASE_MS (default 60000),
 * BACKOFF_BASE_MS (default 5000), TICK (cron, default every second).
 */
import { openDatabase } from "../../src/app";
import { systemClock } from "../../src/core/clock";
import { RateLimits } from "../../src/delivery/rate-limits";
import { startCron } from "../../src/scheduler/cron";
import { Ticker } from "../../src/scheduler/tick";
import { httpSender } from "./http-sender";

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const worker = env("WORKER");
const leaseMs = Number(env("LEASE_MS", "60000"));
const db = await openDatabase({ kind: "postgres", url: env("DATABASE_URL"), poolSize: 10 });
const ticker = new Ticker(db.kysely, httpSender(env("PLATFORM_URL"), worker), systemClock, {
  worker,
  jobs: { leaseMs, batch: 50 },
  delivery: {
    leaseMs,
    batch: 200,
    concurrency: 16,
    limits: new RateLimits(),
    backoff: { baseMs: Number(env("BACKOFF_BASE_MS", "5000")), capMs: 60_000 },
  },
});
let errors = 0;
const cron = startCron(ticker, env("TICK", "* * * * * *"), () => {
  // The tick failed (e.g. the database went away); the next tick tries again.
  errors++;
});
process.stdout.write(`ready ${worker}\n`);

process.on("SIGTERM", async () => {
  await cron.stop();
  await ticker.tick().catch(() => undefined);
  await db.close();
  process.stdout.write(`stopped ${worker} errors=${errors}\n`);
  process.exit(0);
});
