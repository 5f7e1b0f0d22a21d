/**
 * Handled events and presses are claimed once (a retry or a double click
 * finds the key taken), a press may be claimed again after its window, and
 * the scheduler's tick forgets old keys and expired form drafts, at most
 * once an hour.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock";
import type { Sender } from "../../src/delivery/sender";
import { Ticker } from "../../src/scheduler/tick";
import { claimEvent, REMEMBER_MS } from "../../src/store/platform/platform-events";
import { START } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const HOUR = 60 * 60 * 1000;
const noSends: Sender = { send: async () => ({ platformMessageId: null }) };

describe("claimEvent", () => {
  it("claims a key once; a retry of the same event finds it taken", async () => {
    expect(await claimEvent(tdb.db.kysely, "slack:event:Ev1", START)).toBe(true);
    expect(await claimEvent(tdb.db.kysely, "slack:event:Ev1", new Date(START.getTime() + 5 * HOUR))).toBe(false);
    expect(await claimEvent(tdb.db.kysely, "slack:event:Ev2", START)).toBe(true);
  });

  it("with a window: a second press within it is the same press, one after it is a new one", async () => {
    const key = "discord:press:U1:M1:button";
    expect(await claimEvent(tdb.db.kysely, key, START, 10_000)).toBe(true);
    expect(await claimEvent(tdb.db.kysely, key, new Date(START.getTime() + 9_999), 10_000)).toBe(false);
    expect(await claimEvent(tdb.db.kysely, key, new Date(START.getTime() + 10_000), 10_000)).toBe(true);
    // The window restarts from the new claim.
    expect(await claimEvent(tdb.db.kysely, key, new Date(START.getTime() + 15_000), 10_000)).toBe(false);
  });
});

describe("the tick's pruning", () => {
  it("forgets keys older than a day and expired drafts, keeps the rest, and does it at most once an hour", async () => {
    const db = tdb.db.kysely;
    const clock = new ManualClock(START);
    const tenant = await db
      .insertInto("tenants")
      .values({ platform: "discord", external_id: "APP" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await claimEvent(db, "old", new Date(START.getTime() - REMEMBER_MS - 1));
    await claimEvent(db, "fresh", new Date(START.getTime() - HOUR));
    const draft = (id: string, expiresAt: Date) => ({
      id,
      tenant_id: tenant.id,
      user_external_id: "U1",
      answers: Buffer.from("sealed draft"),
      expires_at: expiresAt,
    });
    await db
      .insertInto("form_drafts")
      .values([
        draft("00000000-0000-4000-8000-000000000001", new Date(START.getTime() - 1)),
        draft("00000000-0000-4000-8000-000000000002", new Date(START.getTime() + HOUR)),
      ])
      .execute();

    const ticker = new Ticker(db, noSends, clock, { worker: "prune-test" });
    expect((await ticker.tick()).pruned).toBe(2);
    expect((await db.selectFrom("platform_events").select("key").execute()).map((r) => r.key)).toEqual(["fresh"]);
    expect((await db.selectFrom("form_drafts").select("id").execute()).map((r) => r.id)).toEqual([
      "00000000-0000-4000-8000-000000000002",
    ]);

    // Half an hour later the other draft has expired, but pruning waits for the hour.
    clock.advance(HOUR / 2 + 1);
    await db
      .updateTable("form_drafts")
      .set({ expires_at: new Date(START.getTime()) })
      .execute();
    expect((await ticker.tick()).pruned).toBe(0);
    clock.advance(HOUR / 2);
    expect((await ticker.tick()).pruned).toBe(1);
  });
});
