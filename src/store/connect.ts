/**
 * One Kysely instance over `pg` (a PostgreSQL server) or PGlite (embedded,
 * in a data folder or in memory). Both return the same JS types: 64-bit
 * integers as numbers (our counts and ids stay far below 2^53).
 */
import type { PGlite, PGliteOptions } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { seedFromTemplate } from "./pglite-template";
import type { Database } from "./schema";
import { DatabaseUnavailable, whereIs } from "./unavailable";

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
    try {
      // One round trip at start: an unreachable server is told as such, not as a failed migration.
      await pool.query("select 1");
    } catch (error) {
      await kysely.destroy();
      throw new DatabaseUnavailable(`cannot reach the PostgreSQL server DATABASE_URL names (${whereIs(connection.url)})`, error);
    }
    return { kysely, kind: "postgres", url: connection.url, close: () => kysely.destroy() };
  }
  let pglite: PGlite;
  try {
    pglite = await openPglite(connection.dataDir);
  } catch (error) {
    const where = connection.dataDir === undefined ? "in memory" : `in DATA_DIR (${connection.dataDir})`;
    throw new DatabaseUnavailable(`cannot open the embedded database ${where}`, error);
  }
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { kysely, kind: "pglite", pglite, close: () => kysely.destroy() };
}

/**
 * PGlite, loaded only when used (a server-backed process never pays for it). A new folder starts
 * from the installed template when there is one (pglite-template.ts).
 */
async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir !== undefined) seedFromTemplate(dataDir);
  return PGlite.create(dataDir ?? "memory://", pgliteOptions(PGlite.defaultStartParams));
}

/**
 * PostgreSQL's defaults are a server's (128 MB of shared buffers); one playground or a small
 * team's bot needs far less, and the buffers are most of the embedded database's memory.
 */
export function pgliteOptions(defaultStartParams: readonly string[]): PGliteOptions {
  const small = ["shared_buffers=16MB"];
  return {
    parsers: { [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) },
    startParams: [...defaultStartParams, ...small.flatMap((s) => ["-c", s])],
    // initdb's own runs too, and written to a new folder's postgresql.conf.
    initDbStartParams: small.flatMap((s) => ["--set", s]),
  };
}
