/** Sessions on a pairing's cadence, and the check-ins after them. */
import type { Kysely, Selectable } from "kysely";
import type { CheckInOutcome, Session, SessionStatus } from "../../core/domain";
import type { Tx } from "../../core/ports";
import type { Database, SessionsTable } from "../schema";
import { vaultOf } from "../sealing/vault-carrier";
import { nextOrdinal } from "./answer-order";

const toSession = (r: Selectable<SessionsTable>): Session => ({
  id: r.id,
  pairingId: r.pairing_id,
  number: r.number,
  startsAt: r.starts_at,
  minutes: r.minutes,
  status: r.status as SessionStatus,
  checkInPromptedAt: r.check_in_prompted_at,
});

export function sessionsRepo(db: Kysely<Database>): Tx["sessions"] {
  return {
    async create(s) {
      const row = await db
        .insertInto("sessions")
        .values({ pairing_id: s.pairingId, number: s.number, starts_at: s.startsAt, minutes: s.minutes })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSession(row);
    },
    async get(id, opts) {
      let q = db.selectFrom("sessions").selectAll().where("id", "=", id);
      if (opts?.lock) q = q.forUpdate();
      return toSession(await q.executeTakeFirstOrThrow());
    },
    async latestStarted(pairingId, now) {
      const row = await db
        .selectFrom("sessions")
        .selectAll()
        .where("pairing_id", "=", pairingId)
        .where("starts_at", "<=", now)
        .orderBy("number", "desc")
        .limit(1)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async next(pairingId, now) {
      const row = await db
        .selectFrom("sessions")
        .selectAll()
        .where("pairing_id", "=", pairingId)
        .where("starts_at", ">", now)
        .orderBy("number")
        .limit(1)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async around(tenantId, pairingId, now) {
      // The two rows latestStarted and next would find (the same conditions and order), in one
      // statement; the joins up to the program keep the read inside the tenant.
      const rows = await db
        .selectFrom("sessions as s")
        .innerJoin("pairings as pa", "pa.id", "s.pairing_id")
        .innerJoin("rounds as r", "r.id", "pa.round_id")
        .innerJoin("programs as p", "p.id", "r.program_id")
        .selectAll("s")
        .where("s.pairing_id", "=", pairingId)
        .where("p.tenant_id", "=", tenantId)
        .where((eb) => {
          // The newest session started by `now`, or the first after it.
          const one = (started: boolean) =>
            eb
              .selectFrom("sessions")
              .select("id")
              .where("pairing_id", "=", pairingId)
              .where("starts_at", started ? "<=" : ">", now)
              .orderBy("number", started ? "desc" : "asc")
              .limit(1);
          return eb.or([eb("s.id", "=", one(true)), eb("s.id", "=", one(false))]);
        })
        .execute();
      const started = rows.find((r) => r.starts_at <= now);
      const next = rows.find((r) => r.starts_at > now);
      return { started: started ? toSession(started) : null, next: next ? toSession(next) : null };
    },
    async last(pairingId) {
      const row = await db
        .selectFrom("sessions")
        .selectAll()
        .where("pairing_id", "=", pairingId)
        .orderBy("number", "desc")
        .limit(1)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async setStatus(id, status) {
      await db.updateTable("sessions").set({ status }).where("id", "=", id).execute();
    },
    async reschedule(id, startsAt, minutes) {
      await db.updateTable("sessions").set({ starts_at: startsAt, minutes }).where("id", "=", id).execute();
    },
    async countHeld(pairingId) {
      const { n } = await db
        .selectFrom("sessions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("pairing_id", "=", pairingId)
        .where("status", "=", "held")
        .executeTakeFirstOrThrow();
      return Number(n);
    },
    async byNumber(pairingId, number) {
      const row = await db
        .selectFrom("sessions")
        .selectAll()
        .where("pairing_id", "=", pairingId)
        .where("number", "=", number)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async markPrompted(id, at) {
      await db.updateTable("sessions").set({ check_in_prompted_at: at }).where("id", "=", id).execute();
    },
  };
}

export function checkInsRepo(db: Kysely<Database>): Tx["checkIns"] {
  return {
    async create(c) {
      const row = await db
        .insertInto("check_ins")
        .values({
          session_id: c.sessionId,
          member_id: c.memberId,
          outcome: c.outcome,
          rating: c.rating,
          note: c.note === null ? null : await vaultOf(db).sealForMember(db, c.memberId, c.note),
          created_at: c.at,
        })
        .onConflict((oc) => oc.columns(["session_id", "member_id"]).doNothing())
        .returning("session_id")
        .executeTakeFirst();
      if (row === undefined) return false;
      if (c.rating !== null) {
        // A rating takes its place in the round's order only once it is surely new.
        const { round_id } = await db
          .selectFrom("sessions as s")
          .innerJoin("pairings as p", "p.id", "s.pairing_id")
          .select("p.round_id")
          .where("s.id", "=", c.sessionId)
          .executeTakeFirstOrThrow();
        await db
          .updateTable("check_ins")
          .set({ ordinal: await nextOrdinal(db, round_id, "rating") })
          .where("session_id", "=", c.sessionId)
          .where("member_id", "=", c.memberId)
          .execute();
      }
      return true;
    },
    async count(sessionId) {
      const { n } = await db
        .selectFrom("check_ins")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("session_id", "=", sessionId)
        .executeTakeFirstOrThrow();
      return Number(n);
    },
    async forSession(sessionId) {
      const rows = await db
        .selectFrom("check_ins")
        .select(["member_id", "outcome"])
        .where("session_id", "=", sessionId)
        .execute();
      return rows.map((r) => ({ memberId: r.member_id, outcome: r.outcome as CheckInOutcome }));
    },
  };
}
