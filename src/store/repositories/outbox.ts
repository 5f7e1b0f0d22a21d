/** The outbox: messages a use case committed, waiting for delivery. */
import type { Kysely } from "kysely";
import type { Tx } from "../../core/ports";
import { notifyDue } from "../due-work";
import type { Database } from "../schema";

/** `requestId`: the platform event whose command writes these rows (see Store.transaction), if any. */
export function outboxRepo(db: Kysely<Database>, requestId?: string): Tx["outbox"] {
  return {
    async enqueue(row) {
      const a = row.audience;
      // Written for later (quiet hours, a set time): it waits without keeping its conversation's later rows back.
      const held = row.availableAt !== undefined && row.availableAt > row.at;
      const insert = db
        .insertInto("outbox")
        .values({
          tenant_id: row.tenantId,
          idempotency_key: row.key,
          audience_kind: a.kind,
          member_id: a.kind === "member" ? a.memberId : null,
          pairing_id: a.kind === "pairing" ? a.pairingId : null,
          program_id: a.kind === "channel" ? a.programId : null,
          message: JSON.stringify(row.message),
          created_at: row.at,
          available_at: row.availableAt ?? row.at,
          context_program_id: row.programId ?? (a.kind === "channel" ? a.programId : null),
          reach_member_id: row.reachMemberId ?? null,
          request_id: requestId ?? null,
          held,
        })
        .onConflict((oc) => oc.column("idempotency_key").doNothing());
      if (held) {
        // Due later (quiet hours): the tick finds it; waking dispatchers now would find nothing.
        await insert.execute();
        return;
      }
      // One statement: the row and, only if it was new, the notification the dispatchers get on commit.
      await db
        .with("inserted", () => insert.returning("id"))
        .selectFrom("inserted")
        .select(notifyDue("outbox").as("notified"))
        .execute();
    },
  };
}
