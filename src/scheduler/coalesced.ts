/**
 * A pass that many callers may ask for at once: at most one runs, plus at
 * most one queued behind it. A call while one runs gets the queued pass
 * (shared by every such call), so a burst of a thousand wakes costs two passes,
 * and each caller still gets a pass that started after its call: whatever it
 * committed before asking is seen.
 */
export class Coalesced<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;
  /** Passes started so far (tests and the benchmark count them). */
  started = 0;

  constructor(private readonly pass: () => Promise<T>) {}

  run(): Promise<T> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const queued = this.running.then(ignore, ignore).then(() => this.start());
    this.queued = queued;
    return queued;
  }

  /** Resolves when nothing runs and nothing is queued (whatever the passes' outcomes). */
  async idle(): Promise<void> {
    for (let p = this.queued ?? this.running; p; p = this.queued ?? this.running) await p.then(ignore, ignore);
  }

  private start(): Promise<T> {
    // The queued pass (if this is it) is now the running one; the next caller queues a new one.
    this.queued = null;
    this.started++;
    const running = (async () => this.pass())().finally(() => {
      if (this.running === running) this.running = null;
    });
    this.running = running;
    return running;
  }
}

const ignore = () => undefined;
