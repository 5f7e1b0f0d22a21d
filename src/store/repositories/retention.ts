/**
 * Retention: a program keeps a closed round's private text for
 * `retention_months`, then the round's retention job calls
 * `erasePrivateText`. Rows stay (blanked) wherever a figure counts them.
 */
import type { Kysely } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";

export function retentionRepo(db: Kysely<Database>): Tx["retention"] {
  return {
    async months(programId) {
      const row = await db
        .selectFrom("programs")
        .select("retention_months")
        .where("id", "=", programId)
        .executeTakeFirstOrThrow();
      return row.retention_months;
    },
    async setMonths(programId, months) {
      await db.updateTable("programs").set({ retention_months: months }).where("id", "=", programId).execute();
    },
    async markClosed(roundId, at) {
      await db.updateTable("rounds").set({ closed_at: at }).where("id", "=", roundId).where("closed_at", "is", null).execute();
    },
    async closedAt(roundId) {
      const row = await db.selectFrom("rounds").select("closed_at").where("id", "=", roundId).executeTakeFirst();
      return row?.closed_at ?? null;
    },
    async closedRounds(programId) {
      const rows = await db
        .selectFrom("rounds")
        .select(["id", "closed_at"])
        .where("program_id", "=", programId)
        .where("status", "=", "closed")
        .where("closed_at", "is not", null)
        .orderBy("number")
        .execute();
      return rows.map((r) => ({ roundId: r.id, closedAt: r.closed_at as Date }));
    },
    async erasePrivateText(roundId) {
      const pairings = db.selectFrom("pairings").select("id").where("round_id", "=", roundId);
      const journal = await db.deleteFrom("journal_entries").where("pairing_id", "in", pairings).executeTakeFirst();
      const notes = await db
        .updateTable("check_ins")
        .set({ note: null, note_plain: null })
        .where((eb) => eb.or([eb("note", "is not", null), eb("note_plain", "is not", null)]))
        .where("session_id", "in", db.selectFrom("sessions").select("id").where("pairing_id", "in", pairings))
        .executeTakeFirst();
      const reasons = await db
        .updateTable("pairing_endings")
        .set({ reason: null, reason_plain: null })
        .where((eb) => eb.or([eb("reason", "is not", null), eb("reason_plain", "is not", null)]))
        .where("pairing_id", "in", pairings)
        .executeTakeFirst();
      // The answers go (sealed, or a plain copy not sealed yet); how the pairing was working (a
      // number in the averages) stays.
      const evaluations = await db
        .updateTable("evaluations")
        .set({ goal_progress: null, goal_progress_plain: null, adjust: null, adjust_plain: null })
        .where((eb) =>
          eb.or([
            eb("goal_progress", "is not", null),
            eb("goal_progress_plain", "is not", null),
            eb("adjust", "is not", null),
            eb("adjust_plain", "is not", null),
          ]),
        )
        .where("pairing_id", "in", pairings)
        .executeTakeFirst();
      return [journal.numDeletedRows, notes.numUpdatedRows, reasons.numUpdatedRows, evaluations.numUpdatedRows].reduce(
        (sum, n) => sum + Number(n),
        0,
      );
    },
  };
}
