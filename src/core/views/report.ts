/**
 * A round in figures for organizers. Figures from private answers count the
 * answers in whole blocks, the first ones in the order they arrived, so a
 * report never moves by one answer and no answer can be read back by
 * comparing two reports; notes, reasons and individual answers never appear.
 */
import type { Language, Program, Round } from "../domain";
import type { Translate } from "../i18n/translate";
import type { Message } from "../messages/message";
import type { RoundFigures } from "../ports";
import { formatDate } from "../time/time-format";
import { fields, heading, message, muted, text } from "./blocks";

/**
 * Answers are counted in blocks of this many: fewer and a figure could
 * identify someone; counted one by one, two reports would tell what the
 * answer between them was.
 */
export const ANSWER_BLOCK = 5;

/** How many answers came back, in whole blocks. */
function answered(t: Translate, key: "report.evaluationsValue", counted: number): string {
  return counted === 0 ? t("report.fewerThan", { min: ANSWER_BLOCK }) : t(key, { count: counted });
}

/**
 * Check-ins and the ratings in them are counted in blocks each: only "we met" carries a rating, so
 * five check-ins can come back before five ratings do, and the line says so instead of seeming to
 * contradict the average below it.
 */
function checkIns(t: Translate, f: RoundFigures): string {
  if (f.checkIns.counted === 0) return t("report.fewerThan", { min: ANSWER_BLOCK });
  if (f.rating.counted === 0) return t("report.checkInsFewRated", { count: f.checkIns.counted, min: ANSWER_BLOCK });
  return t("report.checkInsRated", { count: f.checkIns.counted, rated: f.rating.counted });
}

function average(t: Translate, value: number | null, counted: number): string {
  if (value === null || counted === 0) return t("report.tooFew", { min: ANSWER_BLOCK });
  return t("report.average", { value, count: counted });
}

function rating(t: Translate, f: RoundFigures): string {
  if (f.rating.average === null || f.rating.counted === 0) return t("report.ratingTooFew", { min: ANSWER_BLOCK });
  return t("report.ratingAverage", { value: f.rating.average, count: f.rating.counted });
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
      // Each line names its total first and the parts after it, and the parts add up to the total.
      [t("report.members"), t("report.membersJoined", { ...f.members, joined: f.members.active + f.members.left })],
      [t("report.pairings"), t("report.groupsFormed", f.pairings)],
      [
        t("report.sessions"),
        t("report.sessionsPlanned", {
          ...f.sessions,
          total: f.sessions.held + f.sessions.missed + f.sessions.rescheduled + f.sessions.awaiting + f.sessions.upcoming,
        }),
      ],
      [t("report.checkIns"), checkIns(t, f)],
      [t("report.rating"), rating(t, f)],
      [t("report.evaluations"), answered(t, "report.evaluationsValue", f.evaluations.counted)],
      [t("report.working"), average(t, f.evaluations.working, f.evaluations.counted)],
      [
        t("report.goalsReached"),
        f.evaluations.counted === 0
          ? t("report.tooFew", { min: ANSWER_BLOCK })
          : t("report.goalsReachedValue", { count: f.evaluations.goalsReached, answers: f.evaluations.counted }),
      ],
    ]),
    muted(t("report.privacy", { block: ANSWER_BLOCK })),
  );
}
