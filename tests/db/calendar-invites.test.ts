/**
 * Issue 18: the agreed routine in each member's calendar. Driven as members act (the schedule's
 * buttons and forms, the typed `calendar` word): each member gets the invite in their own DM, in
 * their language and zone; a moved session sends an update (same UID, higher SEQUENCE); a break
 * takes the series out (METHOD:CANCEL) and its end puts it back; the round's close ends it;
 * `calendar off` stops the files for that member alone. Every file is read with ical.js.
 */
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { icsText } from "../../src/calendar/ics-file";
import type { CalendarInvite } from "../../src/core/calendar/calendar-invite";
import { commandFromText } from "../../src/core/commands/slash";
import type { Message } from "../../src/core/messages/message";
import { Harness, submit } from "../support/harness";
import { readInvite } from "../support/ics-reader";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
let pairingId: string;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  // Ani (WIB, English) proposes Wednesdays 10:00 WIB every week; Budi (WIT, Indonesian) confirms.
  pairingId = await h.matchedPair({ goals: ["SQL"] }, { goals: ["public speaking"] });
  await h.run(
    "ani",
    submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 60, weekday: 3, time: "10:00" }),
    DM,
  );
  await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
});

/** The calendar rows so far, each with its member, its message and its file read back. */
async function invites() {
  return (await h.keyed(`calendar:${pairingId}:`)).map((row) => {
    const message = row.message as Message;
    const attachment = message.attachment;
    if (!attachment || !("calendar" in attachment)) throw new Error("a calendar row without its invite");
    const invite: CalendarInvite = attachment.calendar;
    return { row, member: row.member, text: row.text, message, invite, file: readInvite(icsText(invite)) };
  });
}
/** What a member types after `/mentoring` (Slack, the console). */
const typed = (who: string, words: string) => h.text(who, commandFromText(words), DM);

describe("calendar invites", () => {
  it("a confirmed routine sends each member the series in their own DM, language and zone", async () => {
    const sent = await invites();
    expect(sent.map((s) => s.member).sort()).toEqual(["ani", "budi"]);
    for (const s of sent) {
      expect(s.row.audience_kind).toBe("member");
      expect(s.row.idempotency_key).toMatch(/^calendar:[^:]+:1:/);
      expect(s.file.method).toBe("REQUEST");
      expect(s.file.uid).toBe(`pairing-${pairingId}@sebaya`);
      expect(s.file.sequence).toBe(1);
      // In the proposer's zone, every occurrence Wednesday 10:00 WIB until the round's end.
      expect(s.file.tzid).toBe("Asia/Jakarta");
      expect(new Set(s.file.starts.map((d) => DateTime.fromJSDate(d).setZone("Asia/Jakarta").toFormat("ccc HH:mm")))).toEqual(
        new Set(["Wed 10:00"]),
      );
      expect(s.file.starts).toHaveLength(12);
      expect(s.file.minutes).toBe(60);
      expect(s.file.description).toContain("SQL");
      expect(s.file.description).toContain("public speaking");
      const links = s.message.blocks.find((b) => b.type === "links");
      expect(links?.type === "links" && links.links.map((l) => new URL(l.url).host)).toEqual([
        "calendar.google.com",
        "outlook.office.com",
      ]);
    }
    const ani = sent.find((s) => s.member === "ani");
    const budi = sent.find((s) => s.member === "budi");
    expect(ani?.text).toContain("📅 Your sessions with Budi for your calendar: every 7 days, 60 minutes each.");
    expect(ani?.text).toContain("Next session: Wednesday, 2 December 2026, 10:00 WIB");
    expect(ani?.file.summary).toBe("Mentoring sebaya: Budi");
    expect(ani?.file.description).toContain("Keep what you share confidential");
    // Budi reads Indonesian, his time in WIT, two hours later.
    expect(budi?.text).toContain("📅 Jadwal sesi Anda dengan Ani untuk kalender: setiap 7 hari, masing-masing 60 menit.");
    expect(budi?.text).toContain("12.00 WIT");
    expect(budi?.file.description).toContain("Jaga kerahasiaan informasi sensitif");
  });

  it("a confirmation clicked again sends nothing twice", async () => {
    await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
    expect(await invites()).toHaveLength(2);
  });

  it("a moved session updates the event: same UID, higher SEQUENCE, that occurrence at its new time", async () => {
    const session = await tdb.db.kysely
      .selectFrom("sessions")
      .select("id")
      .where("pairing_id", "=", pairingId)
      .executeTakeFirstOrThrow();
    await h.run(
      "ani",
      submit({ type: "session.move", sessionId: session.id }, { date: "2026-12-03", time: "14:00", minutes: "45" }),
      DM,
    );
    const update = (await invites()).filter((s) => s.file.sequence === 2);
    expect(update.map((s) => s.member).sort()).toEqual(["ani", "budi"]);
    for (const s of update) {
      expect(s.file.uid).toBe(`pairing-${pairingId}@sebaya`);
      expect(s.file.method).toBe("REQUEST");
      const local = s.file.starts.slice(0, 2).map((d) => DateTime.fromJSDate(d).setZone("Asia/Jakarta").toFormat("d LLL HH:mm"));
      expect(local).toEqual(["3 Dec 14:00", "9 Dec 10:00"]);
    }
    expect(update.find((s) => s.member === "ani")?.text).toContain("📅 Your sessions with Budi changed.");
  });

  it("a break cancels the series for both, its end sends it again; `calendar off` stops Budi's files only", async () => {
    expect(await typed("budi", "kalender mati")).toContain("Undangan kalender dimatikan");
    await h.run("ani", submit({ type: "pause" }, { until: "2026-12-20" }), DM);
    const paused = (await invites()).filter((s) => s.file.sequence === 2);
    expect(paused.map((s) => s.member)).toEqual(["ani"]);
    expect(paused[0]?.file.method).toBe("CANCEL");
    expect(paused[0]?.file.status).toBe("CANCELLED");
    expect(paused[0]?.text).toContain("are on a break");

    await h.run("ani", { type: "resume" }, DM);
    const resumed = (await invites()).filter((s) => s.file.sequence === 3);
    expect(resumed.map((s) => [s.member, s.file.method])).toEqual([["ani", "REQUEST"]]);

    // Back on: Budi gets the series as it stands now, alone.
    expect(await typed("budi", "calendar on")).toContain("Undangan kalender sudah nyala lagi");
    const caughtUp = (await invites()).filter((s) => s.file.sequence === 4);
    expect(caughtUp.map((s) => [s.member, s.file.method])).toEqual([["budi", "REQUEST"]]);
    expect(await typed("budi", "calendar on")).toBe("Undangan kalender memang sudah nyala.");
  });

  it("the round's close ends the series at its close; past sessions stay", async () => {
    h.clock.set(new Date("2026-12-20T00:00:00Z"));
    await h.runJobs();
    await h.run("olga", { type: "round.close" });
    const ended = (await invites()).filter((s) => s.text.includes("ended") || s.text.includes("sudah selesai"));
    expect(ended.map((s) => s.member).sort()).toEqual(["ani", "budi"]);
    for (const s of ended) {
      expect(s.file.method).toBe("REQUEST");
      expect(s.file.starts.map((d) => DateTime.fromJSDate(d).setZone("Asia/Jakarta").toFormat("d LLL"))).toEqual([
        "2 Dec",
        "9 Dec",
        "16 Dec",
      ]);
    }
  });

  it("leaving the pairing before it met takes the series out of both calendars", async () => {
    await h.run("ani", submit({ type: "pairing.end", pairingId }, { reason: "", messageToPartner: "", notAFit: false }), DM);
    const last = (await invites()).filter((s) => s.file.sequence === 2);
    expect(last.map((s) => [s.member, s.file.method]).sort()).toEqual([
      ["ani", "CANCEL"],
      ["budi", "CANCEL"],
    ]);
  });
});
