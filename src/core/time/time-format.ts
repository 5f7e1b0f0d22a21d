/** Shows instants in a member's own time zone and language (WIB, WITA, WIT, ...). */
import { DateTime, Info } from "luxon";
import type { Language } from "../domain";

/** Indonesians write WIB/WITA/WIT whatever language they read in. */
function zoneLabel(dt: DateTime, language: Language): string {
  const indonesian = dt.setLocale("id").toFormat("ZZZZ");
  if (/^WI(B|TA|T)$/.test(indonesian)) return indonesian;
  return dt.setLocale(language).toFormat("ZZZZ");
}

/** Indonesian writes clock times with a dot (pukul 10.00), English with a colon. */
const CLOCK: Record<Language, string> = { id: "HH.mm", en: "HH:mm" };

export function formatDateTime(at: Date, timezone: string, language: Language): string {
  const dt = DateTime.fromJSDate(at).setZone(timezone).setLocale(language);
  return `${dt.toFormat(`cccc, d LLLL yyyy, ${CLOCK[language]}`)} ${zoneLabel(dt, language)}`;
}

/** A wall-clock "HH:MM" as the language writes it. */
export function formatClock(time: string, language: Language): string {
  return language === "id" ? time.replace(":", ".") : time;
}

export function formatDate(at: Date, timezone: string, language: Language): string {
  return DateTime.fromJSDate(at).setZone(timezone).setLocale(language).toFormat("cccc, d LLLL yyyy");
}

export function formatZone(timezone: string, language: Language, at: Date): string {
  return zoneLabel(DateTime.fromJSDate(at).setZone(timezone), language);
}

export function weekdayName(weekday: number, language: Language): string {
  return Info.weekdays("long", { locale: language })[weekday - 1] ?? String(weekday);
}

/** The first moment on `weekday` at `time` in `timezone` strictly after `after`. */
export function nextOccurrence(after: Date, weekday: number, time: string, timezone: string): Date {
  const [hour, minute] = time.split(":").map(Number);
  const start = DateTime.fromJSDate(after).setZone(timezone);
  let candidate = start.set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
  const daysAhead = (weekday - candidate.weekday + 7) % 7;
  candidate = candidate.plus({ days: daysAhead });
  if (candidate <= start) candidate = candidate.plus({ days: 7 });
  return candidate.toJSDate();
}

/** Adds whole calendar days in a zone, so a weekly 10:00 stays 10:00 across DST. */
export function addDays(at: Date, days: number, timezone: string): Date {
  return DateTime.fromJSDate(at).setZone(timezone).plus({ days }).toJSDate();
}

/** Parses YYYY-MM-DD as the start of that day in `timezone`; null if invalid. */
export function parseLocalDate(date: string, timezone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const dt = DateTime.fromISO(date, { zone: timezone });
  return dt.isValid ? dt.startOf("day").toJSDate() : null;
}
