/**
 * Issue 12, item 1: a reminder is worded relative to the moment it is sent,
 * in each reader's zone and language, so one held by quiet hours (or run
 * late by a process that was down) never says "tomorrow" for today.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { Harness, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
let pairingId: string;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  pairingId = await h.matchedPair();
});

async function agree(weekday: number, time: string) {
  await h.run("ani", submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 60, weekday, time }), DM);
  await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
}

const reminders = async (lead: string) =>
  (await h.keyed("session-reminder:")).filter((r) => r.idempotency_key.includes(`:${lead}:`)).map((r) => r.text);

describe("session reminders say when, from the moment they are sent", () => {
  it("a Monday-morning session's reminder held over the weekend says 'today', not 'tomorrow'", async () => {
    await agree(1, "13:00"); // Monday 7 Dec 13:00 WIB = 15:00 WIT
    h.clock.set(new Date("2026-12-06T06:00:00Z")); // Sunday 13:00 WIB: no working day, the reminder waits
    await h.runJobs();
    expect(await reminders("24h")).toEqual([]);
    h.clock.set(new Date("2026-12-07T01:00:00Z")); // Monday 08:00 WIB
    await h.runJobs();
    const [sent] = await reminders("24h");
    expect(sent).toBe(
      [
        "Reminder: session 1 (60 minutes). Ani: today at 13:00 WIB; Budi: today at 15:00 WIT",
        "---",
        "Jangan lupa sesi 1 ya (60 menit). Ani: hari ini pukul 13.00 WIB; Budi: hari ini pukul 15.00 WIT",
      ].join("\n"),
    );
    expect(sent).not.toMatch(/tomorrow|besok/);
  });

  it("closer to the start, a held reminder counts the hours left", async () => {
    await agree(1, "10:00"); // Monday 7 Dec 10:00 WIB: held from Sunday until Monday 08:00 WIB
    h.clock.set(new Date("2026-12-07T01:00:00Z"));
    await h.runJobs();
    expect(await reminders("24h")).toEqual([
      [
        "Reminder: session 1 (60 minutes). Ani: in 2 hours (10:00 WIB); Budi: in 2 hours (12:00 WIT)",
        "---",
        "Jangan lupa sesi 1 ya (60 menit). Ani: 2 jam lagi (10.00 WIB); Budi: 2 jam lagi (12.00 WIT)",
      ].join("\n"),
    ]);
  });

  it("on time, the day before says 'tomorrow' in each reader's zone", async () => {
    await agree(3, "10:00"); // Wednesday 2 Dec 10:00 WIB
    h.clock.set(new Date("2026-12-01T03:00:00Z"));
    await h.runJobs();
    expect(await reminders("24h")).toEqual([
      [
        "Reminder: session 1 (60 minutes). Ani: tomorrow at 10:00 WIB; Budi: tomorrow at 12:00 WIT",
        "---",
        "Jangan lupa sesi 1 ya (60 menit). Ani: besok pukul 10.00 WIB; Budi: besok pukul 12.00 WIT",
      ].join("\n"),
    ]);
  });

  it("a reminder run late counts down from when it is actually sent", async () => {
    await agree(3, "10:00");
    // The process was down: the 15-minute reminder runs only 5 minutes before the start.
    h.clock.set(new Date("2026-12-02T02:55:00Z"));
    await h.runJobs();
    const [soon] = await reminders("15m");
    expect(soon).toContain("Session 1 starts soon: Ani: in 5 minutes (10:00 WIB); Budi: in 5 minutes (12:00 WIT). Enjoy!");
    expect(soon).toContain("Budi: 5 menit lagi (12.00 WIT)");
  });
});
