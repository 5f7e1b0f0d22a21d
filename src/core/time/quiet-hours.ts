/**
 * When the bot may reach someone on its own: between the program's contact
 * hours (08:00 to 20:00 by default) in each member's own zone, on the
 * program's working days. A scheduled job that falls outside waits for the
 * next allowed moment.
 */
import { DateTime } from "luxon";

export interface ContactHours {
  /** Local hour the window opens (inclusive) and closes (exclusive). */
  from: number;
  until: number;
  /** ISO weekdays (1 = Monday ... 7 = Sunday) on which members may be contacted. */
  workingDays: readonly number[];
}

export const DEFAULT_CONTACT_HOURS: ContactHours = { from: 8, until: 20, workingDays: [1, 2, 3, 4, 5] };

/** The first allowed moment at or after `at` for one zone. */
export function nextAllowedInZone(at: Date, zone: string, hours: ContactHours): Date {
  let local = DateTime.fromJSDate(at).setZone(zone);
  if (!local.isValid) local = DateTime.fromJSDate(at).toUTC();
  const days = hours.workingDays.length > 0 ? hours.workingDays : [1, 2, 3, 4, 5, 6, 7];
  // At most a week ahead finds a working day.
  for (let step = 0; step < 9; step++) {
    if (days.includes(local.weekday)) {
      if (local.hour < hours.from) return local.set({ hour: hours.from, minute: 0, second: 0, millisecond: 0 }).toJSDate();
      if (local.hour < hours.until) return local.toJSDate();
    }
    local = local.plus({ days: 1 }).set({ hour: hours.from, minute: 0, second: 0, millisecond: 0 });
  }
  return at;
}

/**
 * The first moment at or after `at` allowed for every zone, found by moving to
 * each zone's next window in turn. Zones whose windows never meet (Jakarta and
 * New York share no hour of 08:00 to 20:00 on some days) fall back to the
 * first zone's window: a message to a group must reach it some time.
 */
export function nextAllowedMoment(at: Date, zones: readonly string[], hours: ContactHours): Date {
  const unique = [...new Set(zones)];
  if (unique.length === 0) return at;
  let t = at;
  for (let step = 0; step < 4 * unique.length + 8; step++) {
    let moved = false;
    for (const zone of unique) {
      const next = nextAllowedInZone(t, zone, hours);
      if (next.getTime() !== t.getTime()) {
        t = next;
        moved = true;
      }
    }
    if (!moved) return t;
  }
  return nextAllowedInZone(at, unique[0] as string, hours);
}
