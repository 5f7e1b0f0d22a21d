/**
 * The dispatcher on a real database: order, exactly-once marking, a failing
 * recipient that does not block the batch and is retried later with backoff,
 * and how audiences become platform targets. (Rate limits, 429s and fallbacks:
 * delivery-failures.test.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Audience, Member, Pairing, Program, Round, Tenant } from "../../src/core/domain";
import type { Message } from "../../src/core/messages/message";
import type { Tx } from "../../src/core/ports";
import type { Clock } from "../../src/core/time/clock";
import { ManualClock } from "../../src/core/time/clock";
import { Dispatcher } from "../../src/delivery/dispatcher";
import type { Outgoing } from "../../src/delivery/outgoing";
import { PLATFORM_LIMITS, RateLimits } from "../../src/delivery/rate-limits";
import type { Sender } from "../../src/delivery/sender";
import { repositories } from "../../src/store/kysely-store";
import { useTestDb } from "../support/test-db";

const START = new Date("2026-12-01T02:00:00Z");
const DAY = 86_400_000;

const t = useTestDb();
let r: Tx;

beforeAll(async () => {
  r = repositories(t.db.kysely);
});

const NO_LIMITS = new RateLimits({
  ...PLATFORM_LIMITS,
  slack: { tenant: null, conversation: null },
});

/** Delivers what is due, one row at a time (so that the order across conversations is observable); returns how many were sent. */
async function deliverPending(db: typeof t.db.kysely, sender: Sender, clock: Clock, batch = 100, worker = "w1"): Promise<number> {
  const d = new Dispatcher(db, sender, clock, { worker, batch, concurrency: 1, limits: NO_LIMITS, random: () => 0.5 });
  return (await d.dispatchPending()).sent;
}

const msg = (text: string): Message => ({ blocks: [{ type: "text", text, style: "plain" }] });

/** A sender that records what it got (a copy, taken at send time) and can fail for chosen keys. */
class RecordingSender implements Sender {
  readonly sent: Outgoing[] = [];
  readonly attempts: string[] = [];
  readonly failing = new Set<string>();
  async send(message: Outgoing): Promise<{ platformMessageId: string | null }> {
    this.attempts.push(message.key);
    if (this.failing.has(message.key)) throw new Error(`platform refused ${message.key}`);
    this.sent.push(structuredClone(message));
    return { platformMessageId: `pm-${message.key}` };
  }
  keys(): string[] {
    return this.sent.map((s) => s.key);
  }
}

interface World {
  tenant: Tenant;
  /** By external id. */
  members: Record<"ana" | "budi" | "citra" | "dewi" | "eko", Member>;
  program: Program;
  round: Round;
}

async function world(): Promise<World> {
  const tenant = await r.tenants.ensure("slack", "T-ext-1");
  const ensure = (externalId: string, name: string) => r.members.ensure(tenant.id, externalId, name);
  const members = {
    ana: await ensure("U-ana", "Ana"),
    budi: await ensure("U-budi", "Budi"),
    citra: await ensure("U-citra", "Citra"),
    dewi: await ensure("U-dewi", "Dewi"),
    eko: await ensure("U-eko", "Eko"),
  };
  const program = await r.programs.create({
    tenantId: tenant.id,
    channelId: "C-mentoring",
    spaceId: null,
    name: "Mentoring",
    language: "id",
    timezone: "Asia/Jakarta",
    roundWeeks: 8,
    createdBy: members.ana.id,
  });
  const round = await r.rounds.create({
    programId: program.id,
    number: 1,
    status: "running",
    seed: 7,
    openedAt: START,
    endsAt: new Date(START.getTime() + 56 * DAY),
  });
  return { tenant, members, program, round };
}

async function enqueue(w: World, key: string, audience: Audience, at: Date, text = key): Promise<void> {
  await r.outbox.enqueue({ tenantId: w.tenant.id, key, audience, message: msg(text), at });
}

async function outboxRows() {
  return t.db.kysely
    .selectFrom("outbox")
    .select(["id", "idempotency_key", "sent_at", "attempts", "last_error", "platform_message_id", "available_at"])
    .orderBy("id")
    .execute();
}

async function row(key: string) {
  return t.db.kysely.selectFrom("outbox").selectAll().where("idempotency_key", "=", key).executeTakeFirstOrThrow();
}

describe("deliverPending", () => {
  it("delivers pending rows in id order and marks them sent with the platform message id", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    // Keys and audiences out of alphabetical order: only the id gives this order.
    await enqueue(w, "z-first", { kind: "member", memberId: w.members.eko.id }, START);
    await enqueue(w, "a-second", { kind: "channel", programId: w.program.id }, START);
    await enqueue(w, "m-third", { kind: "member", memberId: w.members.ana.id }, START);
    const ids = (await outboxRows()).map((o) => o.id);
    expect(ids.every((id) => typeof id === "number")).toBe(true);

    clock.advance(5_000);
    const sender = new RecordingSender();
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(3);

    expect(sender.keys()).toEqual(["z-first", "a-second", "m-third"]);
    expect(sender.sent.map((s) => s.id)).toEqual(ids);
    expect(sender.sent[0]).toEqual({
      id: ids[0],
      key: "z-first",
      platform: "slack",
      tenantId: w.tenant.id,
      tenantExternalId: "T-ext-1",
      audience: { kind: "member", memberId: w.members.eko.id },
      target: { kind: "dm", userId: "U-eko" },
      message: msg("z-first"),
      attempts: 0,
      conversation: `member:${w.members.eko.id}`,
      programId: null,
      reachMemberId: null,
      dmBlocked: false,
      leaseUntil: new Date(clock.now().getTime() + 60_000),
    });

    const rows = await outboxRows();
    expect(rows.map((o) => [o.idempotency_key, o.sent_at, o.platform_message_id, o.attempts, o.last_error])).toEqual([
      ["z-first", clock.now(), "pm-z-first", 1, null],
      ["a-second", clock.now(), "pm-a-second", 1, null],
      ["m-third", clock.now(), "pm-m-third", 1, null],
    ]);
  });

  it("records a null platform message id when the sender has none", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    await enqueue(w, "k", { kind: "member", memberId: w.members.ana.id }, START);
    const sender: Sender = { send: async () => ({ platformMessageId: null }) };
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(1);
    expect(await row("k")).toMatchObject({ sent_at: START, platform_message_id: null, attempts: 1 });
  });

  it("never delivers a row twice: a second call sends nothing", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    await enqueue(w, "one", { kind: "member", memberId: w.members.ana.id }, START);
    await enqueue(w, "two", { kind: "channel", programId: w.program.id }, START);
    const sender = new RecordingSender();
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(2);
    const firstSentAt = (await outboxRows()).map((o) => o.sent_at);

    clock.advance(DAY);
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(0);
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(0);
    expect(sender.attempts).toEqual(["one", "two"]);
    const rows = await outboxRows();
    expect(rows.map((o) => o.sent_at)).toEqual(firstSentAt);
    expect(rows.map((o) => o.attempts)).toEqual([1, 1]);

    // A row committed later is the only one the next call sends.
    await enqueue(w, "three", { kind: "member", memberId: w.members.budi.id }, clock.now());
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(1);
    expect(sender.attempts).toEqual(["one", "two", "three"]);
  });

  it("keeps claiming batch after batch until nothing is left, in id order", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    const keys = ["k5", "k3", "k1", "k4", "k2"];
    for (const key of keys) await enqueue(w, key, { kind: "member", memberId: w.members.citra.id }, START);
    const sender = new RecordingSender();
    expect(await deliverPending(t.db.kysely, sender, clock, 2)).toBe(5);
    expect(sender.keys()).toEqual(keys);
    expect((await outboxRows()).every((o) => o.sent_at !== null)).toBe(true);
  });

  it("does not deliver a row before its available_at", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    await enqueue(w, "later", { kind: "member", memberId: w.members.ana.id }, new Date(START.getTime() + 10_000));
    const sender = new RecordingSender();
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(0);
    clock.advance(9_999);
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(0);
    clock.advance(1);
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(1);
    expect(sender.keys()).toEqual(["later"]);
  });

  it("a sender failing for one recipient does not block the others; the row is retried after a backoff", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    await enqueue(w, "to-ana", { kind: "member", memberId: w.members.ana.id }, START);
    await enqueue(w, "to-budi", { kind: "member", memberId: w.members.budi.id }, START);
    await enqueue(w, "to-citra", { kind: "member", memberId: w.members.citra.id }, START);
    const sender = new RecordingSender();
    sender.failing.add("to-budi");

    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(2);
    expect(sender.attempts).toEqual(["to-ana", "to-budi", "to-citra"]);
    expect(sender.keys()).toEqual(["to-ana", "to-citra"]);

    const failed = await row("to-budi");
    expect(failed.sent_at).toBeNull();
    expect(failed.platform_message_id).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain("transient");
    // First retry: 5 s base, half fixed and half jitter (0.5 here) = 3.75 s.
    expect(failed.available_at.getTime() - START.getTime()).toBe(3_750);
    for (const key of ["to-ana", "to-citra"]) {
      expect(await row(key)).toMatchObject({ sent_at: START, attempts: 1, last_error: null, platform_message_id: `pm-${key}` });
    }

    // Still failing, and not yet due: nothing is tried.
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(0);
    expect(sender.attempts).toHaveLength(3);

    // The platform recovers; before the retry time nothing moves.
    sender.failing.clear();
    clock.set(new Date(failed.available_at.getTime() - 1));
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(0);
    expect(sender.attempts).toHaveLength(3);

    // Once the clock passes it, the row goes out, once.
    clock.set(new Date(failed.available_at.getTime() + 1));
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(1);
    expect(sender.keys()).toEqual(["to-ana", "to-citra", "to-budi"]);
    expect(sender.sent[2]?.attempts).toBe(1);
    expect(await row("to-budi")).toMatchObject({ sent_at: clock.now(), attempts: 2, platform_message_id: "pm-to-budi" });
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(0);
    expect(sender.attempts).toEqual(["to-ana", "to-budi", "to-citra", "to-budi"]);
  });

  it("two dispatchers running at once never send the same row twice", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    const keys = Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, "0")}`);
    for (const key of keys) await enqueue(w, key, { kind: "member", memberId: w.members.ana.id }, START);
    const sender = new RecordingSender();
    const slow: Sender = {
      async send(message) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return sender.send(message);
      },
    };
    const [a, b] = await Promise.all([
      deliverPending(t.db.kysely, slow, clock, 3, "w1"),
      deliverPending(t.db.kysely, slow, clock, 3, "w2"),
    ]);
    expect(a + b).toBe(keys.length);
    // One conversation: never two at once, so the order holds across both dispatchers.
    expect(sender.attempts).toEqual(keys);
    expect((await outboxRows()).map((o) => o.attempts)).toEqual(keys.map(() => 1));
  });

  it("a sender that throws synchronously is handled like one that rejects", async () => {
    const w = await world();
    const clock = new ManualClock(START);
    await enqueue(w, "bad", { kind: "member", memberId: w.members.ana.id }, START);
    await enqueue(w, "good", { kind: "member", memberId: w.members.budi.id }, START);
    const sender: Sender = {
      send(message) {
        if (message.key === "bad") throw new TypeError("sync failure");
        return Promise.resolve({ platformMessageId: "ok" });
      },
    };
    expect(await deliverPending(t.db.kysely, sender, clock)).toBe(1);
    expect(await row("bad")).toMatchObject({ sent_at: null, attempts: 1 });
    expect((await row("bad")).last_error).toContain("TypeError");
    expect(await row("good")).toMatchObject({ sent_at: START, platform_message_id: "ok" });
  });
});

describe("target resolution", () => {
  async function deliverOne(w: World, audience: Audience): Promise<Outgoing> {
    await enqueue(w, "only", audience, START);
    const sender = new RecordingSender();
    expect(await deliverPending(t.db.kysely, sender, new ManualClock(START))).toBe(1);
    const [sent] = sender.sent;
    if (!sent) throw new Error("nothing sent");
    return sent;
  }

  it("member -> dm to the member's external id", async () => {
    const w = await world();
    const sent = await deliverOne(w, { kind: "member", memberId: w.members.dewi.id });
    expect(sent.target).toEqual({ kind: "dm", userId: "U-dewi" });
    expect(sent.audience).toEqual({ kind: "member", memberId: w.members.dewi.id });
  });

  it("channel -> the program's channel id", async () => {
    const w = await world();
    const sent = await deliverOne(w, { kind: "channel", programId: w.program.id });
    expect(sent.target).toEqual({ kind: "channel", channelId: "C-mentoring" });
    expect(sent.platform).toBe("slack");
    expect(sent.tenantExternalId).toBe("T-ext-1");
  });

  it("pairing -> group of current members' external ids in slot order", async () => {
    const w = await world();
    const { citra, ana, budi } = w.members;
    // Slots 1, 2, 3 = citra, ana, budi: neither alphabetical nor by member id.
    const p: Pairing = await r.pairings.create({ roundId: w.round.id, memberIds: [citra.id, ana.id, budi.id], at: START });
    const sent = await deliverOne(w, { kind: "pairing", pairingId: p.id });
    expect(sent.target).toEqual({ kind: "group", pairingId: p.id, userIds: ["U-citra", "U-ana", "U-budi"] });
  });

  it("pairing -> excludes members who left; a newcomer takes the freed slot's place in the order", async () => {
    const w = await world();
    const { citra, ana, budi, eko } = w.members;
    const p = await r.pairings.create({ roundId: w.round.id, memberIds: [citra.id, ana.id, budi.id], at: START });
    const later = new Date(START.getTime() + DAY);
    await r.pairings.removeMember(p.id, ana.id, later);
    await r.pairings.addMember(p.id, eko.id, later); // slot 2, joined last
    await enqueue(w, "after-join", { kind: "pairing", pairingId: p.id }, START);
    const sender = new RecordingSender();
    expect(await deliverPending(t.db.kysely, sender, new ManualClock(later))).toBe(1);
    expect(sender.sent[0]?.target).toEqual({ kind: "group", pairingId: p.id, userIds: ["U-citra", "U-eko", "U-budi"] });
  });

  it("pairing -> resolved at delivery time: someone who left after the row was queued is not included", async () => {
    const w = await world();
    const { ana, budi, citra } = w.members;
    const p = await r.pairings.create({ roundId: w.round.id, memberIds: [ana.id, budi.id, citra.id], at: START });
    await enqueue(w, "queued", { kind: "pairing", pairingId: p.id }, START);
    await r.pairings.removeMember(p.id, ana.id, START);
    const sender = new RecordingSender();
    expect(await deliverPending(t.db.kysely, sender, new ManualClock(START))).toBe(1);
    expect(sender.sent[0]?.target).toEqual({ kind: "group", pairingId: p.id, userIds: ["U-budi", "U-citra"] });
  });

  it("each audience of a mixed batch gets its own target", async () => {
    const w = await world();
    const p = await r.pairings.create({ roundId: w.round.id, memberIds: [w.members.budi.id, w.members.ana.id], at: START });
    await enqueue(w, "c", { kind: "channel", programId: w.program.id }, START);
    await enqueue(w, "p", { kind: "pairing", pairingId: p.id }, START);
    await enqueue(w, "m", { kind: "member", memberId: w.members.citra.id }, START);
    const sender = new RecordingSender();
    expect(await deliverPending(t.db.kysely, sender, new ManualClock(START))).toBe(3);
    expect(sender.sent.map((s) => [s.key, s.target])).toEqual([
      ["c", { kind: "channel", channelId: "C-mentoring" }],
      ["p", { kind: "group", pairingId: p.id, userIds: ["U-budi", "U-ana"] }],
      ["m", { kind: "dm", userId: "U-citra" }],
    ]);
    expect(sender.sent.map((s) => s.message)).toEqual([msg("c"), msg("p"), msg("m")]);
  });
});
