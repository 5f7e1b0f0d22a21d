/** Timed wakes: the earliest moment first, each later one in turn, none after stop. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../src/core/time/clock";
import { WakeTimer } from "../../src/scheduler/wake-timer";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-12-01T02:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

const later = (ms: number) => new Date(Date.now() + ms);

describe("WakeTimer", () => {
  it("wakes at each moment it was given, earliest first, moments close together sharing one wake", () => {
    const wakes: number[] = [];
    const start = Date.now();
    const timer = new WakeTimer(systemClock, () => wakes.push(Date.now() - start));
    timer.at(later(1_000));
    timer.at(later(201));
    timer.at(later(290)); // the same 100 ms grain as 201: one wake at 300
    timer.at(later(5_000));
    vi.advanceTimersByTime(299);
    expect(wakes).toEqual([]);
    vi.advanceTimersByTime(10);
    expect(wakes).toEqual([300]);
    vi.advanceTimersByTime(10_000);
    expect(wakes).toEqual([300, 1_000, 5_000]);
    expect(timer.pending).toBe(0);
  });

  it("wakes at once for a moment already past, and never after stop", () => {
    let wakes = 0;
    const timer = new WakeTimer(systemClock, () => wakes++);
    timer.at(later(-5_000));
    vi.advanceTimersByTime(0);
    expect(wakes).toBe(1);
    timer.at(later(100));
    timer.stop();
    timer.at(later(200));
    vi.advanceTimersByTime(1_000);
    expect(wakes).toBe(1);
  });
});
