/**
 * Issue 12, item 12: "We rescheduled" asks for the new time (the schedule
 * form's time and length, with a date, for one session) and the session
 * moves there with its reminders; the routine carries on after it.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
let pairingId: string;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  pairingId = await h.matchedPair();
  // Wednesdays 10:00 WIB, every week: session 1 on Wednesday 2 December.
  await h.run(
    "ani",
    submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 60, weekday: 3, time: "10:00" }),
    DM,
  );
  await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
  h.clock.set(new Date("2026-12-02T04:20:00Z")); // after session 1
  await h.runJobs();
});

const sessions = () =>
  tdb.db.kysely
    .selectFrom("sessions")
    .select(["id", "number", "starts_at", "minutes", "status"])
    .where("pairing_id", "=", pairingId)
    .orderBy("number")
    .execute();

describe("we rescheduled", () => {
  it("asks for the new time at once, and the session moves there for both, with fresh reminders", async () => {
    const [first] = await sessions();
    const answer = await h.run("ani", { type: "checkin", sessionId: first?.id, outcome: "rescheduled" }, DM);
    expect(replyText(answer)).toBe(
      "Noted. When will you meet instead? Set the new time and session 2 moves there (for now it’s Wednesday, 9 December 2026, 10:00 WIB).\n[Set the new time]",
    );
    const second = (await sessions())[1];
    // The same fields as the schedule form (time, length), with a date, prefilled with the planned moment.
    expect(answer.form?.request).toEqual({ type: "session.move", sessionId: second?.id });
    expect(answer.form?.inputs.map((i) => [i.name, i.initial])).toEqual([
      ["date", "2026-12-09"],
      ["time", "10:00"],
      ["minutes", 60],
    ]);

    const moved = await h.text(
      "ani",
      submit({ type: "session.move", sessionId: second?.id as string }, { date: "2026-12-03", time: "14:00", minutes: "45" }),
      DM,
    );
    expect(moved).toBe("Done: session 2 is now Thursday, 3 December 2026, 14:00 WIB. Your peer has been told.");
    expect((await sessions())[1]).toMatchObject({
      number: 2,
      starts_at: new Date("2026-12-03T07:00:00Z"),
      minutes: 45,
      status: "scheduled",
    });
    const told = await h.keyed("session-moved:");
    expect(told.map((r) => r.audience_kind)).toEqual(["pairing"]);
    expect(told[0]?.text).toContain(
      "Ani moved session 2. The new time: Ani: Thursday, 3 December 2026, 14:00 WIB; Budi: Thursday, 3 December 2026, 16:00 WIT",
    );
    expect(told[0]?.text).toContain("Ani memindahkan sesi 2. Waktu barunya:");

    // Its reminder comes a day before the new time; the routine then goes back to Wednesdays.
    h.clock.set(new Date("2026-12-02T07:00:00Z"));
    await h.runJobs();
    expect((await h.keyed("session-reminder:")).map((r) => r.idempotency_key)).toEqual([
      expect.stringContaining("24h:2026-12-03T07:00:00.000Z"),
    ]);
    h.clock.set(new Date("2026-12-03T08:05:00Z"));
    await h.runJobs();
    expect((await sessions()).map((s) => s.starts_at.toISOString())).toEqual([
      "2026-12-02T03:00:00.000Z",
      "2026-12-03T07:00:00.000Z",
      "2026-12-09T03:00:00.000Z",
    ]);
  });

  it("refuses a day off, a moment past, and a session already started", async () => {
    const [first] = await sessions();
    await h.run("ani", { type: "checkin", sessionId: first?.id, outcome: "rescheduled" }, DM);
    const second = (await sessions())[1]?.id as string;
    const move = (date: string, time: string) =>
      h.text("ani", submit({ type: "session.move", sessionId: second }, { date, time, minutes: 60 }), DM);
    expect(await move("2026-12-05", "10:00")).toBe(
      "Saturday isn’t a working day in this program (Monday, Tuesday, Wednesday, Thursday, Friday). Please pick another day.",
    );
    expect(await move("2026-12-01", "10:00")).toBe("That moment has already passed. Please pick a time still ahead.");
    expect(
      await h.text(
        "ani",
        submit({ type: "session.move", sessionId: first?.id as string }, { date: "2026-12-04", time: "10:00", minutes: 60 }),
        DM,
      ),
    ).toBe("Session 1 has already started, so it can’t be moved any more.");
    expect((await sessions())[1]?.starts_at.toISOString()).toBe("2026-12-09T03:00:00.000Z");
  });
});
