/**
 * The delivery side of the outbox: claim pending rows (SKIP LOCKED, so
 * several dispatchers never take the same row), resolve who they are for on
 * the platform, and record the outcome.
 */
import type { Kysely } from "kysely";
import type { Audience, Platform } from "../core/domain";
import type { Message } from "../core/messages";
import type { Database } from "./schema";

/** Where a message goes, in the platform's own ids. */
export type Target =
  | { kind: "dm"; userId: string }
  | { kind: "group"; pairingId: string; userIds: string[] }
  | { kind: "channel"; channelId: string };

export interface Outgoing {
  id: number;
  key: string;
  platform: Platform;
  tenantExternalId: string;
  audience: Audience;
  target: Target;
  message: Message;
  attempts: number;
}

export async function claimPending(db: Kysely<Database>, now: Date, limit: number): Promise<Outgoing[]> {
  const rows = await db
    .selectFrom("outbox as o")
    .innerJoin("tenants as t", "t.id", "o.tenant_id")
    .select([
      "o.id",
      "o.idempotency_key",
      "o.audience_kind",
      "o.member_id",
      "o.pairing_id",
      "o.program_id",
      "o.message",
      "o.attempts",
      "t.platform",
      "t.external_id as tenant_external_id",
    ])
    .where("o.sent_at", "is", null)
    .where("o.available_at", "<=", now)
    .orderBy("o.id")
    .limit(limit)
    .forUpdate("o")
    .skipLocked()
    .execute();
  const out: Outgoing[] = [];
  for (const r of rows) {
    const audience: Audience =
      r.audience_kind === "member"
        ? { kind: "member", memberId: r.member_id as string }
        : r.audience_kind === "pairing"
          ? { kind: "pairing", pairingId: r.pairing_id as string }
          : { kind: "channel", programId: r.program_id as string };
    out.push({
      id: r.id,
      key: r.idempotency_key,
      platform: r.platform as Platform,
      tenantExternalId: r.tenant_external_id,
      audience,
      target: await resolveTarget(db, audience),
      message: r.message,
      attempts: r.attempts,
    });
  }
  return out;
}

async function resolveTarget(db: Kysely<Database>, audience: Audience): Promise<Target> {
  switch (audience.kind) {
    case "member": {
      const m = await db
        .selectFrom("members")
        .select("external_id")
        .where("id", "=", audience.memberId)
        .executeTakeFirstOrThrow();
      return { kind: "dm", userId: m.external_id };
    }
    case "pairing": {
      const rows = await db
        .selectFrom("pairing_members as pm")
        .innerJoin("members as m", "m.id", "pm.member_id")
        .select("m.external_id")
        .where("pm.pairing_id", "=", audience.pairingId)
        .where("pm.left_at", "is", null)
        .orderBy("pm.slot")
        .execute();
      return { kind: "group", pairingId: audience.pairingId, userIds: rows.map((r) => r.external_id) };
    }
    case "channel": {
      const p = await db
        .selectFrom("programs")
        .select("channel_id")
        .where("id", "=", audience.programId)
        .executeTakeFirstOrThrow();
      return { kind: "channel", channelId: p.channel_id };
    }
  }
}

export async function markSent(db: Kysely<Database>, id: number, at: Date, platformMessageId: string | null): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ sent_at: at, platform_message_id: platformMessageId, last_error: null, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

export async function markFailed(db: Kysely<Database>, id: number, retryAt: Date, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ available_at: retryAt, last_error: error.slice(0, 500), attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .execute();
}
