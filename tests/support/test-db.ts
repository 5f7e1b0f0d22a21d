/**
 * A real, migrated database for one test file: PGlite in memory, or a fresh
 * database on the PostgreSQL server (created here, dropped at the end).
 * The project (see vitest.config.ts) decides which via SEBAYA_TEST_DB.
 */

import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
import { openDatabase } from "../../src/app";
import type { Db } from "../../src/store/connect";
import { TEST_KEYS } from "./test-keys";

export interface TestDb {
  db: Db;
  /** Empties every table: a clean slate between tests without a new database. */
  reset(): Promise<void>;
  close(): Promise<void>;
  /** For tests that need a second connection to the same database (server only). */
  url?: string;
}

export const testDbKind = (): "pglite" | "postgres" => (process.env.SEBAYA_TEST_DB === "postgres" ? "postgres" : "pglite");

/** Creates an empty database on the server and returns its URL and a dropper. */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `sebaya_t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function openTestDb(): Promise<TestDb> {
  if (testDbKind() === "pglite") {
    const db = await openDatabase({ kind: "pglite" }, TEST_KEYS);
    return { db, reset: () => truncate(db), close: () => db.close() };
  }
  const server = await createServerDatabase();
  const db = await openDatabase({ kind: "postgres", url: server.url, poolSize: 5 }, TEST_KEYS);
  return {
    db,
    url: server.url,
    reset: () => truncate(db),
    async close() {
      await db.close();
      await server.drop();
    },
  };
}

/** Every table the migrations made (asked of the database, so a new migration needs no edit here). */
async function truncate(db: Db): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(db.kysely);
  await sql.raw(`truncate ${rows.map((r) => `"${r.tablename}"`).join(", ")} restart identity cascade`).execute(db.kysely);
}

/**
 * One migrated database for the whole test file, emptied after each test and
 * closed (or dropped) at the end. The returned object is usable once the
 * file's `beforeAll` hooks have run.
 */
export function useTestDb(): TestDb {
  let opened: TestDb | undefined;
  const current = () => {
    if (!opened) throw new Error("the test database is opened in beforeAll; use it inside hooks and tests");
    return opened;
  };
  beforeAll(async () => {
    opened = await openTestDb();
  });
  afterEach(() => current().reset());
  afterAll(() => current().close());
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
    reset: () => current().reset(),
    close: () => current().close(),
  };
}
