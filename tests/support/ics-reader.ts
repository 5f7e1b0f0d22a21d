/**
 * Reads an `.ics` file with an independent parser (ical.js, not the library that wrote it) and
 * expands its series: each occurrence as an instant, moved occurrences where they went.
 */
import ICAL from "ical.js";

export interface ReadInvite {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  tzid: string;
  rrule: string;
  /** The series' starts, as instants, up to `limit`; a moved occurrence at its new time. */
  starts: Date[];
  minutes: number;
}

export function readInvite(text: string, limit = 60): ReadInvite {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevents = calendar.getAllSubcomponents("vevent");
  const master = vevents.find((v) => !v.hasProperty("recurrence-id"));
  if (!master) throw new Error("no master event");
  const event = new ICAL.Event(master);
  for (const v of vevents) if (v !== master) event.relateException(new ICAL.Event(v));
  const starts: Date[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && starts.length < limit; next = it.next()) {
    starts.push(event.getOccurrenceDetails(next).startDate.toJSDate());
  }
  const dtstart = master.getFirstProperty("dtstart");
  return {
    method: String(calendar.getFirstPropertyValue("method") ?? ""),
    uid: event.uid,
    sequence: event.sequence,
    status: String(master.getFirstPropertyValue("status") ?? ""),
    summary: event.summary,
    description: event.description,
    tzid: String(dtstart?.getParameter("tzid") ?? ""),
    rrule: String(master.getFirstPropertyValue("rrule") ?? ""),
    starts,
    minutes: event.duration.toSeconds() / 60,
  };
}
