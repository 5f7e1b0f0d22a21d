/**
 * The round's end is a pair's last day: no session is planned after it (so no
 * reminder for a meeting the round no longer holds), a check-in says so with
 * the date, and the report counts as planned only what can still happen.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const en = translator("en");
let h: Harness;
let pairingId: string;
const DM = { channel: null } as const;

const sessions = () =>
  tdb.db.kysely
    .selectFrom("sessions")
    .select(["number", "starts_at", "status"])
    .where("pairing_id", "=", pairingId)
    .orderBy("number")
    .execute();

beforeEach(async () => {
  h = new Harness(tdb.db);
  // Round 1 opens Tuesday 1 December 09:00 WIB for 4 weeks: it ends Tuesday 29 December.
  await h.allowEveryoneToSetUp();
  await h.run("olga", { type: "program.setup", name: "Sahabat Belajar", language: "en" });
  await h.run("olga", { type: "round.open", weeks: 4 });
  await h.join("ani", { timezone: "WIB" });
  await h.join("budi", { timezone: "WIB" });
  await h.run("olga", { type: "round.match" });
  pairingId = (await h.pairingsOf("ani"))[0] as string;
  // Every two weeks on Wednesday at 10:00 WIB: 2 and 16 December; the 30th is after the round.
  await h.run(
    "ani",
    submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
    DM,
  );
  await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
});

describe("the round's end", () => {
  it("plans no session after it, and the last check-in says the round ends first", async () => {
    const round = await tdb.db.kysely.selectFrom("rounds").select("ends_at").executeTakeFirstOrThrow();
    for (const after of ["2026-12-02T04:20:00Z", "2026-12-16T04:20:00Z"]) {
      h.clock.set(new Date(after)); // after sessions 1 and 2: their check-in prompts run
      await h.runJobs();
    }
    expect((await sessions()).map((s) => s.starts_at.toISOString())).toEqual([
      "2026-12-02T03:00:00.000Z",
      "2026-12-16T03:00:00.000Z",
    ]);
    const [, second] = await tdb.db.kysely
      .selectFrom("sessions")
      .select("id")
      .where("pairing_id", "=", pairingId)
      .orderBy("number")
      .execute();
    const answer = replyText(await h.run("ani", { type: "checkin", sessionId: second?.id, outcome: "not_met" }, DM));
    expect(answer).toContain(en("checkin.noneBeforeRoundEnd", { date: "Tuesday, 29 December 2026" }));
    expect(round.ends_at.getTime()).toBeLessThan(new Date("2026-12-30T03:00:00Z").getTime());
    // Nothing is planned past the end, so no reminder for it either.
    h.clock.set(new Date("2026-12-31T00:00:00Z"));
    await h.runJobs();
    expect(await sessions()).toHaveLength(2);
    expect((await h.keyed("session-reminder:")).every((r) => !r.idempotency_key.includes("2026-12-30"))).toBe(true);
  });

  it("the report counts no session coming up for a pair that has ended", async () => {
    await h.run("ani", submit({ type: "pairing.end", pairingId }, { rematch: false }), DM);
    const report = replyText(await h.run("olga", { type: "program.report" }));
    expect(report).toContain(
      en("report.sessionsPlanned", { total: 0, held: 0, missed: 0, rescheduled: 0, awaiting: 0, upcoming: 0 }),
    );
  });
});
