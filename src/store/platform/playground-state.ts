/**
 * The console playground's saved state: the simulated time it reached and a
 * document of what each person saw (the playground owns its shape). Saved
 * after every step, read once at start.
 */
import type { Kysely } from "kysely";
import type { ChosenReader, SavedPlayground } from "../../adapters/console/playground-port";
import { isLanguage } from "../../core/domain";
import type { Database } from "../schema";

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
