/**
 * The matching model: per-program weights, "not a good fit" endings (never
 * repeated), and each member's "do not pair me with" list.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `alter table programs add column matching_weights jsonb`,
  `alter table pairing_endings add column not_a_fit boolean not null default false`,
  `create table do_not_pair (
    member_id uuid not null references members(id) on delete cascade,
    avoided_member_id uuid not null references members(id) on delete cascade,
    created_at timestamptz not null,
    primary key (member_id, avoided_member_id),
    check (member_id <> avoided_member_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("drop table if exists do_not_pair").execute(db);
  await sql.raw("alter table pairing_endings drop column if exists not_a_fit").execute(db);
  await sql.raw("alter table programs drop column if exists matching_weights").execute(db);
}
