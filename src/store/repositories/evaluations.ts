/** Biweekly evaluations: private to their author; only counts leave this module for organizers. */
import type { Kysely } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";
import { nextOrdinal } from "./answer-order";

export function evaluationsRepo(db: Kysely<Database>): Tx["evaluations"] {
  return {
    async record(e) {
      const row = await db
        .insertInto("evaluations")
        .values({
          pairing_id: e.pairingId,
          member_id: e.memberId,
          number: e.number,
          working: e.working,
          goal_progress: JSON.stringify(e.goalProgress),
          adjust: e.adjust,
          created_at: e.at,
        })
        .onConflict((oc) => oc.columns(["pairing_id", "member_id", "number"]).doNothing())
        .returning("number")
        .executeTakeFirst();
      if (row === undefined) return false;
      // Its place in the round's order, once it is surely new (see answer-order.ts).
      const { round_id } = await db
        .selectFrom("pairings")
        .select("round_id")
        .where("id", "=", e.pairingId)
        .executeTakeFirstOrThrow();
      await db
        .updateTable("evaluations")
        .set({ ordinal: await nextOrdinal(db, round_id, "evaluation") })
        .where("pairing_id", "=", e.pairingId)
        .where("member_id", "=", e.memberId)
        .where("number", "=", e.number)
        .execute();
      return true;
    },
    async count(pairingId, number) {
      const { n } = await db
        .selectFrom("evaluations")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("pairing_id", "=", pairingId)
        .where("number", "=", number)
        .executeTakeFirstOrThrow();
      return Number(n);
    },
    async goalsReached(pairingId, memberId) {
      const rows = await db
        .selectFrom("evaluations")
        .select("goal_progress")
        .where("pairing_id", "=", pairingId)
        .where("member_id", "=", memberId)
        .execute();
      const reached = new Set<string>();
      for (const r of rows)
        for (const [goal, progress] of Object.entries(r.goal_progress)) if (progress === "reached") reached.add(goal);
      return [...reached];
    },
  };
}
