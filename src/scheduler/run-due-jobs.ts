/**
 * One pass over due jobs: lease a batch, run each in its own transaction
 * (handler changes, outbox rows and "finished" commit together), repeat until
 * nothing is due. A handler that throws is retried later with backoff; its
 * transaction rolled back, so nothing half-done stays. A row no handler can
 * read (unknown kind, invalid payload) throws too: reported and retried, never
 * skipped unseen.
 */
import type { Kysely } from "kysely";
import { runJob } from "../core/jobs/registry";
import type { Clock } from "../core/time/clock";
import { MINUTE_MS } from "../core/time/durations";
import { backoffDelay } from "../delivery/backoff";
import { deferJob, finishJob, isSuperseded, type LeasedJob, leaseDueJobs, lockLeasedJob, retryJob } from "../store/job-queue";
import { repositories } from "../store/kysely-store";
import type { Database } from "../store/schema";

export interface JobRunnerOptions {
  worker: string;
  /** How long a leased job is this worker's before another may take it. */
  leaseMs?: number;
  batch?: number;
  /** Jobs of a batch run side by side, each in its own transaction (the work is mostly database round trips). */
  concurrency?: number;
  random?: () => number;
  onError?: (error: unknown, job: { kind: string; id: number }) => void;
  /** True once the process is shutting down: running jobs finish, no new one starts or is leased. */
  stopping?: () => boolean;
}

export interface JobRunStats {
  done: number;
  skipped: number;
  deferred: number;
  failed: number;
}

export async function runDueJobs(db: Kysely<Database>, clock: Clock, options: JobRunnerOptions): Promise<JobRunStats> {
  const { worker, leaseMs = MINUTE_MS, batch = 50, concurrency = 4, random = Math.random } = options;
  const stats: JobRunStats = { done: 0, skipped: 0, deferred: 0, failed: 0 };
  const stopping = options.stopping ?? (() => false);
  for (;;) {
    if (stopping()) return stats;
    const jobs = await leaseDueJobs(db, clock.now(), worker, leaseMs, batch);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < jobs.length && !stopping(); i = next++) await runOne(jobs[i] as LeasedJob);
    };
    const runOne = async (job: LeasedJob) => {
      const now = clock.now();
      try {
        const result = await db.transaction().execute(async (trx) => {
          if (!(await lockLeasedJob(trx, job.id, worker))) return null;
          if (await isSuperseded(trx, job, now)) {
            await finishJob(trx, job.id, "skipped", "superseded by a later job", now);
            return "skipped" as const;
          }
          const outcome = await runJob(repositories(trx), job.kind, job.payload, now);
          if (outcome.status === "deferred") {
            await deferJob(trx, job.id, outcome.until);
            return "deferred" as const;
          }
          await finishJob(
            trx,
            job.id,
            outcome.status,
            outcome.status === "skipped" ? outcome.outcome : (outcome.outcome ?? null),
            now,
          );
          return outcome.status;
        });
        if (result) stats[result]++;
      } catch (error) {
        stats.failed++;
        options.onError?.(error, { kind: job.kind, id: job.id });
        const name = error instanceof Error ? `${error.name}: ${error.message}` : "error";
        await retryJob(
          db,
          job.id,
          worker,
          new Date(now.getTime() + backoffDelay(job.attempts + 1, undefined, random)),
          name,
        ).catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
    if (jobs.length < batch) return stats;
  }
}
