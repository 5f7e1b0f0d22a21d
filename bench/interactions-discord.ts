/**
 * The Discord side of bench/interactions.ts (`--platform discord`): the bot
 * (`src/main.ts` with DISCORD_TOKEN, DISCORD_API_URL) against the fake Discord
 * (tests/support/fake-discord.ts) in the bench process, one fake for the seed
 * and every scenario so interaction and message ids never repeat.
 *
 * The seed goes through interactions, as a member and an organizer would:
 * /mentoring setup and open, then for every member a pool of intake drafts
 * (the announcement's Join button opens step 1 of the two-modal intake, its
 * submission answers with Continue, Continue opens step 2: the draft waits
 * there), half the members submit one (they join), /mentoring match. The
 * pool lets each "join" of the load submit a draft of its own, as on Discord
 * a submitted draft is gone (a second submission would only say "expired").
 *
 * The mix is Slack's: /mentoring status 30%, /mentoring journal 20%, /mentoring
 * checkin 15%, the announcement's Join button 15% (each press on its own copy of
 * the message, so none is a double click), the intake's last modal submitted 20%
 * (a join, or "already in" for a member who is). Each is an INTERACTION_CREATE
 * over the fake gateway. ack: until the interaction callback (POST
 * /interactions/:id/:token/callback) reaches the fake; reply: until the answer
 * does: a callback carrying it (a message, an update or a modal), else an edit
 * of the original response or a follow-up, else a DM to the member, first
 * come. The fake refuses a callback later than 3 s (10062), as Discord does;
 * such an interaction counts as an error.
 */
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { type APIMessage, InteractionResponseType, PermissionFlagsBits } from "discord.js";
import {
  defaultGuild,
  defaultUsers,
  FAKE_IDS,
  FakeDiscord,
  type FakeInteraction,
  type ModalData,
  type RestCall,
} from "../tests/support/fake-discord";

export type DiscordKind = "status" | "journal" | "checkin" | "press" | "join";

/** What the Discord side needs from bench/interactions.ts (databases, processes, /proc samples). */
export interface BenchHarness {
  /** A TypeScript script under tsx (the bare client). */
  startChild(script: string[], env: Record<string, string>): ChildProcess;
  /** The bot as --bot chose it (src/main.ts under tsx, or dist/main.js), with BENCH_BOT_NODE_ARGS. */
  startBot(env: Record<string, string>): ChildProcess;
  stopChild(child: ChildProcess): Promise<void>;
  createDatabase(template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  urlOf(name: string): string;
  freePort(): Promise<number>;
  sample(pid: number): { cpuSeconds: number; rssMb: number };
  /** Error lines the child logged so far, and its last lines (for a failed start). */
  errorLines(child: ChildProcess): number;
  lastLines(child: ChildProcess): string[];
}

export interface DiscordPending {
  kind: DiscordKind;
  sentAt: number;
  ackMs?: number;
  replyMs?: number;
  /** The callback's HTTP status at the fake (204 or 200 when accepted). */
  status?: number;
  /** What carried the reply: "callback 4" (its type), "webhook PATCH", "dm". */
  via?: string;
}

export interface DiscordSeed {
  fake: FakeDiscord;
  onCall: { f: (call: RestCall, at: number) => void };
  template: string;
  join: { customId: string; message: APIMessage };
  /** Per member, the interactions that showed step 2 of an intake draft not yet submitted. */
  drafts: string[][];
  /** The answers to step 2 of the intake. */
  lastStep: Record<string, string | string[]>;
}

export interface DiscordRun {
  sent: number;
  acks: number[];
  replies: number[];
  errors: number;
  missing: number;
  logged: number;
  cpuPercent: number;
  /** The bot's CPU time from the first interaction to the last reply, per interaction sent. */
  cpuMsPerCommand: number;
  rssMb: number;
  /** The 1-minute load average as the sending began. */
  load: number;
  pending: DiscordPending[];
  /** Joins that found their member's draft pool empty and submitted a spent draft ("expired"). */
  spentDrafts: number;
}

const TOKEN = "bench-discord-token-0123456789";
const ORGANIZER = { user: FAKE_IDS.owner, permissions: PermissionFlagsBits.ManageGuild, locale: "en-US" as const };
const STEP_ONE: Record<string, string> = {
  "t:expertise": "SQL",
  "t:goals": "public speaking",
  "t:interests": "",
  "t:team": "Data",
};
/** Ids for the copies of the announcement each press is made on: far above the fake's own snowflakes. */
let copies = 1_600_000_000_000_000_000n;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const discordMember = (i: number) => String(1_400_000_000_000_100_000n + BigInt(i));

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`discord seed: timed out waiting for ${what}`);
    await sleep(20);
  }
}

function botEnv(h: BenchHarness, db: string, port: number, fake: FakeDiscord): Record<string, string> {
  return {
    DATABASE_URL: h.urlOf(db),
    PORT: String(port),
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: FAKE_IDS.application,
    DISCORD_API_URL: fake.apiUrl,
  };
}

/** The bot is up when /readyz says so: the database answers and the gateway shard is ready. */
async function waitReady(h: BenchHarness, port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the bot exited (${child.exitCode}) before ready:\n${h.lastLines(child).join("\n")}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then(async (r) => {
        await r.text();
        return r.status === 200;
      })
      .catch(() => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the bot on ${port} was not ready in 120 s:\n${h.lastLines(child).join("\n")}`);
    await sleep(250);
  }
}

/** The bare client has no /readyz: it is up once it has identified (the fake answers READY at once). */
async function waitIdentified(h: BenchHarness, fake: FakeDiscord, before: number, child: ChildProcess): Promise<void> {
  await until(
    () => {
      if (child.exitCode !== null) throw new Error(`the bare client exited:\n${h.lastLines(child).join("\n")}`);
      return fake.identifies.length > before;
    },
    "the bare client's IDENTIFY",
    120_000,
  );
}

/** Answers for a modal: known text inputs from `known`, other text "x" (or empty when optional), selects their first option. */
function fill(modal: ModalData, known: Record<string, string>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const visit = (c: Record<string, unknown>) => {
    if (c.component && typeof c.component === "object") visit(c.component as Record<string, unknown>);
    if (Array.isArray(c.components)) for (const x of c.components) visit(x as Record<string, unknown>);
    if (typeof c.custom_id !== "string") return;
    const options = Array.isArray(c.options) ? (c.options as Array<{ value: string; default?: boolean }>) : null;
    if (options) {
      const chosen = options.find((o) => o.default) ?? options[0];
      out[c.custom_id] = chosen ? [chosen.value] : [];
    } else out[c.custom_id] = known[c.custom_id] ?? (typeof c.value === "string" ? c.value : c.required === false ? "" : "x");
  };
  for (const c of modal.components) visit(c);
  return out;
}

/** The custom ids of the buttons in an interaction's answers. */
function buttonsIn(calls: RestCall[]): string[] {
  return calls.flatMap((c) => {
    const body = c.body as { data?: { components?: unknown }; components?: unknown } | null;
    const rows = (body?.data?.components ?? body?.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>;
    return rows.flatMap((r) => (r.components ?? []).flatMap((b) => (b.custom_id ? [b.custom_id] : [])));
  });
}

/** A program through interactions: setup, open, every member's intake drafts, half of them joined, a match. */
export async function discordSeed(h: BenchHarness, members: number, draftsPerMember: number): Promise<DiscordSeed> {
  const ids = Array.from({ length: members }, (_, i) => discordMember(i));
  const guild = defaultGuild();
  const fake = new FakeDiscord({
    token: TOKEN,
    interactionDeadlineMs: 3_000,
    guilds: [{ ...guild, members: [...(guild.members ?? []), ...ids] }],
    users: [...defaultUsers(), ...ids.map((id, i) => ({ id, username: `member${i}`, globalName: `Member ${i}` }))],
  });
  await fake.start();
  const onCall = { f: (_c: RestCall, _at: number) => {} };
  // FakeDiscord records calls by pushing them; the bench also wants when each arrived.
  const push = fake.calls.push.bind(fake.calls);
  fake.calls.push = (...items: RestCall[]) => {
    const at = performance.now();
    for (const c of items) onCall.f(c, at);
    return push(...items);
  };
  const template = await h.createDatabase();
  const port = await h.freePort();
  const bot = h.startBot(botEnv(h, template, port, fake));
  try {
    await waitReady(h, port, bot);
    const slow = { timeoutMs: 60_000 };
    await fake.interact(fake.slashCommand({ ...ORGANIZER, subcommand: "setup", options: { name: "Kopi Bench" } }), slow);
    await fake.interact(fake.slashCommand({ ...ORGANIZER, subcommand: "open" }), slow);
    const announcements = () =>
      fake.messagesIn(FAKE_IDS.programChannel).filter((m) => buttonsIn([{ body: m } as unknown as RestCall]).length > 0);
    await until(() => announcements().length > 0, "the announcement");
    const message = announcements()[0] as APIMessage;
    const customId = buttonsIn([{ body: message } as unknown as RestCall])[0] as string;
    const copy = (): APIMessage => ({ ...message, id: String(copies++) });

    const drafts: string[][] = ids.map(() => []);
    let lastStep: Record<string, string | string[]> | null = null;
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < members; i = next++) {
        const user = ids[i] as string;
        for (let d = 0; d < draftsPerMember + (i % 2 === 0 ? 1 : 0); d++) {
          const press = fake.buttonPress({ user, customId, message: copy(), locale: "en-US" });
          await fake.interact(press, slow);
          const first = fake.modalShown(press.id);
          if (!first)
            throw new Error(
              `discord seed: the Join press of ${user} showed no modal: ${JSON.stringify(fake.responsesTo(press.id))}`,
            );
          const submitted = fake.modalSubmit({ from: press.id, fields: fill(first, STEP_ONE) });
          const answers = await fake.interact(submitted, slow);
          const cont = buttonsIn(answers)[0];
          if (!cont) throw new Error(`discord seed: step 1 of ${user}'s intake gave no Continue: ${JSON.stringify(answers)}`);
          const opened = fake.buttonPress({ user, customId: cont, locale: "en-US" });
          await fake.interact(opened, slow);
          const second = fake.modalShown(opened.id);
          if (!second) throw new Error(`discord seed: Continue showed no modal: ${JSON.stringify(fake.responsesTo(opened.id))}`);
          lastStep ??= fill(second, {});
          (drafts[i] as string[]).push(opened.id);
        }
        if (i % 2 === 0) {
          const joined = fake.modalSubmit({ from: (drafts[i] as string[]).shift() as string, fields: lastStep ?? {} });
          await fake.interact(joined, slow);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await fake.interact(fake.slashCommand({ ...ORGANIZER, subcommand: "match" }), slow);
    // The intros delivered, so the outbox is quiet when the load starts.
    await sleep(3_000);
    return { fake, onCall, template, join: { customId, message }, drafts, lastStep: lastStep ?? {} };
  } catch (error) {
    await fake.stop();
    throw error;
  } finally {
    await h.stopChild(bot);
  }
}

/** Matches the fake's REST calls to the interactions they answer; the first answer counts. */
class DiscordReplies {
  private readonly byId = new Map<string, DiscordPending>();
  private readonly byToken = new Map<string, DiscordPending>();
  private readonly byUser = new Map<string, DiscordPending[]>();

  expect(p: DiscordPending, payload: FakeInteraction, user: string) {
    this.byId.set(payload.id, p);
    this.byToken.set(payload.token, p);
    const q = this.byUser.get(user) ?? [];
    q.push(p);
    this.byUser.set(user, q);
  }

  arrived(call: RestCall, at: number) {
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(call.path);
    const hook = /^\/webhooks\/\d+\/([^/]+)/.exec(call.path);
    const dm = call.method === "POST" ? /^\/channels\/dm-(\d+)\/messages$/.exec(call.path) : null;
    let p: DiscordPending | undefined;
    if (callback?.[1]) {
      p = this.byId.get(callback[1]);
      if (!p || p.status !== undefined) return;
      p.ackMs = at - p.sentAt;
      p.status = call.status;
      const type = (call.body as { type?: number } | null)?.type;
      // A deferral acknowledges; the answer comes after it.
      const carries =
        type === InteractionResponseType.ChannelMessageWithSource ||
        type === InteractionResponseType.UpdateMessage ||
        type === InteractionResponseType.Modal;
      if (!carries || call.status >= 300) return;
      if (p.replyMs === undefined) p.via = `callback ${type}`;
    } else if (hook?.[1] && (call.method === "PATCH" || call.method === "POST")) {
      p = this.byToken.get(hook[1]);
      if (p && p.replyMs === undefined) p.via = `webhook ${call.method}`;
    } else if (dm?.[1]) {
      const q = this.byUser.get(dm[1]);
      // The oldest interaction of that member still waiting.
      while (q && q.length > 0 && q[0]?.replyMs !== undefined) q.shift();
      p = q?.[0];
      if (p && p.replyMs === undefined) p.via = "dm";
    }
    if (p && p.replyMs === undefined) p.replyMs = at - p.sentAt;
  }
}

const GRACE_MS = 15_000;

/** One rate against the bot (or the bare client) on a fresh copy of the seeded program. */
export async function discordScenario(
  h: BenchHarness,
  s: DiscordSeed,
  opts: { bare: boolean; rate: number; seconds: number; members: number; mix: Array<[DiscordKind, number]> },
): Promise<DiscordRun> {
  const { fake } = s;
  const db = opts.bare ? null : await h.createDatabase(s.template);
  const port = await h.freePort();
  const before = fake.identifies.length;
  const child = opts.bare
    ? h.startChild(["bench/interactions-bare-discord.ts"], { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl })
    : h.startBot(botEnv(h, db as string, port, fake));
  try {
    if (opts.bare) await waitIdentified(h, fake, before, child);
    else await waitReady(h, port, child);
    const replies = new DiscordReplies();
    s.onCall.f = (c, at) => replies.arrived(c, at);
    // Warm-up: the client has its guild, and the first requests do not pay for compiling.
    await sleep(1_000);
    // Each scenario's database is a fresh copy of the seed: every member's pool is whole again.
    const pools = s.drafts.map((d) => [...d]);
    let spentDrafts = 0;
    const pending: DiscordPending[] = [];
    let random = 12345;
    const rnd = () => {
      random = (random * 1103515245 + 12345) % 2147483648;
      return random / 2147483648;
    };
    const pick = (): DiscordKind => {
      let x = rnd();
      for (const [k, w] of opts.mix) {
        if (x < w) return k;
        x -= w;
      }
      return "status";
    };
    const payloadFor = (kind: DiscordKind, i: number, user: string): FakeInteraction => {
      const at = { user, locale: "en-US" as const };
      switch (kind) {
        case "status":
          return fake.slashCommand({ ...at, subcommand: "status" });
        case "journal":
          return fake.slashCommand({ ...at, subcommand: "journal", options: { text: `bench note ${pending.length}` } });
        case "checkin":
          return fake.slashCommand({ ...at, subcommand: "checkin" });
        case "press":
          return fake.buttonPress({ ...at, customId: s.join.customId, message: { ...s.join.message, id: String(copies++) } });
        case "join": {
          let from = (pools[i] as string[]).shift();
          if (!from) {
            // The pool is spent: a draft already submitted, answered "expired" (counted, and said).
            spentDrafts++;
            from = s.drafts[i]?.[0] as string;
          }
          return fake.modalSubmit({ from, fields: s.lastStep });
        }
      }
    };
    const send = (kind: DiscordKind, i: number) => {
      const user = discordMember(i);
      const payload = payloadFor(kind, i, user);
      const p: DiscordPending = { kind, sentAt: performance.now() };
      replies.expect(p, payload, user);
      pending.push(p);
      fake.sendInteraction(payload);
    };
    const pid = child.pid as number;
    const first = h.sample(pid);
    let peakRss = first.rssMb;
    const rssTimer = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, h.sample(pid).rssMb);
      } catch {}
    }, 250);
    const load = os.loadavg()[0] ?? 0;
    const t0 = performance.now();
    const total = Math.round(opts.rate * opts.seconds);
    // Open loop: every 2 ms, send whatever is due by the schedule.
    for (let sent = 0; sent < total; ) {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * opts.rate) + 1);
      while (sent < due) {
        send(pick(), Math.floor(rnd() * opts.members));
        sent++;
      }
      await sleep(2);
    }
    const elapsed = (performance.now() - t0) / 1000;
    const after = h.sample(pid);
    const end = performance.now() + GRACE_MS;
    while (performance.now() < end && pending.some((p) => p.status === undefined || (p.status < 300 && p.replyMs === undefined)))
      await sleep(50);
    const settled = h.sample(pid);
    clearInterval(rssTimer);
    const ok = (p: DiscordPending) => p.status !== undefined && p.status < 300;
    return {
      sent: pending.length,
      acks: pending.flatMap((p) => (ok(p) && p.ackMs !== undefined ? [p.ackMs] : [])).sort((a, b) => a - b),
      replies: pending.flatMap((p) => (p.replyMs !== undefined ? [p.replyMs] : [])).sort((a, b) => a - b),
      errors: pending.filter((p) => !ok(p)).length,
      missing: pending.filter((p) => ok(p) && p.replyMs === undefined).length,
      logged: h.errorLines(child),
      cpuPercent: (100 * (after.cpuSeconds - first.cpuSeconds)) / elapsed,
      cpuMsPerCommand: (1000 * (settled.cpuSeconds - first.cpuSeconds)) / pending.length,
      rssMb: peakRss,
      load,
      pending,
      spentDrafts,
    };
  } finally {
    await h.stopChild(child);
    if (db) await h.dropDatabase(db);
  }
}
