/**
 * slack_oauth_states: the OAuth `state` of each install started at
 * /slack/install, until its redirect comes back. Stored (as a SHA-256 of the
 * value, never the value) so that a state works once: the redirect deletes
 * its row as it reads it. Expires after ten minutes; the tick prunes what
 * was never used.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `create table slack_oauth_states (
    state_hash text primary key check (length(state_hash) between 1 and 100),
    install_options jsonb not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
  )`,
  `create index slack_oauth_states_expiry on slack_oauth_states (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("drop table if exists slack_oauth_states").execute(db);
}
