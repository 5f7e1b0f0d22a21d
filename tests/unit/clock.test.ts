import { describe, expect, it } from "vitest";
import { type Clock, ManualClock, OffsetClock, parseDuration, systemClock } from "../../src/core/time/clock";
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from "../../src/core/time/durations";

const START = new Date("2026-12-01T02:00:00Z");

describe("ManualClock", () => {
  it("starts at the given time and stays there", () => {
    const clock = new ManualClock(START);
    expect(clock.now().toISOString()).toBe("2026-12-01T02:00:00.000Z");
    expect(clock.now().toISOString()).toBe("2026-12-01T02:00:00.000Z");
  });

  it("is not affected by later changes to the start date or to returned dates", () => {
    const start = new Date(START);
    const clock = new ManualClock(start);
    start.setUTCFullYear(2000);
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe("2026-12-01T02:00:00.000Z");
  });

  it("returns a fresh Date each time", () => {
    const clock = new ManualClock(START);
    expect(clock.now()).not.toBe(clock.now());
  });

  it("advances by the given milliseconds, cumulatively", () => {
    const clock = new ManualClock(START);
    clock.advance(HOUR_MS);
    expect(clock.now().toISOString()).toBe("2026-12-01T03:00:00.000Z");
    clock.advance(14 * DAY_MS);
    expect(clock.now().toISOString()).toBe("2026-12-15T03:00:00.000Z");
    clock.advance(0);
    expect(clock.now().toISOString()).toBe("2026-12-15T03:00:00.000Z");
  });

  it("refuses to go backwards, and stays put when refused", () => {
    const clock = new ManualClock(START);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(clock.now().getTime()).toBe(START.getTime());
  });

  it("set jumps to any instant", () => {
    const clock = new ManualClock(START);
    clock.set(new Date("2027-01-01T00:00:00Z"));
    expect(clock.now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
    clock.advance(MINUTE_MS);
    expect(clock.now().toISOString()).toBe("2027-01-01T00:01:00.000Z");
  });
});

describe("OffsetClock", () => {
  it("follows its base clock plus the offset", () => {
    const base = new ManualClock(START);
    const clock = new OffsetClock(base);
    expect(clock.now().getTime()).toBe(START.getTime());
    clock.advance(2 * DAY_MS);
    expect(clock.now().toISOString()).toBe("2026-12-03T02:00:00.000Z");
    base.advance(HOUR_MS);
    expect(clock.now().toISOString()).toBe("2026-12-03T03:00:00.000Z");
    clock.advance(30 * MINUTE_MS);
    expect(clock.now().toISOString()).toBe("2026-12-03T03:30:00.000Z");
  });

  it("refuses a negative offset and keeps the old one", () => {
    const clock = new OffsetClock(new ManualClock(START));
    clock.advance(HOUR_MS);
    expect(() => clock.advance(-HOUR_MS)).toThrow(RangeError);
    expect(clock.now().toISOString()).toBe("2026-12-01T03:00:00.000Z");
  });

  it("defaults to the system clock", () => {
    const clock = new OffsetClock();
    clock.advance(WEEK_MS);
    const before = Date.now();
    const now = clock.now().getTime();
    const after = Date.now();
    expect(now).toBeGreaterThanOrEqual(before + WEEK_MS);
    expect(now).toBeLessThanOrEqual(after + WEEK_MS);
  });

  it("works with any Clock", () => {
    const fixed: Clock = { now: () => new Date(0) };
    const clock = new OffsetClock(fixed);
    clock.advance(1234);
    expect(clock.now().getTime()).toBe(1234);
  });
});

describe("systemClock", () => {
  it("is real time", () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe("parseDuration", () => {
  it.each([
    ["30m", 30 * MINUTE_MS],
    ["90m", 90 * MINUTE_MS],
    ["2h", 2 * HOUR_MS],
    ["14d", 14 * DAY_MS],
    ["1w", WEEK_MS],
    ["0m", 0],
    ["9999d", 9999 * DAY_MS],
    [" 2h ", 2 * HOUR_MS],
    ["007m", 7 * MINUTE_MS],
  ])("%j is %i ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "d", "14", "10000d", "1.5h", "-1d", "+1d", "1D", "2H", "1s", "1y", "2 h", "1h30m", "h2", "1dd"])(
    "%j is not a duration",
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );
});
