/**
 * Migration 0014 on a database with rounds closed before it: each closed round
 * takes its end date (or the migration's moment, if that came first) as its
 * close and gets its retention job; the migration also goes down and up again.
 */
import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index";
import { migrateToLatest } from "../../src/store/migrate";
import { Harness } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();

describe("migration 0014", () => {
  it("gives rounds closed before it a close date and a retention job, and goes down and up again", async () => {
    const h = new Harness(tdb.db);
    await h.openProgram();
    await h.run("olga", { type: "round.close" });
    const db = tdb.db.kysely;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo("0012_outbox_request_id");
    expect(down.error).toBeUndefined();
    const { rows: columns } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.columns where table_name = 'rounds' and column_name = 'closed_at'`.execute(
      db,
    );
    expect(columns[0]?.n).toBe(0);
    expect(await db.selectFrom("jobs").select("id").where("kind", "=", "round-retention").execute()).toEqual([]);

    await migrateToLatest(db);
    const round = await db.selectFrom("rounds").select(["id", "ends_at", "closed_at"]).executeTakeFirstOrThrow();
    // The round's end date is months away (the test clock, not the database's), so the close is the migration's now.
    expect(round.closed_at).not.toBeNull();
    expect((round.closed_at as Date).getTime()).toBeLessThanOrEqual(round.ends_at.getTime());
    const job = await db
      .selectFrom("jobs")
      .select(["key", "due_at", "payload"])
      .where("kind", "=", "round-retention")
      .executeTakeFirstOrThrow();
    expect(job.key).toBe(`round-retention:${round.id}`);
    expect(job.payload).toEqual({ roundId: round.id });
    const due = new Date(round.closed_at as Date);
    due.setUTCMonth(due.getUTCMonth() + 12);
    expect(Math.abs(job.due_at.getTime() - due.getTime())).toBeLessThan(3 * 24 * 3_600_000);
    const program = await db.selectFrom("programs").select("retention_months").executeTakeFirstOrThrow();
    expect(program.retention_months).toBe(12);
  });
});
