/**
 * The organizers' CSV of a round: one row per member, column names in the
 * organizer's language, dates as ISO dates in the organizer's time zone. Only
 * what a pairing shares (partners, sessions held and missed, the day of the
 * last check-in): never a rating, note, reason, evaluation answer or journal
 * text. Goals reached per member are left out on purpose: they are one
 * person's evaluation answers, which members were told only they can read;
 * the round's total, counted in whole blocks, is in the report and the
 * retrospective.
 */
import type { Language, Round } from "../domain";
import type { Translate } from "../i18n/translate";
import type { TextAttachment } from "../messages/attachment";
import { csvText } from "../messages/csv-text";
import type { RosterEntry } from "../ports";

/** The date of `at` in `zone`, as YYYY-MM-DD (the Swedish locale writes ISO dates). */
export function isoDateIn(at: Date, zone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function roundRosterCsv(
  t: Translate,
  language: Language,
  round: Round,
  rows: readonly RosterEntry[],
  zone: string,
  now: Date,
): TextAttachment {
  const header = [t("csv.name"), t("csv.partners"), t("csv.held"), t("csv.missed"), t("csv.lastCheckIn")];
  // Sorted here, in the reader's language, so the order is the same whatever the database's collation.
  const collator = new Intl.Collator(language);
  const sorted = [...rows].sort((a, b) => collator.compare(a.displayName, b.displayName) || (a.memberId < b.memberId ? -1 : 1));
  const body = sorted.map((r) => [
    r.displayName,
    [...r.partners].sort(collator.compare).join("; "),
    r.held,
    r.missed,
    r.lastCheckInAt ? isoDateIn(r.lastCheckInAt, zone) : "",
  ]);
  return {
    // The program's name is member-chosen text: the file is named by round and date only.
    name: `sebaya-round-${round.number}-${isoDateIn(now, zone)}.csv`,
    mime: "text/csv",
    text: csvText(header, body),
  };
}
