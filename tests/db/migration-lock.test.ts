/**
 * Two processes migrating one empty server database at the same moment
 * (the Migrator's lock makes one wait and find nothing left to do), and an
 * embedded database in a data folder surviving a close and reopen.
 */

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index";
import { openDatabase } from "../../src/app";
import { connect, type Db } from "../../src/store/connect";
import { repositories } from "../../src/store/kysely-store";
import { migrateToLatest } from "../../src/store/migrate";
import { createServerDatabase, testDbKind } from "../support/test-db";
import { TEST_KEYS } from "../support/test-keys";

const onServer = testDbKind() === "postgres";
const onPglite = testDbKind() === "pglite";
const migrationNames = Object.keys(migrations).sort();

describe("concurrent migrations on a PostgreSQL server", () => {
  // Server only: one embedded PGlite connection cannot race itself, so the pglite project reports this as skipped.
  it.runIf(onServer)(
    "[server only] two pools migrating one empty database at once: both succeed, each migration runs exactly once",
    async () => {
      const server = await createServerDatabase();
      const dbs: Db[] = [];
      try {
        dbs.push(await connect({ kind: "postgres", url: server.url, poolSize: 2 }));
        dbs.push(await connect({ kind: "postgres", url: server.url, poolSize: 2 }));
        const [a, b] = dbs as [Db, Db];

        // The database really is empty before.
        const before = await sql<{
          n: number;
        }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(a.kysely);
        expect(before.rows[0]?.n).toBe(0);

        const [resultsA, resultsB] = await Promise.all([migrateToLatest(a.kysely), migrateToLatest(b.kysely)]);

        const executed = [resultsA, resultsB].filter((rs) => rs.length > 0);
        expect(executed).toHaveLength(1);
        expect(executed[0]).toEqual(
          migrationNames.map((migrationName) => ({ migrationName, direction: "Up", status: "Success" })),
        );
        expect([resultsA, resultsB].filter((rs) => rs.length === 0)).toHaveLength(1);

        const applied = await sql<{ name: string; n: number }>`
        select name, count(*)::int as n from kysely_migration group by name order by name
      `.execute(b.kysely);
        expect(applied.rows).toEqual(migrationNames.map((name) => ({ name, n: 1 })));

        // The schema is there and usable from both pools.
        const tenant = await repositories(a.kysely).tenants.ensure("console", "T-race");
        const seen = await b.kysely.selectFrom("tenants").select("id").where("external_id", "=", "T-race").execute();
        expect(seen).toEqual([{ id: tenant.id }]);

        // And a third run, later, finds nothing to do.
        expect(await migrateToLatest(b.kysely)).toEqual([]);
      } finally {
        for (const db of dbs) await db.close();
        await server.drop();
      }
    },
  );
});

describe("an embedded database in a data folder", () => {
  // PGlite only: a data folder means nothing to a server, so the postgres project reports these as skipped.
  it.runIf(onPglite)("[PGlite only] persists across close and reopen", { timeout: 90_000 }, async () => {
    const folder = await mkdtemp(join(tmpdir(), "sebaya-datadir-"));
    const dataDir = join(folder, "data");
    try {
      const first = await openDatabase({ kind: "pglite", dataDir }, TEST_KEYS);
      let tenantId: string;
      try {
        const r = repositories(first.kysely);
        const tenant = await r.tenants.ensure("discord", "G-persist");
        const member = await r.members.ensure(tenant.id, "U-persist", "Persisted Person");
        await r.members.setPreferences(member.id, { language: "id", timezone: "Asia/Jakarta" });
        tenantId = tenant.id;
      } finally {
        await first.close();
      }

      const second = await openDatabase({ kind: "pglite", dataDir }, TEST_KEYS);
      try {
        const tenants = await second.kysely.selectFrom("tenants").select(["id", "platform", "external_id"]).execute();
        expect(tenants).toEqual([{ id: tenantId, platform: "discord", external_id: "G-persist" }]);
        const members = await second.kysely
          .selectFrom("members")
          .select(["external_id", "display_name", "language", "timezone"])
          .execute();
        expect(members).toEqual([
          { external_id: "U-persist", display_name: "Persisted Person", language: "id", timezone: "Asia/Jakarta" },
        ]);
        // Reopening migrated nothing again: each migration is recorded once.
        const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(second.kysely);
        expect(applied.rows.map((row) => row.name)).toEqual(migrationNames);
        expect(await migrateToLatest(second.kysely)).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it.runIf(onPglite)(
    "[PGlite only] a fresh folder starts empty (the data is in the folder, not shared in memory)",
    { timeout: 90_000 },
    async () => {
      const folder = await mkdtemp(join(tmpdir(), "sebaya-datadir-"));
      try {
        const a = await openDatabase({ kind: "pglite", dataDir: join(folder, "a") }, TEST_KEYS);
        try {
          await repositories(a.kysely).tenants.ensure("console", "T-a");
        } finally {
          await a.close();
        }
        const b = await openDatabase({ kind: "pglite", dataDir: join(folder, "b") }, TEST_KEYS);
        try {
          expect(await b.kysely.selectFrom("tenants").select("external_id").execute()).toEqual([]);
        } finally {
          await b.close();
        }
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
});
