/**
 * Forgetting a member (`/mentoring forget-me`): every row they wrote or chose
 * is deleted or blanked, in the caller's transaction. What others' history
 * needs stays, anonymous: the members row (renamed, unlinked from the platform
 * user), their place in past pairings, enrollments (for counts), sessions.
 * Kept apart from the aggregates' own repositories so the whole rule reads in
 * one place.
 */
import { type Kysely, sql } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";

/** A delivered message's content once nothing may show it any more: its row stays for delivery order and counts. */
const BLANK_MESSAGE = JSON.stringify({ blocks: [] });

/** `text` as it appears inside a JSON string (the outbox's messages are jsonb): quotes and backslashes escaped. */
const asJsonText = (text: string): string => JSON.stringify(text).slice(1, -1);

export function erasureRepo(db: Kysely<Database>): Tx["erasure"] {
  return {
    async activePairings(memberId) {
      const rows = await db
        .selectFrom("pairing_members as pm")
        .innerJoin("pairings as p", "p.id", "pm.pairing_id")
        .innerJoin("rounds as r", "r.id", "p.round_id")
        .select(["p.id as pairingId", "p.round_id as roundId", "r.program_id as programId"])
        .where("pm.member_id", "=", memberId)
        .where("pm.left_at", "is", null)
        .where("p.status", "=", "active")
        // The same order every time, so two erasures never take round locks in opposite orders.
        .orderBy("p.round_id")
        .orderBy("p.id")
        .execute();
      return rows;
    },

    async forget(member, placeholder) {
      const m = member.id;
      // What messages may have quoted: the name and every profile answer (an intro names goals).
      const profiles = await db
        .selectFrom("profiles")
        .select(["expertise", "goals", "interests", "team"])
        .where("member_id", "=", m)
        .execute();
      const needles = [member.displayName, ...profiles.flatMap((p) => [...p.expertise, ...p.goals, ...p.interests, p.team])]
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
        .map(asJsonText);
      const pairingIds = (await db.selectFrom("pairing_members").select("pairing_id").where("member_id", "=", m).execute()).map(
        (r) => r.pairing_id,
      );

      await db.deleteFrom("profiles").where("member_id", "=", m).execute();
      await db.deleteFrom("journal_entries").where("member_id", "=", m).execute();
      // Ratings and notes with them; the sessions keep whether they were held.
      await db.deleteFrom("check_ins").where("member_id", "=", m).execute();
      await db.deleteFrom("evaluations").where("member_id", "=", m).execute();
      // The reason and whether they said it was not a fit: both their answers; the row (a count) stays.
      await db
        .updateTable("pairing_endings")
        .set({ reason: null, reason_plain: null, not_a_fit: false })
        .where("member_id", "=", m)
        .execute();
      await db
        .deleteFrom("do_not_pair")
        .where((eb) => eb.or([eb("member_id", "=", m), eb("avoided_member_id", "=", m)]))
        .execute();
      await db
        .deleteFrom("form_drafts")
        .where("tenant_id", "=", member.tenantId)
        .where("user_external_id", "=", member.externalId)
        .execute();
      await db.deleteFrom("program_organizers").where("member_id", "=", m).execute();
      await db.deleteFrom("calendar_opt_outs").where("member_id", "=", m).execute();
      // De-duplication keys of their presses name their platform id (kept a day at most, but theirs).
      await sql`delete from platform_events where position(${`:${member.externalId}:`} in key) > 0`.execute(db);
      const enrollmentIds = (
        await db
          .updateTable("enrollments")
          // Kept (as left) for the totals; what they chose about it goes back to the plain default.
          .set({ status: "left", wants_rematch: false, paused_until: null, partners_wanted: 1 })
          .where("member_id", "=", m)
          .returning("id")
          .execute()
      ).map((r) => r.id);
      if (enrollmentIds.length > 0)
        await db
          .deleteFrom("jobs")
          .where("status", "=", "pending")
          .where(sql<string>`payload->>'enrollmentId'`, "in", enrollmentIds)
          .execute();

      // Messages: to them, about them (reaching them through a channel), or to and about their pairings.
      const inScope = sql<boolean>`(member_id = ${m} or reach_member_id = ${m}${
        pairingIds.length > 0
          ? sql` or pairing_id in (${sql.join(pairingIds)}) or ${sql.join(
              pairingIds.map((id) => sql`position(${id} in idempotency_key) > 0`),
              sql` or `,
            )}`
          : sql``
      })`;
      const quoting =
        needles.length > 0
          ? sql<boolean>`(${sql.join(
              needles.map((n) => sql`position(${n} in message::text) > 0`),
              sql` or `,
            )})`
          : sql<boolean>`false`;
      await sql`delete from outbox where tenant_id = ${member.tenantId} and status <> 'sent'
        and (member_id = ${m} or reach_member_id = ${m} or (${inScope} and ${quoting}))`.execute(db);
      await sql`update outbox set message = ${BLANK_MESSAGE}::jsonb
        where tenant_id = ${member.tenantId} and status <> 'pending' and ${inScope}`.execute(db);

      const needed = await sql<{ needed: boolean }>`select
          exists (select 1 from pairing_members where member_id = ${m})
          or exists (select 1 from enrollments where member_id = ${m})
          or exists (select 1 from programs where created_by = ${m})
          or exists (select 1 from pairings where proposal_by = ${m}) as needed`.execute(db);
      if (!needed.rows[0]?.needed) {
        await db.deleteFrom("members").where("id", "=", m).execute();
        return "removed";
      }
      await db
        .updateTable("members")
        .set({
          display_name: placeholder,
          // No platform user reaches this row again: someone coming back starts afresh.
          external_id: `erased:${m}`,
          language: null,
          timezone: null,
        })
        .where("id", "=", m)
        .execute();
      return "anonymized";
    },
  };
}
