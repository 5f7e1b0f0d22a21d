/**
 * Applies migrations/ with Kysely's Migrator. On PostgreSQL the Migrator holds
 * a session advisory lock while it runs, so two processes starting together
 * do not both migrate: the second waits, then finds nothing left to do.
 */
import { type Kysely, sql } from "kysely";
import { type MigrationResult, Migrator } from "kysely/migration";
import { migrations } from "../../migrations/index";

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResult[],
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the Migrator works on any schema; ours is typed after it runs.
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  if (await upToDate(db)) return [];
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    throw new MigrationError(failed ? `migration ${failed} failed` : "migrations could not run", results, error);
  }
  return results;
}

/**
 * Whether every migration here is recorded, and nothing else: most starts, answered with one
 * query instead of the Migrator's table checks, lock and reads. Anything else (a new database, a
 * migration to run, one this code does not know) goes to the Migrator, which applies or refuses.
 */
// biome-ignore lint/suspicious/noExplicitAny: as above.
async function upToDate(db: Kysely<any>): Promise<boolean> {
  // Asked first so a new database logs no error for a missing table.
  const { rows: table } = await sql<{ present: boolean }>`select to_regclass('kysely_migration') is not null as present`.execute(
    db,
  );
  if (!table[0]?.present) return false;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const known = Object.keys(migrations);
  return rows.length === known.length && rows.every((r) => known.includes(r.name));
}
