/** The audit trail of organizer actions (migration 0015): written by the core's executor, read by `/mentoring audit`. */
import type { Kysely } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";

export function auditRepo(db: Kysely<Database>): Tx["audit"] {
  return {
    async record(e) {
      await db
        .insertInto("audit_events")
        .values({
          tenant_id: e.tenantId,
          program_id: e.programId,
          space_id: e.spaceId,
          actor_member_id: e.actorMemberId,
          action: e.action,
          details: JSON.stringify(e.details),
          at: e.at,
        })
        .execute();
    },
    async latest(tenantId, scope, limit) {
      if (scope.programIds.length === 0 && scope.spaceIds.length === 0) return [];
      const rows = await db
        .selectFrom("audit_events")
        .select(["program_id", "actor_member_id", "action", "details", "at"])
        // The tenant first, always: an id of another tenant's program finds nothing here.
        .where("tenant_id", "=", tenantId)
        .where(({ or, and, eb }) =>
          or([
            ...(scope.programIds.length > 0 ? [eb("program_id", "in", [...scope.programIds])] : []),
            ...(scope.spaceIds.length > 0
              ? [and([eb("program_id", "is", null), eb("space_id", "in", [...scope.spaceIds])])]
              : []),
          ]),
        )
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        programId: r.program_id,
        actorMemberId: r.actor_member_id,
        action: r.action,
        details: r.details,
        at: r.at,
      }));
    },
  };
}
