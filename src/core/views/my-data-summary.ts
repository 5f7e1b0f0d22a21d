/**
 * The readable half of a member's data export: who they are to Sebaya, their
 * profile per program and how much of everything else there is (the file has
 * it all). What members wrote stays plain strings, which every renderer
 * escapes; lists are cut short so the message fits every platform.
 */
import type { Language } from "../domain";
import type { Translate } from "../i18n/translate";
import type { Message } from "../messages/message";
import type { MyData } from "../privacy/my-data";
import { formatDate, formatZone } from "../time/time-format";
import { fields, heading, message, muted, text } from "./blocks";

/** Programs shown with their profile; the rest are only in the file. */
const PROGRAMS_SHOWN = 5;
/** Names listed before "and N more". */
const NAMES_SHOWN = 20;

function nameList(t: Translate, language: Language, names: readonly string[]): string {
  const unique = [...new Set(names)];
  const shown = unique.slice(0, NAMES_SHOWN);
  const list = new Intl.ListFormat(language, { type: "conjunction" }).format(shown);
  return unique.length > shown.length ? t("mydata.andMore", { list, count: unique.length - shown.length }) : list;
}

/** `command`: how the data-rights words are typed where the member is (`/mentoring`, `/privacy` on Discord). */
export function myDataSummary(
  t: Translate,
  language: Language,
  data: MyData,
  file: string,
  now: Date,
  zone: string,
  command: string,
): Message {
  const { member } = data;
  const sessions = data.pairings.flatMap((p) => p.sessions);
  const partners = data.pairings.flatMap((p) => p.partners);
  const programs = data.programs.slice(0, PROGRAMS_SHOWN);
  return message(
    heading(t("mydata.title")),
    text(t("mydata.intro", { date: formatDate(now, zone, language), file })),
    fields([
      [t("mydata.name"), member.displayName],
      [t("field.language"), member.language ? t(`language.${member.language}`) : t("mydata.notChosen")],
      [t("field.timezone"), member.timezone ? formatZone(member.timezone, language, now) : t("mydata.notChosen")],
    ]),
    ...programs.flatMap((p) => [
      text(t(p.organizer ? "mydata.programOrganizer" : "mydata.program", { program: p.name })),
      p.profile
        ? fields([
            [t("field.expertise"), p.profile.expertise.join(", ")],
            [t("field.goals"), p.profile.goals.join(", ")],
            [t("field.interests"), p.profile.interests.join(", ") || "—"],
            [t("field.team"), p.profile.team],
          ])
        : muted(t("mydata.noProfile")),
    ]),
    data.programs.length > programs.length && muted(t("mydata.morePrograms", { count: data.programs.length - programs.length })),
    text(
      t("mydata.counts", {
        rounds: data.enrollments.length,
        pairings: data.pairings.length,
        sessions: sessions.length,
        checkIns: sessions.filter((s) => s.checkIn).length,
        evaluations: data.pairings.reduce((n, p) => n + p.evaluations.length, 0),
        endings: data.pairings.filter((p) => p.ending).length,
        journal: data.journal.length,
      }),
    ),
    partners.length > 0 && text(t("mydata.partners", { names: nameList(t, language, partners) })),
    data.avoiding.length > 0 &&
      text(
        t("mydata.avoiding", {
          names: nameList(
            t,
            language,
            data.avoiding.map((a) => a.name),
          ),
        }),
      ),
    muted(t("privacy.summary", { command })),
  );
}
