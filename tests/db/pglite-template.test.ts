/**
 * A new embedded database from the installed template: the folder is
 * unpacked, not made by initdb, opens and migrates like any other, keeps the
 * small memory settings, and a folder that holds a database is never touched.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, pgliteOptions } from "../../src/store/connect";
import { migrateToLatest } from "../../src/store/migrate";
import { buildTemplate, seedFromTemplate } from "../../src/store/pglite-template";
import { testDbKind } from "../support/test-db";

let dir: string;
let template: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sebaya-template-"));
  template = join(dir, "template.tar.gz");
  if (testDbKind() === "pglite") await buildTemplate(pgliteOptions(PGlite.defaultStartParams), template);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(testDbKind() !== "pglite")("the embedded database's template", () => {
  it("makes a new data folder that opens, migrates and keeps data like one made by initdb", async () => {
    const data = join(dir, "data");
    expect(seedFromTemplate(data, template)).toBe(true);
    expect(readFileSync(join(data, "PG_VERSION"), "utf8").trim()).toMatch(/^\d+$/);
    const db = await connect({ kind: "pglite", dataDir: data });
    try {
      const applied = await migrateToLatest(db.kysely);
      expect(applied.map((r) => r.migrationName)).toContain("0001_initial");
      await db.kysely.insertInto("tenants").values({ platform: "console", external_id: "T1" }).execute();
      const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db.kysely);
      expect(rows[0]?.shared_buffers).toBe("16MB");
    } finally {
      await db.close();
    }
    // Reopened: the same database, nothing unpacked over it.
    expect(seedFromTemplate(data, template)).toBe(false);
    const again = await connect({ kind: "pglite", dataDir: data });
    try {
      expect(await again.kysely.selectFrom("tenants").select("external_id").execute()).toEqual([{ external_id: "T1" }]);
      expect(await migrateToLatest(again.kysely)).toEqual([]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it("leaves a new folder to initdb when there is no template", () => {
    const data = join(dir, "no-template");
    expect(seedFromTemplate(data, join(dir, "missing.tar.gz"))).toBe(false);
    expect(existsSync(join(data, "PG_VERSION"))).toBe(false);
  });
});
