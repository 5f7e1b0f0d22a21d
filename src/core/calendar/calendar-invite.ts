/**
 * A pairing's routine as a calendar event, in plain data (issue 18). The core decides what the
 * event says; the file is written at delivery (`src/calendar/ics-file.ts`, with a library), so
 * the core imports no iCalendar code and an outbox row holds data, not a file format.
 */

/** One session moved off the routine: the occurrence it replaces, and where it went. */
export interface MovedOccurrence {
  /** The routine's start for that occurrence (ISO instant): the iCalendar RECURRENCE-ID. */
  occurrence: string;
  start: string;
  minutes: number;
}

/** How the series repeats: weekly (every one or two weeks) or every `days` days. */
export type Repeat = { freq: "weekly"; interval: 1 | 2; weekday: number } | { freq: "daily"; interval: number };

export interface CalendarInvite {
  /** Stable per pairing: every update and the cancellation replace the same event. */
  uid: string;
  /** Raised with every change, so a calendar takes the newest file over an older one. */
  sequence: number;
  /** "request": add or update the series; "cancel": remove it. */
  method: "request" | "cancel";
  /** When the file was made (DTSTAMP): the outbox row's time, so a resend is the same file. */
  stamp: string;
  /** The first session (ISO instant). */
  start: string;
  minutes: number;
  /** The proposer's IANA zone: the event's zone, with its VTIMEZONE. */
  timezone: string;
  repeat: Repeat;
  /** The last moment an occurrence may start (ISO instant): the round's end, or when the pairing ended. */
  until: string;
  moved: MovedOccurrence[];
  /** Already in the reader's language; member text (names, goals) as written. */
  summary: string;
  description: string;
}

/** The file name every invite goes by (a safe attachment name). */
export const INVITE_FILE_NAME = "sebaya-sessions.ics";

/** A pairing's event id, the same in every file about it. */
export const inviteUid = (pairingId: string): string => `pairing-${pairingId}@sebaya`;

/** The routine's repetition: a weekday routine weekly, an interval of whole weeks weekly on its first day, else daily. */
export function repeatOf(everyDays: number, weekday: number | null, firstWeekday: number): Repeat {
  if (weekday !== null) return { freq: "weekly", interval: everyDays === 14 ? 2 : 1, weekday };
  if (everyDays === 7 || everyDays === 14) return { freq: "weekly", interval: everyDays === 14 ? 2 : 1, weekday: firstWeekday };
  return { freq: "daily", interval: everyDays };
}

const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/** An ISO weekday (1 = Monday) as iCalendar writes it. */
export const icalWeekday = (weekday: number): (typeof BYDAY)[number] => BYDAY[(weekday - 1) % 7] ?? "MO";
