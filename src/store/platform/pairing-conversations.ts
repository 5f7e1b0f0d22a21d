/**
 * The conversation a pair or trio talks in, where a platform needs one made
 * once (Discord: bots cannot be in group DMs, so each pairing gets a private
 * thread in the program channel). The first sender to store one wins; a
 * replica that lost the race uses the winner's.
 */
import type { Kysely } from "kysely";
import type { ConversationPerson } from "../../adapters/platform-port";
import { isLanguage, type Language } from "../../core/domain";
import type { Database } from "../schema";

export async function conversationOf(db: Kysely<Database>, pairingId: string): Promise<string | null> {
  const row = await db
    .selectFrom("pairing_conversations")
    .select("conversation_id")
    .where("pairing_id", "=", pairingId)
    .executeTakeFirst();
  return row?.conversation_id ?? null;
}

/** Stores `conversationId` unless the pairing has one already; returns the one that counts. */
export async function claimConversation(
  db: Kysely<Database>,
  pairingId: string,
  conversationId: string,
  now: Date,
): Promise<string> {
  await db
    .insertInto("pairing_conversations")
    .values({ pairing_id: pairingId, conversation_id: conversationId, created_at: now })
    .onConflict((oc) => oc.column("pairing_id").doNothing())
    .execute();
  return (await conversationOf(db, pairingId)) ?? conversationId;
}

/** The conversation is gone (a moderator deleted the thread): the next message makes a new one. */
export async function forgetConversation(db: Kysely<Database>, pairingId: string, conversationId: string): Promise<void> {
  await db
    .deleteFrom("pairing_conversations")
    .where("pairing_id", "=", pairingId)
    .where("conversation_id", "=", conversationId)
    .execute();
}

/** Platform ids of those who left the pairing (and are not back in it). */
export async function formerMembers(db: Kysely<Database>, pairingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("pairing_members as pm")
    .innerJoin("members as m", "m.id", "pm.member_id")
    .select("m.external_id")
    .where("pm.pairing_id", "=", pairingId)
    .where("pm.left_at", "is not", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("pairing_members as now")
            .select("now.member_id")
            .whereRef("now.pairing_id", "=", "pm.pairing_id")
            .whereRef("now.member_id", "=", "pm.member_id")
            .where("now.left_at", "is", null),
        ),
      ),
    )
    .execute();
  return [...new Set(rows.map((r) => r.external_id))];
}

/** What a sender needs to name a pairing's conversation and point its members to it. */
export async function conversationPeople(
  db: Kysely<Database>,
  tenantId: string,
  userIds: readonly string[],
  programId: string | null,
): Promise<{ people: ConversationPerson[]; programLanguage: Language | null }> {
  const people =
    userIds.length === 0
      ? []
      : await db
          .selectFrom("members")
          .select(["id", "external_id", "display_name", "language", "dm_blocked_at"])
          .where("tenant_id", "=", tenantId)
          .where("external_id", "in", [...userIds])
          .execute();
  const program = programId
    ? await db.selectFrom("programs").select("language").where("id", "=", programId).executeTakeFirst()
    : undefined;
  const byUser = new Map(people.map((p) => [p.external_id, p]));
  return {
    people: userIds.flatMap((userId) => {
      const p = byUser.get(userId);
      return p
        ? [
            {
              memberId: p.id,
              userId,
              displayName: p.display_name,
              language: isLanguage(p.language) ? p.language : null,
              dmBlocked: p.dm_blocked_at !== null,
            },
          ]
        : [];
    }),
    programLanguage: isLanguage(program?.language) ? program.language : null,
  };
}
