/**
 * A fake Slack Web API on 127.0.0.1: the real @slack/web-api client talks to
 * it through slackApiUrl. It records every call (method and arguments, as the
 * client sent them) and every response_url post, and can be told to answer a
 * method with a Slack error or a 429 with Retry-After.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
}

type Scripted = { error: string } | { status: 429; retryAfter: number };

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** Per method, answers for the next calls (then ok). */
  readonly script = new Map<string, Scripted[]>();
  private server: Server | null = null;
  private ts = 0;
  url = "";

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        const method =
          (req.url ?? "")
            .replace(/^\/api\//, "")
            .replace(/^\//, "")
            .split("?")[0] ?? "";
        const type = req.headers["content-type"] ?? "";
        const args: Record<string, unknown> = type.includes("application/json")
          ? (JSON.parse(body || "{}") as Record<string, unknown>)
          : Object.fromEntries(
              [...new URLSearchParams(body)].map(([k, v]) => {
                // The client sends arrays and objects JSON-encoded inside the form.
                try {
                  return [k, /^[[{]/.test(v) ? JSON.parse(v) : v];
                } catch {
                  return [k, v];
                }
              }),
            );
        this.calls.push({ method, args });
        const next = this.script.get(method)?.shift();
        if (next && "status" in next) {
          res.writeHead(429, { "retry-after": String(next.retryAfter), "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        if (next) {
          res.end(JSON.stringify({ ok: false, error: next.error }));
          return;
        }
        res.end(JSON.stringify(this.answer(method, args)));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "conversations.open": {
        const users = String(args.users ?? "").split(",");
        // A DM is D..., a group DM G...: stable per set of people.
        return { ok: true, channel: { id: `${users.length > 1 ? "G" : "D"}-${[...users].sort().join("-")}` } };
      }
      case "chat.postMessage":
        return { ok: true, channel: args.channel, ts: `1700000000.${String(++this.ts).padStart(6, "0")}` };
      case "views.open":
        return { ok: true, view: { id: `V${this.calls.length}` } };
      default:
        return { ok: true };
    }
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}
