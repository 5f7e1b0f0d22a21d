/**
 * Issue 12, item 3: a routine is a weekday every one or two weeks, or an
 * interval with no fixed weekday, never both; sessions never fall outside
 * the program's working days.
 */
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/core/time/durations";
import { Harness, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
let pairingId: string;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  pairingId = await h.matchedPair({}, { timezone: "WIB" });
});

const propose = (answers: Record<string, unknown>, who = "ani") =>
  h.text(who, submit({ type: "cadence.propose", pairingId }, answers), DM);
const proposal = async () =>
  (await tdb.db.kysely.selectFrom("pairings").selectAll().where("id", "=", pairingId).executeTakeFirstOrThrow()).proposal_at;
const sessionDays = async () =>
  (
    await tdb.db.kysely.selectFrom("sessions").select("starts_at").where("pairing_id", "=", pairingId).orderBy("number").execute()
  ).map((s) => DateTime.fromJSDate(s.starts_at).setZone("Asia/Jakarta").toFormat("ccc d LLL HH:mm"));

describe("a routine", () => {
  it("refuses a fixed weekday with an interval that is not one or two weeks (every 10 days on Friday)", async () => {
    const answer = await propose({ everyDays: 10, minutes: 60, weekday: 5, time: "10:00" });
    expect(answer).toContain(
      "A routine on a fixed weekday repeats every 7 or 14 days. For another number of days, leave the weekday empty.",
    );
    expect(await proposal()).toBeNull();
    const jawab = await propose({ everyDays: 10, minutes: 60, weekday: 5, time: "10:00" }, "budi");
    expect(jawab).toContain("Kalau harinya tetap, jadwalnya tiap 7 atau 14 hari.");
    expect(await proposal()).toBeNull();
  });

  it("refuses a weekday outside the program's working days", async () => {
    expect(await propose({ everyDays: 7, minutes: 60, weekday: 6, time: "10:00" })).toBe(
      "Saturday isn’t a working day in this program (Monday, Tuesday, Wednesday, Thursday, Friday), so sessions can’t fall on it. Please pick another day.",
    );
    expect(await proposal()).toBeNull();
  });

  it("every 10 days with no fixed weekday: every session falls on a working day", async () => {
    const proposed = await propose({ everyDays: 10, minutes: 60, weekday: "", time: "10:00" });
    expect(proposed).toContain("Proposal sent");
    const shown = (await h.keyed("cadence-proposal:"))[0]?.text ?? "";
    expect(shown).toContain("Ani proposes meeting every 10 days for 60 minutes at 10:00 (WIB), with no fixed weekday");
    await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
    // Two months of sessions, each followed by its check-in prompt that plans the next one.
    for (let day = 1; day <= 70; day++) {
      h.clock.set(new Date(h.clock.now().getTime() + DAY_MS));
      await h.runJobs();
    }
    const days = await sessionDays();
    // From Tuesday 1 Dec 10:00: 11 Dec (Fri), 21 Dec (Mon), 31 Dec (Thu), 10 Jan is a Sunday: Monday 11 Jan, ...
    expect(days.slice(0, 6)).toEqual([
      "Tue 1 Dec 10:00",
      "Fri 11 Dec 10:00",
      "Mon 21 Dec 10:00",
      "Thu 31 Dec 10:00",
      "Mon 11 Jan 10:00",
      "Thu 21 Jan 10:00",
    ]);
    expect(days.length).toBeGreaterThanOrEqual(7);
    expect(days.filter((d) => d.startsWith("Sat") || d.startsWith("Sun"))).toEqual([]);
  });

  it("a weekday every week or two still works as before", async () => {
    await propose({ everyDays: 14, minutes: 45, weekday: 3, time: "14:00" });
    await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
    expect(await sessionDays()).toEqual(["Wed 2 Dec 14:00"]);
  });
});
