/**
 * The one-off step after migration 0013, run at every start (cheap when
 * there is nothing to do): private text still in a `*_plain` column is
 * sealed under its tenant's key and the plain copy emptied, a batch at a
 * time. A migration cannot do it: it has no key. Two replicas starting at
 * once may seal the same row twice; either result opens.
 */
import { type Kysely, sql } from "kysely";
import { tenantsRepo } from "../repositories/people";
import type { Database } from "../schema";
import { vaultOf } from "./vault-carrier";

const BATCH = 500;

/** Each private column with a plain copy, and how its rows are named (their primary key). */
const PLAIN_COLUMNS = [
  { table: "journal_entries", column: "body", key: ["id"] },
  { table: "check_ins", column: "note", key: ["session_id", "member_id"] },
  { table: "pairing_endings", column: "reason", key: ["pairing_id", "member_id"] },
  { table: "evaluations", column: "goal_progress", key: ["pairing_id", "member_id", "number"] },
  { table: "evaluations", column: "adjust", key: ["pairing_id", "member_id", "number"] },
] as const;

/** How many values were sealed. */
export async function sealPlainRows(db: Kysely<Database>): Promise<number> {
  const vault = vaultOf(db);
  let sealed = 0;
  for (const { table, column, key } of PLAIN_COLUMNS) {
    const keyList = sql.join(key.map((k) => sql.ref(`t.${k}`)));
    for (;;) {
      const { rows } = await sql<{ tenant_id: string; plain: string; key: string[] }>`
        select m.tenant_id, t.${sql.ref(`${column}_plain`)}::text as plain, array[${keyList}]::text[] as key
        from ${sql.table(table)} t join members m on m.id = t.member_id
        where t.${sql.ref(`${column}_plain`)} is not null
        limit ${BATCH}`.execute(db);
      if (rows.length === 0) break;
      for (const row of rows) {
        const value = await vault.seal(db, row.tenant_id, row.plain);
        const match = sql.join(
          key.map((k, i) => sql`${sql.ref(k)}::text = ${row.key[i]}`),
          sql` and `,
        );
        await sql`
          update ${sql.table(table)} set ${sql.ref(column)} = ${value}, ${sql.ref(`${column}_plain`)} = null
          where ${match}`.execute(db);
        sealed += 1;
      }
    }
  }
  // The playground's saved state belongs to the console tenant it names, not to a member.
  for (;;) {
    const rows = await db
      .selectFrom("playground_state")
      .select(["tenant_external_id", "state_plain"])
      .where("state_plain", "is not", null)
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const tenant = await tenantsRepo(db).ensure("console", row.tenant_external_id);
      await db
        .updateTable("playground_state")
        .set({ state: await vault.seal(db, tenant.id, JSON.stringify(row.state_plain)), state_plain: null })
        .where("tenant_external_id", "=", row.tenant_external_id)
        .execute();
      sealed += 1;
    }
  }
  return sealed;
}
