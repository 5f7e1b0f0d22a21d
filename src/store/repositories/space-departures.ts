/**
 * Workspaces that uninstalled the app and servers that removed the bot
 * (migration 0015), and deleting what such a space holds once its 30 days
 * have passed.
 */
import { type Kysely, sql } from "kysely";
import type { Platform } from "../../core/domain";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";
import { toProgram } from "./programs";

/** A job row `j` whose payload names a round, pairing, session or enrollment of these programs. */
const jobOfPrograms = (programIds: readonly string[]) => sql`(
  j.payload->>'roundId' in (select r.id::text from rounds r where r.program_id = any(${programIds}::uuid[]))
  or j.payload->>'pairingId' in (
    select pa.id::text from pairings pa join rounds r on r.id = pa.round_id where r.program_id = any(${programIds}::uuid[]))
  or j.payload->>'sessionId' in (
    select s.id::text from sessions s join pairings pa on pa.id = s.pairing_id join rounds r on r.id = pa.round_id
    where r.program_id = any(${programIds}::uuid[]))
  or j.payload->>'enrollmentId' in (
    select e.id::text from enrollments e join rounds r on r.id = e.round_id where r.program_id = any(${programIds}::uuid[])))`;

export function departuresRepo(db: Kysely<Database>): Tx["departures"] {
  return {
    async tenant(platform, externalId) {
      const row = await db
        .selectFrom("tenants")
        .select(["id", "platform", "external_id"])
        .where("platform", "=", platform)
        .where("external_id", "=", externalId)
        .executeTakeFirst();
      return row ? { id: row.id, platform: row.platform as Platform, externalId: row.external_id } : null;
    },
    async programs(tenantId, spaceId, channelIds) {
      if (channelIds.length > 0)
        await db
          .updateTable("programs")
          .set({ space_id: spaceId })
          .where("tenant_id", "=", tenantId)
          .where("space_id", "is", null)
          .where("channel_id", "in", [...channelIds])
          .execute();
      const rows = await db
        .selectFrom("programs")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("space_id", "=", spaceId)
        .orderBy("created_at")
        .execute();
      return rows.map(toProgram);
    },
    async mark(tenantId, spaceId, leftAt, deleteAt) {
      const inserted = await db
        .insertInto("space_departures")
        .values({ tenant_id: tenantId, space_id: spaceId, left_at: leftAt, delete_at: deleteAt })
        .onConflict((oc) => oc.columns(["tenant_id", "space_id"]).doNothing())
        .returning(["left_at", "delete_at"])
        .executeTakeFirst();
      if (inserted) return { leftAt: inserted.left_at, deleteAt: inserted.delete_at, marked: true };
      const kept = await db
        .selectFrom("space_departures")
        .select(["left_at", "delete_at"])
        .where("tenant_id", "=", tenantId)
        .where("space_id", "=", spaceId)
        .executeTakeFirstOrThrow();
      return { leftAt: kept.left_at, deleteAt: kept.delete_at, marked: false };
    },
    async find(tenantId, spaceId, opts) {
      const query = db
        .selectFrom("space_departures")
        .select(["left_at", "delete_at"])
        .where("tenant_id", "=", tenantId)
        .where("space_id", "=", spaceId);
      const row = await (opts?.lock ? query.forUpdate() : query).executeTakeFirst();
      return row ? { leftAt: row.left_at, deleteAt: row.delete_at } : null;
    },
    async clear(tenantId, spaceId) {
      const deleted = await db
        .deleteFrom("space_departures")
        .where("tenant_id", "=", tenantId)
        .where("space_id", "=", spaceId)
        .returning("space_id")
        .executeTakeFirst();
      return deleted !== undefined;
    },
    async jobsDue(tenantId, spaceId, now) {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from jobs j where j.status = 'pending' and j.due_at <= ${now} and ${jobOfPrograms(
          (
            await db
              .selectFrom("programs")
              .select("id")
              .where("tenant_id", "=", tenantId)
              .where("space_id", "=", spaceId)
              .execute()
          ).map((r) => r.id),
        )}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
    async deleteSpace(tenantId, spaceId) {
      const programIds = (
        await db.selectFrom("programs").select("id").where("tenant_id", "=", tenantId).where("space_id", "=", spaceId).execute()
      ).map((r) => r.id);
      if (programIds.length > 0) {
        // Jobs name what they act on only in their payload: the space's pending ones go first.
        await sql`delete from jobs j where j.status = 'pending' and ${jobOfPrograms(programIds)}`.execute(db);
        await db.deleteFrom("programs").where("id", "in", programIds).execute();
      }
      await db.deleteFrom("setup_access").where("tenant_id", "=", tenantId).where("space_id", "=", spaceId).execute();
      await db.deleteFrom("audit_events").where("tenant_id", "=", tenantId).where("space_id", "=", spaceId).execute();
      await db.deleteFrom("space_departures").where("tenant_id", "=", tenantId).where("space_id", "=", spaceId).execute();
      // Members in no program any more (as organizer, with a profile, enrolled, or paired): their own
      // notes, avoid lists and settings go with them. Someone still in another server's program stays.
      const orphans = await sql<{ id: string }>`
        delete from members m where m.tenant_id = ${tenantId}
          and not exists (select 1 from program_organizers o where o.member_id = m.id)
          and not exists (select 1 from profiles p where p.member_id = m.id)
          and not exists (select 1 from enrollments e where e.member_id = m.id)
          and not exists (select 1 from pairing_members pm where pm.member_id = m.id)
          and not exists (select 1 from programs p where p.created_by = m.id)
        returning m.id
      `.execute(db);
      // A tenant that is this one space (a Slack workspace) goes whole once nothing of it is left.
      const gone = await sql<{ id: string }>`
        delete from tenants t where t.id = ${tenantId} and t.external_id = ${spaceId}
          and not exists (select 1 from programs p where p.tenant_id = t.id)
        returning t.id
      `.execute(db);
      return { programs: programIds.length, members: orphans.rows.length, tenant: gone.rows.length > 0 };
    },
  };
}
