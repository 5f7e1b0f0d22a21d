/**
 * Spaces: the Slack workspace or Discord server a program lives in, and who
 * there may set up programs.
 *
 * - programs.space_id: where a platform's admin flag (Slack admin, Discord
 *   Manage Server) counts for the program. One Discord bot is one tenant
 *   across many servers, so an admin of one server must not organize another
 *   server's program. Slack and console programs are backfilled with their
 *   workspace (the tenant); a Discord program gets its server the first time
 *   someone acts in its channel from that server.
 * - setup_access: per space, who besides its admins may run /mentoring setup
 *   ('everyone', 'role:<id>' or 'user:<id>'); no rows means admins only.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `alter table programs add column space_id text check (length(space_id) between 1 and 100)`,
  `update programs p set space_id = t.external_id from tenants t
     where t.id = p.tenant_id and t.platform in ('slack', 'console')`,
  `create table setup_access (
    tenant_id uuid not null references tenants(id) on delete cascade,
    space_id text not null check (length(space_id) between 1 and 100),
    grantee text not null check (grantee = 'everyone' or grantee ~ '^(role|user):[^\\s]{1,100}$'),
    created_at timestamptz not null default now(),
    primary key (tenant_id, space_id, grantee)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("drop table if exists setup_access").execute(db);
  await sql.raw("alter table programs drop column if exists space_id").execute(db);
}
