/**
 * One tick: run the jobs that are due, then deliver what they (and the use
 * cases since the last tick) put in the outbox; once an hour, forget handled
 * platform events older than a day, expired form drafts and expired OAuth
 * states. node-cron only calls this; everything durable is in the database,
 * so a tick after downtime simply finds more due rows. Ticks never overlap
 * within a process.
 */
import type { Kysely } from "kysely";
import type { Clock } from "../core/clock";
import { Dispatcher, type DispatcherOptions, type DispatchStats, type Sender } from "../delivery/dispatcher";
import { pruneHandled } from "../store/platform-events";
import type { Database } from "../store/schema";
import { type JobRunnerOptions, type JobRunStats, runDueJobs } from "./run-due-jobs";

export interface TickStats {
  jobs: JobRunStats;
  delivery: DispatchStats;
  /** Handled events, expired form drafts and OAuth states forgotten by this tick (at most once an hour). */
  pruned: number;
}

/** Handled-event keys, form drafts and OAuth states are pruned this often, not on every tick. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export class Ticker {
  readonly dispatcher: Dispatcher;
  private running: Promise<TickStats> | null = null;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Kysely<Database>,
    sender: Sender,
    private readonly clock: Clock,
    private readonly options: {
      worker: string;
      jobs?: Omit<JobRunnerOptions, "worker">;
      delivery?: Omit<DispatcherOptions, "worker">;
    },
  ) {
    this.dispatcher = new Dispatcher(db, sender, clock, { worker: options.worker, ...options.delivery });
  }

  /** Runs one tick; a call while one is running waits for that one instead of starting another. */
  tick(): Promise<TickStats> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<TickStats> {
    const jobs = await runDueJobs(this.db, this.clock, { worker: this.options.worker, ...this.options.jobs });
    const delivery = await this.dispatcher.dispatchPending();
    const now = this.clock.now();
    let pruned = 0;
    if (now.getTime() - this.prunedAt >= PRUNE_EVERY_MS) {
      pruned = await pruneHandled(this.db, now);
      this.prunedAt = now.getTime();
    }
    return { jobs, delivery, pruned };
  }
}
