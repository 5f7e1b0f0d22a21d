/**
 * Issue 18: the invite file, read back with an independent parser (ical.js). Each occurrence of a
 * series falls at the agreed local time in the proposer's zone, across a European daylight-saving
 * change and in WIB, WITA and WIT; updates keep the UID and raise SEQUENCE; a cancellation reads
 * as one; member text is escaped by the library and read back as written.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { icsText } from "../../src/calendar/ics-file";
import { type CalendarInvite, inviteUid, repeatOf } from "../../src/core/calendar/calendar-invite";
import { googleCalendarLink, LINK_MAX, outlookCalendarLink } from "../../src/core/calendar/calendar-links";
import { readInvite } from "../support/ics-reader";

function invite(over: Partial<CalendarInvite> & { zone?: string; local?: string } = {}): CalendarInvite {
  const zone = over.zone ?? "Europe/Amsterdam";
  const first = DateTime.fromISO(over.local ?? "2027-03-10T10:00", { zone });
  return {
    uid: inviteUid("p-1"),
    sequence: 1,
    method: "request",
    stamp: "2027-03-01T08:00:00.000Z",
    start: first.toUTC().toISO() ?? "",
    minutes: 45,
    timezone: zone,
    repeat: repeatOf(7, first.weekday, first.weekday),
    until: first.plus({ weeks: 12 }).toUTC().toISO() ?? "",
    moved: [],
    summary: "Mentoring sebaya: Budi",
    description: "Agenda",
    ...over,
  };
}

/** Each start as "weekday HH:mm" in `zone`. */
const localTimes = (starts: Date[], zone: string) =>
  starts.map((d) => DateTime.fromJSDate(d).setZone(zone).toFormat("ccc HH:mm"));

describe("the invite file", () => {
  it("a weekly series in Amsterdam stays at 10:00 local across the March and October clock changes", () => {
    // 10 March to late May crosses 28 March 2027 (CET → CEST).
    const spring = readInvite(icsText(invite({ local: "2027-03-10T10:00" })));
    expect(spring.method).toBe("REQUEST");
    expect(spring.tzid).toBe("Europe/Amsterdam");
    // Thirteen Wednesdays: UNTIL (12 weeks on) is inclusive.
    expect(spring.starts).toHaveLength(13);
    expect(new Set(localTimes(spring.starts, "Europe/Amsterdam"))).toEqual(new Set(["Wed 10:00"]));
    // The UTC hour changes at the switch: the event follows local time, not a fixed offset.
    const utcHours = new Set(spring.starts.map((d) => d.getUTCHours()));
    expect(utcHours).toEqual(new Set([9, 8]));
    // Autumn, every two weeks, across 31 October 2027 (CEST → CET).
    const first = DateTime.fromISO("2027-10-06T16:30", { zone: "Europe/Amsterdam" });
    const autumn = readInvite(
      icsText(
        invite({ local: "2027-10-06T16:30", repeat: repeatOf(14, 3, 3), until: first.plus({ weeks: 10 }).toUTC().toISO() ?? "" }),
      ),
    );
    expect(autumn.rrule).toContain("INTERVAL=2");
    expect(autumn.starts.map((d) => DateTime.fromJSDate(d).setZone("Europe/Amsterdam").toFormat("d LLL HH:mm"))).toEqual([
      "6 Oct 16:30",
      "20 Oct 16:30",
      "3 Nov 16:30",
      "17 Nov 16:30",
      "1 Dec 16:30",
      "15 Dec 16:30",
    ]);
  });

  it.each([
    ["Asia/Jakarta", 7],
    ["Asia/Makassar", 8],
    ["Asia/Jayapura", 9],
  ])("a series in %s falls at the agreed time (UTC+%i) every time", (zone, offset) => {
    const read = readInvite(icsText(invite({ zone, local: "2027-03-09T14:00" })));
    expect(read.tzid).toBe(zone);
    expect(new Set(localTimes(read.starts, zone))).toEqual(new Set(["Tue 14:00"]));
    expect(new Set(read.starts.map((d) => d.getUTCHours()))).toEqual(new Set([14 - offset]));
    // The same series read from WIB: WITA and WIT sessions are an hour or two earlier there.
    expect(new Set(localTimes(read.starts, "Asia/Jakarta"))).toEqual(
      new Set([`Tue ${String(14 - (offset - 7)).padStart(2, "0")}:00`]),
    );
  });

  it("an interval routine repeats every N days; the series ends at UNTIL", () => {
    const read = readInvite(
      icsText(
        invite({
          zone: "Asia/Jakarta",
          local: "2027-03-01T09:00",
          repeat: repeatOf(10, null, 1),
          until: "2027-04-01T00:00:00.000Z",
        }),
      ),
    );
    expect(read.rrule).toContain("FREQ=DAILY");
    expect(read.starts.map((d) => DateTime.fromJSDate(d).setZone("Asia/Jakarta").toFormat("d LLL HH:mm"))).toEqual([
      "1 Mar 09:00",
      "11 Mar 09:00",
      "21 Mar 09:00",
      "31 Mar 09:00",
    ]);
  });

  it("an update keeps the UID and raises SEQUENCE; a moved session replaces its occurrence", () => {
    const first = readInvite(icsText(invite({ sequence: 1 })));
    const occurrence = first.starts[1] ?? new Date(0);
    const movedTo = DateTime.fromISO("2027-03-18T15:00", { zone: "Europe/Amsterdam" }).toUTC().toISO() ?? "";
    const update = readInvite(
      icsText(invite({ sequence: 2, moved: [{ occurrence: occurrence.toISOString(), start: movedTo, minutes: 60 }] })),
    );
    expect(update.uid).toBe(first.uid);
    expect(update.uid).toBe("pairing-p-1@sebaya");
    expect(update.sequence).toBeGreaterThan(first.sequence);
    expect(update.starts).toHaveLength(first.starts.length);
    expect(localTimes(update.starts.slice(0, 3), "Europe/Amsterdam")).toEqual(["Wed 10:00", "Thu 15:00", "Wed 10:00"]);
  });

  it("a cancellation is METHOD:CANCEL with STATUS:CANCELLED, the same UID and a higher SEQUENCE", () => {
    const read = readInvite(icsText(invite({ sequence: 5, method: "cancel" })));
    expect(read.method).toBe("CANCEL");
    expect(read.status).toBe("CANCELLED");
    expect(read.uid).toBe("pairing-p-1@sebaya");
    expect(read.sequence).toBe(5);
  });

  it("member text with iCalendar's special characters reads back as written", () => {
    const summary = 'Mentoring sebaya: Budi; Sari, "Ani\\"';
    const description = "Agenda: Budi: SQL, Go; Sari: public speaking\nBaris dua";
    const read = readInvite(icsText(invite({ summary, description })));
    expect(read.summary).toBe(summary);
    expect(read.description).toBe(description);
  });

  it("the Google and Outlook links carry the time in the proposer's zone and stay within 512 characters", () => {
    const i = invite({ zone: "Asia/Makassar", local: "2027-03-09T14:00", repeat: repeatOf(14, 2, 2) });
    const long = "Agenda: ".concat("belajar memimpin tim kecil, ".repeat(40));
    const google = new URL(googleCalendarLink(i, long));
    expect(google.toString().length).toBeLessThanOrEqual(LINK_MAX);
    expect(google.searchParams.get("dates")).toBe("20270309T140000/20270309T144500");
    expect(google.searchParams.get("ctz")).toBe("Asia/Makassar");
    expect(google.searchParams.get("recur")).toMatch(/^RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=\d{8}T\d{6}Z$/);
    expect(google.searchParams.get("text")).toBe(i.summary);
    const outlook = new URL(outlookCalendarLink(i, long));
    expect(outlook.toString().length).toBeLessThanOrEqual(LINK_MAX);
    expect(outlook.searchParams.get("startdt")).toBe("2027-03-09T14:00:00+08:00");
    expect(outlook.searchParams.get("enddt")).toBe("2027-03-09T14:45:00+08:00");
  });
});
