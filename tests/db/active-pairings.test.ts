/**
 * The batched count of each member's active pairings (matching reads it for
 * every enrollee in one query) agrees with the per-member lookup: ended
 * pairings, members who left, other rounds and unpaired members included.
 */
import { describe, expect, it } from "vitest";
import { waitingForPeer } from "../../src/core/pairing/rematch";
import { DAY_MS } from "../../src/core/time/durations";
import { repositories } from "../../src/store/kysely-store";
import { useTestDb } from "../support/test-db";

const AT = new Date("2026-12-01T02:00:00Z");
const t = useTestDb();

/** A tenant with these people, a program and a round maker: what both tests start from. */
async function programWith(label: string, names: readonly string[]) {
  const r = repositories(t.db.kysely);
  const tenant = await r.tenants.ensure("console", `T-${label}`);
  const people = await Promise.all(names.map((name) => r.members.ensure(tenant.id, `U-${name}`, name)));
  const first = people[0];
  if (!first) throw new Error("members");
  const program = await r.programs.create({
    tenantId: tenant.id,
    channelId: `C-${label}`,
    spaceId: null,
    name: "Mentoring",
    language: "en",
    timezone: "Asia/Jakarta",
    roundWeeks: 8,
    createdBy: first.id,
  });
  const round = (n: number, status: "closed" | "running") =>
    r.rounds.create({
      programId: program.id,
      number: n,
      status,
      seed: n,
      openedAt: AT,
      endsAt: new Date(AT.getTime() + 56 * DAY_MS),
    });
  return { r, people, round };
}

describe("pairings.activeCounts", () => {
  it("counts, per member, the round's active pairings they are still in, like activeForMember", async () => {
    const { r, people, round } = await programWith("active", ["ani", "budi", "citra", "dewi", "eko", "fajar"]);
    const [ani, budi, citra, dewi, eko, fajar] = people;
    if (!ani || !budi || !citra || !dewi || !eko || !fajar) throw new Error("members");
    const earlier = await round(1, "closed");
    const current = await round(2, "running");
    const pair = (roundId: string, ...memberIds: string[]) => r.pairings.create({ roundId, memberIds, at: AT });

    // Ani: two active pairings (one a trio Citra left). Budi: one active, one ended. Dewi: only in an earlier round.
    await pair(current.id, ani.id, budi.id);
    const trio = await pair(current.id, ani.id, citra.id, eko.id);
    await r.pairings.removeMember(trio.id, citra.id, AT);
    const ended = await pair(current.id, budi.id, fajar.id);
    await r.pairings.end(ended.id, AT);
    await pair(earlier.id, dewi.id, fajar.id);

    const everyone = [ani, budi, citra, dewi, eko, fajar].map((m) => m.id);
    const counts = await r.pairings.activeCounts(current.id, everyone);
    expect(Object.fromEntries([...counts].map(([id, n]) => [everyone.indexOf(id), n]))).toEqual({ 0: 2, 1: 1, 4: 1 });
    for (const id of everyone) {
      expect(counts.get(id) ?? 0).toBe((await r.pairings.activeForMember(id, current.id)).length);
    }
    expect(await r.pairings.activeCounts(current.id, [])).toEqual(new Map());
  });
});

describe("waitingForPeer", () => {
  it("lists who asked for a new peer or was never matched, unless paired now or on a break", async () => {
    const { r, people, round: roundOf } = await programWith("waiting", ["ani", "budi", "citra", "dewi"]);
    const [ani, budi, citra, dewi] = people;
    if (!ani || !budi || !citra || !dewi) throw new Error("members");
    const round = await roundOf(1, "running");
    const enroll = async (memberId: string) => {
      const e = await r.enrollments.create({ roundId: round.id, memberId, partnersWanted: 1, at: AT });
      if (!e) throw new Error("enrollment");
      return e;
    };
    await enroll(ani.id);
    // Budi asked for a new peer but is in a pairing now (not waiting); Citra was never matched
    // (waiting); Dewi was never matched but is on a break (not waiting).
    const budiEnrollment = await enroll(budi.id);
    await enroll(citra.id);
    const dewiEnrollment = await enroll(dewi.id);
    await r.pairings.create({ roundId: round.id, memberIds: [ani.id, budi.id], at: AT });
    await r.enrollments.update(budiEnrollment.id, { wantsRematch: true });
    await r.enrollments.update(dewiEnrollment.id, { pausedUntil: new Date(AT.getTime() + 7 * DAY_MS) });

    expect(await waitingForPeer(r, round, AT)).toEqual([citra.id]);
    // Once Dewi's break is over she is waiting too.
    expect((await waitingForPeer(r, round, new Date(AT.getTime() + 8 * DAY_MS))).sort()).toEqual([citra.id, dewi.id].sort());
  });
});
