/** Time comes from a Clock so that tests and the playground can move it. */
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from "./durations";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: for tests and the console playground. */
export class ManualClock implements Clock {
  #now: number;
  constructor(start: Date) {
    this.#now = start.getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError("a clock only moves forward");
    this.#now += ms;
  }
  set(to: Date): void {
    this.#now = to.getTime();
  }
}

/** Real time plus an offset the playground can push forward (`:advance 14d`). */
export class OffsetClock implements Clock {
  #offset = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.#offset);
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError("a clock only moves forward");
    this.#offset += ms;
  }
}

const UNIT_MS = { m: MINUTE_MS, h: HOUR_MS, d: DAY_MS, w: WEEK_MS } as const;

/** Parses a duration like "14d", "2h", "90m" or "1w"; null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,4})([mhdw])$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
