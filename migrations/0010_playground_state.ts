/**
 * playground_state: the console playground's own memory, next to the data it
 * belongs to: the simulated time it had reached and what each person saw
 * (their messages, the buttons on them, how far each has read). Without it a
 * restart went back to the real time while sessions and check-ins sat in the
 * simulated future. One row per playground tenant; the bots never use it.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `create table playground_state (
    tenant_external_id text primary key check (length(tenant_external_id) between 1 and 200),
    simulated_at timestamptz not null,
    state jsonb not null,
    updated_at timestamptz not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("drop table if exists playground_state").execute(db);
}
