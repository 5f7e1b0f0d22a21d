/**
 * Scheduled work, run by the real job runner on a real database with a
 * manual clock: reminders in each member's zone, quiet hours, the check-in
 * prompt, nudge and missed-session review, biweekly evaluations, round
 * deadlines, the end of a break, catching up after downtime, and retries.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../src/core/time/durations";
import { runDueJobs } from "../../src/scheduler/run-due-jobs";
import { leaseDueJobs, lockLeasedJob } from "../../src/store/job-queue";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
let pairingId: string;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  await h.openProgram();
  await h.join("ani", { timezone: "WIB", goals: ["SQL", "public speaking"] });
  await h.join("budi", { timezone: "WIT", language: "id" });
});

/** Every test but sign-up's starts with Ani and Budi matched. */
async function matchPair() {
  await h.run("olga", { type: "round.match" });
  pairingId = (await h.pairingsOf("ani"))[0] as string;
}

/** Wednesdays at `time` WIB, every 14 days, 60 minutes, agreed at the harness start (Tue 1 Dec 09:00 WIB). */
async function agreeCadence(time = "10:00", weekday = 3) {
  await h.run("ani", submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday, time }), DM);
  await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
}

const sessions = () =>
  tdb.db.kysely.selectFrom("sessions").selectAll().where("pairing_id", "=", pairingId).orderBy("number").execute();
const job = (keyPrefix: string) =>
  tdb.db.kysely.selectFrom("jobs").selectAll().where("key", "like", `${keyPrefix}%`).orderBy("id").execute();

describe("session reminders", () => {
  beforeEach(matchPair);

  it("come 24 hours and 15 minutes before, in the pair's conversation, with each member's own zone and language", async () => {
    await agreeCadence(); // session 1: Wed 2 Dec 10:00 WIB = 03:00Z
    h.clock.set(new Date("2026-12-01T02:59:00Z"));
    await h.runJobs();
    expect(await h.keyed("session-reminder:")).toHaveLength(0);
    h.clock.set(new Date("2026-12-01T03:00:00Z"));
    await h.runJobs();
    const dayBefore = await h.keyed("session-reminder:");
    expect(dayBefore.map((r) => [r.audience_kind, r.pairing_id])).toEqual([["pairing", pairingId]]);
    // Ani reads English (WIB), Budi Indonesian (WIT): the one message speaks both, each time in its reader's zone.
    expect(dayBefore[0]?.text).toBe(
      [
        "Reminder: session 1 (60 minutes). Ani: tomorrow at 10:00 WIB; Budi: tomorrow at 12:00 WIT",
        "---",
        "Jangan lupa sesi 1 ya (60 menit). Ani: besok pukul 10.00 WIB; Budi: besok pukul 12.00 WIT",
      ].join("\n"),
    );
    h.clock.set(new Date("2026-12-02T02:45:00Z"));
    await h.runJobs();
    await h.runJobs();
    const all = await h.keyed("session-reminder:");
    expect(all).toHaveLength(2);
    expect(all.find((r) => r.idempotency_key.includes(":15m:"))?.text).toContain(
      "Session 1 starts soon: Ani: in 15 minutes (10:00 WIB); Budi: in 15 minutes (12:00 WIT). Enjoy!",
    );
  });

  it("a moved session gets fresh reminders; the old ones skip", async () => {
    await agreeCadence();
    // A new routine (Thursdays 14:00 in Budi's zone, WIT) moves session 1 before its reminders are due.
    await h.run(
      "budi",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 45, weekday: 4, time: "14:00" }),
      DM,
    );
    await h.run("ani", { type: "cadence.confirm", pairingId }, DM);
    expect((await sessions())[0]?.starts_at.toISOString()).toBe("2026-12-03T05:00:00.000Z");
    h.clock.set(new Date("2026-12-02T05:00:00Z"));
    await h.runJobs();
    h.clock.set(new Date("2026-12-03T04:45:00Z"));
    await h.runJobs();
    const reminders = await h.keyed("session-reminder:");
    // Only the new time's reminders: 24 h and 15 min, to the pair.
    expect(reminders).toHaveLength(2);
    expect(reminders.every((r) => r.idempotency_key.includes("2026-12-03T05:00:00.000Z"))).toBe(true);
    const old = await job(`session-reminder:${(await sessions())[0]?.id}:24h:2026-12-02`);
    expect(old[0]).toMatchObject({ status: "skipped", outcome: "session moved" });
  });
});

describe("quiet hours", () => {
  beforeEach(matchPair);

  it("hold a reminder until 08:00 in the member's zone, on a working day", async () => {
    // Monday 7 Dec 08:30 WIB: the 24 h reminder falls on Sunday (no working day), the 15 min one at 08:15.
    await agreeCadence("08:30", 1);
    expect((await sessions())[0]?.starts_at.toISOString()).toBe("2026-12-07T01:30:00.000Z");
    h.clock.set(new Date("2026-12-06T01:30:00Z")); // Sunday 08:30 WIB
    await h.runJobs();
    expect(await h.keyed("session-reminder:")).toHaveLength(0);
    const waiting = await job("session-reminder:");
    // Deferred to Monday 08:00 WIB (Ani) / 08:00 WIT is earlier: the group's common moment is 08:00 WIB.
    expect(waiting.find((j) => j.key.includes(":24h:"))?.due_at.toISOString()).toBe("2026-12-07T01:00:00.000Z");
    h.clock.set(new Date("2026-12-07T01:00:00Z"));
    await h.runJobs();
    expect((await h.keyed("session-reminder:")).filter((r) => r.idempotency_key.includes(":24h:"))).toHaveLength(1);
  });

  it("follow the program's own hours and days, set by an organizer", async () => {
    expect(await h.text("ani", { type: "program.hours", from: 6, until: 22 })).toContain("Only the program’s organizers");
    expect(await h.text("olga", { type: "program.hours", from: 20, until: 8 })).toContain("must open before they close");
    expect(await h.text("olga", { type: "program.hours", from: 7, until: 21, workingDays: [7, 1, 2, 3, 4, 5, 6] })).toBe(
      "Sebaya reaches members on its own between 07:00 and 21:00 in each member's own time zone, on Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday. Outside those hours reminders wait.",
    );
    // Now a Sunday reminder goes out on Sunday.
    await agreeCadence("08:30", 1);
    h.clock.set(new Date("2026-12-06T01:30:00Z"));
    await h.runJobs();
    expect((await h.keyed("session-reminder:")).filter((r) => r.idempotency_key.includes(":24h:"))).toHaveLength(1);
  });

  it("a reminder that could only arrive after the session starts is dropped, not sent late", async () => {
    // Monday 7 Dec 07:00 WIB: the 15-minute reminder (06:45) is in quiet hours until after the start.
    await agreeCadence("07:00", 1);
    h.clock.set(new Date("2026-12-06T23:45:00Z"));
    await h.runJobs();
    expect((await h.keyed("session-reminder:")).filter((r) => r.idempotency_key.includes(":15m:"))).toHaveLength(0);
    expect((await job("session-reminder:")).find((j) => j.key.includes(":15m:"))).toMatchObject({
      status: "skipped",
      outcome: "too late to remind",
    });
  });
});

describe("after a session", () => {
  beforeEach(matchPair);

  it("asks once, nudges only who has not answered a day later, and plans the next session", async () => {
    await agreeCadence(); // ends 04:00Z; prompt at 04:15Z
    h.clock.set(new Date("2026-12-02T04:15:00Z"));
    await h.runJobs();
    expect(await h.keyed("checkin-prompt:")).toHaveLength(1);
    expect((await sessions()).map((s) => s.number)).toEqual([1, 2]);
    await h.run("ani", submit({ type: "checkin" }, { rating: 4, note: "private words" }), DM);
    h.clock.advance(24 * HOUR_MS);
    await h.runJobs();
    const nudges = await h.keyed("checkin-nudge:");
    expect(nudges.map((r) => r.member)).toEqual(["budi"]);
    expect(nudges[0]?.text).toContain("Sekadar mengingatkan: bagaimana sesi 1?");
    h.clock.advance(24 * HOUR_MS);
    await h.runJobs();
    expect(await h.keyed("checkin-nudge:")).toHaveLength(1);
  });

  it("counts an unanswered session as missed, and tells organizers after two in a row, without private text", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-02T04:15:00Z"));
    await h.runJobs();
    await h.run("ani", { type: "checkin", outcome: "not_met" }, DM);
    h.clock.advance(3 * DAY_MS);
    await h.runJobs();
    expect((await sessions())[0]?.status).toBe("missed");
    expect(await h.keyed("two-missed:")).toHaveLength(0);
    // Session 2 (16 Dec) passes without a word from either.
    h.clock.set(new Date("2026-12-16T04:15:00Z"));
    await h.runJobs();
    h.clock.advance(3 * DAY_MS);
    await h.runJobs();
    expect((await sessions())[1]?.status).toBe("missed");
    const notes = await h.keyed("two-missed:");
    expect(notes.map((r) => r.member)).toEqual(["olga"]);
    expect(notes[0]?.text).toBe(
      "Ani, Budi (Sahabat Belajar) have not met for two sessions in a row. A friendly word from you may help; what they wrote stays private.",
    );
    expect((await h.outbox()).some((r) => r.text.includes("never showed up"))).toBe(false);
  });
});

describe("biweekly evaluation", () => {
  beforeEach(matchPair);

  it("asks every 14 days in the pair's conversation, each member answering privately; goals reached are celebrated privately; 'adjust' leads on", async () => {
    const pairing = await tdb.db.kysely
      .selectFrom("pairings")
      .select("created_at")
      .where("id", "=", pairingId)
      .executeTakeFirstOrThrow();
    h.clock.set(new Date(pairing.created_at.getTime() + 14 * DAY_MS));
    await h.runJobs();
    const prompts = await h.keyed("evaluation-prompt:");
    expect(prompts.map((r) => [r.audience_kind, r.pairing_id])).toEqual([["pairing", pairingId]]);
    expect(prompts[0]?.text).toContain("Two weeks have passed: time for evaluation 1.");
    // The button carries no answers and no goals: each presser gets their own form.
    const buttonCommand = JSON.stringify(prompts[0]?.message.blocks.find((b) => b.type === "actions"));
    expect(buttonCommand).toContain('"type":"evaluation.submit"');
    expect(buttonCommand).not.toContain("SQL");

    const form = (await h.run("ani", { type: "evaluation.submit", pairingId, number: 1 }, DM)).form;
    expect(form?.inputs.map((i) => i.name)).toEqual(["g0", "g1", "working", "adjust"]);
    expect(form?.inputs[0]?.label).toBe("Progress on: SQL");

    const reply = await h.run(
      "ani",
      submit(
        { type: "evaluation.submit", pairingId, number: 1 },
        { working: "4", g0: "reached", g1: "progressing", adjust: "end" },
      ),
      DM,
    );
    expect(replyText(reply)).toContain("Thank you! Your evaluation stays private.");
    expect(reply.messages[1]?.blocks.some((b) => b.type === "actions")).toBe(true);
    const celebration = await h.keyed("milestone:goal:");
    expect(celebration.map((r) => [r.member, r.text])).toEqual([
      ["ani", "🎉 You reached your goal “SQL”. Celebrate it, and tell your peer if you like!"],
    ]);
    // A second answer (a double click) changes nothing.
    expect(
      await h.text(
        "ani",
        submit(
          { type: "evaluation.submit", pairingId, number: 1 },
          { working: "1", g0: "not_started", g1: "reached", adjust: "nothing" },
        ),
        DM,
      ),
    ).toContain("already answered evaluation 1");
    const rows = await tdb.db.kysely.selectFrom("evaluations").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.working).toBe(4);
    // Budi cannot answer for Ani's pairing number 2 before it is due.
    expect(
      await h.text(
        "budi",
        submit({ type: "evaluation.submit", pairingId, number: 2 }, { working: "3", g0: "progressing", adjust: "nothing" }),
        DM,
      ),
    ).toContain("Evaluasi 2 belum waktunya");
    // The next one is planned 14 days later.
    expect((await job(`evaluation-prompt:${pairingId}:2`))[0]?.status).toBe("pending");
  });
});

describe("catching up after downtime", () => {
  beforeEach(matchPair);

  it("a pair gets the latest prompts only, not a stack of stale ones", async () => {
    await agreeCadence();
    // The bot was down from the start for five weeks.
    h.clock.set(new Date("2027-01-05T03:00:00Z"));
    await h.runJobs();
    await h.runJobs();
    const prompts = await h.keyed("checkin-prompt:");
    expect(prompts).toHaveLength(1);
    // No reminder for a session that already happened.
    expect(await h.keyed("session-reminder:")).toHaveLength(0);
    // One evaluation prompt (the second one, 28 days in), not two.
    const evaluations = await h.keyed("evaluation-prompt:");
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]?.idempotency_key).toBe(`evaluation-prompt:${pairingId}:2`);
    // The routine continues from now, not with sessions in the past.
    const upcoming = (await sessions()).at(-1);
    expect(upcoming?.starts_at.getTime()).toBeGreaterThan(h.clock.now().getTime());
  });
});

describe("round sign-up", () => {
  it("closes sign-up after a week with a next step for organizers that works from a DM", async () => {
    h.clock.advance(7 * DAY_MS);
    await h.runJobs();
    const channel = await h.keyed("signup-closed:");
    expect(channel.find((r) => r.audience_kind === "channel")?.text).toBe(
      "Sign-up for round 1 is closed: 2 members joined. Matches are coming soon.",
    );
    const organizer = channel.find((r) => r.member === "olga");
    expect(organizer?.text).toContain("[Preview matching] [Run matching]");
    const actionsBlock = organizer?.message.blocks.find((b) => b.type === "actions");
    const element = actionsBlock?.type === "actions" ? actionsBlock.elements[0] : undefined;
    const button = element?.type === "button" && element.action.kind === "command" ? element.action.command : {};
    // Pressed in the DM (no channel): it names its program.
    expect(await h.text("olga", button as Record<string, unknown>, DM)).toContain("Dry run");
    expect(await h.text("budi", button as Record<string, unknown>, DM)).toContain("Hanya penyelenggara");
  });

  it("stays quiet when the organizer matched before the week was over", async () => {
    await matchPair();
    h.clock.advance(7 * DAY_MS);
    await h.runJobs();
    expect(await h.keyed("signup-closed:")).toHaveLength(0);
  });
});

describe("round end", () => {
  beforeEach(matchPair);

  it("ends the round on its date with a wrap-up for each pair and each member's own reached goals", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-02T04:15:00Z"));
    await h.runJobs();
    await h.run("budi", submit({ type: "checkin" }, { rating: 5 }), DM);
    const round = await tdb.db.kysely.selectFrom("rounds").select("ends_at").executeTakeFirstOrThrow();
    h.clock.set(round.ends_at);
    await h.runJobs();
    const wrap = await h.keyed(`wrap-up:${pairingId}`);
    expect(wrap).toHaveLength(1);
    expect(wrap[0]?.text).toContain("You held 1 session together.");
    expect(wrap[0]?.text).toContain("Kalian sudah mengadakan 1 sesi bersama.");
    expect(await h.pairingsOf("ani")).toEqual([]);
    expect((await tdb.db.kysely.selectFrom("rounds").select("status").executeTakeFirstOrThrow()).status).toBe("closed");
  });
});

describe("closing a round at night", () => {
  beforeEach(matchPair);
  it("closes at once; the wrap-up waits for the members' morning", async () => {
    h.clock.set(new Date("2026-12-01T16:00:00Z")); // Tue 23:00 WIB, Wed 01:00 WIT
    await h.run("olga", { type: "round.close" });
    expect((await tdb.db.kysely.selectFrom("rounds").select("status").executeTakeFirstOrThrow()).status).toBe("closed");
    const wrap = await tdb.db.kysely
      .selectFrom("outbox")
      .select("available_at")
      .where("idempotency_key", "=", `wrap-up:${pairingId}`)
      .executeTakeFirstOrThrow();
    // Wed 08:00 WIB (01:00Z) is 10:00 WIT: the first moment both may be reached.
    expect(wrap.available_at.toISOString()).toBe("2026-12-02T01:00:00.000Z");
  });
});

describe("a break", () => {
  beforeEach(matchPair);

  it("ends on its date: reminders resume and the partner hears it", async () => {
    await h.run("ani", submit({ type: "pause" }, { until: "2026-12-08" }), DM);
    h.clock.set(new Date("2026-12-07T17:00:00Z")); // Tue 8 Dec 00:00 WIB: quiet hours
    await h.runJobs();
    expect(await h.keyed("pause-ended:")).toHaveLength(0);
    h.clock.set(new Date("2026-12-08T01:00:00Z")); // 08:00 WIB
    await h.runJobs();
    const notes = await h.keyed("pause-ended:");
    expect(notes.map((r) => r.audience_kind).sort()).toEqual(["member", "pairing"]);
    expect(await h.text("ani", { type: "status" }, DM)).not.toContain("On a break");
  });

  it("resumed early: the scheduled end changes nothing", async () => {
    await h.run("ani", submit({ type: "pause" }, { until: "2026-12-08" }), DM);
    await h.run("ani", { type: "resume" }, DM);
    h.clock.set(new Date("2026-12-08T02:00:00Z"));
    await h.runJobs();
    expect(await h.keyed("pause-ended:")).toHaveLength(0);
    expect((await job("pause-end:"))[0]).toMatchObject({ status: "skipped" });
  });
});

describe("the job runner", () => {
  beforeEach(matchPair);

  it("retries a failing job later with backoff, and so a job of an unknown kind or an invalid payload: reported, never skipped", async () => {
    const now = h.clock.now();
    await tdb.db.kysely
      .insertInto("jobs")
      .values([
        {
          kind: "check-in-prompt",
          key: "broken",
          due_at: now,
          payload: JSON.stringify({ sessionId: "00000000-0000-4000-8000-000000000000" }),
          created_at: now,
        },
        { kind: "check-in-prompt", key: "invalid", due_at: now, payload: JSON.stringify({ sessionId: 42 }), created_at: now },
        { kind: "no-such-kind", key: "unknown", due_at: now, payload: "{}", created_at: now },
      ])
      .execute();
    const errors: Array<{ kind: string; error: string }> = [];
    const stats = await runDueJobs(tdb.db.kysely, h.clock, {
      worker: "test",
      random: () => 0.5,
      onError: (error, j) => errors.push({ kind: j.kind, error: String(error) }),
    });
    expect(stats.failed).toBe(3);
    expect(errors.map((e) => e.kind).sort()).toEqual(["check-in-prompt", "check-in-prompt", "no-such-kind"]);
    const [broken] = await job("broken");
    expect(broken?.status).toBe("pending");
    expect(broken?.attempts).toBe(1);
    expect(broken?.last_error).toContain("no result");
    // 5 s base, half fixed and half jitter (0.5 in the harness).
    expect(broken?.due_at.getTime()).toBe(now.getTime() + 3_750);
    const [invalid] = await job("invalid");
    expect(invalid).toMatchObject({ status: "pending", attempts: 1, outcome: null });
    expect(invalid?.last_error).toMatch(/^UnrunnableJob: invalid check-in-prompt payload: .*sessionId/s);
    expect(invalid?.due_at.getTime()).toBe(now.getTime() + 3_750);
    const [unknown] = await job("unknown");
    expect(unknown).toMatchObject({
      status: "pending",
      attempts: 1,
      outcome: null,
      last_error: "UnrunnableJob: unknown job kind no-such-kind",
    });
    expect(unknown?.due_at.getTime()).toBe(now.getTime() + 3_750);
    // Not due again yet: nothing runs.
    expect((await h.runJobs()).failed).toBe(0);
    h.clock.advance(MINUTE_MS);
    expect((await h.runJobs()).failed).toBe(3);
    expect((await job("broken"))[0]?.attempts).toBe(2);
    expect((await job("unknown"))[0]?.attempts).toBe(2);
  });

  it("a crashed worker's lease expires and another takes the job; the first can no longer finish it", async () => {
    await agreeCadence();
    const now = new Date("2026-12-02T04:15:00Z");
    h.clock.set(now);
    const leasedByA = await leaseDueJobs(tdb.db.kysely, now, "A", 60_000, 100);
    expect(leasedByA.map((j) => j.kind)).toContain("check-in-prompt");
    // A "crashes" here. Within its lease nobody else takes the jobs.
    h.clock.set(new Date(now.getTime() + 59_000));
    expect(await leaseDueJobs(tdb.db.kysely, h.clock.now(), "B", 60_000, 100)).toEqual([]);
    // After it, B does, and runs them; A's late attempt finds the job is not its own any more.
    h.clock.set(new Date(now.getTime() + 61_000));
    const stats = await runDueJobs(tdb.db.kysely, h.clock, { worker: "B" });
    expect(stats.done + stats.skipped).toBe(leasedByA.length);
    const prompt = leasedByA.find((j) => j.kind === "check-in-prompt");
    expect(await tdb.db.kysely.transaction().execute((trx) => lockLeasedJob(trx, prompt?.id ?? -1, "A"))).toBe(false);
    expect(await h.keyed("checkin-prompt:")).toHaveLength(1);
  });

  it("runs each job once however often it ticks", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-02T04:15:00Z"));
    await Promise.all([h.runJobs(), h.runJobs(), h.runJobs()]);
    await h.runJobs();
    expect(await h.keyed("checkin-prompt:")).toHaveLength(1);
    expect(await h.keyed("session-reminder:")).toHaveLength(0);
  });
});
