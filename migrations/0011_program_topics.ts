/**
 * programs.topic_edits: what a program's organizers changed in the shared
 * topic vocabulary (`/mentoring topics`: added, renamed, merged, retired),
 * laid over the shipped vocabulary when the program's members are read.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw("alter table programs add column topic_edits jsonb").execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("alter table programs drop column if exists topic_edits").execute(db);
}
