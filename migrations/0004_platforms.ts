/**
 * What the platform adapters keep.
 *
 * - slack_installations: one row per workspace (or Enterprise Grid org) that
 *   installed the app through OAuth. The installation, tokens included, is
 *   stored encrypted (AES-256-GCM, key from the environment); only the ids
 *   needed to find it are in clear. Uninstalling deletes the row.
 * - platform_events: the events and button presses already handled, so a
 *   platform's retry or a double click changes nothing twice. Pruned by age.
 * - pairing_conversations: the conversation a pair or trio talks in, where a
 *   platform needs one created once (Discord: a private thread per pairing).
 * - programs.organizer_role: a platform role whose members may organize
 *   the program (Discord), besides those with the platform's admin right.
 * - form_drafts: the answers of a multi-step form (Discord modals hold at most
 *   five fields) between steps. Short-lived, pruned by expiry.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `create table slack_installations (
    key text primary key check (length(key) between 1 and 100),
    team_id text,
    enterprise_id text,
    is_enterprise_install boolean not null default false,
    sealed bytea not null,
    installed_at timestamptz not null,
    updated_at timestamptz not null
  )`,

  `create table platform_events (
    key text primary key check (length(key) between 1 and 300),
    seen_at timestamptz not null
  )`,
  `create index platform_events_seen on platform_events (seen_at)`,

  `create table pairing_conversations (
    pairing_id uuid primary key references pairings(id) on delete cascade,
    conversation_id text not null check (length(conversation_id) between 1 and 100),
    created_at timestamptz not null
  )`,

  // Discord: members with this role (besides Manage Server) may organize the program.
  `alter table programs add column organizer_role text check (length(organizer_role) between 1 and 100)`,

  `create table form_drafts (
    id uuid primary key,
    tenant_id uuid not null references tenants(id) on delete cascade,
    user_external_id text not null,
    answers jsonb not null default '{}'::jsonb,
    expires_at timestamptz not null
  )`,
  `create index form_drafts_expiry on form_drafts (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["form_drafts", "pairing_conversations", "platform_events", "slack_installations"])
    await sql.raw(`drop table if exists ${table}`).execute(db);
  await sql.raw("alter table programs drop column if exists organizer_role").execute(db);
}
