/** Issue 18: pairings' calendar series and members' opt-outs (migration 0017). */
import { type Kysely, sql } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";

export function calendarRepo(db: Kysely<Database>): Tx["calendar"] {
  return {
    async series(pairingId) {
      const row = await db
        .selectFrom("calendar_series")
        .select(["starts_at", "moved", "sequence"])
        .where("pairing_id", "=", pairingId)
        .executeTakeFirst();
      return row ? { startsAt: row.starts_at, moved: row.moved, sequence: row.sequence } : null;
    },
    async begin(pairingId, startsAt) {
      await db
        .insertInto("calendar_series")
        .values({ pairing_id: pairingId, starts_at: startsAt, moved: JSON.stringify([]) })
        .onConflict((oc) =>
          oc.column("pairing_id").doUpdateSet({ starts_at: startsAt, moved: JSON.stringify([]), updated_at: sql`now()` }),
        )
        .execute();
    },
    async setMoved(pairingId, moved) {
      await db
        .updateTable("calendar_series")
        .set({ moved: JSON.stringify(moved), updated_at: sql`now()` })
        .where("pairing_id", "=", pairingId)
        .execute();
    },
    async nextSequence(pairingId) {
      const row = await db
        .updateTable("calendar_series")
        .set((eb) => ({ sequence: eb("sequence", "+", 1), updated_at: sql`now()` }))
        .where("pairing_id", "=", pairingId)
        .returning("sequence")
        .executeTakeFirstOrThrow();
      return row.sequence;
    },
    async optedOut(memberIds) {
      if (memberIds.length === 0) return new Set();
      const rows = await db.selectFrom("calendar_opt_outs").select("member_id").where("member_id", "in", memberIds).execute();
      return new Set(rows.map((r) => r.member_id));
    },
    async setOptedOut(memberId, off, at) {
      if (off) {
        const made = await db
          .insertInto("calendar_opt_outs")
          .values({ member_id: memberId, created_at: at })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return Number(made.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const gone = await db.deleteFrom("calendar_opt_outs").where("member_id", "=", memberId).executeTakeFirst();
      return Number(gone.numDeletedRows) > 0;
    },
  };
}
