/** `npm run migrate`: applies pending migrations to DATABASE_URL or the embedded database, and says which. */
import { ConfigError, loadEnvFile, parseConfig } from "../config";
import { errorLine } from "../logger";
import { connect } from "./connect";
import { migrateToLatest } from "./migrate";
import { DatabaseUnavailable, whereIs } from "./unavailable";

try {
  loadEnvFile();
  const config = parseConfig(process.env);
  const db = await connect(
    config.DATABASE_URL ? { kind: "postgres", url: config.DATABASE_URL } : { kind: "pglite", dataDir: config.DATA_DIR },
  );
  const where = config.DATABASE_URL
    ? `the PostgreSQL server DATABASE_URL names (${whereIs(config.DATABASE_URL)})`
    : `the embedded database in DATA_DIR (${config.DATA_DIR})`;
  try {
    const applied = (await migrateToLatest(db.kysely)).filter((r) => r.status === "Success").map((r) => r.migrationName);
    console.log(
      applied.length === 0
        ? `sebaya: ${where} is up to date; no migration to apply`
        : `sebaya: applied ${applied.length} migration${applied.length === 1 ? "" : "s"} to ${where}: ${applied.join(", ")}`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  // What could not be reached or which migration failed, and why (its cause), secrets masked.
  const line =
    error instanceof ConfigError
      ? error.message
      : error instanceof DatabaseUnavailable
        ? errorLine(error)
        : `migration failed: ${errorLine(error)}`;
  console.error(`sebaya: ${line}`);
  process.exit(1);
}
