/**
 * The database for a process: connected and migrated, its master key checked
 * and any plain private text left from before migration 0013 sealed; closed
 * again if any of that fails. The handle carries the keys (sealing/).
 */
import { type Connection, connect, type Db } from "./connect";
import { migrateToLatest } from "./migrate";
import { loadMasterKey, type MasterKey, type MasterKeySource } from "./sealing/master-key";
import { sealPlainRows } from "./sealing/seal-plain-rows";
import { Vault } from "./sealing/vault";
import { withVault } from "./sealing/vault-carrier";

export type SealedDb = Db & { masterKey: Pick<MasterKey, "source" | "file"> };

export async function openDatabase(connection: Connection, keys: MasterKeySource): Promise<SealedDb> {
  const db = await connect(connection);
  try {
    await migrateToLatest(db.kysely);
    // Read after the database opened: a new DATA_DIR is the embedded database's to lay out first.
    const masterKey = loadMasterKey(keys);
    const vault = new Vault(masterKey.key);
    const kysely = withVault(db.kysely, vault);
    await vault.verify(kysely);
    await sealPlainRows(kysely);
    const { source, file } = masterKey;
    return { ...db, kysely, masterKey: { source, ...(file ? { file } : {}) } };
  } catch (error) {
    await db.close();
    throw error;
  }
}
