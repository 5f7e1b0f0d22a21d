/**
 * Wakes at moments a delivery pass named: rows it put back for a short while
 * (a conversation's rate limit, a Retry-After, a retry's backoff) are sent
 * when they are due, not at the next tick. One timer, for the earliest moment;
 * the others wait in a set (rounded to GRAIN_MS, so a burst of waits shares
 * one wake) and are armed in turn. Beyond MAX_PENDING moments the rest is left
 * to the tick, which finds every due row anyway.
 */
import type { Clock } from "../core/time/clock";

const GRAIN_MS = 100;
const MAX_PENDING = 1_000;
/** setTimeout's limit; anything later is the tick's to find. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export class WakeTimer {
  private readonly moments = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private armedAt = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly onWake: () => void,
  ) {}

  /** Wake at `at` (or a little after: rounded up to the grain). */
  at(at: Date): void {
    if (this.stopped) return;
    const moment = Math.ceil(at.getTime() / GRAIN_MS) * GRAIN_MS;
    if (moment - this.clock.now().getTime() > MAX_DELAY_MS) return;
    if (this.moments.size >= MAX_PENDING && !this.moments.has(moment)) return;
    this.moments.add(moment);
    if (moment < this.armedAt) this.arm(moment);
  }

  /** Moments still waiting (tests). */
  get pending(): number {
    return this.moments.size;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.moments.clear();
  }

  private arm(moment: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedAt = moment;
    this.timer = setTimeout(() => this.fire(), Math.max(0, moment - this.clock.now().getTime()));
    // A pending wake must not keep a stopping process alive: the rows stay due in the database.
    this.timer.unref();
  }

  private fire(): void {
    this.timer = null;
    this.armedAt = Number.POSITIVE_INFINITY;
    const now = this.clock.now().getTime();
    let next = Number.POSITIVE_INFINITY;
    for (const m of this.moments) {
      if (m <= now) this.moments.delete(m);
      else if (m < next) next = m;
    }
    if (next !== Number.POSITIVE_INFINITY) this.arm(next);
    this.onWake();
  }
}
