/**
 * Writes a calendar invite (the core's plain `CalendarInvite`) as an iCalendar file with
 * `ical-generator`, the zone's VTIMEZONE from `@touch4it/ical-timezones` (tzurl.org's Olson
 * data). Kept out of `src/core` (which imports no such library): delivery calls it when it sends
 * the row. The library escapes every text value (names and goals are member text).
 */
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  type ICalRepeatingOptions,
  ICalWeekday,
} from "ical-generator";
import { DateTime } from "luxon";
import { type CalendarInvite, icalWeekday } from "../core/calendar/calendar-invite";
import type { FileAttachment } from "../core/messages/attachment";

const PRODID = { company: "Sebaya", product: "Sebaya", language: "EN" };
/** No member has an address Sebaya knows; an organizer is still needed for METHOD:REQUEST (RFC 5546). */
const ORGANIZER = { name: "Sebaya", email: "calendar@sebaya.invalid" };

/** A moment as the event's zone has it (a Luxon time: ical-generator writes its wall time with the zone's TZID). */
const local = (iso: string, zone: string) => DateTime.fromISO(iso).setZone(zone);
// The calendar itself names no zone (its events do): ical-generator would write DTSTAMP and UNTIL in it, not in UTC.
/** A moment in UTC (DTSTAMP, and UNTIL, which RFC 5545 wants in UTC when DTSTART has a zone). */
const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });

function repeating(invite: CalendarInvite): ICalRepeatingOptions {
  const until = utc(invite.until);
  const { repeat } = invite;
  return repeat.freq === "weekly"
    ? {
        freq: ICalEventRepeatingFreq.WEEKLY,
        interval: repeat.interval,
        byDay: [ICalWeekday[icalWeekday(repeat.weekday)]],
        until,
      }
    : { freq: ICalEventRepeatingFreq.DAILY, interval: repeat.interval, until };
}

/** The invite's text as an `.ics` file. */
export function icsText(invite: CalendarInvite): string {
  const calendar = ical({
    prodId: PRODID,
    method: invite.method === "cancel" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const zone = invite.timezone;
  const common = {
    id: invite.uid,
    sequence: invite.sequence,
    stamp: utc(invite.stamp),
    timezone: zone,
    summary: invite.summary,
    description: invite.description,
    organizer: ORGANIZER,
    status: invite.method === "cancel" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
  const start = local(invite.start, zone);
  calendar.createEvent({
    ...common,
    start,
    end: start.plus({ minutes: invite.minutes }),
    repeating: repeating(invite),
  });
  // A cancellation removes the whole series, moved sessions with it.
  if (invite.method === "request")
    for (const moved of invite.moved) {
      const movedStart = local(moved.start, zone);
      calendar.createEvent({
        ...common,
        recurrenceId: local(moved.occurrence, zone),
        start: movedStart,
        end: movedStart.plus({ minutes: moved.minutes }),
      });
    }
  return calendar.toString();
}

export function icsFile(name: string, invite: CalendarInvite): FileAttachment {
  return { name, mime: "text/calendar", text: icsText(invite) };
}
