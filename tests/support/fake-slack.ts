/**
 * A fake Slack on 127.0.0.1: the real @slack/web-api client talks to its Web
 * API through slackApiUrl. It records every call (method, arguments as the
 * client sent them, and the token used) and every response_url post, and can
 * be told to answer a method with a Slack error or a 429 with Retry-After.
 * It also plays Slack's side of OAuth (oauth.v2.access) and of Socket Mode
 * (apps.connections.open hands out a WebSocket on which envelopes are pushed
 * and acknowledged). Files arrive as Slack's external upload has them:
 * files.getUploadURLExternal hands out an upload URL on this server, the
 * bytes are POSTed there (multipart, as @slack/web-api sends them), and
 * files.completeUploadExternal shares the file into a channel (`files`).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call was made with, if any. */
  token?: string;
  /** What the fake answered (e.g. chat.postMessage's ts), when it answered ok. */
  result?: Record<string, unknown>;
}

export interface SlackUser {
  name?: string;
  real_name?: string;
  tz?: string;
  locale?: string;
  is_admin?: boolean;
}

type Scripted = { error: string } | { status: 429; retryAfter: number };

/** A file shared by files.completeUploadExternal: where, with what message, and its bytes as uploaded. */
export interface SharedFile {
  id: string;
  channel: string;
  filename: string;
  title: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  /** What was POSTed to the upload URL. */
  bytes: Buffer;
  blocks: unknown;
  initialComment?: string;
  /** The alt text announced to files.getUploadURLExternal (images). */
  altText?: string;
}

/** Slack's limit on an uploaded image's alt text. */
export const SLACK_ALT_TEXT_MAX = 1000;

/** Slack's limit on one uploaded file: 1 GB. */
export const SLACK_FILE_MAX = 1024 * 1024 * 1024;

/** The user users.info calls a workspace admin when no test set that user itself. */
export const WORKSPACE_ADMIN = "U-OLGA";

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** Per method, answers for the next calls (then ok). */
  readonly script = new Map<string, Scripted[]>();
  /** users.info answers, by user id. */
  readonly users = new Map<string, SlackUser>();
  /** Messages as they stand now (posted, then updated), by "channel:ts": conversations.history reads them. */
  readonly messages = new Map<string, Record<string, unknown>>();
  /** Socket Mode: acknowledgements received, by envelope id. */
  readonly acks = new Map<string, Record<string, unknown>>();
  private server: Server | null = null;
  private sockets: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  private socketReady: Promise<WebSocket> | null = null;
  private ts = 0;
  url = "";
  /** Upload URLs handed out and the bytes posted to them, by file id. */
  private readonly uploads = new Map<string, { filename: string; length: number; bytes: Buffer | null; altText?: string }>();
  /** Files shared into channels, in order. */
  readonly files: SharedFile[] = [];

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => {
        chunks.push(c);
      });
      req.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const body = raw.toString("utf8");
        const upload = /^\/upload\/([^/?]+)/.exec(req.url ?? "");
        if (upload) {
          res.writeHead(await this.receiveUpload(upload[1] ?? "", raw, req.headers["content-type"] ?? ""));
          res.end("OK");
          return;
        }
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
        const auth = req.headers.authorization;
        this.calls.push({ method, args, ...(auth?.startsWith("Bearer ") ? { token: auth.slice(7) } : {}) });
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
        const result = this.answer(method, args);
        const call = this.calls.at(-1);
        if (call) call.result = result;
        res.end(JSON.stringify(result));
      });
    });
    this.server = server;
    this.sockets = new WebSocketServer({ server, path: "/socket" });
    this.socketReady = new Promise((resolve) => {
      this.sockets?.on("connection", (ws) => {
        this.socket = ws;
        ws.on("message", (data) => {
          const ack = JSON.parse(String(data)) as { envelope_id?: string };
          if (ack.envelope_id) this.acks.set(ack.envelope_id, ack);
        });
        ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A_SEBAYA" } }));
        resolve(ws);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  /** Socket Mode: closes the app's WebSocket, as Slack does when a connection is lost (the app reconnects). */
  dropSocket(): void {
    this.socket?.terminate();
  }

  /** Socket Mode: pushes an envelope to the connected app; resolves with its acknowledgement. */
  async push(type: "slash_commands" | "interactive" | "events_api", payload: Record<string, unknown>) {
    // The latest connection: after a drop the app has opened a new one.
    const ws = this.socket ?? (await (this.socketReady as Promise<WebSocket>));
    const envelopeId = `env-${this.acks.size}-${Math.random().toString(36).slice(2)}`;
    ws.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== "events_api",
        retry_attempt: 0,
      }),
    );
    for (let i = 0; i < 200 && !this.acks.has(envelopeId); i++) await new Promise((r) => setTimeout(r, 10));
    return this.acks.get(envelopeId);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "conversations.open": {
        const users = String(args.users ?? "").split(",");
        // A DM is D..., a group DM G...: stable per set of people.
        return { ok: true, channel: { id: `${users.length > 1 ? "G" : "D"}-${[...users].sort().join("-")}` } };
      }
      case "chat.postMessage": {
        const ts = `1700000000.${String(++this.ts).padStart(6, "0")}`;
        this.messages.set(`${args.channel}:${ts}`, { ts, text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts };
      }
      case "chat.update": {
        const key = `${args.channel}:${args.ts}`;
        if (!this.messages.has(key)) return { ok: false, error: "message_not_found" };
        this.messages.set(key, { ts: args.ts, text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts: args.ts };
      }
      case "conversations.history": {
        const found = this.messages.get(`${args.channel}:${args.latest}`);
        return { ok: true, messages: found ? [found] : [] };
      }
      case "views.open":
        return { ok: true, view: { id: `V${this.calls.length}` } };
      case "auth.test":
        return { ok: true, user_id: "U_SEBAYA", bot_id: "B_SEBAYA", team_id: "T-ACME", user: "sebaya" };
      case "users.info": {
        const id = String(args.user ?? "");
        // The workspace's admin in these tests, unless a test says otherwise: only admins may set up programs.
        const u = this.users.get(id) ?? (id === WORKSPACE_ADMIN ? { real_name: "Olga", is_admin: true } : undefined);
        return u ? { ok: true, user: { id, name: id.toLowerCase(), ...u } } : { ok: false, error: "user_not_found" };
      }
      case "oauth.v2.access": {
        // The code names the workspace: "code-T-GLOBEX" installs into T-GLOBEX.
        const team = String(args.code ?? "").replace(/^code-/, "");
        return {
          ok: true,
          access_token: `xoxb-${team}`,
          token_type: "bot",
          scope: "commands,chat:write",
          bot_user_id: `U_BOT_${team}`,
          app_id: "A_SEBAYA",
          team: { id: team, name: team },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: "U-INSTALLER" },
        };
      }
      case "files.getUploadURLExternal": {
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length < 1) return { ok: false, error: "invalid_arguments" };
        // Slack's limit for one file.
        if (length > SLACK_FILE_MAX) return { ok: false, error: "file_too_large" };
        // An image's description for screen readers: Slack takes up to 1000 characters.
        if (typeof args.alt_text === "string" && args.alt_text.length > SLACK_ALT_TEXT_MAX)
          return { ok: false, error: "invalid_arguments" };
        const fileId = `F${String(this.uploads.size + 1).padStart(6, "0")}`;
        this.uploads.set(fileId, {
          filename: String(args.filename),
          length,
          bytes: null,
          ...(typeof args.alt_text === "string" ? { altText: args.alt_text } : {}),
        });
        return { ok: true, upload_url: `${this.url}upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const files = (Array.isArray(args.files) ? args.files : []) as Array<{ id: string; title?: string }>;
        const shared: Array<{ id: string; title: string }> = [];
        for (const f of files) {
          const upload = this.uploads.get(f.id);
          // Completed without its bytes, or with other bytes than announced: Slack refuses.
          if (!upload?.bytes || upload.bytes.length !== upload.length) return { ok: false, error: "upload_incomplete" };
          const title = f.title ?? upload.filename;
          this.files.push({
            id: f.id,
            channel: String(args.channel_id ?? ""),
            filename: upload.filename,
            title,
            length: upload.length,
            bytes: upload.bytes,
            blocks: args.blocks,
            ...(upload.altText !== undefined ? { altText: upload.altText } : {}),
            ...(typeof args.initial_comment === "string" ? { initialComment: args.initial_comment } : {}),
          });
          shared.push({ id: f.id, title });
        }
        return { ok: true, files: shared };
      }
      case "apps.connections.open":
        return { ok: true, url: `${this.url.replace(/^http/, "ws")}socket` };
      default:
        return { ok: true };
    }
  }

  /** The bytes POSTed to an upload URL (the `file` part of a multipart body, or the raw body). */
  private async receiveUpload(fileId: string, raw: Buffer, contentType: string): Promise<number> {
    const upload = this.uploads.get(fileId);
    if (!upload) return 404;
    if (contentType.startsWith("multipart/form-data")) {
      const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
      const part = [...form.values()].find((v) => typeof v !== "string");
      upload.bytes = part && typeof part !== "string" ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    } else upload.bytes = raw;
    return 200;
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async stop(): Promise<void> {
    this.socket?.terminate();
    await new Promise<void>((resolve) => this.sockets?.close(() => resolve()) ?? resolve());
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}
