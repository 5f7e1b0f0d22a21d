import { describe, expect, it } from "vitest";
import { DEFAULT_CONTACT_HOURS, nextAllowedInZone, nextAllowedMoment } from "../../src/core/time/quiet-hours";

const H = DEFAULT_CONTACT_HOURS;

describe("quiet hours", () => {
  it("lets a message through inside 08:00-20:00 on a working day, in the member's zone", () => {
    // Tuesday 2026-12-01 10:00 WIB = 03:00Z
    const at = new Date("2026-12-01T03:00:00Z");
    expect(nextAllowedInZone(at, "Asia/Jakarta", H)).toEqual(at);
  });

  it("holds a 21:00 WITA message until 08:00 WITA next morning", () => {
    // Tuesday 21:00 WITA (UTC+8) = 13:00Z -> Wednesday 08:00 WITA = 00:00Z
    expect(nextAllowedInZone(new Date("2026-12-01T13:00:00Z"), "Asia/Makassar", H)).toEqual(new Date("2026-12-02T00:00:00Z"));
  });

  it("holds a Friday evening message until Monday 08:00 (weekend off by default)", () => {
    // Friday 2026-12-04 20:30 WIT (UTC+9) = 11:30Z -> Monday 2026-12-07 08:00 WIT = 2026-12-06T23:00Z
    expect(nextAllowedInZone(new Date("2026-12-04T11:30:00Z"), "Asia/Jayapura", H)).toEqual(new Date("2026-12-06T23:00:00Z"));
  });

  it("honours a program's own working days and hours", () => {
    const saturdayOnly = { from: 9, until: 12, workingDays: [6] };
    // Tuesday 10:00 WIB -> Saturday 09:00 WIB = 02:00Z
    expect(nextAllowedInZone(new Date("2026-12-01T03:00:00Z"), "Asia/Jakarta", saturdayOnly)).toEqual(
      new Date("2026-12-05T02:00:00Z"),
    );
  });

  it("finds a moment allowed for everyone in a group across zones", () => {
    // 07:30 WIB (00:30Z) = 08:30 WITA = 09:30 WIT: Jakarta is the one still asleep -> 08:00 WIB = 01:00Z
    expect(nextAllowedMoment(new Date("2026-12-01T00:30:00Z"), ["Asia/Makassar", "Asia/Jayapura", "Asia/Jakarta"], H)).toEqual(
      new Date("2026-12-01T01:00:00Z"),
    );
    // Jakarta and London: 19:30 WIB (12:30Z) is 12:30 in London; both allowed.
    const at = new Date("2026-12-01T12:30:00Z");
    expect(nextAllowedMoment(at, ["Asia/Jakarta", "Europe/London"], H)).toEqual(at);
  });

  it("falls back to the first zone when the windows never meet", () => {
    const hours = { from: 8, until: 10, workingDays: [1, 2, 3, 4, 5, 6, 7] };
    const at = new Date("2026-12-01T12:00:00Z");
    const got = nextAllowedMoment(at, ["Asia/Jakarta", "America/New_York"], hours);
    expect(got).toEqual(nextAllowedInZone(at, "Asia/Jakarta", hours));
  });
});
