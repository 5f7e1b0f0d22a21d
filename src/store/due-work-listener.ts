/**
 * LISTENs on the due-work channel (due-work.ts) and calls `onDue` for each
 * notification: a commit in this process or in any other on the same
 * database. PostgreSQL: a dedicated connection outside the pool (a pooled one
 * would be handed back, and a LISTEN belongs to its session), named
 * `sebaya-listener` in pg_stat_activity. When it drops (a restart, a
 * terminated backend) it reconnects with capped exponential backoff and
 * jitter, and then reports both kinds due, since commits in the gap were not
 * heard; meanwhile the tick still delivers. PGlite: the embedded instance's own
 * listen, so the wake is in-process and nothing can drop.
 */
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Db } from "./connect";
import { DUE_WORK_CHANNEL, type DueWork, dueWorkOf } from "./due-work";

export interface ListenerOptions {
  /** Told when the connection is lost (the error's kind only) and how long until the next try. */
  onLost?: (error: unknown, retryInMs: number) => void;
  /** Told each time LISTEN is in place (first time and after each reconnect). */
  onListening?: () => void;
  /** Reconnect delays: `baseMs * 2^(attempt-1)`, capped, with equal jitter. */
  backoff?: { baseMs: number; capMs: number };
  random?: () => number;
}

export interface DueWorkListener {
  /** Resolves once LISTEN is in place for the first time (never rejects: a failing start keeps retrying). */
  readonly ready: Promise<void>;
  /** Whether LISTEN is in place now. */
  readonly listening: boolean;
  stop(): Promise<void>;
}

const DEFAULT_BACKOFF = { baseMs: 250, capMs: 30_000 };

export function listenForDueWork(db: Db, onDue: (work: DueWork) => void, options: ListenerOptions = {}): DueWorkListener {
  return db.kind === "postgres" ? new ServerListener(db.url, onDue, options) : embeddedListener(db.pglite, onDue, options);
}

function embeddedListener(pglite: PGlite, onDue: (work: DueWork) => void, options: ListenerOptions): DueWorkListener {
  let listening = false;
  // PGlite calls back while it is still finishing the COMMIT: wake from a fresh task.
  const unlisten = pglite
    .listen(DUE_WORK_CHANNEL, (payload) => {
      const work = dueWorkOf(payload);
      if (work) setImmediate(() => onDue(work));
    })
    .catch((error: unknown) => {
      // Only a closed instance refuses; the tick still delivers.
      options.onLost?.(error, Number.POSITIVE_INFINITY);
      return null;
    });
  const ready = unlisten.then((stop) => {
    listening = stop !== null;
    if (listening) options.onListening?.();
  });
  return {
    ready,
    get listening() {
      return listening;
    },
    async stop() {
      listening = false;
      // After close the instance refuses queries; there is nothing left to unlisten then.
      await (await unlisten)?.().catch(() => undefined);
    },
  };
}

class ServerListener implements DueWorkListener {
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private client: pg.Client | null = null;
  private connected = false;
  private failures = 0;
  private everListened = false;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly backoff: { baseMs: number; capMs: number };

  constructor(
    private readonly url: string,
    private readonly onDue: (work: DueWork) => void,
    private readonly options: ListenerOptions,
  ) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
    void this.connect();
  }

  get listening(): boolean {
    return this.connected;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retry = null;
    if (this.stopped) return;
    // keepAlive: a connection that dies silently (no RST) is noticed by the OS instead of never.
    const client = new pg.Client({ connectionString: this.url, application_name: "sebaya-listener", keepAlive: true });
    this.client = client;
    client.on("notification", (n) => {
      const work = n.channel === DUE_WORK_CHANNEL ? dueWorkOf(n.payload) : null;
      if (work && this.client === client) this.onDue(work);
    });
    // Always a listener for "error": without one an error would crash the process.
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${DUE_WORK_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.connected = true;
    this.failures = 0;
    this.options.onListening?.();
    if (this.everListened) {
      // Whatever committed while nobody listened was not heard: look once.
      this.onDue("outbox");
      this.onDue("jobs");
    }
    this.everListened = true;
    this.markReady();
  }

  /** The connection failed or ended: drop it and try again later (once per connection). */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.failures++;
    const exp = Math.min(this.backoff.capMs, this.backoff.baseMs * 2 ** (this.failures - 1));
    const delay = Math.round(exp / 2 + (this.options.random ?? Math.random)() * (exp / 2));
    this.options.onLost?.(error, delay);
    this.retry = setTimeout(() => void this.connect(), delay);
    // The listener alone must not keep a process alive that is otherwise done.
    this.retry.unref();
  }
}
