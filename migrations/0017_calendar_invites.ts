/**
 * Calendar invites (issue 18).
 * - calendar_series: one per pairing whose routine was agreed: the first session of the series
 *   (the invite's DTSTART), the sessions moved off the routine (each an overridden occurrence), and
 *   the iCalendar SEQUENCE last sent, raised in the transaction of each change so an update always
 *   outranks what members already have.
 * - calendar_opt_outs: members who turned invites off (`/mentoring calendar off`).
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `create table calendar_series (
    pairing_id uuid primary key references pairings(id) on delete cascade,
    starts_at timestamptz not null,
    moved jsonb not null default '[]'::jsonb check (jsonb_typeof(moved) = 'array'),
    sequence integer not null default 0 check (sequence >= 0),
    updated_at timestamptz not null default now()
  )`,
  `create table calendar_opt_outs (
    member_id uuid primary key references members(id) on delete cascade,
    created_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("drop table if exists calendar_opt_outs").execute(db);
  await sql.raw("drop table if exists calendar_series").execute(db);
}
