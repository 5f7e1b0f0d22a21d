/**
 * Forget-me and retention (issue 16, items 2 and 3).
 * - programs.retention_months: how long a closed round's private text (journal notes tied to its
 *   pairings, check-in notes, end reasons, evaluation answers) is kept; 12 by default.
 * - rounds.closed_at: when the round closed, the start of that period. Rounds closed before this
 *   migration take their end date (or now, if it has not come), and get their retention job.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  "alter table programs add column retention_months integer not null default 12 check (retention_months between 1 and 120)",
  "alter table rounds add column closed_at timestamptz",
  "update rounds set closed_at = least(ends_at, now()) where status = 'closed'",
  `insert into jobs (kind, key, due_at, payload, created_at)
    select 'round-retention', 'round-retention:' || r.id,
      r.closed_at + make_interval(months => p.retention_months),
      jsonb_build_object('roundId', r.id), now()
    from rounds r join programs p on p.id = r.program_id
    where r.status = 'closed'
    on conflict do nothing`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("delete from jobs where kind = 'round-retention'").execute(db);
  await sql.raw("alter table rounds drop column if exists closed_at").execute(db);
  await sql.raw("alter table programs drop column if exists retention_months").execute(db);
}
