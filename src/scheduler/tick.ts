/**
 * One tick: run the jobs that are due, then deliver what they (and the use
 * cases since the last tick) put in the outbox. node-cron only calls this;
 * everything durable is in the database, so a tick after downtime simply
 * finds more due rows. Ticks never overlap within a process.
 */
import type { Kysely } from "kysely";
import type { Clock } from "../core/clock";
import { Dispatcher, type DispatcherOptions, type DispatchStats, type Sender } from "../delivery/dispatcher";
import type { Database } from "../store/schema";
import { type JobRunnerOptions, type JobRunStats, runDueJobs } from "./run-due-jobs";

export interface TickStats {
  jobs: JobRunStats;
  delivery: DispatchStats;
}

export class Ticker {
  readonly dispatcher: Dispatcher;
  private running: Promise<TickStats> | null = null;

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
    return { jobs, delivery };
  }
}
