/** A pair's life: cadence, sessions, check-ins, journal, pause and resume, status. */

import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../../src/core/time/durations";
import { vaultOf } from "../../src/store/sealing/vault-carrier";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
let pairingId: string;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  pairingId = await h.matchedPair();
});

/** Ani proposes Wednesdays 10:00 WIB every 14 days for 60 minutes; Budi confirms. */
async function agreeCadence() {
  await h.run(
    "ani",
    submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
    DM,
  );
  return h.text("budi", { type: "cadence.confirm", pairingId }, DM);
}

const sessions = () =>
  tdb.db.kysely.selectFrom("sessions").selectAll().where("pairing_id", "=", pairingId).orderBy("number").execute();

describe("agreeing a cadence", () => {
  it("without details, replies with the cadence form", async () => {
    const reply = await h.run("ani", { type: "cadence.propose" }, DM);
    expect(reply.form?.inputs.map((i) => i.name)).toEqual(["everyDays", "minutes", "weekday", "time"]);
    expect(reply.form?.inputs.find((i) => i.name === "time")?.hint).toContain("Asia/Jakarta");
  });

  it("shows the proposal to the pair in each member's own time zone", async () => {
    const text = await h.text(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
      DM,
    );
    expect(text).toContain("Proposal sent");
    const proposal = (await h.outbox()).find((r) => r.idempotency_key.startsWith("cadence-proposal:"));
    // Budi reads Indonesian: the message carries both languages, English first (the program's).
    expect(proposal?.text).toContain("Ani proposes meeting every 14 days for 60 minutes, on Wednesday at 10:00 (WIB).");
    expect(proposal?.text).toContain("For Budi that’s Wednesday, 2 December 2026, 12:00 WIT.");
    expect(proposal?.text).toContain("Untuk Budi, itu Rabu, 2 Desember 2026, 12.00 WIT.");
  });

  it("is confirmed by the peer, not the proposer, and schedules the first session", async () => {
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
      DM,
    );
    expect(await h.text("ani", { type: "cadence.confirm", pairingId }, DM)).toContain("your peer needs to confirm");
    expect(await h.text("budi", { type: "cadence.confirm", pairingId }, DM)).toContain("Beres, jadwalnya sudah disepakati.");
    const [first, ...rest] = await sessions();
    expect(rest).toHaveLength(0);
    expect(first?.starts_at.toISOString()).toBe("2026-12-02T03:00:00.000Z"); // Wed 10:00 WIB
    expect(first?.minutes).toBe(60);
    const agreed = (await h.outbox()).find((r) => r.idempotency_key.startsWith("cadence-agreed:"));
    expect(agreed?.text).toContain("First session for Ani: Wednesday, 2 December 2026, 10:00 WIB");
    expect(agreed?.text).toContain("First session for Budi: Wednesday, 2 December 2026, 12:00 WIT");
  });

  it("a double click on Confirm changes nothing twice", async () => {
    await agreeCadence();
    const outbox = await h.count("outbox");
    expect(await h.text("budi", { type: "cadence.confirm", pairingId }, DM)).toContain("sudah disepakati");
    expect(await sessions()).toHaveLength(1);
    expect(await h.count("outbox")).toBe(outbox);
  });

  it("refuses a click on a replaced proposal", async () => {
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
      DM,
    );
    const old = (await tdb.db.kysely.selectFrom("pairings").select("proposal_at").executeTakeFirstOrThrow()).proposal_at;
    h.clock.advance(MINUTE_MS);
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 45, weekday: 5, time: "16:00" }),
      DM,
    );
    expect(await h.text("budi", { type: "cadence.confirm", pairingId, proposalOf: old?.toISOString() }, DM)).toContain(
      "sudah diganti",
    );
    expect(await sessions()).toHaveLength(0);
  });

  it("refuses out-of-range values: every 7 to 14 days, 45 to 60 minutes", async () => {
    const text = await h.text(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 21, minutes: 30, weekday: 3, time: "25:00" }),
      DM,
    );
    expect(text).toContain("The number of days between sessions must be at most 14.");
    expect(text).toContain("Session length (minutes) must be at least 45.");
    expect(text).toContain("Time is not valid.");
    expect(await tdb.db.kysely.selectFrom("pairings").select("proposal_by").executeTakeFirstOrThrow()).toEqual({
      proposal_by: null,
    });
  });

  it("a new routine moves the upcoming session instead of adding one", async () => {
    await agreeCadence();
    await h.run(
      "budi",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 45, weekday: 5, time: "16:00" }),
      DM,
    );
    await h.run("ani", { type: "cadence.confirm", pairingId }, DM);
    const all = await sessions();
    expect(all).toHaveLength(1);
    expect(all[0]?.starts_at.toISOString()).toBe("2026-12-04T07:00:00.000Z"); // Fri 16:00 WIT
    expect(all[0]?.minutes).toBe(45);
  });
});

describe("sessions and check-ins", () => {
  it("refuses a check-in before any session, and before the session starts", async () => {
    expect(await h.text("ani", { type: "checkin", outcome: "not_met" }, DM)).toContain("no session to check in on yet");
    await agreeCadence();
    expect(await h.text("ani", { type: "checkin", outcome: "not_met" }, DM)).toContain(
      "Session 1 hasn’t happened yet (it starts Wednesday, 2 December 2026, 10:00 WIB)",
    );
    expect(await h.count("check_ins")).toBe(0);
  });

  it("asks the pair once after the session ends plus grace, and schedules the next", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-02T04:10:00Z")); // 10 minutes after the end: still in the grace period
    await h.runJobs();
    expect(await h.keyed("checkin-prompt:")).toHaveLength(0);
    h.clock.advance(10 * MINUTE_MS);
    expect((await h.runJobs()).done).toBeGreaterThan(0);
    await h.runJobs();
    const prompts = await h.keyed("checkin-prompt:");
    expect(prompts).toHaveLength(1);
    expect(prompts[0]?.text).toContain("How did session 1 go?");
    expect(prompts[0]?.text).toContain("[We met] [We rescheduled] [We didn’t meet]");
    const all = await sessions();
    expect(all.map((s) => s.number)).toEqual([1, 2]);
    expect(all[1]?.starts_at.getTime()).toBe((all[0]?.starts_at.getTime() ?? 0) + 14 * DAY_MS);
  });

  it("records each member's answer once; 'met' asks for a rating; the first meeting is celebrated", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-02T05:00:00Z"));
    const form = await h.run("ani", { type: "checkin" }, DM);
    expect(form.form?.inputs.map((i) => i.name)).toEqual(["rating", "note"]);
    expect(await h.count("check_ins")).toBe(0);
    const sessionId = (await sessions())[0]?.id as string;
    expect(await h.text("ani", submit({ type: "checkin", sessionId }, { rating: 5, note: "private thoughts" }), DM)).toContain(
      "Thanks for checking in! Next session: Wednesday, 16 December 2026, 10:00 WIB.",
    );
    expect(await h.text("ani", submit({ type: "checkin", sessionId }, { rating: 2 }), DM)).toContain(
      "already checked in for session 1",
    );
    expect(await h.text("budi", submit({ type: "checkin", sessionId }, { rating: 4 }), DM)).toContain(
      "Terima kasih sudah bercerita",
    );
    const rows = await tdb.db.kysely
      .selectFrom("check_ins")
      .select(["rating", "note", "member_id"])
      .orderBy("created_at")
      .execute();
    expect(rows.map((r) => ({ rating: r.rating, note: r.note === null ? null : "sealed" }))).toEqual([
      { rating: 5, note: "sealed" },
      { rating: 4, note: null },
    ]);
    // The note is sealed at rest and opens for its author's workspace.
    const vault = vaultOf(tdb.db.kysely);
    const note = rows[0]?.note ?? new Uint8Array();
    expect(Buffer.from(note).toString("latin1")).not.toContain("private thoughts");
    expect(await vault.openForMember(tdb.db.kysely, rows[0]?.member_id ?? "", note)).toBe("private thoughts");
    expect((await sessions())[0]?.status).toBe("held");
    const milestones = (await h.outbox()).filter((r) => r.idempotency_key.startsWith("milestone:"));
    expect(milestones).toHaveLength(1);
    expect(milestones[0]?.text).toContain("First meeting done!");
  });

  it("rejects a rating outside 1 to 5", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-02T05:00:00Z"));
    expect(await h.text("ani", submit({ type: "checkin" }, { rating: 6 }), DM)).toContain("The rating must be at most 5.");
    expect(await h.count("check_ins")).toBe(0);
  });

  it("a missed session is recorded as such, and a late 'we met' still counts", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-02T05:00:00Z"));
    expect(await h.text("ani", { type: "checkin", outcome: "not_met" }, DM)).toContain("Noted; it happens.");
    expect((await sessions())[0]?.status).toBe("missed");
    await h.run("budi", submit({ type: "checkin" }, { rating: 3 }), DM);
    expect((await sessions())[0]?.status).toBe("held");
  });

  it("an old check-in button acts on its own session, not the current one", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-17T05:00:00Z")); // after session 2 has started
    await h.runJobs();
    const [s1, s2] = await sessions();
    await h.run("ani", submit({ type: "checkin", sessionId: s1?.id }, { rating: 4 }), DM);
    const rows = await tdb.db.kysely.selectFrom("check_ins").select("session_id").execute();
    expect(rows).toEqual([{ session_id: s1?.id }]);
    expect(s2).toBeDefined();
  });

  it("a late 'we met' from last round's message counts for that session; a second click changes nothing", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-02T05:00:00Z"));
    const s1 = (await sessions())[0];
    // The round ends and a new one starts; Ani and Budi are matched again, in a new pairing.
    await h.run("olga", { type: "round.close" });
    await h.run("olga", { type: "round.open" });
    await h.join("ani", { timezone: "WIB" });
    await h.join("budi", { timezone: "WIT", language: "id" });
    await h.run("olga", { type: "round.match" });
    expect((await h.pairingsOf("ani"))[0]).not.toBe(pairingId);
    const late = submit({ type: "checkin", sessionId: s1?.id }, { rating: 5 });
    expect(await h.text("ani", late, DM)).toContain("Thanks for checking in!");
    const rows = await tdb.db.kysely.selectFrom("check_ins").select(["session_id", "rating"]).execute();
    expect(rows).toEqual([{ session_id: s1?.id, rating: 5 }]);
    expect((await sessions())[0]?.status).toBe("held");
    expect(await h.text("ani", late, DM)).toContain("already");
    expect(await h.count("check_ins")).toBe(1);
  });

  it("nobody outside the pairing can check in on its sessions", async () => {
    await agreeCadence();
    h.clock.set(new Date("2026-12-02T05:00:00Z"));
    const sessionId = (await sessions())[0]?.id;
    expect(await h.text("mallory", { type: "checkin", sessionId, outcome: "not_met" }, DM)).toContain(
      "That pairing isn’t yours.",
    );
    expect(await h.count("check_ins")).toBe(0);
  });
});

describe("journal", () => {
  it("keeps private notes, counted back only to their author", async () => {
    expect((await h.run("ani", { type: "journal.write" }, DM)).form?.title).toBe("Private journal note");
    expect(await h.text("ani", submit({ type: "journal.write" }, { text: "my own note" }), DM)).toContain("(1 note)");
    expect(await h.text("ani", submit({ type: "journal.write" }, { text: "another" }), DM)).toContain("(2 notes)");
    const outbox = await h.outbox();
    expect(outbox.some((r) => r.text.includes("my own note"))).toBe(false);
    expect(await h.text("budi", { type: "status" }, DM)).toContain("Catatan pribadi: 0 catatan");
  });
});

describe("pausing", () => {
  it("pauses until a date, tells the peer kindly, and resumes", async () => {
    expect((await h.run("ani", { type: "pause" }, DM)).form?.inputs[0]?.name).toBe("until");
    expect(await h.text("ani", submit({ type: "pause" }, { until: "2026-11-30" }), DM)).toContain("must be after today");
    expect(await h.text("ani", submit({ type: "pause" }, { until: "2026-12-20" }), DM)).toContain(
      "You’re on a break until Sunday, 20 December 2026.",
    );
    const note = (await h.outbox()).find((r) => r.idempotency_key.startsWith("pause:"));
    expect(note?.text).toContain("Ani is taking a short break until Sunday, 20 December 2026.");
    expect(await h.text("ani", submit({ type: "pause" }, { until: "2026-12-21" }), DM)).toContain("already taking a break");
    expect(await h.text("ani", { type: "status" }, DM)).toContain("On a break until: Sunday, 20 December 2026");
    expect(await h.text("ani", { type: "resume" }, DM)).toContain("Welcome back!");
    expect((await h.outbox()).some((r) => r.text.includes("Ani is back from their break"))).toBe(true);
    expect(await h.text("ani", { type: "resume" }, DM)).toContain("You’re not on a break.");
  });

  it("does not prompt a pair while one of them is on a break", async () => {
    await agreeCadence();
    await h.run("budi", submit({ type: "pause" }, { until: "2026-12-10" }), DM);
    h.clock.set(new Date("2026-12-02T06:00:00Z"));
    await h.runJobs();
    expect(await h.keyed("checkin-prompt:")).toHaveLength(0);
  });

  it("cannot outlast the round", async () => {
    expect(await h.text("ani", submit({ type: "pause" }, { until: "2027-06-01" }), DM)).toContain("at most until the round ends");
  });
});

describe("status", () => {
  it("shows the peer, the routine and the next session in the member's own zone", async () => {
    await agreeCadence();
    const ani = await h.text("ani", { type: "status" }, DM);
    expect(ani).toContain("Peer: Budi");
    expect(ani).toContain("Schedule: every 14 days, 60 minutes");
    expect(ani).toContain("Next session: Wednesday, 2 December 2026, 10:00 WIB");
    const budi = await h.text("budi", { type: "status" }, DM);
    expect(budi).toContain("Sesi berikutnya: Rabu, 2 Desember 2026, 12.00 WIT");
    h.clock.advance(HOUR_MS * 30);
    expect(replyText(await h.run("ani", { type: "status" }, DM))).toContain("[Check in]");
  });
});
