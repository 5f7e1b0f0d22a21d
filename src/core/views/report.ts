/**
 * A round in figures for organizers. Averages of ratings and evaluations
 * appear only once enough people answered that no one answer can be read
 * back from them; notes, reasons and individual answers never appear.
 */
import type { Language, Program, Round } from "../domain";
import type { Translate } from "../i18n/translate";
import type { Message } from "../messages";
import type { RoundFigures } from "../ports";
import { formatDate } from "../time-format";
import { fields, heading, message, muted, text } from "./blocks";

/** Fewer answers than this and an average could identify someone. */
export const MIN_ANSWERS_FOR_AVERAGE = 5;

function average(t: Translate, value: number | null, count: number): string {
  if (value === null || count < MIN_ANSWERS_FOR_AVERAGE) return t("report.tooFew", { min: MIN_ANSWERS_FOR_AVERAGE });
  return t("report.average", { value, count });
}

export function reportMessage(
  t: Translate,
  language: Language,
  program: Program,
  round: Round | null,
  figures: RoundFigures | null,
): Message {
  if (!round || !figures) return message(heading(t("report.title", { name: program.name })), text(t("report.noRound")));
  const f = figures;
  return message(
    heading(t("report.title", { name: program.name })),
    text(
      t("report.round", {
        number: round.number,
        status: t(`status.roundStatus.${round.status}`),
        date: formatDate(round.endsAt, program.timezone, language),
      }),
    ),
    fields([
      [t("report.members"), t("report.membersValue", f.members)],
      [t("report.pairings"), t("report.pairingsValue", f.pairings)],
      [t("report.sessions"), t("report.sessionsValue", f.sessions)],
      [t("report.checkIns"), t("report.checkInsValue", { count: f.checkIns })],
      [t("report.rating"), average(t, f.rating.average, f.rating.count)],
      [t("report.evaluations"), t("report.evaluationsValue", { count: f.evaluations.count })],
      [t("report.working"), average(t, f.evaluations.working, f.evaluations.count)],
      [t("report.goalsReached"), String(f.goalsReached)],
    ]),
    muted(t("report.privacy")),
  );
}
