/**
 * The rules the schema holds itself (checks, unique keys, the partial unique
 * index on rounds, the three-slot limit of a pairing, the outbox audience
 * check), reached through the repositories and through raw Kysely inserts.
 * Each rejection is paired with an accepted neighbour, so a check that is
 * missing, too strict or too loose fails a test.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index";
import type { Member, Pairing, Program, Round, Session, Tenant } from "../../src/core/domain";
import type { Message } from "../../src/core/messages/message";
import type { Tx } from "../../src/core/ports";
import { kyselyStore, repositories } from "../../src/store/kysely-store";
import { migrateToLatest } from "../../src/store/migrate";
import type { Database } from "../../src/store/schema";
import { useTestDb } from "../support/test-db";

const CHECK_VIOLATION = "23514";
const UNIQUE_VIOLATION = "23505";

const AT = new Date("2026-12-01T02:00:00Z");
const DAY = 86_400_000;

const t = useTestDb();
let r: Tx;

beforeAll(async () => {
  r = repositories(t.db.kysely);
});

/** Awaits `work` and checks it failed with the given SQLSTATE and constraint name. */
async function expectRejected(work: Promise<unknown>, code: string, constraint: string): Promise<void> {
  const outcome = await work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected the database to reject (${constraint}), but it accepted`);
  expect(outcome.error).toMatchObject({ code, constraint });
}

async function count(table: keyof Database): Promise<number> {
  const { n } = await t.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

const msg = (text: string): Message => ({ blocks: [{ type: "text", text }] });

interface World {
  tenant: Tenant;
  members: Member[];
  program: Program;
  round: Round;
}

async function world(memberCount = 5): Promise<World> {
  const tenant = await r.tenants.ensure("console", "T1");
  const members: Member[] = [];
  for (let i = 1; i <= memberCount; i++) members.push(await r.members.ensure(tenant.id, `U${i}`, `Member ${i}`));
  const owner = members[0] as Member;
  const program = await r.programs.create({
    tenantId: tenant.id,
    channelId: "C-program",
    spaceId: null,
    name: "Mentoring",
    language: "en",
    timezone: "Asia/Jakarta",
    roundWeeks: 8,
    createdBy: owner.id,
  });
  const round = await r.rounds.create({
    programId: program.id,
    number: 1,
    status: "open",
    seed: 42,
    openedAt: AT,
    endsAt: new Date(AT.getTime() + 56 * DAY),
  });
  return { tenant, members, program, round };
}

const m = (w: World, i: number): Member => {
  const member = w.members[i];
  if (!member) throw new Error(`no member ${i}`);
  return member;
};

async function pairingOf(w: World, ...indexes: number[]): Promise<Pairing> {
  return r.pairings.create({ roundId: w.round.id, memberIds: indexes.map((i) => m(w, i).id), at: AT });
}

async function sessionOf(pairing: Pairing): Promise<Session> {
  return r.sessions.create({ pairingId: pairing.id, number: 1, startsAt: AT, minutes: 60 });
}

describe("session length (45 to 60 minutes)", () => {
  it.each([44, 61, 0, -45])("rejects a session of %i minutes", async (minutes) => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    await expectRejected(
      r.sessions.create({ pairingId: p.id, number: 1, startsAt: AT, minutes }),
      CHECK_VIOLATION,
      "sessions_minutes_check",
    );
    expect(await count("sessions")).toBe(0);
  });

  it("accepts the bounds, 45 and 60 minutes", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    const s45 = await r.sessions.create({ pairingId: p.id, number: 1, startsAt: AT, minutes: 45 });
    const s60 = await r.sessions.create({ pairingId: p.id, number: 2, startsAt: AT, minutes: 60 });
    expect([s45.minutes, s60.minutes]).toEqual([45, 60]);
    expect(await count("sessions")).toBe(2);
  });

  it("rejects a reschedule to 44 or 61 minutes, keeping the old length", async () => {
    const w = await world();
    const s = await sessionOf(await pairingOf(w, 0, 1));
    await expectRejected(r.sessions.reschedule(s.id, AT, 44), CHECK_VIOLATION, "sessions_minutes_check");
    await expectRejected(r.sessions.reschedule(s.id, AT, 61), CHECK_VIOLATION, "sessions_minutes_check");
    expect((await r.sessions.get(s.id)).minutes).toBe(60);
  });
});

describe("cadence (every 7 to 14 days)", () => {
  const cadence = (everyDays: number) => ({ everyDays, minutes: 60, weekday: 2, time: "10:00", timezone: "Asia/Jakarta" });

  it.each([6, 15])("rejects a cadence every %i days and leaves the pairing without one", async (everyDays) => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    await expectRejected(r.pairings.setCadence(p.id, cadence(everyDays)), CHECK_VIOLATION, "pairings_cadence_every_days_check");
    expect((await r.pairings.get(p.id)).cadence).toBeNull();
  });

  it.each([6, 15])("rejects a proposal every %i days", async (everyDays) => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    await expectRejected(
      r.pairings.setProposal(p.id, { ...cadence(everyDays), proposedBy: m(w, 0).id, proposedAt: AT }),
      CHECK_VIOLATION,
      "pairings_proposal_every_days_check",
    );
    expect((await r.pairings.get(p.id)).proposal).toBeNull();
  });

  it("accepts the bounds, every 7 and every 14 days", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    await r.pairings.setCadence(p.id, cadence(7));
    expect((await r.pairings.get(p.id)).cadence?.everyDays).toBe(7);
    await r.pairings.setCadence(p.id, cadence(14));
    expect((await r.pairings.get(p.id)).cadence).toEqual(cadence(14));
  });

  it("rejects a raw insert of a pairing with cadence every 6 days", async () => {
    const w = await world();
    await expectRejected(
      t.db.kysely
        .insertInto("pairings")
        .values({ round_id: w.round.id, created_at: AT, cadence_every_days: 6, cadence_timezone: "UTC" })
        .execute(),
      CHECK_VIOLATION,
      "pairings_cadence_every_days_check",
    );
    expect(await count("pairings")).toBe(0);
  });
});

describe("check-ins", () => {
  it.each([0, 6])("rejects a rating of %i", async (rating) => {
    const w = await world();
    const s = await sessionOf(await pairingOf(w, 0, 1));
    await expectRejected(
      r.checkIns.create({ sessionId: s.id, memberId: m(w, 0).id, outcome: "met", rating, note: null, at: AT }),
      CHECK_VIOLATION,
      "check_ins_rating_check",
    );
    expect(await r.checkIns.count(s.id)).toBe(0);
  });

  it("accepts ratings 1 and 5", async () => {
    const w = await world();
    const s = await sessionOf(await pairingOf(w, 0, 1));
    expect(
      await r.checkIns.create({ sessionId: s.id, memberId: m(w, 0).id, outcome: "met", rating: 1, note: null, at: AT }),
    ).toBe(true);
    expect(
      await r.checkIns.create({ sessionId: s.id, memberId: m(w, 1).id, outcome: "met", rating: 5, note: null, at: AT }),
    ).toBe(true);
    expect(await r.checkIns.count(s.id)).toBe(2);
  });

  it("rejects a 'met' check-in without a rating, but not a 'not_met' or 'rescheduled' one", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1, 2);
    const s = await sessionOf(p);
    await expectRejected(
      r.checkIns.create({ sessionId: s.id, memberId: m(w, 0).id, outcome: "met", rating: null, note: "great", at: AT }),
      CHECK_VIOLATION,
      "check_ins_check",
    );
    expect(await r.checkIns.count(s.id)).toBe(0);
    expect(
      await r.checkIns.create({ sessionId: s.id, memberId: m(w, 1).id, outcome: "not_met", rating: null, note: null, at: AT }),
    ).toBe(true);
    expect(
      await r.checkIns.create({
        sessionId: s.id,
        memberId: m(w, 2).id,
        outcome: "rescheduled",
        rating: null,
        note: null,
        at: AT,
      }),
    ).toBe(true);
    expect(await r.checkIns.count(s.id)).toBe(2);
  });

  it("rejects a raw 'met' insert with a null rating", async () => {
    const w = await world();
    const s = await sessionOf(await pairingOf(w, 0, 1));
    await expectRejected(
      t.db.kysely
        .insertInto("check_ins")
        .values({ session_id: s.id, member_id: m(w, 0).id, outcome: "met", rating: null, note: null, created_at: AT })
        .execute(),
      CHECK_VIOLATION,
      "check_ins_check",
    );
  });

  it("a second check-in of the same member for the same session returns false and keeps the first", async () => {
    const w = await world();
    const s = await sessionOf(await pairingOf(w, 0, 1));
    expect(
      await r.checkIns.create({ sessionId: s.id, memberId: m(w, 0).id, outcome: "met", rating: 4, note: null, at: AT }),
    ).toBe(true);
    expect(
      await r.checkIns.create({ sessionId: s.id, memberId: m(w, 0).id, outcome: "met", rating: 2, note: null, at: AT }),
    ).toBe(false);
    const rows = await t.db.kysely.selectFrom("check_ins").select("rating").execute();
    expect(rows).toEqual([{ rating: 4 }]);
  });
});

describe("enrollments (one per member per round)", () => {
  it("a second enrollment returns null, and a raw insert throws", async () => {
    const w = await world();
    const first = await r.enrollments.create({ roundId: w.round.id, memberId: m(w, 1).id, partnersWanted: 1, at: AT });
    expect(first).toMatchObject({ roundId: w.round.id, memberId: m(w, 1).id, partnersWanted: 1, status: "active" });

    const second = await r.enrollments.create({
      roundId: w.round.id,
      memberId: m(w, 1).id,
      partnersWanted: 2,
      at: new Date(AT.getTime() + 1000),
    });
    expect(second).toBeNull();

    await expectRejected(
      t.db.kysely
        .insertInto("enrollments")
        .values({ round_id: w.round.id, member_id: m(w, 1).id, partners_wanted: 3, created_at: AT })
        .execute(),
      UNIQUE_VIOLATION,
      "enrollments_round_id_member_id_key",
    );

    const rows = await t.db.kysely.selectFrom("enrollments").select(["id", "partners_wanted"]).execute();
    expect(rows).toEqual([{ id: first?.id, partners_wanted: 1 }]);
  });

  it("the same member may enroll in another round, and another member in the same round", async () => {
    const w = await world();
    await r.rounds.setStatus(w.round.id, "closed");
    const round2 = await r.rounds.create({ ...w.round, number: 2, status: "open" });
    expect(await r.enrollments.create({ roundId: w.round.id, memberId: m(w, 1).id, partnersWanted: 1, at: AT })).not.toBeNull();
    expect(await r.enrollments.create({ roundId: round2.id, memberId: m(w, 1).id, partnersWanted: 1, at: AT })).not.toBeNull();
    expect(await r.enrollments.create({ roundId: w.round.id, memberId: m(w, 2).id, partnersWanted: 1, at: AT })).not.toBeNull();
    expect(await count("enrollments")).toBe(3);
  });
});

describe("rounds (at most one not closed per program)", () => {
  const roundOf = (w: World, number: number, status: Round["status"], programId = w.program.id) =>
    r.rounds.create({
      programId,
      number,
      status,
      seed: number,
      openedAt: new Date(AT.getTime() + number * DAY),
      endsAt: new Date(AT.getTime() + (number + 56) * DAY),
    });

  it.each(["open", "running"] as const)("rejects a second not-closed round (%s) while one is open", async (status) => {
    const w = await world(); // round 1 is open
    await expectRejected(roundOf(w, 2, status), UNIQUE_VIOLATION, "rounds_one_current");
    expect(await count("rounds")).toBe(1);
  });

  it("rejects a raw insert of a second running round", async () => {
    const w = await world();
    await r.rounds.setStatus(w.round.id, "running");
    await expectRejected(
      t.db.kysely
        .insertInto("rounds")
        .values({
          program_id: w.program.id,
          number: 2,
          status: "running",
          seed: 1,
          opened_at: AT,
          ends_at: new Date(AT.getTime() + DAY),
        })
        .execute(),
      UNIQUE_VIOLATION,
      "rounds_one_current",
    );
  });

  it("closed rounds do not count: many closed and one current may coexist", async () => {
    const w = await world();
    await r.rounds.setStatus(w.round.id, "closed");
    await roundOf(w, 2, "closed");
    const round3 = await roundOf(w, 3, "running");
    await expectRejected(roundOf(w, 4, "open"), UNIQUE_VIOLATION, "rounds_one_current");
    await r.rounds.setStatus(round3.id, "closed");
    const round4 = await roundOf(w, 4, "open");
    expect((await r.rounds.latest(w.program.id))?.id).toBe(round4.id);
    expect(await count("rounds")).toBe(4);
  });

  it("reopening a closed round while another is current is rejected", async () => {
    const w = await world();
    await r.rounds.setStatus(w.round.id, "closed");
    await roundOf(w, 2, "open");
    await expectRejected(r.rounds.setStatus(w.round.id, "open"), UNIQUE_VIOLATION, "rounds_one_current");
    expect((await r.rounds.get(w.round.id)).status).toBe("closed");
  });

  it("the limit is per program: another program has its own current round", async () => {
    const w = await world();
    const other = await r.programs.create({ ...w.program, channelId: "C-other" });
    await roundOf(w, 1, "open", other.id);
    expect(await count("rounds")).toBe(2);
  });
});

describe("pairing members (three slots)", () => {
  it("a 4th current member is rejected by the slot check", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1, 2);
    await expectRejected(r.pairings.addMember(p.id, m(w, 3).id, AT), CHECK_VIOLATION, "pairing_members_slot_check");
    const links = await r.pairings.members(p.id);
    expect(links.map((l) => l.memberId)).toEqual([m(w, 0).id, m(w, 1).id, m(w, 2).id]);
  });

  it("a pairing of two takes a third member in slot 3", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    await r.pairings.addMember(p.id, m(w, 2).id, AT);
    const slots = await t.db.kysely
      .selectFrom("pairing_members")
      .select(["member_id", "slot"])
      .where("pairing_id", "=", p.id)
      .orderBy("slot")
      .execute();
    expect(slots).toEqual([
      { member_id: m(w, 0).id, slot: 1 },
      { member_id: m(w, 1).id, slot: 2 },
      { member_id: m(w, 2).id, slot: 3 },
    ]);
  });

  it("a member who left frees their slot for a new one, and the pairing is full again after", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1, 2);
    const left = new Date(AT.getTime() + DAY);
    await r.pairings.removeMember(p.id, m(w, 1).id, left);
    await r.pairings.addMember(p.id, m(w, 3).id, left);

    const rows = await t.db.kysely
      .selectFrom("pairing_members")
      .select(["member_id", "slot", "left_at"])
      .where("pairing_id", "=", p.id)
      .execute();
    const byMember = new Map(rows.map((row) => [row.member_id, row]));
    expect(byMember.get(m(w, 1).id)).toEqual({ member_id: m(w, 1).id, slot: null, left_at: left });
    expect(byMember.get(m(w, 3).id)).toMatchObject({ slot: 2, left_at: null });
    expect(rows.filter((row) => row.left_at === null)).toHaveLength(3);

    const active = (await r.pairings.members(p.id)).filter((l) => l.leftAt === null).map((l) => l.memberId);
    expect(active).toEqual([m(w, 0).id, m(w, 3).id, m(w, 2).id]);

    await expectRejected(r.pairings.addMember(p.id, m(w, 4).id, left), CHECK_VIOLATION, "pairing_members_slot_check");
  });

  it("two current members cannot share a slot (raw insert)", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    await expectRejected(
      t.db.kysely
        .insertInto("pairing_members")
        .values({ pairing_id: p.id, member_id: m(w, 2).id, slot: 2, joined_at: AT })
        .execute(),
      UNIQUE_VIOLATION,
      "pairing_members_pairing_id_slot_key",
    );
  });

  it("a member who left cannot keep a slot, and a current member must have one (raw)", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    await expectRejected(
      t.db.kysely
        .insertInto("pairing_members")
        .values({ pairing_id: p.id, member_id: m(w, 2).id, slot: 3, joined_at: AT, left_at: AT })
        .execute(),
      CHECK_VIOLATION,
      "pairing_members_check",
    );
    await expectRejected(
      t.db.kysely
        .insertInto("pairing_members")
        .values({ pairing_id: p.id, member_id: m(w, 2).id, slot: null, joined_at: AT, left_at: null })
        .execute(),
      CHECK_VIOLATION,
      "pairing_members_check",
    );
  });
});

describe("outbox", () => {
  it("rejects a member audience with a program_id set (audience consistency check)", async () => {
    const w = await world();
    await expectRejected(
      t.db.kysely
        .insertInto("outbox")
        .values({
          tenant_id: w.tenant.id,
          idempotency_key: "bad-member",
          audience_kind: "member",
          member_id: m(w, 0).id,
          program_id: w.program.id,
          message: JSON.stringify(msg("x")),
          created_at: AT,
          available_at: AT,
        })
        .execute(),
      CHECK_VIOLATION,
      "outbox_check",
    );
    expect(await count("outbox")).toBe(0);
  });

  it.each([
    ["member without member_id", { audience_kind: "member" as const }],
    ["pairing with a member_id", { audience_kind: "pairing" as const, member_id: "member" }],
    ["channel without program_id", { audience_kind: "channel" as const }],
    ["channel with a member_id too", { audience_kind: "channel" as const, program_id: "program", member_id: "member" }],
  ])("rejects an inconsistent audience: %s", async (_name, shape) => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    const ids: Record<string, string> = { member: m(w, 0).id, program: w.program.id };
    const values = {
      tenant_id: w.tenant.id,
      idempotency_key: "bad",
      audience_kind: shape.audience_kind,
      member_id: "member_id" in shape ? ids[shape.member_id] : null,
      pairing_id: shape.audience_kind === "pairing" ? p.id : null,
      program_id: "program_id" in shape ? ids[shape.program_id] : null,
      message: JSON.stringify(msg("x")),
      created_at: AT,
      available_at: AT,
    };
    await expectRejected(t.db.kysely.insertInto("outbox").values(values).execute(), CHECK_VIOLATION, "outbox_check");
  });

  it("accepts one consistent row of each audience kind through enqueue", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    await r.outbox.enqueue({
      tenantId: w.tenant.id,
      key: "k-m",
      audience: { kind: "member", memberId: m(w, 0).id },
      message: msg("m"),
      at: AT,
    });
    await r.outbox.enqueue({
      tenantId: w.tenant.id,
      key: "k-p",
      audience: { kind: "pairing", pairingId: p.id },
      message: msg("p"),
      at: AT,
    });
    await r.outbox.enqueue({
      tenantId: w.tenant.id,
      key: "k-c",
      audience: { kind: "channel", programId: w.program.id },
      message: msg("c"),
      at: AT,
    });
    const rows = await t.db.kysely
      .selectFrom("outbox")
      .select(["idempotency_key", "audience_kind", "member_id", "pairing_id", "program_id", "message"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      {
        idempotency_key: "k-m",
        audience_kind: "member",
        member_id: m(w, 0).id,
        pairing_id: null,
        program_id: null,
        message: msg("m"),
      },
      {
        idempotency_key: "k-p",
        audience_kind: "pairing",
        member_id: null,
        pairing_id: p.id,
        program_id: null,
        message: msg("p"),
      },
      {
        idempotency_key: "k-c",
        audience_kind: "channel",
        member_id: null,
        pairing_id: null,
        program_id: w.program.id,
        message: msg("c"),
      },
    ]);
  });

  it("a duplicate idempotency key is silently ignored by enqueue: one row, the first", async () => {
    const w = await world();
    await r.outbox.enqueue({
      tenantId: w.tenant.id,
      key: "intro:1",
      audience: { kind: "member", memberId: m(w, 0).id },
      message: msg("first"),
      at: AT,
    });
    await expect(
      r.outbox.enqueue({
        tenantId: w.tenant.id,
        key: "intro:1",
        audience: { kind: "channel", programId: w.program.id },
        message: msg("second"),
        at: new Date(AT.getTime() + 1000),
      }),
    ).resolves.toBeUndefined();
    const rows = await t.db.kysely
      .selectFrom("outbox")
      .select(["idempotency_key", "audience_kind", "message", "created_at"])
      .execute();
    expect(rows).toEqual([{ idempotency_key: "intro:1", audience_kind: "member", message: msg("first"), created_at: AT }]);
  });

  it("a raw insert of a duplicate idempotency key throws", async () => {
    const w = await world();
    await r.outbox.enqueue({
      tenantId: w.tenant.id,
      key: "k",
      audience: { kind: "member", memberId: m(w, 0).id },
      message: msg("a"),
      at: AT,
    });
    await expectRejected(
      t.db.kysely
        .insertInto("outbox")
        .values({
          tenant_id: w.tenant.id,
          idempotency_key: "k",
          audience_kind: "member",
          member_id: m(w, 1).id,
          message: JSON.stringify(msg("b")),
          created_at: AT,
          available_at: AT,
        })
        .execute(),
      UNIQUE_VIOLATION,
      "outbox_idempotency_key_key",
    );
    expect(await count("outbox")).toBe(1);
  });
});

describe("store.transaction", () => {
  it("commits every write when the work succeeds (control)", async () => {
    const store = kyselyStore(t.db.kysely);
    const result = await store.transaction(async (tx) => {
      const tenant = await tx.tenants.ensure("slack", "T-ok");
      const member = await tx.members.ensure(tenant.id, "U-ok", "Ok");
      await tx.outbox.enqueue({
        tenantId: tenant.id,
        key: "ok",
        audience: { kind: "member", memberId: member.id },
        message: msg("ok"),
        at: AT,
      });
      return member.id;
    });
    expect(typeof result).toBe("string");
    expect([await count("tenants"), await count("members"), await count("outbox")]).toEqual([1, 1, 1]);
  });

  it("rolls back everything when the work throws, and rethrows the same error", async () => {
    const store = kyselyStore(t.db.kysely);
    const boom = new Error("boom");
    await expect(
      store.transaction(async (tx) => {
        const tenant = await tx.tenants.ensure("slack", "T-rollback");
        const member = await tx.members.ensure(tenant.id, "U-rollback", "Rolled Back");
        await tx.outbox.enqueue({
          tenantId: tenant.id,
          key: "rb",
          audience: { kind: "member", memberId: member.id },
          message: msg("rb"),
          at: AT,
        });
        // The writes are visible inside the transaction ...
        expect(await tx.members.get(member.id)).toMatchObject({ externalId: "U-rollback" });
        throw boom;
      }),
    ).rejects.toBe(boom);
    // ... and gone after it.
    expect([await count("tenants"), await count("members"), await count("outbox")]).toEqual([0, 0, 0]);
  });

  it("rolls back earlier writes when a later statement violates a constraint", async () => {
    const w = await world();
    const p = await pairingOf(w, 0, 1);
    const store = kyselyStore(t.db.kysely);
    const before = await Promise.all([count("sessions"), count("outbox"), count("enrollments")]);
    const outcome = await store
      .transaction(async (tx) => {
        await tx.sessions.create({ pairingId: p.id, number: 1, startsAt: AT, minutes: 60 });
        await tx.enrollments.create({ roundId: w.round.id, memberId: m(w, 4).id, partnersWanted: 1, at: AT });
        await tx.outbox.enqueue({
          tenantId: w.tenant.id,
          key: "x",
          audience: { kind: "pairing", pairingId: p.id },
          message: msg("x"),
          at: AT,
        });
        await tx.sessions.create({ pairingId: p.id, number: 2, startsAt: AT, minutes: 61 });
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(outcome).toMatchObject({ code: CHECK_VIOLATION, constraint: "sessions_minutes_check" });
    expect(await Promise.all([count("sessions"), count("outbox"), count("enrollments")])).toEqual(before);
    expect(before).toEqual([0, 0, 0]);
  });
});

describe("migrations", () => {
  it("are idempotent: migrating an up-to-date database applies nothing", async () => {
    const again = await migrateToLatest(t.db.kysely);
    expect(again).toEqual([]);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.db.kysely);
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(migrations).sort());
    // And a third time, still nothing, with the schema intact.
    expect(await migrateToLatest(t.db.kysely)).toEqual([]);
    expect(await count("tenants")).toBe(0);
  });
});
