/**
 * One Kysely instance over `pg` (a PostgreSQL server) or PGlite (embedded,
 * in a data folder or in memory). Both return the same JS types: 64-bit
 * integers as numbers (our counts and ids stay far below 2^53).
 */
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

const INT8_OID = 20;
const NUMERIC_OID = 1700;

pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));

export type Connection =
  | { kind: "postgres"; url: string; poolSize?: number }
  /** `dataDir` undefined keeps the database in memory (tests). */
  | { kind: "pglite"; dataDir?: string };

interface DbHandle {
  kysely: Kysely<Database>;
  close(): Promise<void>;
}

/** The database, and what a LISTEN needs besides the pool: the server's URL, or the embedded instance. */
export type Db = (DbHandle & { kind: "postgres"; url: string }) | (DbHandle & { kind: "pglite"; pglite: PGlite });

export async function connect(connection: Connection): Promise<Db> {
  if (connection.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: connection.url, max: connection.poolSize ?? 10 });
    // A client losing its server (a restart) must not crash the process: idle ones report to the
    // pool, checked-out ones to their own listener; either way the failing query rejects and the
    // pool drops the broken client (pg marks it unqueryable), so the next tick reconnects.
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, kind: "postgres", url: connection.url, close: () => kysely.destroy() };
  }
  const pglite = await PGlite.create(connection.dataDir ?? "memory://", {
    parsers: { [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) },
  });
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { kysely, kind: "pglite", pglite, close: () => kysely.destroy() };
}
