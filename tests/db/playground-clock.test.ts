/**
 * The playground's clock never starts behind its data: with a saved state it
 * goes on from the saved moment, history and all; with data from before the
 * playground kept its clock, it moves up to the latest moment the data
 * records, so "next session" is never one already past.
 */
import { describe, expect, it } from "vitest";
import { ConsoleWorkspace } from "../../src/adapters/console/app";
import { MEMBERS, ORGANIZER } from "../../src/adapters/console/cast";
import { restorePlayground, savePlayground } from "../../src/adapters/console/saved-playground";
import { transcriptFor } from "../../src/adapters/console/transcript";
import { createAppCore, playgroundStore } from "../../src/app";
import { ManualClock, OffsetClock } from "../../src/core/time/clock";
import { DAY_MS } from "../../src/core/time/durations";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const CAST = [ORGANIZER, ...MEMBERS];
/** "Real time" for the playground: it stays where the first run started. */
const REAL = new Date("2026-12-01T02:00:00Z");

/** A first run: a program opened, then ten simulated days. */
async function firstRun(save: boolean) {
  const clock = new OffsetClock(new ManualClock(REAL));
  const ws = new ConsoleWorkspace(createAppCore({ db: tdb.db, clock }), playgroundStore(tdb.db.kysely), clock, CAST);
  const seen = new Map<string, number>();
  if (save) ws.afterStep = () => savePlayground(playgroundStore(tdb.db.kysely), ws, clock, seen);
  await ws.type("sari", "/mentoring setup Kopi Belajar");
  await ws.type("sari", "/mentoring open");
  await ws.advance(10 * DAY_MS);
  seen.set("sari", ws.lastSeq);
  if (save) await savePlayground(playgroundStore(tdb.db.kysely), ws, clock, seen);
  return { reached: clock.now(), shown: transcriptFor(ws, ws.person("sari")) };
}

async function restart() {
  const clock = new OffsetClock(new ManualClock(REAL));
  const ws = new ConsoleWorkspace(createAppCore({ db: tdb.db, clock }), playgroundStore(tdb.db.kysely), clock, CAST);
  const seen = new Map<string, number>();
  const restored = await restorePlayground(playgroundStore(tdb.db.kysely), ws, clock, seen);
  return { clock, ws, seen, restored };
}

describe("the playground's clock after a restart", () => {
  it("goes on from the saved moment with everything each person saw", async () => {
    const first = await firstRun(true);
    const { clock, ws, seen, restored } = await restart();
    expect(restored).toEqual({ at: first.reached, history: true });
    expect(clock.now()).toEqual(first.reached);
    expect(transcriptFor(ws, ws.person("sari"))).toBe(first.shown);
    expect(seen.get("sari")).toBe(ws.lastSeq);
  });

  it("with data saved before it kept its clock, starts at the latest moment the data records", async () => {
    await firstRun(false);
    // The sign-up deadline (seven days after opening) was the last thing that happened.
    const signupClosed = await tdb.db.kysely
      .selectFrom("jobs")
      .select("finished_at")
      .where("kind", "=", "round-signup-close")
      .executeTakeFirstOrThrow();
    const { clock, restored } = await restart();
    expect(restored?.history).toBe(false);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(new Date(signupClosed.finished_at as Date).getTime());
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(REAL.getTime() + 7 * DAY_MS);
  });

  it("starts a new playground at the real time", async () => {
    const { clock, restored } = await restart();
    expect(restored).toBeNull();
    expect(clock.now()).toEqual(REAL);
  });
});
