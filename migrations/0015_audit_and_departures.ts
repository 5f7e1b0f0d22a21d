/**
 * Issue 16, items 5 and 6.
 *
 * - audit_events: what organizers did (set up, open, match, close, weights,
 *   hours, organizers, roles, setup access, reports viewed), by whom and when.
 *   `details` holds only settings and counts, never anything a member wrote.
 *   A program's events go with it; an event of a whole space (setup access)
 *   has no program and keeps the space it happened in.
 * - space_departures: a Slack workspace that uninstalled the app, or a Discord
 *   server that removed the bot. Its data is deleted at `delete_at` (30 days
 *   on) unless the app comes back first, which deletes the row.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `create table audit_events (
    id bigint generated always as identity primary key,
    tenant_id uuid not null references tenants(id) on delete cascade,
    program_id uuid references programs(id) on delete cascade,
    space_id text check (length(space_id) between 1 and 100),
    actor_member_id uuid references members(id) on delete set null,
    action text not null check (action ~ '^[a-z]+(\\.[a-z]+)*$'),
    details jsonb not null default '{}'::jsonb,
    at timestamptz not null
  )`,
  "create index audit_events_program on audit_events (program_id, at desc)",
  "create index audit_events_space on audit_events (tenant_id, space_id, at desc) where program_id is null",
  `create table space_departures (
    tenant_id uuid not null references tenants(id) on delete cascade,
    space_id text not null check (length(space_id) between 1 and 100),
    left_at timestamptz not null,
    delete_at timestamptz not null,
    primary key (tenant_id, space_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("drop table if exists space_departures").execute(db);
  await sql.raw("drop table if exists audit_events").execute(db);
}
