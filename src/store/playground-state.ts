/**
 * The console playground's saved state: the simulated time it reached and a
 * document of what each person saw (the playground owns its shape). Saved
 * after every step, read once at start.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema";

export interface SavedPlayground {
  simulatedAt: Date;
  state: unknown;
}

export async function loadPlaygroundState(db: Kysely<Database>, tenantExternalId: string): Promise<SavedPlayground | null> {
  const row = await db
    .selectFrom("playground_state")
    .select(["simulated_at", "state"])
    .where("tenant_external_id", "=", tenantExternalId)
    .executeTakeFirst();
  return row ? { simulatedAt: new Date(row.simulated_at), state: row.state } : null;
}

export async function savePlaygroundState(
  db: Kysely<Database>,
  tenantExternalId: string,
  saved: SavedPlayground,
  now: Date,
): Promise<void> {
  const values = { simulated_at: saved.simulatedAt, state: JSON.stringify(saved.state), updated_at: now };
  await db
    .insertInto("playground_state")
    .values({ tenant_external_id: tenantExternalId, ...values })
    .onConflict((oc) => oc.column("tenant_external_id").doUpdateSet(values))
    .execute();
}
