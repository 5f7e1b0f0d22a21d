/**
 * Counts the calls still running through a function, so a shutdown can wait
 * for the commands already taken (their writes and outbox rows committed)
 * before it closes the database under them.
 */
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  /** `fn` wrapped: each call counts while it runs, whatever its outcome. */
  track<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      this.count++;
      try {
        return await fn(...args);
      } finally {
        this.count--;
        if (this.count === 0) for (const resolve of this.waiters.splice(0)) resolve();
      }
    };
  }

  get size(): number {
    return this.count;
  }

  /** True once no call runs; false if `deadlineMs` passed first. */
  async settled(deadlineMs: number): Promise<boolean> {
    if (this.count === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      new Promise<true>((resolve) => this.waiters.push(() => resolve(true))),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), deadlineMs);
      }),
    ]);
    clearTimeout(timer);
    return done;
  }
}
