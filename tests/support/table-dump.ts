/**
 * Everything the database holds, as text: every row of every table cast to
 * text, and every sealed private value opened with its tenant's key. Tests
 * that plant text and then erase it (forget-me, retention) search this: a
 * sealed value reads as bytes in the raw rows, so without the opened values a
 * "not found" after erasure would prove nothing.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../src/store/schema";
import { vaultOf } from "../../src/store/sealing/vault-carrier";

/** Sealed columns whose rows name their author (member_id): opened with that member's tenant key. */
const MEMBER_SEALED = [
  ["journal_entries", "body"],
  ["check_ins", "note"],
  ["pairing_endings", "reason"],
  ["evaluations", "goal_progress"],
  ["evaluations", "adjust"],
] as const;

export async function dumpEverything(db: Kysely<Database>): Promise<string> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(db);
    parts.push(`${table_name}: ${rows.map((r) => r.row).join("\n")}`);
  }
  const vault = vaultOf(db);
  for (const [table, column] of MEMBER_SEALED) {
    const { rows } = await sql<{ member_id: string; sealed: Uint8Array | null }>`
      select member_id, ${sql.ref(column)} as sealed from ${sql.table(table)}`.execute(db);
    for (const r of rows)
      if (r.sealed !== null) parts.push(`${table}.${column} opened: ${await vault.openForMember(db, r.member_id, r.sealed)}`);
  }
  const drafts = await db.selectFrom("form_drafts").select(["tenant_id", "answers"]).execute();
  for (const d of drafts) parts.push(`form_drafts.answers opened: ${await vault.open(db, d.tenant_id, d.answers)}`);
  return parts.join("\n").toLowerCase();
}
