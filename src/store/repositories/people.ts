/** Tenants and members: who is who on which platform. */
import { type Kysely, type Selectable, sql } from "kysely";
import type { Language, Member, Platform, Program, Tenant } from "../../core/domain";
import type { Tx } from "../../core/ports";
import type { Database, ProgramsTable } from "../schema";
import { toProgram } from "./programs";

type MemberRow = {
  id: string;
  tenant_id: string;
  external_id: string;
  display_name: string;
  language: string | null;
  timezone: string | null;
};

export const toMember = (r: MemberRow): Member => ({
  id: r.id,
  tenantId: r.tenant_id,
  externalId: r.external_id,
  displayName: r.display_name,
  language: r.language as Language | null,
  timezone: r.timezone,
});

const memberColumns = ["id", "tenant_id", "external_id", "display_name", "language", "timezone"] as const;

export function tenantsRepo(db: Kysely<Database>): Tx["tenants"] {
  return {
    async ensure(platform, externalId) {
      // "do update" (a no-op) so that the row comes back whether it was new or not.
      const row = await db
        .insertInto("tenants")
        .values({ platform, external_id: externalId })
        .onConflict((oc) => oc.columns(["platform", "external_id"]).doUpdateSet({ platform }))
        .returning(["id", "platform", "external_id"])
        .executeTakeFirstOrThrow();
      return { id: row.id, platform: row.platform as Platform, externalId: row.external_id } satisfies Tenant;
    },
    async get(id) {
      const row = await db
        .selectFrom("tenants")
        .select(["id", "platform", "external_id"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return { id: row.id, platform: row.platform as Platform, externalId: row.external_id };
    },
  };
}

/** `keepProgram`: told the channel's program arrive read, so the transaction does not read it again. */
export function membersRepo(db: Kysely<Database>, opts: { keepProgram?: (program: Program) => void } = {}): Tx["members"] {
  const members: Tx["members"] = {
    async arrive(platform, tenantExternalId, externalId, displayName, where = {}) {
      // One statement: the tenant read (not upserted: an upsert would lock the one tenant row every
      // command of a workspace shares, until its commit), the member upserted, DMs unblocked; and,
      // in its RETURNING, the channel's program and whether the space was left (each command used to
      // spend a round trip on each).
      const channelId = where.channelId ?? null;
      const space = where.space ?? null;
      const row = await db
        .with("t", (q) =>
          q.selectFrom("tenants").select("id").where("platform", "=", platform).where("external_id", "=", tenantExternalId),
        )
        .insertInto("members")
        .columns(["tenant_id", "external_id", "display_name"])
        .expression((eb) =>
          eb
            .selectFrom("t")
            .select([
              "t.id",
              sql<string>`${externalId}::text`.as("external_id"),
              sql<string>`${displayName}::text`.as("display_name"),
            ]),
        )
        .onConflict((oc) =>
          oc.columns(["tenant_id", "external_id"]).doUpdateSet({ display_name: displayName, dm_blocked_at: null }),
        )
        .returning([
          ...memberColumns,
          sql<Selectable<ProgramsTable> | null>`(select to_jsonb(p) from programs p
            where p.tenant_id = members.tenant_id and p.channel_id = ${channelId}::text)`.as("channel_program"),
          sql<boolean>`exists (select 1 from space_departures d
            where d.tenant_id = members.tenant_id and d.space_id = ${space}::text)`.as("space_departed"),
        ])
        .executeTakeFirst();
      if (row) {
        const channelProgram = row.channel_program ? toProgram(row.channel_program) : null;
        if (channelProgram) opts.keepProgram?.(channelProgram);
        return {
          tenant: { id: row.tenant_id, platform, externalId: tenantExternalId },
          member: toMember(row),
          channelProgram,
          spaceDeparted: row.space_departed,
        };
      }
      // The workspace's first command: its tenant row is made first. A new tenant has no programs
      // and no departures yet.
      const tenant = await tenantsRepo(db).ensure(platform, tenantExternalId);
      const member = await members.ensure(tenant.id, externalId, displayName);
      await members.setDmBlocked(member.id, null);
      return { tenant, member, channelProgram: null, spaceDeparted: false };
    },
    async ensure(tenantId, externalId, displayName) {
      const row = await db
        .insertInto("members")
        .values({ tenant_id: tenantId, external_id: externalId, display_name: displayName })
        .onConflict((oc) => oc.columns(["tenant_id", "external_id"]).doUpdateSet({ display_name: displayName }))
        .returning(memberColumns)
        .executeTakeFirstOrThrow();
      return toMember(row);
    },
    async get(id) {
      return toMember(await db.selectFrom("members").select(memberColumns).where("id", "=", id).executeTakeFirstOrThrow());
    },
    async findByExternalId(tenantId, externalId) {
      const row = await db
        .selectFrom("members")
        .select(memberColumns)
        .where("tenant_id", "=", tenantId)
        .where("external_id", "=", externalId)
        .executeTakeFirst();
      return row ? toMember(row) : null;
    },
    async findByName(tenantId, name) {
      // Names as people see them: case does not matter, spaces around do not either.
      const rows = await db
        .selectFrom("members")
        .select(memberColumns)
        .where("tenant_id", "=", tenantId)
        .where((eb) => eb(eb.fn("lower", ["display_name"]), "=", name.trim().toLowerCase()))
        .orderBy("id")
        .limit(10)
        .execute();
      return rows.map(toMember);
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom("members").select(memberColumns).where("id", "in", ids).execute();
      const byId = new Map(rows.map((r) => [r.id, toMember(r)]));
      // Keep the caller's order: intros list names in pairing order.
      return ids.map((id) => byId.get(id)).filter((m): m is Member => m !== undefined);
    },
    async setPreferences(id, prefs) {
      await db.updateTable("members").set({ language: prefs.language, timezone: prefs.timezone }).where("id", "=", id).execute();
    },
    async setDmBlocked(id, at) {
      // Only a change writes: clearing runs on every command.
      await db
        .updateTable("members")
        .set({ dm_blocked_at: at })
        .where("id", "=", id)
        .where((eb) => (at ? eb("dm_blocked_at", "is", null) : eb("dm_blocked_at", "is not", null)))
        .execute();
    },
  };
  return members;
}
