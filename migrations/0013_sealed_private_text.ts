/**
 * Members' private text sealed at rest (envelope encryption, see
 * src/store/sealing/):
 * - tenant_keys: each tenant's data key, wrapped by the master key;
 * - master_key_check: one value sealed by the master key, so a wrong key
 *   stops the start instead of making new tenants' keys under it;
 * - journal_entries.body, check_ins.note, pairing_endings.reason,
 *   evaluations.goal_progress and .adjust become bytea (sealed). A migration
 *   has no key, so the old plain columns stay as `*_plain`, nullable: the
 *   start after migrating (sealPlainRows) seals what they hold and empties them.
 * - playground_state.state likewise (what the console showed may quote a
 *   journal read back), its plain copy in state_plain until sealed;
 * - form_drafts.answers: a draft lives an hour, so drafts in flight are
 *   dropped rather than carried over, and the column is sealed from now on.
 */
import { type Kysely, sql } from "kysely";

const SEALED = [
  ["journal_entries", "body"],
  ["check_ins", "note"],
  ["pairing_endings", "reason"],
  ["evaluations", "goal_progress"],
  ["evaluations", "adjust"],
  ["playground_state", "state"],
] as const;

const up_statements = [
  `create table tenant_keys (
    tenant_id uuid primary key references tenants(id) on delete cascade,
    wrapped_key bytea not null,
    key_version integer not null default 1,
    created_at timestamptz not null default now(),
    rotated_at timestamptz
  )`,
  `create table master_key_check (
    id boolean primary key default true check (id),
    sealed bytea not null,
    created_at timestamptz not null default now(),
    rotated_at timestamptz
  )`,
  ...SEALED.flatMap(([table, column]) => [
    `alter table ${table} rename column ${column} to ${column}_plain`,
    `alter table ${table} alter column ${column}_plain drop not null`,
    `alter table ${table} alter column ${column}_plain drop default`,
    `alter table ${table} add column ${column} bytea`,
  ]),
  "delete from form_drafts",
  "alter table form_drafts drop column answers",
  "alter table form_drafts add column answers bytea not null",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Going back loses what was sealed: the key is not here to open it.
  await sql.raw("delete from form_drafts").execute(db);
  await sql.raw("alter table form_drafts drop column answers").execute(db);
  await sql.raw("alter table form_drafts add column answers jsonb not null").execute(db);
  for (const [table, column] of SEALED) {
    await sql.raw(`alter table ${table} drop column ${column}`).execute(db);
    await sql.raw(`alter table ${table} rename column ${column}_plain to ${column}`).execute(db);
  }
  await sql.raw("drop table if exists master_key_check").execute(db);
  await sql.raw("drop table if exists tenant_keys").execute(db);
}
