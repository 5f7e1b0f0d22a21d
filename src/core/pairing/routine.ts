/**
 * When a routine's sessions fall. A routine is either a weekday every one or
 * two weeks, or an interval of days with no fixed weekday (the rule is in the
 * cadence form's schema, commands/command.ts); either way a session lands only on the
 * program's working days, so an interval that reaches a weekend moves to the
 * next working day rather than drifting onto it.
 */
import { DateTime } from "luxon";
import type { Cadence } from "../domain";
import { addDays, nextOccurrence } from "../time/time-format";

/** The weeks a weekday routine may repeat over, in days. */
export const WEEKDAY_EVERY_DAYS = [7, 14] as const;

type Routine = Pick<Cadence, "everyDays" | "weekday" | "time" | "timezone">;

/** `start`, or the first working day after it at the same local time. */
export function onWorkingDay(start: Date, timezone: string, workingDays: readonly number[]): Date {
  if (workingDays.length === 0) return start;
  let local = DateTime.fromJSDate(start).setZone(timezone);
  for (let step = 0; step < 7 && !workingDays.includes(local.weekday); step++) local = local.plus({ days: 1 });
  return local.toJSDate();
}

/** The first session of a routine agreed at `after`. */
export function firstSessionStart(routine: Routine, after: Date, workingDays: readonly number[]): Date {
  // A weekday is checked against the working days when proposed; they may have changed since.
  if (routine.weekday !== null)
    return onWorkingDay(nextOccurrence(after, routine.weekday, routine.time, routine.timezone), routine.timezone, workingDays);
  // No fixed weekday: the first working day at that time still ahead.
  const today = DateTime.fromJSDate(after).setZone(routine.timezone).weekday;
  let start = nextOccurrence(after, today, routine.time, routine.timezone);
  const tomorrow = nextOccurrence(after, (today % 7) + 1, routine.time, routine.timezone);
  if (tomorrow < start) start = tomorrow;
  return onWorkingDay(start, routine.timezone, workingDays);
}

/**
 * The session after one that started at `previous`, back at the routine's own time (and weekday)
 * even when that one was moved: a session moved to Thursday leaves a Wednesday routine on Wednesdays.
 */
export function followingSessionStart(routine: Routine, previous: Date, workingDays: readonly number[]): Date {
  if (routine.weekday !== null) {
    // The routine's weekday nearest to `everyDays` later (within three days either way).
    const base = addDays(previous, routine.everyDays - 4, routine.timezone);
    return onWorkingDay(nextOccurrence(base, routine.weekday, routine.time, routine.timezone), routine.timezone, workingDays);
  }
  const [hour = 0, minute = 0] = routine.time.split(":").map(Number);
  const later = DateTime.fromJSDate(addDays(previous, routine.everyDays, routine.timezone))
    .setZone(routine.timezone)
    .set({ hour, minute, second: 0, millisecond: 0 });
  return onWorkingDay(later.toJSDate(), routine.timezone, workingDays);
}
