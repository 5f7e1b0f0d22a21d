/**
 * One tick: run the jobs that are due, then deliver what they (and the use
 * cases since the last tick) put in the outbox; once an hour, forget handled
 * platform events older than a day, expired form drafts and expired OAuth
 * states. node-cron only calls this; everything durable is in the database,
 * so a tick after downtime simply finds more due rows. Ticks never overlap
 * within a process.
 *
 * Between ticks, `wake` runs a pass at once: the due-work listener calls it
 * when a commit (here or in another replica) wrote an outbox row or a job due
 * now. Job passes and delivery passes are each coalesced (one running, one
 * queued), and a tick's steps go through the same two, so a wake never runs a
 * second dispatcher pass beside the tick's in this process; across processes
 * the outbox leases keep every row to one sender. The tick stays the safety
 * net for anything a wake missed.
 *
 * On shutdown, `drain` stops taking work, lets the jobs and sends in flight
 * finish, and hands this worker's remaining leases back, so another replica
 * goes on with them at once rather than when the leases run out.
 */
import type { Kysely } from "kysely";
import type { Clock } from "../core/time/clock";
import { HOUR_MS } from "../core/time/durations";
import { Dispatcher, type DispatcherOptions, type DispatchStats } from "../delivery/dispatcher";
import type { Sender } from "../delivery/sender";
import type { DueWork } from "../store/due-work";
import { releaseJobLeases } from "../store/job-queue";
import { releaseOutboxLeases } from "../store/outbox-queue";
import { pruneHandled } from "../store/platform/platform-events";
import type { Database } from "../store/schema";
import { Coalesced } from "./coalesced";
import { type JobRunnerOptions, type JobRunStats, runDueJobs } from "./run-due-jobs";
import { WakeTimer } from "./wake-timer";

export interface TickStats {
  jobs: JobRunStats;
  delivery: DispatchStats;
  /** Handled events, expired form drafts and OAuth states forgotten by this tick (at most once an hour). */
  pruned: number;
}

/** What a drain did: the leases it handed back, or that the deadline passed first. */
export type DrainResult = { drained: true; released: { jobs: number; outbox: number } } | { drained: false };

export interface TickerOptions {
  worker: string;
  jobs?: Omit<JobRunnerOptions, "worker">;
  delivery?: Omit<DispatcherOptions, "worker">;
  /**
   * Rows a delivery pass put back for a moment (a conversation's rate limit, a Retry-After, a
   * retry's backoff) get a timed wake at that moment instead of waiting for the next tick. Off by
   * default: only a process that runs wakes wants passes it did not ask for (not the playground).
   */
  timedWakes?: boolean;
  /** Errors of passes nobody awaits (wakes, timed wakes); a tick's errors go to its caller. */
  onError?: (error: unknown) => void;
}

/** Handled-event keys, form drafts and OAuth states are pruned this often, not on every tick. */
const PRUNE_EVERY_MS = HOUR_MS;

export class Ticker {
  readonly dispatcher: Dispatcher;
  readonly jobPasses: Coalesced<JobRunStats>;
  readonly deliveryPasses: Coalesced<DispatchStats>;
  private running: Promise<TickStats> | null = null;
  private prunedAt = Number.NEGATIVE_INFINITY;
  private readonly timer: WakeTimer;
  private stopped = false;
  private draining = false;

  constructor(
    private readonly db: Kysely<Database>,
    sender: Sender,
    private readonly clock: Clock,
    private readonly options: TickerOptions,
  ) {
    this.dispatcher = new Dispatcher(db, sender, clock, { worker: options.worker, ...options.delivery });
    this.timer = new WakeTimer(clock, () => this.wake("outbox"));
    this.jobPasses = new Coalesced(() =>
      runDueJobs(this.db, this.clock, { worker: this.options.worker, ...this.options.jobs, stopping: () => this.draining }),
    );
    this.deliveryPasses = new Coalesced(async () => {
      const stats = await this.dispatcher.dispatchPending();
      if (this.options.timedWakes && stats.nextAt) this.timer.at(stats.nextAt);
      return stats;
    });
  }

  /** Runs one tick; a call while one is running waits for that one instead of starting another. */
  tick(): Promise<TickStats> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** One delivery pass that starts after this call (shared with any pass already queued). */
  deliver(): Promise<DispatchStats> {
    return this.deliveryPasses.run();
  }

  /**
   * Something became due now: an outbox row (a delivery pass) or a job (a job pass, then a delivery
   * pass). Returns at once; any number of calls during a pass add at most one more.
   */
  wake(work: DueWork): void {
    if (this.stopped) return;
    const pass = work === "jobs" ? this.jobPasses.run().then(() => this.deliver()) : this.deliver();
    pass.catch((error: unknown) => this.options.onError?.(error));
  }

  /** No more wakes or timed wakes (passes already started or queued still run; see idle). */
  stop(): void {
    this.stopped = true;
    this.timer.stop();
  }

  /**
   * Shutting down: no more wakes, no new job or send starts, no new lease is taken; once what is in
   * flight has finished (within `deadlineMs`), this worker's remaining leases are handed back. Past
   * the deadline nothing is handed back: a send may still be in flight, and releasing its row could
   * send it twice; those leases run out as after a crash.
   */
  async drain(deadlineMs: number): Promise<DrainResult> {
    this.stop();
    this.draining = true;
    this.dispatcher.stop();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), deadlineMs);
    });
    const idle = await Promise.race([this.idle().then(() => true as const), late]);
    clearTimeout(timer);
    if (!idle) return { drained: false };
    const [jobs, outbox] = await Promise.all([
      releaseJobLeases(this.db, this.options.worker),
      releaseOutboxLeases(this.db, this.options.worker),
    ]);
    return { drained: true, released: { jobs, outbox } };
  }

  /** Resolves when no tick or pass runs or is queued. */
  async idle(): Promise<void> {
    await Promise.all([this.running?.catch(() => undefined), this.jobPasses.idle(), this.deliveryPasses.idle()]);
  }

  private async run(): Promise<TickStats> {
    const jobs = await this.jobPasses.run();
    const delivery = await this.deliver();
    const now = this.clock.now();
    let pruned = 0;
    if (now.getTime() - this.prunedAt >= PRUNE_EVERY_MS) {
      pruned = await pruneHandled(this.db, now);
      this.prunedAt = now.getTime();
    }
    return { jobs, delivery, pruned };
  }
}
