/**
 * `npm run keys:rotate`: moves DATABASE_URL's (or the embedded database's)
 * keys from the current master key (SEBAYA_ENCRYPTION_KEY, or DATA_DIR's key
 * file) to SEBAYA_ENCRYPTION_KEY_NEW, in one transaction, without
 * re-encrypting the private text (sealing/rotate-master-key.ts). When the
 * current key lives in the key file, the file then holds the new key;
 * otherwise set SEBAYA_ENCRYPTION_KEY to the new key and restart every process.
 */
import { ConfigError, loadEnvFile, parseConfig } from "../config";
import { errorLine } from "../logger";
import { connect } from "./connect";
import { migrateToLatest } from "./migrate";
import { loadMasterKey, masterKeySource, replaceKeyFile } from "./sealing/master-key";
import { rotateMasterKey } from "./sealing/rotate-master-key";
import { parseKey } from "./sealing/secret-box";
import { DatabaseUnavailable, whereIs } from "./unavailable";

try {
  loadEnvFile();
  const config = parseConfig(process.env);
  if (!config.SEBAYA_ENCRYPTION_KEY_NEW)
    throw new Error("set SEBAYA_ENCRYPTION_KEY_NEW to the new master key (e.g. from: openssl rand -base64 32)");
  const current = loadMasterKey(masterKeySource(config.SEBAYA_ENCRYPTION_KEY, config.DATA_DIR), { create: false });
  const next = parseKey(config.SEBAYA_ENCRYPTION_KEY_NEW);
  const db = await connect(
    config.DATABASE_URL ? { kind: "postgres", url: config.DATABASE_URL } : { kind: "pglite", dataDir: config.DATA_DIR },
  );
  const where = config.DATABASE_URL
    ? `the PostgreSQL server DATABASE_URL names (${whereIs(config.DATABASE_URL)})`
    : `the embedded database in DATA_DIR (${config.DATA_DIR})`;
  try {
    await migrateToLatest(db.kysely);
    const rotated = await rotateMasterKey(db.kysely, current.key, next);
    console.log(
      `sebaya: ${where} moved to the new master key: ${rotated.tenantKeys} tenant key(s) and ${rotated.installations} Slack installation(s) rewrapped`,
    );
    if (current.file) {
      try {
        replaceKeyFile(current.file.path, next);
      } catch (error) {
        // The database already uses the new key: say so, never "nothing changed".
        console.error(
          `sebaya: the database now uses the new key, but ${current.file.path} could not be replaced (${errorLine(error)}): set SEBAYA_ENCRYPTION_KEY to the new key before restarting`,
        );
        process.exit(1);
      }
      console.log(`sebaya: the key file ${current.file.path} now holds the new key; restart every process`);
    } else
      console.log("sebaya: now set SEBAYA_ENCRYPTION_KEY to the new key (SEBAYA_ENCRYPTION_KEY_NEW) and restart every process");
  } finally {
    await db.close();
  }
} catch (error) {
  const line =
    error instanceof ConfigError || !(error instanceof DatabaseUnavailable)
      ? `keys:rotate failed, nothing changed: ${error instanceof ConfigError ? error.message : errorLine(error)}`
      : errorLine(error);
  console.error(`sebaya: ${line}`);
  process.exit(1);
}
