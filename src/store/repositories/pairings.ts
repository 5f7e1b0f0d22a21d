/** Pairings with their 2 or 3 members, and the cadence they agree. */
import { type Kysely, type Selectable, sql } from "kysely";
import type { Pairing, PairingMember, PairingStatus } from "../../core/domain";
import type { Tx } from "../../core/ports";
import type { Database, PairingsTable } from "../schema";

export const toPairing = (r: Selectable<PairingsTable>): Pairing => ({
  id: r.id,
  roundId: r.round_id,
  status: r.status as PairingStatus,
  createdAt: r.created_at,
  endedAt: r.ended_at,
  cadence:
    r.cadence_every_days !== null && r.cadence_timezone !== null
      ? {
          everyDays: r.cadence_every_days,
          minutes: r.cadence_minutes ?? 60,
          weekday: r.cadence_weekday,
          time: r.cadence_time ?? "10:00",
          timezone: r.cadence_timezone,
        }
      : null,
  proposal:
    r.proposal_by !== null && r.proposal_at !== null && r.proposal_every_days !== null
      ? {
          everyDays: r.proposal_every_days,
          minutes: r.proposal_minutes ?? 60,
          weekday: r.proposal_weekday,
          time: r.proposal_time ?? "10:00",
          timezone: r.proposal_timezone ?? "UTC",
          proposedBy: r.proposal_by,
          proposedAt: r.proposal_at,
        }
      : null,
});

export function pairingsRepo(db: Kysely<Database>): Tx["pairings"] {
  return {
    async create(p) {
      const row = await db
        .insertInto("pairings")
        .values({ round_id: p.roundId, created_at: p.at })
        .returningAll()
        .executeTakeFirstOrThrow();
      await db
        .insertInto("pairing_members")
        .values(p.memberIds.map((memberId, i) => ({ pairing_id: row.id, member_id: memberId, slot: i + 1, joined_at: p.at })))
        .execute();
      return toPairing(row);
    },
    async get(id, opts) {
      let q = db.selectFrom("pairings").selectAll().where("id", "=", id);
      if (opts?.lock) q = q.forUpdate();
      return toPairing(await q.executeTakeFirstOrThrow());
    },
    async members(pairingId) {
      const rows = await db
        .selectFrom("pairing_members")
        .select(["pairing_id", "member_id", "left_at"])
        .where("pairing_id", "=", pairingId)
        .orderBy("slot")
        .execute();
      return rows.map((r) => ({ pairingId: r.pairing_id, memberId: r.member_id, leftAt: r.left_at }));
    },
    async activeForMember(memberId, roundId) {
      const rows = await db
        .selectFrom("pairings as p")
        .innerJoin("pairing_members as pm", "pm.pairing_id", "p.id")
        .selectAll("p")
        .where("pm.member_id", "=", memberId)
        .where("pm.left_at", "is", null)
        .where("p.round_id", "=", roundId)
        .where("p.status", "=", "active")
        .orderBy("p.created_at", "desc")
        .execute();
      return rows.map(toPairing);
    },
    async activeWithMembers(tenantId, memberId, roundId) {
      // activeForMember's conditions and order, a row per pairing member (slot order) with their
      // name; the joins up to the program keep the read inside the tenant.
      const rows = await db
        .selectFrom("pairings as p")
        .innerJoin("pairing_members as mine", "mine.pairing_id", "p.id")
        .innerJoin("rounds as r", "r.id", "p.round_id")
        .innerJoin("programs as pr", "pr.id", "r.program_id")
        .innerJoin("pairing_members as pm", "pm.pairing_id", "p.id")
        .innerJoin("members as m", "m.id", "pm.member_id")
        .selectAll("p")
        .select(["pm.member_id as pm_member_id", "pm.left_at as pm_left_at", "m.display_name as pm_display_name"])
        .where("pr.tenant_id", "=", tenantId)
        .where("mine.member_id", "=", memberId)
        .where("mine.left_at", "is", null)
        .where("p.round_id", "=", roundId)
        .where("p.status", "=", "active")
        .orderBy("p.created_at", "desc")
        .orderBy("p.id")
        .orderBy("pm.slot")
        .execute();
      const byPairing = new Map<string, { pairing: Pairing; members: Array<PairingMember & { displayName: string }> }>();
      for (const r of rows) {
        const entry = byPairing.get(r.id) ?? { pairing: toPairing(r), members: [] };
        entry.members.push({ pairingId: r.id, memberId: r.pm_member_id, leftAt: r.pm_left_at, displayName: r.pm_display_name });
        byPairing.set(r.id, entry);
      }
      return [...byPairing.values()];
    },
    async activeCounts(roundId, memberIds) {
      if (memberIds.length === 0) return new Map();
      const rows = await db
        .selectFrom("pairings as p")
        .innerJoin("pairing_members as pm", "pm.pairing_id", "p.id")
        .select(["pm.member_id", sql<number>`count(*)::int`.as("n")])
        .where("pm.member_id", "in", memberIds)
        .where("pm.left_at", "is", null)
        .where("p.round_id", "=", roundId)
        .where("p.status", "=", "active")
        .groupBy("pm.member_id")
        .execute();
      return new Map(rows.map((r) => [r.member_id, Number(r.n)]));
    },
    async inRound(roundId) {
      const rows = await db.selectFrom("pairings").selectAll().where("round_id", "=", roundId).orderBy("created_at").execute();
      if (rows.length === 0) return [];
      const links = await db
        .selectFrom("pairing_members")
        .select(["pairing_id", "member_id"])
        .where(
          "pairing_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("slot")
        .execute();
      return rows.map((r) => ({
        pairing: toPairing(r),
        memberIds: links.filter((l) => l.pairing_id === r.id).map((l) => l.member_id),
      }));
    },
    async history(programId, beforeRound) {
      const rows = await db
        .selectFrom("pairings as p")
        .innerJoin("rounds as r", "r.id", "p.round_id")
        .innerJoin("pairing_members as pm", "pm.pairing_id", "p.id")
        .select((eb) => [
          "p.id",
          "r.number",
          "pm.member_id",
          eb
            .exists(
              eb
                .selectFrom("pairing_endings as e")
                .select("e.pairing_id")
                .whereRef("e.pairing_id", "=", "p.id")
                .where("e.not_a_fit", "=", true),
            )
            .as("not_a_fit"),
        ])
        .where("r.program_id", "=", programId)
        .where("r.number", "<", beforeRound)
        .execute();
      const byPairing = new Map<string, { memberIds: string[]; roundNumber: number; notAFit: boolean }>();
      for (const r of rows) {
        const entry = byPairing.get(r.id) ?? { memberIds: [], roundNumber: r.number, notAFit: Boolean(r.not_a_fit) };
        entry.memberIds.push(r.member_id);
        byPairing.set(r.id, entry);
      }
      return [...byPairing.values()];
    },
    async leftShort(roundId) {
      const rows = await db
        .selectFrom("enrollments as e")
        .select("e.member_id")
        .where("e.round_id", "=", roundId)
        .where((eb) =>
          eb.or([
            // Never matched in that round.
            eb.not(
              eb.exists(
                eb
                  .selectFrom("pairing_members as pm")
                  .innerJoin("pairings as p", "p.id", "pm.pairing_id")
                  .select("pm.member_id")
                  .whereRef("pm.member_id", "=", "e.member_id")
                  .where("p.round_id", "=", roundId),
              ),
            ),
            // Put in a pairing that had three members.
            eb.exists(
              eb
                .selectFrom("pairing_members as pm")
                .innerJoin("pairings as p", "p.id", "pm.pairing_id")
                .select("pm.member_id")
                .whereRef("pm.member_id", "=", "e.member_id")
                .where("p.round_id", "=", roundId)
                .where((inner) =>
                  inner(
                    inner
                      .selectFrom("pairing_members as x")
                      .select((c) => c.fn.countAll<number>().as("n"))
                      .whereRef("x.pairing_id", "=", "p.id"),
                    ">=",
                    3,
                  ),
                ),
            ),
          ]),
        )
        .execute();
      return rows.map((r) => r.member_id);
    },
    async setProposal(id, p) {
      await db
        .updateTable("pairings")
        .set({
          proposal_every_days: p?.everyDays ?? null,
          proposal_minutes: p?.minutes ?? null,
          proposal_weekday: p?.weekday ?? null,
          proposal_time: p?.time ?? null,
          proposal_timezone: p?.timezone ?? null,
          proposal_by: p?.proposedBy ?? null,
          proposal_at: p?.proposedAt ?? null,
        })
        .where("id", "=", id)
        .execute();
    },
    async setCadence(id, c) {
      await db
        .updateTable("pairings")
        .set({
          cadence_every_days: c.everyDays,
          cadence_minutes: c.minutes,
          cadence_weekday: c.weekday,
          cadence_time: c.time,
          cadence_timezone: c.timezone,
        })
        .where("id", "=", id)
        .execute();
    },
    async addMember(pairingId, memberId, at) {
      const taken = await db
        .selectFrom("pairing_members")
        .select("slot")
        .where("pairing_id", "=", pairingId)
        .where("slot", "is not", null)
        .execute();
      // No free slot makes the insert fail the slot check: the database keeps the limit of three.
      const slot = [1, 2, 3].find((s) => !taken.some((t) => t.slot === s)) ?? 4;
      await db
        .insertInto("pairing_members")
        .values({ pairing_id: pairingId, member_id: memberId, slot, joined_at: at })
        .execute();
    },
    async removeMember(pairingId, memberId, at) {
      await db
        .updateTable("pairing_members")
        .set({ left_at: at, slot: null })
        .where("pairing_id", "=", pairingId)
        .where("member_id", "=", memberId)
        .execute();
    },
    async end(id, at) {
      await db
        .updateTable("pairings")
        .set({ status: "ended", ended_at: at })
        .where("id", "=", id)
        .where("status", "=", "active")
        .execute();
    },
  };
}
