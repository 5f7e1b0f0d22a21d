/**
 * Delivers committed outbox rows through a platform Sender.
 *
 * - Leases the head row of each conversation (see outbox-queue.ts), so order
 *   holds within a conversation and replicas never send the same row. A row
 *   written held for later is passed over until due; one put back is not.
 * - Sends rows of different conversations concurrently; records each outcome
 *   at once (sent with the platform's message id, retry later, or failed).
 * - Rate limits per tenant and conversation; a 429's Retry-After pauses that
 *   conversation (or the whole tenant) without holding up other tenants.
 * - Transient failures retry with exponential backoff and jitter; after
 *   `maxAttempts` they count as permanent.
 * - A permanent failure gets a fallback in the same transaction that marks it
 *   failed (delivery-fallback.ts): never silence.
 */
import type { Kysely } from "kysely";
import type { Platform } from "../core/domain";
import { onDmClosed, onGroupFailed, onUnreachable } from "../core/messages/delivery-fallback";
import type { Clock } from "../core/time/clock";
import { MINUTE_MS } from "../core/time/durations";
import { repositories } from "../store/kysely-store";
import { leasePending, markFailed, markRetry, markSentMany, markWaitingMany } from "../store/outbox-queue";
import type { Database } from "../store/schema";
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from "./backoff";
import { classify, DeliveryFailure } from "./delivery-failure";
import type { Outgoing } from "./outgoing";
import { RateLimits } from "./rate-limits";
import type { Sender } from "./sender";

export type { Sender } from "./sender";

export interface DispatcherOptions {
  worker: string;
  leaseMs?: number;
  batch?: number;
  concurrency?: number;
  /**
   * Sent rows are marked in groups of this many (one statement each): the database round trip per
   * message is what bounds throughput. A crash can repeat at most the group being marked, the next
   * one filling up, and the sends in flight: 2 * markEvery + concurrency.
   */
  markEvery?: number;
  maxAttempts?: number;
  limits?: RateLimits;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Told about failures: the row's id and key and the failure's kind, never the message. */
  onFailure?: (row: { id: number; key: string }, failure: DeliveryFailure) => void;
  /**
   * Told each send's result (for metrics and the row's log line): sent, retried (transient),
   * rate-limited (a 429), fallback (failed, a fallback written) or failed (no fallback applies).
   * `requestId`: the platform event whose command wrote the row, if one did.
   */
  onOutcome?: (row: { id: number; key: string; requestId: string | null }, result: DeliveryResult) => void;
  /**
   * Only rows of these platforms are leased: the ones this process has a sender for. Without it a
   * Discord-only replica would lease a Slack row, find no sender and put it back for a minute, so
   * replicas running different platforms on one database would delay each other's messages.
   */
  platforms?: readonly Platform[];
}

export type DeliveryResult = "sent" | "retried" | "rate-limited" | "fallback" | "failed";

export interface DispatchStats {
  sent: number;
  retried: number;
  waited: number;
  failed: number;
  /** The earliest moment a row this pass put back becomes due again (a rate-limit wait, a retry), if any. */
  nextAt: Date | null;
}

export class Dispatcher {
  readonly limits: RateLimits;
  /** Delivered rows waiting to be marked sent together (see markEvery). */
  private sent: Array<{ id: number; platformMessageId: string | null }> = [];
  /** Rows without a rate-limit token, put back together at the end of the batch. */
  private waiting: Array<{ id: number; at: Date }> = [];
  private readonly options: Required<Omit<DispatcherOptions, "onFailure" | "onOutcome" | "limits" | "platforms">> &
    Pick<DispatcherOptions, "onFailure" | "onOutcome" | "platforms">;
  /** Shutting down: sends in flight finish and are recorded, no new one starts (see stop). */
  private stopping = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sender: Sender,
    private readonly clock: Clock,
    options: DispatcherOptions,
  ) {
    this.limits = options.limits ?? new RateLimits();
    this.options = {
      leaseMs: MINUTE_MS,
      batch: 100,
      concurrency: 8,
      markEvery: 16,
      maxAttempts: 10,
      backoff: DEFAULT_BACKOFF,
      random: Math.random,
      ...options,
    };
  }

  /**
   * No new send starts and no new batch is leased; a pass running now returns once its sends in
   * flight are recorded. Rows it leased but did not send stay leased to this worker until the
   * caller hands them back (releaseOutboxLeases).
   */
  stop(): void {
    this.stopping = true;
  }

  /** Delivers everything that is due now; returns what happened. */
  async dispatchPending(): Promise<DispatchStats> {
    const stats: DispatchStats = { sent: 0, retried: 0, waited: 0, failed: 0, nextAt: null };
    for (;;) {
      if (this.stopping) return stats;
      const rows = await leasePending(
        this.db,
        this.clock.now(),
        this.options.worker,
        this.options.leaseMs,
        this.options.batch,
        this.options.platforms,
      );
      if (rows.length === 0) return stats;
      const before = stats.sent + stats.failed;
      let next = 0;
      const lane = async () => {
        for (let i = next++; i < rows.length && !this.stopping; i = next++) await this.deliver(rows[i] as Outgoing, stats);
      };
      try {
        await Promise.all(Array.from({ length: Math.min(this.options.concurrency, rows.length) }, lane));
      } finally {
        try {
          await this.markSent();
        } finally {
          await this.markWaiting();
        }
      }
      // Everything left is waiting for a later moment.
      if (stats.sent + stats.failed === before) return stats;
    }
  }

  private async deliver(row: Outgoing, stats: DispatchStats): Promise<void> {
    const now = this.clock.now();
    // A send late in the lease could race another dispatcher that takes the row when it expires:
    // hand it back instead (a slow process must not cause a duplicate).
    if (now.getTime() > row.leaseUntil.getTime() - this.options.leaseMs / 2) {
      await this.putBack(stats, row.id, now, null, false);
      stats.waited++;
      return;
    }
    if (row.target.kind === "dm" && row.dmBlocked) {
      // Known closed: no request at all (repeated 403s count against the bot on Discord).
      this.told(row, await this.giveUp(row, new DeliveryFailure("dm-closed", "closed earlier"), now));
      stats.failed++;
      return;
    }
    const wait = this.limits.take(row.platform, row.tenantId, row.conversation, now.getTime());
    if (wait > 0) {
      this.wait(stats, row.id, new Date(now.getTime() + wait));
      return;
    }
    let platformMessageId: string | null;
    try {
      ({ platformMessageId } = await this.sender.send(row));
    } catch (error) {
      const failure = classify(error);
      this.options.onFailure?.({ id: row.id, key: row.key }, failure);
      const at = this.clock.now();
      if (failure.kind === "rate-limited") {
        const after = failure.retryAfterMs ?? backoffDelay(row.attempts + 1, this.options.backoff, this.options.random);
        if (failure.scope === "tenant") this.limits.pauseTenant(row.platform, row.tenantId, at.getTime() + after);
        // A 429 is the platform pacing us, not a failure of this message: it does not use up attempts.
        await this.putBack(stats, row.id, new Date(at.getTime() + after), "rate-limited", false);
        this.told(row, "rate-limited");
        stats.waited++;
      } else if (failure.kind === "transient" && row.attempts + 1 < this.options.maxAttempts) {
        const delay = backoffDelay(row.attempts + 1, this.options.backoff, this.options.random);
        await this.putBack(stats, row.id, new Date(at.getTime() + delay), `transient: ${failure.message}`, true);
        this.told(row, "retried");
        stats.retried++;
      } else {
        this.told(row, await this.giveUp(row, failure, at));
        stats.failed++;
      }
      return;
    }
    stats.sent++;
    this.told(row, "sent");
    this.sent.push({ id: row.id, platformMessageId });
    if (this.sent.length >= this.options.markEvery) await this.markSent();
  }

  /** The row waits until `at` without an attempt; put back with the rest of the batch's (markWaiting). */
  private wait(stats: DispatchStats, id: number, at: Date): void {
    this.waiting.push({ id, at });
    stats.waited++;
    if (!stats.nextAt || at < stats.nextAt) stats.nextAt = at;
  }

  private async markWaiting(): Promise<void> {
    const batch = this.waiting;
    if (batch.length === 0) return;
    this.waiting = [];
    await markWaitingMany(this.db, batch, this.options.worker);
  }

  /** The row is due again at `at` (see markRetry); remembered in `stats.nextAt`. */
  private async putBack(stats: DispatchStats, id: number, at: Date, error: string | null, attempted: boolean): Promise<void> {
    await markRetry(this.db, id, at, error, attempted, this.options.worker);
    if (!stats.nextAt || at < stats.nextAt) stats.nextAt = at;
  }

  private async markSent(): Promise<void> {
    const batch = this.sent;
    if (batch.length === 0) return;
    this.sent = [];
    await markSentMany(this.db, batch, this.clock.now(), this.options.worker);
  }

  private told(row: Outgoing, result: DeliveryResult | null): void {
    if (result) this.options.onOutcome?.({ id: row.id, key: row.key, requestId: row.requestId ?? null }, result);
  }

  /**
   * Marks the row failed and starts its fallback, in one transaction: "fallback" when one applied,
   * "failed" when none did, null when the row was no longer ours to settle.
   */
  private async giveUp(row: Outgoing, failure: DeliveryFailure, now: Date): Promise<"fallback" | "failed" | null> {
    return this.db.transaction().execute(async (trx) => {
      // Not ours any more (the lease ran out): whoever holds the row now settles it, fallback included.
      if (!(await markFailed(trx, row.id, now, `${failure.kind}: ${failure.message}`, this.options.worker))) return null;
      // The message could not be put into the platform's form: the member was reachable, so no fallback.
      if (failure.kind === "unsendable") return "failed";
      const tx = repositories(trx);
      const program = row.programId ? await tx.programs.find(row.programId) : null;
      const audience = row.audience;
      if (audience.kind === "member") {
        const member = await tx.members.get(audience.memberId);
        if (failure.kind === "dm-closed") await onDmClosed(tx, member, program, now);
        else if (program) await onUnreachable(tx, member, program, now);
        else return "failed";
      } else if (audience.kind === "pairing") {
        if (!program) return "failed";
        await onGroupFailed(tx, row, program, now);
      } else if (row.reachMemberId && program) {
        await onUnreachable(tx, await tx.members.get(row.reachMemberId), program, now);
      } else return "failed";
      return "fallback";
    });
  }
}
