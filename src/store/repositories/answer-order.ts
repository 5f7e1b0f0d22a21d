/**
 * The order private answers arrive in, per round (see migration 0006): the
 * report's blocks are the first answers in this order, so it must follow
 * commit order and never change under an answer already counted.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema";

/**
 * The next number for an answer of `kind` in the round. The counter's row
 * stays locked until this transaction ends, so the next answer of the round
 * gets its number only after this one committed (or rolled back, taking its
 * number with it).
 */
export async function nextOrdinal(db: Kysely<Database>, roundId: string, kind: "rating" | "evaluation"): Promise<number> {
  const row = await db
    .insertInto("answer_counters")
    .values({ round_id: roundId, kind, answered: 1 })
    .onConflict((oc) => oc.columns(["round_id", "kind"]).doUpdateSet({ answered: sql`answer_counters.answered + 1` }))
    .returning("answered")
    .executeTakeFirstOrThrow();
  return row.answered;
}
