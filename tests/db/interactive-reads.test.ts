/**
 * The reads the interactive commands (status, check-in, Join) make in one round trip agree with
 * the separate reads they replace.
 */
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/core/time/durations";
import { repositories } from "../../src/store/kysely-store";
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
