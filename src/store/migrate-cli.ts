/** `npm run migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import { openDatabase } from "../app";
import { ConfigError, loadEnvFile, parseConfig } from "../config";
import { errorLine } from "../logger";

try {
  loadEnvFile();
  const config = parseConfig(process.env);
  const db = await openDatabase(
    config.DATABASE_URL ? { kind: "postgres", url: config.DATABASE_URL } : { kind: "pglite", dataDir: config.DATA_DIR },
  );
  console.log(`sebaya: migrations up to date (${db.kind})`);
  await db.close();
} catch (error) {
  // The failing migration and why (its cause), secrets masked.
  console.error(`sebaya: ${error instanceof ConfigError ? error.message : `migration failed: ${errorLine(error)}`}`);
  process.exit(1);
}
