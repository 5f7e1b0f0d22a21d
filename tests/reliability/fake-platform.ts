/**
 * A chat platform on 127.0.0.1 for the reliability tests and the delivery
 * benchmark: it records every message it is sent (in arrival order) and can
 * be scripted to answer 429 with Retry-After, 5xx, or 403 for a while.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  key: string;
  conversation: string;
  worker: string;
  at: number;
  /** performance.now() at arrival: sub-millisecond, for latencies measured in this process. */
  hrAt: number;
}

export type Answer = { status: 200 } | { status: 429; retryAfterSeconds: number } | { status: 500 | 502 | 503 | 403 };

export class FakePlatform {
  readonly received: Received[] = [];
  /** Answers for the next requests, in order; then 200. */
  readonly script: Answer[] = [];
  requests = 0;
  /** Each answer waits this long (a platform under load): sends stay in flight for a while. */
  delayMs = 0;
  private server: Server | null = null;
  url = "";

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", async () => {
        if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        this.requests++;
        const answer = this.script.shift() ?? { status: 200 };
        if (answer.status !== 200) {
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (answer.status === 429) headers["retry-after"] = String(answer.retryAfterSeconds);
          res.writeHead(answer.status, headers).end(JSON.stringify({ ok: false }));
          return;
        }
        const message = JSON.parse(body) as Omit<Received, "at" | "hrAt">;
        this.received.push({ ...message, at: Date.now(), hrAt: performance.now() });
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ ok: true, id: `m${this.received.length}` }));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** How often each key arrived. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.received) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
    return counts;
  }
}
