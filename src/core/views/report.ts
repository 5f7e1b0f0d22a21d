/**
 * A round in figures for organizers. Figures from private answers count the
 * answers in whole blocks, the first ones in the order they arrived, so a
 * report never moves by one answer and no answer can be read back by
 * comparing two reports; notes, reasons and individual answers never appear.
 */
import type { Language, Program, Round } from "../domain";
import type { Translate } from "../i18n/translate";
import type { Message } from "../messages";
import type { RoundFigures } from "../ports";
import { formatDate } from "../time-format";
import { fields, heading, message, muted, text } from "./blocks";

/**
 * Answers are counted in blocks of this many: fewer and a figure could
 * identify someone; counted one by one, two reports would tell what the
 * answer between them was.
 */
export const ANSWER_BLOCK = 5;

/** How many answers came back, in whole blocks. */
function answered(t: Translate, key: "report.checkInsValue" | "report.evaluationsValue", counted: number): string {
  return counted === 0 ? t("report.fewerThan", { min: ANSWER_BLOCK }) : t(key, { count: counted });
}

function average(t: Translate, value: number | null, counted: number): string {
  if (value === null || counted === 0) return t("report.tooFew", { min: ANSWER_BLOCK });
  return t("report.average", { value, count: counted });
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
      [t("report.checkIns"), answered(t, "report.checkInsValue", f.checkIns.counted)],
      [t("report.rating"), average(t, f.rating.average, f.rating.counted)],
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
