/**
 * The delivery side of the outbox. A dispatcher leases the first pending row
 * of each conversation (SKIP LOCKED, so replicas never take the same row, and
 * a later row of a conversation waits while an earlier one is pending: order
 * is kept within each conversation). The exception: a row written held for
 * later (quiet hours, a set time) keeps nothing back until it is due; a row
 * put back for a retry or a rate limit is not held, so it keeps its place.
 * Each outcome is recorded at once, so a
 * crash can repeat at most the sends in flight, never lose one. A replica that
 * shuts down hands its leases back (releaseOutboxLeases) rather than let them run out.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Audience, Platform } from "../core/domain";
import type { Outgoing, Target } from "../delivery/outgoing";
import type { Database } from "./schema";

export type { Outgoing, Target } from "../delivery/outgoing";

export async function leasePending(
  db: Kysely<Database>,
  now: Date,
  worker: string,
  leaseMs: number,
  limit: number,
  /** Only rows of these platforms (the ones this process can send to); every platform's when absent. */
  platforms?: readonly Platform[],
): Promise<Outgoing[]> {
  if (platforms?.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("outbox as o")
      .innerJoin("tenants as t", "t.id", "o.tenant_id")
      .leftJoin("members as m", "m.id", "o.member_id")
      .leftJoin("programs as p", "p.id", "o.program_id")
      .leftJoin("programs as cp", "cp.id", "o.context_program_id")
      .select([
        "o.id",
        "o.idempotency_key",
        "o.audience_kind",
        "o.member_id",
        "o.pairing_id",
        "o.program_id",
        "o.message",
        "o.attempts",
        "o.conversation",
        "o.context_program_id",
        "o.reach_member_id",
        "o.request_id",
        "t.id as tenant_id",
        "t.platform",
        "t.external_id as tenant_external_id",
        "m.dm_blocked_at",
        "m.external_id as member_external_id",
        "p.channel_id",
        "cp.channel_id as context_channel_id",
        // A pair's current members in slot order, resolved now (not when the row was written).
        sql<string[] | null>`case when o.pairing_id is null then null else array(
          select pm_m.external_id from pairing_members pm join members pm_m on pm_m.id = pm.member_id
          where pm.pairing_id = o.pairing_id and pm.left_at is null order by pm.slot) end`.as("group_user_ids"),
      ])
      .where("o.status", "=", "pending")
      .$if(platforms !== undefined, (q) => q.where("t.platform", "in", platforms ?? []))
      .where("o.available_at", "<=", now)
      .where((eb) => eb.or([eb("o.lease_until", "is", null), eb("o.lease_until", "<=", now)]))
      // Only the head of each conversation: an earlier pending row (even leased elsewhere) holds the rest
      // back, unless it was written held for later and is not due yet (what a member just asked for is not
      // kept behind Monday's retrospective). Once due, a held row is an ordinary one: order by id.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("outbox as e")
              .select(sql`1`.as("one"))
              .whereRef("e.conversation", "=", "o.conversation")
              .where("e.status", "=", "pending")
              .whereRef("e.id", "<", "o.id")
              .where((eb) => eb.or([eb("e.held", "=", false), eb("e.available_at", "<=", now)])),
          ),
        ),
      )
      .orderBy("o.available_at")
      .orderBy("o.id")
      .limit(limit)
      .forUpdate("o")
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + leaseMs);
    await trx
      .updateTable("outbox")
      .set({ lease_until: leaseUntil, leased_by: worker })
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r): Outgoing => {
      const audience: Audience =
        r.audience_kind === "member"
          ? { kind: "member", memberId: r.member_id as string }
          : r.audience_kind === "pairing"
            ? { kind: "pairing", pairingId: r.pairing_id as string }
            : { kind: "channel", programId: r.program_id as string };
      const target: Target =
        audience.kind === "member"
          ? { kind: "dm", userId: r.member_external_id as string }
          : audience.kind === "pairing"
            ? {
                kind: "group",
                pairingId: audience.pairingId,
                userIds: r.group_user_ids ?? [],
                ...(r.context_channel_id ? { channelId: r.context_channel_id } : {}),
              }
            : { kind: "channel", channelId: r.channel_id as string };
      return {
        id: r.id,
        key: r.idempotency_key,
        platform: r.platform as Platform,
        tenantId: r.tenant_id,
        tenantExternalId: r.tenant_external_id,
        audience,
        target,
        message: r.message,
        attempts: r.attempts,
        conversation: r.conversation,
        programId: r.context_program_id,
        reachMemberId: r.reach_member_id,
        // Only when a command wrote the row: most rows (jobs', fallbacks') have none.
        ...(r.request_id !== null ? { requestId: r.request_id } : {}),
        dmBlocked: r.dm_blocked_at !== null,
        leaseUntil,
      };
    });
  });
}

/**
 * A sent or failed row keeps its message but not its file (a member's data export): the member has
 * it, or asks again; a copy of everything about them is not left in the outbox.
 */
const withoutAttachment = (message: RawBuilder<unknown>) =>
  sql<string>`case when ${message} -> 'attachment' is null then ${message} else ${message} - 'attachment' end`;

/**
 * Marks delivered rows sent in one statement, each with the platform's message id. Only rows still
 * leased by `worker`, like every outcome below: a row whose lease ran out may be another's now.
 */
export async function markSentMany(
  db: Kysely<Database>,
  sent: ReadonlyArray<{ id: number; platformMessageId: string | null }>,
  at: Date,
  worker: string,
): Promise<void> {
  if (sent.length === 0) return;
  const ids = sent.map((s) => s.id);
  const platformIds = sent.map((s) => s.platformMessageId);
  await sql`
    update outbox as o
    set status = 'sent', sent_at = ${at}, platform_message_id = v.pm, last_error = null,
        lease_until = null, attempts = o.attempts + 1, message = ${withoutAttachment(sql.ref("o.message"))}
    from (select unnest(${ids}::bigint[]) as id, unnest(${platformIds}::text[]) as pm) as v
    where o.id = v.id and o.leased_by = ${worker}`.execute(db);
}

/**
 * Try again at `at`; `attempted` says whether this counts as an attempt (a rate-limit wait does not).
 * No longer held: a row waiting for a retry keeps its place, holding later rows of its conversation back.
 */
export async function markRetry(
  db: Kysely<Database>,
  id: number,
  at: Date,
  error: string | null,
  attempted: boolean,
  worker: string,
): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({
      available_at: at,
      held: false,
      lease_until: null,
      leased_by: null,
      ...(error ? { last_error: error.slice(0, 300) } : {}),
      ...(attempted ? { attempts: eb("attempts", "+", 1) } : {}),
    }))
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("leased_by", "=", worker)
    .execute();
}

/**
 * Puts rows back, unattempted, each until its own moment (a rate limit's wait): one statement for
 * a whole batch, since a backlog behind a rate limit can mean most of a batch, every pass. Only
 * rows still leased by `worker`: one whose lease ran out meanwhile may be another's now. Not held
 * any more (attempts 0 and a future available_at alike, but it must keep its place: order holds).
 */
export async function markWaitingMany(
  db: Kysely<Database>,
  waiting: ReadonlyArray<{ id: number; at: Date }>,
  worker: string,
): Promise<void> {
  if (waiting.length === 0) return;
  const ids = waiting.map((w) => w.id);
  const ats = waiting.map((w) => w.at.toISOString());
  await sql`
    update outbox as o
    set available_at = v.at, held = false, lease_until = null, leased_by = null
    from (select unnest(${ids}::bigint[]) as id, unnest(${ats}::timestamptz[]) as at) as v
    where o.id = v.id and o.status = 'pending' and o.leased_by = ${worker}`.execute(db);
}

/** Gives the row up; false when it was not this worker's to settle any more (its lease ran out and another took it). */
export async function markFailed(db: Kysely<Database>, id: number, at: Date, error: string, worker: string): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set((eb) => ({
      status: "failed",
      failed_at: at,
      lease_until: null,
      last_error: error.slice(0, 300),
      attempts: eb("attempts", "+", 1),
      message: withoutAttachment(sql.ref("message")),
    }))
    .where("id", "=", id)
    .where("leased_by", "=", worker)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Hands back every pending row this worker still holds (a shutting-down replica, after its sends
 * in flight have settled): another replica leases them at its next pass instead of after the
 * lease runs out. When each row is due (available_at) is kept, and with it whether it holds later
 * rows back: a leased row was due, so a held one among them is ordinary already (as after a lease
 * runs out). Returns how many were put back.
 */
export async function releaseOutboxLeases(db: Kysely<Database>, worker: string): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({ lease_until: null, leased_by: null })
    .where("status", "=", "pending")
    .where("leased_by", "=", worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
