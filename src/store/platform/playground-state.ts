/**
 * The console playground's saved state: the simulated time it reached and a
 * document of what each person saw (the playground owns its shape). Saved
 * after every step, read once at start. Sealed under the console tenant's
 * key: the replies it keeps may quote a member's journal.
 */
import type { Kysely } from "kysely";
import type { ChosenReader, SavedPlayground } from "../../adapters/console/playground-port";
import { isLanguage } from "../../core/domain";
import { tenantsRepo } from "../repositories/people";
import type { Database } from "../schema";
import { vaultOf } from "../sealing/vault-carrier";

const consoleTenant = async (db: Kysely<Database>, tenantExternalId: string) =>
  (await tenantsRepo(db).ensure("console", tenantExternalId)).id;

export async function loadPlaygroundState(db: Kysely<Database>, tenantExternalId: string): Promise<SavedPlayground | null> {
  const row = await db
    .selectFrom("playground_state")
    .select(["simulated_at", "state", "state_plain"])
    .where("tenant_external_id", "=", tenantExternalId)
    .executeTakeFirst();
  if (!row) return null;
  // A save from before migration 0013 is read plain once; the next save seals it.
  const state =
    row.state === null
      ? (row.state_plain ?? {})
      : (JSON.parse(await vaultOf(db).open(db, await consoleTenant(db, tenantExternalId), row.state)) as Record<string, unknown>);
  return { simulatedAt: new Date(row.simulated_at), state };
}

export async function savePlaygroundState(
  db: Kysely<Database>,
  tenantExternalId: string,
  saved: SavedPlayground,
  now: Date,
): Promise<void> {
  const state = await vaultOf(db).seal(db, await consoleTenant(db, tenantExternalId), JSON.stringify(saved.state));
  const values = { simulated_at: saved.simulatedAt, state, state_plain: null, updated_at: now };
  await db
    .insertInto("playground_state")
    .values({ tenant_external_id: tenantExternalId, ...values })
    .onConflict((oc) => oc.column("tenant_external_id").doUpdateSet(values))
    .execute();
}

/**
 * The latest moment the data itself records (messages written, jobs run): for
 * a data folder saved before the playground kept its clock, so the clock never
 * starts behind what already happened.
 */
export async function latestRecordedMoment(db: Kysely<Database>): Promise<Date | null> {
  const outbox = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.max("created_at").as("at"))
    .executeTakeFirst();
  const jobs = await db
    .selectFrom("jobs")
    .select((eb) => eb.fn.max("finished_at").as("at"))
    .executeTakeFirst();
  const times = [outbox?.at, jobs?.at].filter((t) => t !== null && t !== undefined).map((t) => new Date(t as Date | string));
  return times.length === 0 ? null : new Date(Math.max(...times.map((t) => t.getTime())));
}

/** Each console member's stored language and zone (the playground reads in what they chose). */
export async function chosenReaders(db: Kysely<Database>, tenantExternalId: string): Promise<ChosenReader[]> {
  const rows = await db
    .selectFrom("members as m")
    .innerJoin("tenants as t", "t.id", "m.tenant_id")
    .select(["m.external_id", "m.language", "m.timezone"])
    .where("t.platform", "=", "console")
    .where("t.external_id", "=", tenantExternalId)
    .execute();
  return rows.map((r) => ({
    userId: r.external_id,
    language: isLanguage(r.language) ? r.language : null,
    timezone: r.timezone ?? null,
  }));
}
