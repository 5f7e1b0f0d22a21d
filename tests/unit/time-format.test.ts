import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Language } from "../../src/core/domain";
import { DAY_MS, HOUR_MS } from "../../src/core/time/durations";
import {
  addDays,
  formatClock,
  formatDate,
  formatDateTime,
  formatZone,
  nextOccurrence,
  parseLocalDate,
  weekdayName,
} from "../../src/core/time/time-format";

/** Wednesday 1 July 2026, 03:00 UTC. */
const JULY = new Date("2026-07-01T03:00:00Z");

function intlZoneName(zone: string, language: Language, at: Date): string {
  const part = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  if (!part) throw new Error("no zone name");
  return part.value;
}

describe("formatDateTime", () => {
  it.each([
    ["Asia/Jakarta", "id", "Rabu, 1 Juli 2026, 10.00 WIB"],
    ["Asia/Jakarta", "en", "Wednesday, 1 July 2026, 10:00 WIB"],
    ["Asia/Makassar", "id", "Rabu, 1 Juli 2026, 11.00 WITA"],
    ["Asia/Makassar", "en", "Wednesday, 1 July 2026, 11:00 WITA"],
    ["Asia/Jayapura", "id", "Rabu, 1 Juli 2026, 12.00 WIT"],
    ["Asia/Jayapura", "en", "Wednesday, 1 July 2026, 12:00 WIT"],
  ] as const)("%s in %s -> %s", (zone, language, expected) => {
    expect(formatDateTime(JULY, zone, language)).toBe(expected);
  });

  it("Indonesian zones keep WIB/WITA/WIT in English, even where English would say GMT+7", () => {
    // Precondition: English on its own does not say WIB.
    expect(intlZoneName("Asia/Jakarta", "en", JULY)).not.toBe("WIB");
    expect(formatZone("Asia/Jakarta", "en", JULY)).toBe("WIB");
    expect(formatZone("Asia/Makassar", "en", JULY)).toBe("WITA");
    expect(formatZone("Asia/Jayapura", "en", JULY)).toBe("WIT");
    // Other Indonesian zones too (Pontianak is on WIB).
    expect(formatZone("Asia/Pontianak", "en", JULY)).toBe("WIB");
  });

  it("shows the local date when it differs from the UTC date", () => {
    const lateUtc = new Date("2026-07-01T20:30:00Z");
    expect(formatDateTime(lateUtc, "Asia/Jayapura", "id")).toBe("Kamis, 2 Juli 2026, 05.30 WIT");
    expect(formatDateTime(lateUtc, "America/New_York", "en")).toBe(
      `Wednesday, 1 July 2026, 16:30 ${intlZoneName("America/New_York", "en", lateUtc)}`,
    );
  });

  it.each([
    ["Asia/Kolkata", "id"],
    ["Asia/Kolkata", "en"],
    ["Europe/Berlin", "id"],
    ["Europe/Berlin", "en"],
    ["America/New_York", "en"],
    ["Asia/Tokyo", "id"],
    ["UTC", "en"],
  ] as const)("a non-Indonesian zone (%s) gets the %s locale's own label", (zone, language) => {
    const label = intlZoneName(zone, language, JULY);
    expect(label).not.toMatch(/^WI(B|TA|T)$/);
    expect(formatZone(zone, language, JULY)).toBe(label);
    expect(formatDateTime(JULY, zone, language).endsWith(` ${label}`)).toBe(true);
  });

  it("the label follows the language for a zone where id and en differ", () => {
    const idLabel = intlZoneName("Asia/Kolkata", "id", JULY);
    const enLabel = intlZoneName("Asia/Kolkata", "en", JULY);
    expect(idLabel).not.toBe(enLabel); // e.g. GMT+5.30 vs GMT+5:30
    expect(formatZone("Asia/Kolkata", "id", JULY)).toBe(idLabel);
    expect(formatZone("Asia/Kolkata", "en", JULY)).toBe(enLabel);
  });

  it("the label follows daylight saving time", () => {
    const winter = new Date("2026-01-15T12:00:00Z");
    expect(formatZone("America/New_York", "en", JULY)).toBe("EDT");
    expect(formatZone("America/New_York", "en", winter)).toBe("EST");
  });
});

describe("formatClock", () => {
  it("Indonesian writes clock times with a dot, English with a colon", () => {
    expect(formatClock("09:30", "id")).toBe("09.30");
    expect(formatClock("23:05", "id")).toBe("23.05");
    expect(formatClock("09:30", "en")).toBe("09:30");
  });

  it("formatDateTime uses the same clock style as formatClock", () => {
    for (const language of ["id", "en"] as const) {
      expect(formatDateTime(JULY, "Asia/Jakarta", language)).toContain(` ${formatClock("10:00", language)} WIB`);
    }
  });
});

describe("formatDate", () => {
  it("is the local calendar date without a time", () => {
    expect(formatDate(new Date("2026-12-23T17:00:00Z"), "Asia/Jakarta", "id")).toBe("Kamis, 24 Desember 2026");
    expect(formatDate(new Date("2026-12-23T17:00:00Z"), "UTC", "en")).toBe("Wednesday, 23 December 2026");
  });
});

describe("weekdayName", () => {
  it.each([
    [1, "id", "Senin"],
    [3, "id", "Rabu"],
    [7, "id", "Minggu"],
    [1, "en", "Monday"],
    [7, "en", "Sunday"],
  ] as const)("%i in %s is %s", (n, language, name) => {
    expect(weekdayName(n, language)).toBe(name);
  });

  it("an out-of-range weekday falls back to the number", () => {
    expect(weekdayName(8, "en")).toBe("8");
  });
});

describe("nextOccurrence", () => {
  /** Tuesday 1 December 2026, 09:00 WIB = 10:00 WITA. */
  const TUE = new Date("2026-12-01T02:00:00Z");

  it("later the same day", () => {
    expect(nextOccurrence(TUE, 2, "10:00", "Asia/Jakarta").toISOString()).toBe("2026-12-01T03:00:00.000Z");
  });

  it("earlier the same day -> a week later", () => {
    expect(nextOccurrence(TUE, 2, "08:00", "Asia/Jakarta").toISOString()).toBe("2026-12-08T01:00:00.000Z");
  });

  it("exactly now -> a week later (strictly after)", () => {
    expect(nextOccurrence(TUE, 2, "09:00", "Asia/Jakarta").toISOString()).toBe("2026-12-08T02:00:00.000Z");
    expect(nextOccurrence(TUE, 2, "09:01", "Asia/Jakarta").toISOString()).toBe("2026-12-01T02:01:00.000Z");
  });

  it("Wednesday 10:00 WITA is 02:00Z", () => {
    expect(nextOccurrence(TUE, 3, "10:00", "Asia/Makassar").toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(nextOccurrence(TUE, 3, "10:00", "Asia/Jayapura").toISOString()).toBe("2026-12-02T01:00:00.000Z");
    expect(nextOccurrence(TUE, 3, "10:00", "Europe/Berlin").toISOString()).toBe("2026-12-02T09:00:00.000Z");
  });

  it("an earlier weekday wraps into next week", () => {
    expect(nextOccurrence(TUE, 1, "10:00", "Asia/Jakarta").toISOString()).toBe("2026-12-07T03:00:00.000Z");
  });

  it("uses the weekday in the zone, not in UTC", () => {
    // 2026-12-01T20:00Z is Tuesday in UTC but already Wednesday 03:00 in Jakarta.
    const at = new Date("2026-12-01T20:00:00Z");
    expect(nextOccurrence(at, 3, "10:00", "Asia/Jakarta").toISOString()).toBe("2026-12-02T03:00:00.000Z");
    expect(nextOccurrence(at, 2, "10:00", "Asia/Jakarta").toISOString()).toBe("2026-12-08T03:00:00.000Z");
  });

  it("keeps local time across a DST change", () => {
    // New York leaves DST on Sunday 1 November 2026.
    const friday = new Date("2026-10-30T12:00:00Z");
    expect(nextOccurrence(friday, 1, "10:00", "America/New_York").toISOString()).toBe("2026-11-02T15:00:00.000Z");
  });

  it("property: the result is strictly after, within a week, on that weekday at that local time", () => {
    const zones = [
      "Asia/Jakarta",
      "Asia/Makassar",
      "Asia/Jayapura",
      "Europe/Berlin",
      "America/New_York",
      "Australia/Sydney",
      "UTC",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: 1, max: 7 }),
        // Avoid 02:xx-03:xx, which does not exist on some DST change days.
        fc.integer({ min: 4, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (ms, weekday, hour, minute, zone) => {
          const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          const after = new Date(ms);
          const next = nextOccurrence(after, weekday, time, zone);
          expect(next.getTime()).toBeGreaterThan(after.getTime());
          expect(next.getTime() - after.getTime()).toBeLessThanOrEqual(7 * DAY_MS + HOUR_MS);
          const local = DateTime.fromJSDate(next).setZone(zone);
          expect(local.weekday).toBe(weekday);
          expect(local.toFormat("HH:mm")).toBe(time);
          expect(local.second).toBe(0);
          expect(local.millisecond).toBe(0);
          // Strictly the first: a week earlier would not be after `after`.
          const weekEarlier = local.minus({ days: 7 });
          expect(weekEarlier.toMillis()).toBeLessThanOrEqual(after.getTime());
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("addDays", () => {
  it("keeps 10:00 local across the autumn DST change in Europe/Berlin", () => {
    const start = new Date("2026-10-20T08:00:00Z"); // 10:00 CEST
    const later = addDays(start, 14, "Europe/Berlin");
    expect(later.toISOString()).toBe("2026-11-03T09:00:00.000Z"); // 10:00 CET
    expect(DateTime.fromJSDate(later).setZone("Europe/Berlin").toFormat("HH:mm")).toBe("10:00");
    expect(later.getTime() - start.getTime()).toBe(14 * DAY_MS + HOUR_MS);
  });

  it("keeps 10:00 local across the spring DST change in Europe/Berlin", () => {
    const start = new Date("2026-03-20T09:00:00Z"); // 10:00 CET
    expect(addDays(start, 14, "Europe/Berlin").toISOString()).toBe("2026-04-03T08:00:00.000Z"); // 10:00 CEST
  });

  it("is plain 24-hour days where there is no DST", () => {
    const start = new Date("2026-10-20T08:00:00Z");
    expect(addDays(start, 7, "Asia/Jakarta").getTime() - start.getTime()).toBe(7 * DAY_MS);
    expect(addDays(start, 0, "Asia/Jakarta").getTime()).toBe(start.getTime());
  });

  it("does not modify its argument", () => {
    const start = new Date("2026-10-20T08:00:00Z");
    addDays(start, 3, "Europe/Berlin");
    expect(start.toISOString()).toBe("2026-10-20T08:00:00.000Z");
  });
});

describe("parseLocalDate", () => {
  it("is the start of that day in the zone", () => {
    expect(parseLocalDate("2026-12-24", "Asia/Jakarta")?.toISOString()).toBe("2026-12-23T17:00:00.000Z");
    expect(parseLocalDate("2026-12-24", "Asia/Jayapura")?.toISOString()).toBe("2026-12-23T15:00:00.000Z");
    expect(parseLocalDate("2026-12-24", "Europe/Berlin")?.toISOString()).toBe("2026-12-23T23:00:00.000Z");
    expect(parseLocalDate("2026-07-01", "Europe/Berlin")?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(parseLocalDate("2026-12-24", "UTC")?.toISOString()).toBe("2026-12-24T00:00:00.000Z");
  });

  it.each(["2026-02-30", "2026-13-01", "2026-00-10", "not a date", "", "24-12-2026"])("%j is null", (text) => {
    expect(parseLocalDate(text, "Asia/Jakarta")).toBeNull();
  });

  it("leap days are valid only in leap years", () => {
    expect(parseLocalDate("2028-02-29", "UTC")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(parseLocalDate("2027-02-29", "UTC")).toBeNull();
  });
});
