/**
 * Biweekly evaluations: private to their author; only counts leave this module for organizers.
 * The answers (goal progress, what to adjust) are sealed under the tenant's data key; the 1–5
 * "working" score stays plain, like a check-in's rating, for the report's average.
 */
import type { Kysely } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";
import { openPrivate } from "../sealing/private-text";
import { vaultOf } from "../sealing/vault-carrier";
import { nextOrdinal } from "./answer-order";

export function evaluationsRepo(db: Kysely<Database>): Tx["evaluations"] {
  return {
    async record(e) {
      const vault = vaultOf(db);
      const row = await db
        .insertInto("evaluations")
        .values({
          pairing_id: e.pairingId,
          member_id: e.memberId,
          number: e.number,
          working: e.working,
          goal_progress: await vault.sealForMember(db, e.memberId, JSON.stringify(e.goalProgress)),
          adjust: await vault.sealForMember(db, e.memberId, e.adjust),
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
        .select(["goal_progress", "goal_progress_plain"])
        .where("pairing_id", "=", pairingId)
        .where("member_id", "=", memberId)
        .execute();
      const reached = new Set<string>();
      for (const r of rows) {
        const progress = await goalProgressOf(db, memberId, r.goal_progress, r.goal_progress_plain);
        for (const [goal, value] of Object.entries(progress)) if (value === "reached") reached.add(goal);
      }
      return [...reached];
    },
  };
}

/** One evaluation's goal → progress, opened (or, before the start that seals it, the plain copy). */
export async function goalProgressOf(
  db: Kysely<Database>,
  memberId: string,
  sealed: Uint8Array | null,
  plain: Record<string, string> | null,
): Promise<Record<string, string>> {
  const text = await openPrivate(db, memberId, sealed, plain === null ? null : JSON.stringify(plain));
  return text === null ? {} : (JSON.parse(text) as Record<string, string>);
}
