/**
 * Outbox rows held on purpose (delivery order).
 * - outbox.held: the row was written to wait until its available_at (quiet hours, contact hours, a
 *   set time). While it waits it holds nothing back: a later row of its conversation that is due
 *   goes first. Once due it is an ordinary row. A row put back for a retry or a rate limit is not
 *   held (the dispatcher clears it), so it keeps its place in its conversation.
 * Rows already pending stay false: an existing row waiting for a retry or a 429 cannot be told
 * apart from one written for later, and keeping a place is the safe mistake.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw("alter table outbox add column held boolean not null default false").execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("alter table outbox drop column if exists held").execute(db);
}
