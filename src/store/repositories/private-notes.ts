/**
 * Journal entries and end-of-pairing reasons: private text. Nothing here
 * reads the text back for anyone but its author; the core only counts.
 */
import type { Kysely } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";

export function journalRepo(db: Kysely<Database>): Tx["journal"] {
  return {
    async add(e) {
      await db
        .insertInto("journal_entries")
        .values({ member_id: e.memberId, pairing_id: e.pairingId, body: e.text, created_at: e.at })
        .execute();
    },
    async count(memberId) {
      const { n } = await db
        .selectFrom("journal_entries")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("member_id", "=", memberId)
        .executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}

export function endingsRepo(db: Kysely<Database>): Tx["endings"] {
  return {
    async record(e) {
      await db
        .insertInto("pairing_endings")
        .values({ pairing_id: e.pairingId, member_id: e.memberId, reason: e.reason, created_at: e.at })
        .onConflict((oc) => oc.columns(["pairing_id", "member_id"]).doNothing())
        .execute();
    },
  };
}
