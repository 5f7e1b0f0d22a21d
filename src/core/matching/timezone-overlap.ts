/** Working-hours overlap between two members' time zones, in hours. */
import { DateTime } from "luxon";
import { DAY_MS } from "../time/durations";

const offsets = new Map<string, number>();

/** UTC offset of a zone in minutes at `at` (cached per zone and day). */
export function offsetMinutes(timezone: string, at: Date): number {
  const key = `${timezone}@${Math.floor(at.getTime() / DAY_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const dt = DateTime.fromJSDate(at).setZone(timezone);
    offset = dt.isValid ? dt.offset : 0;
    offsets.set(key, offset);
  }
  return offset;
}

/** Hours both are inside their local working day [start, end), on a 24-hour circle. */
export function overlapHours(offsetA: number, offsetB: number, start: number, end: number): number {
  const length = (end - start) * 60;
  if (length <= 0) return 0;
  // Work windows in UTC minutes; B's is tried a day either side so midnight is no edge.
  const a0 = start * 60 - offsetA;
  let best = 0;
  for (const shift of [-1440, 0, 1440]) {
    const b0 = start * 60 - offsetB + shift;
    best = Math.max(best, Math.min(a0 + length, b0 + length) - Math.max(a0, b0));
  }
  return Math.max(0, best) / 60;
}
