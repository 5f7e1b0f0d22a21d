/**
 * Applies migrations/ with Kysely's Migrator. On PostgreSQL the Migrator holds
 * a session advisory lock while it runs, so two processes starting together
 * do not both migrate: the second waits, then finds nothing left to do.
 */
import type { Kysely } from "kysely";
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
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    throw new MigrationError(failed ? `migration ${failed} failed` : "migrations could not run", results, error);
  }
  return results;
}
