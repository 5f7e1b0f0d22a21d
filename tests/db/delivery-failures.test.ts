/**
 * The dispatcher when platforms push back: 429 with Retry-After (one tenant
 * waits, others go on), order within a conversation, rate limits, retries
 * running out, closed DMs, a group that cannot be opened, and someone who
 * cannot be reached at all. Real database, a scripted sender.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Audience, Member, Program, Tenant } from "../../src/core/domain";
import type { Tx } from "../../src/core/ports";
import { ManualClock } from "../../src/core/time/clock";
import { DeliveryFailure } from "../../src/delivery/delivery-failure";
import { Dispatcher, type DispatcherOptions } from "../../src/delivery/dispatcher";
import type { Outgoing } from "../../src/delivery/outgoing";
import { PLATFORM_LIMITS, RateLimits } from "../../src/delivery/rate-limits";
import type { Sender } from "../../src/delivery/sender";
import { repositories } from "../../src/store/kysely-store";
import { markWaitingMany } from "../../src/store/outbox-queue";
import { useTestDb } from "../support/test-db";

const START = new Date("2026-12-01T02:00:00Z");
const t = useTestDb();
let r: Tx;

beforeAll(async () => {
  r = repositories(t.db.kysely);
});

/** A sender whose answer per key is scripted: a list of failures to throw before succeeding. */
class ScriptedSender implements Sender {
  readonly attempts: string[] = [];
  readonly delivered: string[] = [];
  readonly script = new Map<string, DeliveryFailure[]>();
  readonly always = new Map<string, DeliveryFailure>();
  async send(out: Outgoing): Promise<{ platformMessageId: string | null }> {
    this.attempts.push(out.key);
    const forever = this.always.get(out.key);
    if (forever) throw forever;
    const next = this.script.get(out.key)?.shift();
    if (next) throw next;
    this.delivered.push(out.key);
    return { platformMessageId: `pm-${out.key}` };
  }
}

interface World {
  tenant: Tenant;
  program: Program;
  olga: Member;
  ana: Member;
  budi: Member;
}

async function world(external = "T-1", platform: "slack" | "discord" = "slack"): Promise<World> {
  const tenant = await r.tenants.ensure(platform, external);
  const olga = await r.members.ensure(tenant.id, `${external}-olga`, "Olga");
  const ana = await r.members.ensure(tenant.id, `${external}-ana`, "Ana");
  const budi = await r.members.ensure(tenant.id, `${external}-budi`, "Budi");
  const program = await r.programs.create({
    tenantId: tenant.id,
    channelId: `${external}-C`,
    spaceId: null,
    name: "Mentoring",
    language: "en",
    timezone: "Asia/Jakarta",
    roundWeeks: 8,
    createdBy: olga.id,
  });
  await r.programs.addOrganizer(program.id, olga.id);
  return { tenant, program, olga, ana, budi };
}

async function enqueue(w: World, key: string, audience: Audience, at = START): Promise<void> {
  await r.outbox.enqueue({
    tenantId: w.tenant.id,
    key,
    audience,
    message: { blocks: [{ type: "text", text: key }] },
    at,
    programId: w.program.id,
  });
}

const noLimits = new RateLimits({ ...PLATFORM_LIMITS, slack: { tenant: null, conversation: null } });

function dispatcher(sender: Sender, clock: ManualClock, options: Partial<DispatcherOptions> = {}) {
  return new Dispatcher(t.db.kysely, sender, clock, {
    worker: "w",
    concurrency: 1,
    limits: noLimits,
    random: () => 0.5,
    ...options,
  });
}

const row = (key: string) =>
  t.db.kysely.selectFrom("outbox").selectAll().where("idempotency_key", "=", key).executeTakeFirstOrThrow();
const keysLike = (prefix: string) =>
  t.db.kysely.selectFrom("outbox").selectAll().where("idempotency_key", "like", `${prefix}%`).orderBy("id").execute();

describe("429 with Retry-After", () => {
  it("holds the rate-limited tenant until Retry-After while other tenants go on; order is kept", async () => {
    const a = await world("T-a");
    const b = await world("T-b");
    const clock = new ManualClock(START);
    const sender = new ScriptedSender();
    for (const key of ["a1", "a2"]) await enqueue(a, key, { kind: "channel", programId: a.program.id });
    await enqueue(a, "a-dm", { kind: "member", memberId: a.ana.id });
    for (const key of ["b1", "b2"]) await enqueue(b, key, { kind: "channel", programId: b.program.id });
    sender.script.set("a1", [new DeliveryFailure("rate-limited", "429", 30_000, "tenant")]);
    const d = dispatcher(sender, clock);
    await d.dispatchPending();
    // Tenant A: a1 hit the 429, a2 waits behind it, A's DM waits for the tenant; B is delivered.
    expect(sender.delivered).toEqual(["b1", "b2"]);
    expect((await row("a1")).available_at.getTime()).toBe(START.getTime() + 30_000);
    expect((await row("a1")).attempts).toBe(0);
    clock.advance(29_999);
    await d.dispatchPending();
    expect(sender.delivered).toEqual(["b1", "b2"]);
    clock.advance(1);
    await d.dispatchPending();
    await d.dispatchPending();
    expect([...sender.delivered].sort()).toEqual(["a-dm", "a1", "a2", "b1", "b2"]);
    // Within the channel conversation the order held.
    const channel = sender.delivered.filter((k) => k === "a1" || k === "a2");
    expect(channel).toEqual(["a1", "a2"]);
  });

  it("a 500 on the first message of a conversation holds the next one back until it is through", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    const sender = new ScriptedSender();
    for (const key of ["m1", "m2", "m3"]) await enqueue(w, key, { kind: "member", memberId: w.ana.id });
    await enqueue(w, "other", { kind: "member", memberId: w.budi.id });
    sender.script.set("m1", [new DeliveryFailure("transient", "500"), new DeliveryFailure("transient", "502")]);
    const d = dispatcher(sender, clock);
    await d.dispatchPending();
    expect(sender.delivered).toEqual(["other"]);
    // Backoff: 3.75 s, then 7.5 s (5 s base doubling, half of it jitter at 0.5).
    clock.advance(3_750);
    await d.dispatchPending();
    expect(sender.delivered).toEqual(["other"]);
    expect((await row("m1")).attempts).toBe(2);
    clock.advance(7_500);
    await d.dispatchPending();
    expect(sender.delivered).toEqual(["other", "m1", "m2", "m3"]);
  });
});

describe("rate limits", () => {
  it("keep about one message per second per Slack conversation after a short burst", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    const sender = new ScriptedSender();
    for (let i = 1; i <= 5; i++) await enqueue(w, `c${i}`, { kind: "channel", programId: w.program.id });
    const d = dispatcher(sender, clock, { limits: new RateLimits() });
    await d.dispatchPending();
    expect(sender.delivered).toEqual(["c1", "c2", "c3"]);
    expect((await row("c4")).available_at.getTime()).toBe(START.getTime() + 1_000);
    clock.advance(1_000);
    await d.dispatchPending();
    expect(sender.delivered).toEqual(["c1", "c2", "c3", "c4"]);
    clock.advance(1_000);
    await d.dispatchPending();
    expect(sender.delivered).toEqual(["c1", "c2", "c3", "c4", "c5"]);
  });
});

describe("rows held back by the workspace budget", () => {
  it("are put back together, each due when its token is, and never one another dispatcher holds by then", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    const sender = new ScriptedSender();
    // 25 DMs to different members: the workspace budget (20 at once) holds back 5.
    for (let i = 0; i < 25; i++) {
      const m = await r.members.ensure(w.tenant.id, `U-budget-${i}`, `Member ${i}`);
      await enqueue(w, `b${i}`, { kind: "member", memberId: m.id });
    }
    const stats = await dispatcher(sender, clock, { limits: new RateLimits() }).dispatchPending();
    expect(stats).toMatchObject({ sent: 20, waited: 5 });
    const held = await t.db.kysely
      .selectFrom("outbox")
      .select(["idempotency_key", "available_at", "lease_until", "leased_by"])
      .where("status", "=", "pending")
      .execute();
    expect(held).toHaveLength(5);
    for (const h of held) {
      expect(h.lease_until).toBeNull();
      expect(h.leased_by).toBeNull();
      expect(h.available_at.getTime()).toBeGreaterThan(START.getTime());
    }
    expect(stats.nextAt?.getTime()).toBe(Math.min(...held.map((h) => h.available_at.getTime())));

    // A row whose lease another dispatcher took meanwhile is left alone.
    const [first] = held;
    await t.db.kysely
      .updateTable("outbox")
      .set({ leased_by: "other", lease_until: new Date(START.getTime() + 60_000) })
      .where("idempotency_key", "=", first?.idempotency_key ?? "")
      .execute();
    await markWaitingMany(t.db.kysely, [{ id: (await row(first?.idempotency_key ?? "")).id, at: START }], "w");
    expect((await row(first?.idempotency_key ?? "")).leased_by).toBe("other");
  });
});

describe("permanent failures get a fallback, never silence", () => {
  it("closed DMs: the member is mentioned in the channel once a day, DMs stop, the flag clears when they talk again", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    const sender = new ScriptedSender();
    await enqueue(w, "dm-1", { kind: "member", memberId: w.ana.id });
    sender.always.set("dm-1", new DeliveryFailure("dm-closed", "50007"));
    const d = dispatcher(sender, clock);
    await d.dispatchPending();
    expect((await row("dm-1")).status).toBe("failed");
    const member = await t.db.kysely
      .selectFrom("members")
      .select("dm_blocked_at")
      .where("id", "=", w.ana.id)
      .executeTakeFirstOrThrow();
    expect(member.dm_blocked_at).toEqual(START);
    const mentions = await keysLike("dm-closed:");
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.audience_kind).toBe("channel");
    expect(mentions[0]?.status).toBe("sent");
    // The member is a mention (a segment, not text a renderer would have to trust), then the fixed words.
    expect(mentions[0]?.message.blocks[0]).toMatchObject({
      type: "text",
      text: [
        { type: "mention", kind: "user", id: w.ana.externalId },
        expect.stringMatching(/^, I could not send you a direct message/),
      ],
    });
    // Nothing private: the mention does not carry the failed message.
    expect(JSON.stringify(mentions[0]?.message)).not.toContain("dm-1");

    // Later DMs are not even tried; no second mention the same day.
    await enqueue(w, "dm-2", { kind: "member", memberId: w.ana.id });
    await d.dispatchPending();
    expect(sender.attempts.filter((k) => k === "dm-2")).toEqual([]);
    expect((await row("dm-2")).status).toBe("failed");
    expect(await keysLike("dm-closed:")).toHaveLength(1);

    // Ana talks to the bot again: DMs are tried again.
    await r.members.setDmBlocked(w.ana.id, null);
    await enqueue(w, "dm-3", { kind: "member", memberId: w.ana.id });
    await d.dispatchPending();
    expect(sender.delivered).toContain("dm-3");
  });

  it("someone who cannot be reached by DM or in the channel is named to the organizers", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    const sender = new ScriptedSender();
    await enqueue(w, "dm-x", { kind: "member", memberId: w.budi.id });
    sender.always.set("dm-x", new DeliveryFailure("dm-closed", "cannot_dm"));
    const d = dispatcher(sender, clock);
    // The channel mention fails too (the bot was removed from the channel).
    const original = sender.send.bind(sender);
    sender.send = async (out) => {
      if (out.key.startsWith("dm-closed:")) {
        sender.attempts.push(out.key);
        throw new DeliveryFailure("permanent", "not_in_channel");
      }
      return original(out);
    };
    await d.dispatchPending();
    const notes = await keysLike("unreachable:");
    expect(notes.map((n) => n.member_id)).toEqual([w.olga.id]);
    expect(JSON.stringify(notes[0]?.message)).toContain(
      "I could not reach Budi by direct message or in the channel of Mentoring",
    );
    expect(sender.delivered.some((k) => k.startsWith("unreachable:"))).toBe(true);
  });

  it("a transient failure that never clears becomes permanent after the last attempt; the organizers hear", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    const sender = new ScriptedSender();
    await enqueue(w, "flaky", { kind: "member", memberId: w.ana.id });
    sender.always.set("flaky", new DeliveryFailure("transient", "503"));
    const d = dispatcher(sender, clock, { maxAttempts: 3 });
    for (let i = 0; i < 5; i++) {
      await d.dispatchPending();
      clock.advance(60_000);
    }
    expect(sender.attempts.filter((k) => k === "flaky")).toHaveLength(3);
    expect((await row("flaky")).status).toBe("failed");
    expect(await keysLike("unreachable:")).toHaveLength(1);
  });

  it("a pair's conversation that cannot be opened: the same message goes to each member directly", async () => {
    const w = await world();
    const round = await r.rounds.create({
      programId: w.program.id,
      number: 1,
      status: "running",
      seed: 1,
      openedAt: START,
      endsAt: new Date(START.getTime() + 8 * 7 * 86_400_000),
    });
    const pairing = await r.pairings.create({ roundId: round.id, memberIds: [w.ana.id, w.budi.id], at: START });
    await enqueue(w, "intro", { kind: "pairing", pairingId: pairing.id });
    const clock = new ManualClock(START);
    const sender = new ScriptedSender();
    sender.always.set("intro", new DeliveryFailure("permanent", "cannot open group DM"));
    await dispatcher(sender, clock).dispatchPending();
    expect((await row("intro")).status).toBe("failed");
    expect(sender.delivered.sort()).toEqual([`intro:dm:${w.ana.id}`, `intro:dm:${w.budi.id}`].sort());
    expect((await row(`intro:dm:${w.ana.id}`)).message).toEqual({ blocks: [{ type: "text", text: "intro" }] });
  });
});
