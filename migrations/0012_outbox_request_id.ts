/**
 * outbox.request_id: the platform event (a Slack trigger id, a Discord
 * interaction id) whose command wrote the row, so the command's log lines
 * and the dispatcher's line for the row can be found together. Null for
 * rows a job or a fallback wrote.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw("alter table outbox add column request_id text").execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("alter table outbox drop column if exists request_id").execute(db);
}
