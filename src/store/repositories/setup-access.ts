/** Who besides a space's admins may set up programs there (see migration 0007). */
import type { Kysely } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";

export function setupAccessRepo(db: Kysely<Database>): Tx["setupAccess"] {
  return {
    async list(tenantId, spaceId) {
      const rows = await db
        .selectFrom("setup_access")
        .select("grantee")
        .where("tenant_id", "=", tenantId)
        .where("space_id", "=", spaceId)
        .orderBy("created_at")
        .orderBy("grantee")
        .execute();
      return rows.map((r) => r.grantee);
    },
    async replace(tenantId, spaceId, grantees) {
      await db.deleteFrom("setup_access").where("tenant_id", "=", tenantId).where("space_id", "=", spaceId).execute();
      if (grantees.length === 0) return;
      await db
        .insertInto("setup_access")
        .values(grantees.map((grantee) => ({ tenant_id: tenantId, space_id: spaceId, grantee })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}
