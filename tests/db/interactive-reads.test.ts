/**
 * The reads the interactive commands (status, check-in, Join) make in one round trip agree with
 * the separate reads they replace.
 */
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/core/time/durations";
import { kyselyStore, repositories } from "../../src/store/kysely-store";
import { useTestDb } from "../support/test-db";

const AT = new Date("2026-12-01T02:00:00Z");
const t = useTestDb();

/** A tenant with these people, a program, a running round and a pairing of the first two. */
async function pairingOf(names: readonly string[]) {
  const r = repositories(t.db.kysely);
  const tenant = await r.tenants.ensure("console", "T-reads");
  const people = await Promise.all(names.map((name) => r.members.ensure(tenant.id, `U-${name}`, name)));
  const [first, second] = people;
  if (!first || !second) throw new Error("members");
  const program = await r.programs.create({
    tenantId: tenant.id,
    channelId: "C-reads",
    spaceId: null,
    name: "Mentoring",
    language: "en",
    timezone: "Asia/Jakarta",
    roundWeeks: 8,
    createdBy: first.id,
  });
  const round = await r.rounds.create({
    programId: program.id,
    number: 1,
    status: "running",
    seed: 1,
    openedAt: AT,
    endsAt: new Date(AT.getTime() + 56 * DAY_MS),
  });
  const pairing = await r.pairings.create({ roundId: round.id, memberIds: [first.id, second.id], at: AT });
  return { r, tenant, people, program, round, pairing };
}

describe("sessions.around", () => {
  it("finds what latestStarted and next find, at every moment around the sessions", async () => {
    const { r, tenant, pairing } = await pairingOf(["ani", "budi"]);
    const day = (n: number) => new Date(AT.getTime() + n * DAY_MS);
    expect(await r.sessions.around(tenant.id, pairing.id, day(0))).toEqual({ started: null, next: null });
    for (const n of [1, 2, 3]) await r.sessions.create({ pairingId: pairing.id, number: n, startsAt: day(7 * n), minutes: 60 });
    // Before the first, at one's start (started), between two, after the last.
    for (const now of [day(0), day(7), day(10), day(14), day(30)]) {
      const around = await r.sessions.around(tenant.id, pairing.id, now);
      expect(around, now.toISOString()).toEqual({
        started: await r.sessions.latestStarted(pairing.id, now),
        next: await r.sessions.next(pairing.id, now),
      });
    }
  });
});

describe("pairings.activeWithMembers", () => {
  it("finds what activeForMember finds, each pairing with what members and getMany find", async () => {
    const { r, tenant, people, round, pairing } = await pairingOf(["ani", "budi", "citra", "dewi", "eko"]);
    const [ani, budi, citra, dewi, eko] = people;
    if (!ani || !budi || !citra || !dewi || !eko) throw new Error("members");
    // Ani: her pair with Budi, a later trio Citra left, and an ended pairing; Dewi: in no pairing.
    const trio = await r.pairings.create({
      roundId: round.id,
      memberIds: [citra.id, ani.id, eko.id],
      at: new Date(AT.getTime() + 1),
    });
    await r.pairings.removeMember(trio.id, citra.id, AT);
    const ended = await r.pairings.create({ roundId: round.id, memberIds: [ani.id, eko.id], at: new Date(AT.getTime() + 2) });
    await r.pairings.end(ended.id, AT);
    for (const member of [ani, budi, citra, dewi, eko]) {
      const expected = await Promise.all(
        (await r.pairings.activeForMember(member.id, round.id)).map(async (p) => {
          const links = await r.pairings.members(p.id);
          const names = await r.members.getMany(links.map((l) => l.memberId));
          return { pairing: p, members: links.map((l, i) => ({ ...l, displayName: names[i]?.displayName })) };
        }),
      );
      expect(await r.pairings.activeWithMembers(tenant.id, member.id, round.id), member.displayName).toEqual(expected);
    }
    // The trio first (newest), Citra (who left, her slot freed) last; then the pair.
    const mine = await r.pairings.activeWithMembers(tenant.id, ani.id, round.id);
    expect(mine.map((e) => e.members.map((m) => [m.displayName, m.leftAt !== null]))).toEqual([
      [
        ["ani", false],
        ["eko", false],
        ["citra", true],
      ],
      [
        ["ani", false],
        ["budi", false],
      ],
    ]);
    expect(mine[1]?.pairing.id).toBe(pairing.id);
  });
});

/** A store whose statements are counted in `statements`. */
function countedStore() {
  const statements: string[] = [];
  const store = kyselyStore(
    t.db.kysely.withPlugin({
      transformQuery: (args) => {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    }),
  );
  return { store, statements };
}

describe("enrollments.latestForMember", () => {
  it("reads the round's program in the same statement and keeps it for the transaction", async () => {
    const { r, people, program, round } = await pairingOf(["ani", "budi"]);
    const [ani] = people;
    if (!ani) throw new Error("members");
    await r.enrollments.create({ roundId: round.id, memberId: ani.id, partnersWanted: 1, at: AT });
    const { store: counted, statements } = countedStore();
    await counted.transaction(async (tx) => {
      const latest = await tx.enrollments.latestForMember(ani.id);
      expect(latest?.round).toEqual(round);
      // Kept: the use case's read of the program costs no statement, and is the program as read alone.
      expect(await tx.programs.get(round.programId)).toEqual(program);
    });
    expect(statements).toHaveLength(1);
  });

  it("carries the program's retention months, and a change of them is read again in the transaction", async () => {
    const { r, people, program, round } = await pairingOf(["ani", "budi"]);
    const [ani] = people;
    if (!ani) throw new Error("members");
    await r.enrollments.create({ roundId: round.id, memberId: ani.id, partnersWanted: 1, at: AT });
    expect(program.retentionMonths).toBe(await r.retention.months(program.id));
    await kyselyStore(t.db.kysely).transaction(async (tx) => {
      await tx.enrollments.latestForMember(ani.id);
      await tx.retention.setMonths(program.id, 3);
      expect((await tx.programs.get(program.id)).retentionMonths).toBe(3);
    });
  });
});

describe("the round the tenant guard checks", () => {
  it("is kept for the transaction's unlocked reads; a locked read and a status change go to the database", async () => {
    const { tenant, round } = await pairingOf(["ani", "budi"]);
    const { store, statements } = countedStore();
    await store.transaction(async (tx) => {
      expect(await tx.tenancy.ownerOf("round", round.id)).toBe(tenant.id);
      expect(await tx.rounds.get(round.id)).toEqual(round);
      expect(statements).toHaveLength(1);
      expect(await tx.rounds.get(round.id, { lock: true })).toEqual(round);
      expect(statements).toHaveLength(2);
      await tx.rounds.setStatus(round.id, "closed");
      expect((await tx.rounds.get(round.id)).status).toBe("closed");
      expect(statements).toHaveLength(4);
    });
    // Outside a transaction nothing is kept.
    const r = repositories(t.db.kysely);
    expect(await r.tenancy.ownerOf("round", round.id)).toBe(tenant.id);
    expect(await r.tenancy.ownerOf("round", "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("enrollments.joining", () => {
  it("finds what enrollments.find and profiles.getMany find, with or without either", async () => {
    const { r, tenant, people, program, round } = await pairingOf(["ani", "budi", "citra", "dewi"]);
    const [ani, budi, citra, dewi] = people;
    if (!ani || !budi || !citra || !dewi) throw new Error("members");
    const profile = (memberId: string, programId: string) =>
      r.profiles.upsert({ memberId, programId, expertise: ["SQL"], goals: ["speaking"], interests: ["kopi"], team: "Data" });
    // Ani: enrolled, with a profile; Budi: a profile only; Citra: enrolled only (and left); Dewi: neither,
    // but a profile in another program, which is not this round's.
    await r.enrollments.create({ roundId: round.id, memberId: ani.id, partnersWanted: 2, at: AT });
    await profile(ani.id, program.id);
    await profile(budi.id, program.id);
    const left = await r.enrollments.create({ roundId: round.id, memberId: citra.id, partnersWanted: 1, at: AT });
    if (!left) throw new Error("enrollment");
    await r.enrollments.update(left.id, { status: "left", pausedUntil: AT });
    const elsewhere = await r.programs.create({ ...program, channelId: "C-elsewhere" });
    await profile(dewi.id, elsewhere.id);
    for (const member of [ani, budi, citra, dewi]) {
      const [saved] = await r.profiles.getMany(program.id, [member.id]);
      expect(await r.enrollments.joining(tenant.id, round.id, member.id), member.displayName).toEqual({
        enrollment: await r.enrollments.find(round.id, member.id),
        profile: saved ?? null,
      });
    }
    expect((await r.enrollments.joining(tenant.id, round.id, ani.id)).profile?.team).toBe("Data");
    expect((await r.enrollments.joining(tenant.id, round.id, citra.id)).enrollment?.status).toBe("left");
  });
});

describe("journal.add", () => {
  it("returns the member's count of notes with the new one, as journal.count then finds", async () => {
    const { r, people, pairing } = await pairingOf(["ani", "budi"]);
    const [ani, budi] = people;
    if (!ani || !budi) throw new Error("members");
    expect(await r.journal.add({ memberId: budi.id, pairingId: null, text: "budi's", at: AT })).toBe(1);
    expect(await r.journal.add({ memberId: ani.id, pairingId: pairing.id, text: "first", at: AT })).toBe(1);
    // Two in one transaction: the second counts the first.
    const counts = await kyselyStore(t.db.kysely).transaction(async (tx) => [
      await tx.journal.add({ memberId: ani.id, pairingId: null, text: "second", at: AT }),
      await tx.journal.add({ memberId: ani.id, pairingId: pairing.id, text: "third", at: AT }),
    ]);
    expect(counts).toEqual([2, 3]);
    expect(await r.journal.count(ani.id)).toBe(3);
    expect((await r.journal.recent(ani.id, 5)).map((n) => n.text).sort()).toEqual(["first", "second", "third"]);
  });
});
