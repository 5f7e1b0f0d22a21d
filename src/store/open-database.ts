/** The database for a process: connected and migrated, closed again if migrating fails. */
import { type Connection, connect, type Db } from "./connect";
import { migrateToLatest } from "./migrate";

export async function openDatabase(connection: Connection): Promise<Db> {
  const db = await connect(connection);
  try {
    await migrateToLatest(db.kysely);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
