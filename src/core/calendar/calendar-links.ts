/**
 * "Add to calendar" links for people who do not open attachments (issue 18): Google Calendar's
 * template link (it takes the recurrence and the zone) and Outlook on the web's compose link (it
 * takes no recurrence: its text says how often). Each link stays within 512 characters, Discord's
 * limit for a link button's URL (Slack allows 3000), by shortening the details, never the time.
 */
import { DateTime } from "luxon";
import { type CalendarInvite, icalWeekday } from "./calendar-invite";

export const LINK_MAX = 512;

/** The series' RRULE as Google's `recur` parameter reads it. */
export function rruleText(invite: Pick<CalendarInvite, "repeat" | "until">): string {
  const until = DateTime.fromISO(invite.until, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  const { repeat } = invite;
  return repeat.freq === "weekly"
    ? `RRULE:FREQ=WEEKLY;INTERVAL=${repeat.interval};BYDAY=${icalWeekday(repeat.weekday)};UNTIL=${until}`
    : `RRULE:FREQ=DAILY;INTERVAL=${repeat.interval};UNTIL=${until}`;
}

/** The longest URL `build` makes within LINK_MAX, cutting `details` at a word. */
function fitted(details: string, build: (details: string) => string): string {
  let text = details;
  for (let url = build(text); ; url = build(text)) {
    if (url.length <= LINK_MAX || text === "") return url;
    const cut = text.slice(0, Math.max(0, text.length - Math.max(8, Math.ceil((url.length - LINK_MAX) / 3))));
    const space = cut.lastIndexOf(" ");
    text = `${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
    if (text === "…") text = "";
  }
}

export function googleCalendarLink(invite: CalendarInvite, details: string): string {
  const start = DateTime.fromISO(invite.start).setZone(invite.timezone);
  const end = start.plus({ minutes: invite.minutes });
  const local = (d: DateTime) => d.toFormat("yyyyMMdd'T'HHmmss");
  return fitted(details, (text) => {
    const params = new URLSearchParams({
      action: "TEMPLATE",
      text: invite.summary,
      dates: `${local(start)}/${local(end)}`,
      details: text,
      recur: rruleText(invite),
      ctz: invite.timezone,
    });
    return `https://calendar.google.com/calendar/render?${params.toString()}`;
  });
}

/** `details` should say how often: Outlook's compose link makes one meeting. */
export function outlookCalendarLink(invite: CalendarInvite, details: string): string {
  const start = DateTime.fromISO(invite.start).setZone(invite.timezone);
  const end = start.plus({ minutes: invite.minutes });
  const iso = (d: DateTime) => d.toISO({ suppressMilliseconds: true }) ?? "";
  return fitted(details, (text) => {
    const params = new URLSearchParams({
      path: "/calendar/action/compose",
      rru: "addevent",
      subject: invite.summary,
      startdt: iso(start),
      enddt: iso(end),
      body: text,
    });
    return `https://outlook.office.com/calendar/0/deeplink/compose?${params.toString()}`;
  });
}
