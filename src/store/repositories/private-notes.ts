/**
 * Journal entries, end-of-pairing reasons and "do not pair me with" lists:
 * private to their author. Nothing here
 * reads the text back for anyone but its author; the core only counts.
 * The text is sealed under the tenant's data key (sealing/vault.ts).
 */
import { type Kysely, sql } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";
import { openPrivate } from "../sealing/private-text";
import { vaultOf } from "../sealing/vault-carrier";

export function journalRepo(db: Kysely<Database>): Tx["journal"] {
  return {
    async add(e) {
      const body = await vaultOf(db).sealForMember(db, e.memberId, e.text);
      // The insert and the count in one statement. The count's snapshot is the statement's start,
      // which does not hold the row the insert makes: hence the one added.
      const { n } = await db
        .with("added", (q) =>
          q
            .insertInto("journal_entries")
            .values({ member_id: e.memberId, pairing_id: e.pairingId, body, created_at: e.at })
            .returning("id"),
        )
        .selectFrom("journal_entries")
        .select((eb) => sql<number>`${eb.fn.countAll()} + (select count(*) from added)`.as("n"))
        .where("member_id", "=", e.memberId)
        .executeTakeFirstOrThrow();
      return Number(n);
    },
    async count(memberId) {
      const { n } = await db
        .selectFrom("journal_entries")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("member_id", "=", memberId)
        .executeTakeFirstOrThrow();
      return Number(n);
    },
    async recent(memberId, limit) {
      const rows = await db
        .selectFrom("journal_entries")
        .select(["body", "body_plain", "created_at"])
        .where("member_id", "=", memberId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      const texts = await Promise.all(rows.map((r) => openPrivate(db, memberId, r.body, r.body_plain)));
      return rows.map((r, i) => ({ text: texts[i] ?? "", at: r.created_at }));
    },
  };
}

export function endingsRepo(db: Kysely<Database>): Tx["endings"] {
  return {
    async record(e) {
      await db
        .insertInto("pairing_endings")
        .values({
          pairing_id: e.pairingId,
          member_id: e.memberId,
          reason: e.reason === null ? null : await vaultOf(db).sealForMember(db, e.memberId, e.reason),
          not_a_fit: e.notAFit,
          created_at: e.at,
        })
        .onConflict((oc) => oc.columns(["pairing_id", "member_id"]).doNothing())
        .execute();
    },
  };
}

export function avoidancesRepo(db: Kysely<Database>): Tx["avoidances"] {
  return {
    async add(memberId, avoidedMemberId, at) {
      await db
        .insertInto("do_not_pair")
        .values({ member_id: memberId, avoided_member_id: avoidedMemberId, created_at: at })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async among(memberIds) {
      if (memberIds.length === 0) return [];
      const rows = await db
        .selectFrom("do_not_pair")
        .select(["member_id", "avoided_member_id"])
        .where((eb) => eb.or([eb("member_id", "in", memberIds), eb("avoided_member_id", "in", memberIds)]))
        .execute();
      return rows.map((r) => [r.member_id, r.avoided_member_id] as [string, string]);
    },
  };
}
