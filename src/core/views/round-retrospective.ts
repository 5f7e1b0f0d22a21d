/**
 * The retrospective an organizer gets when a round closes (issue 17): three
 * or four plain sentences (who took part, how many pairs met, goals reached),
 * each compared with the round before when there was one. Goals reached come
 * from evaluations, counted in whole blocks like the report's; with fewer
 * than a block the sentence says the figure is hidden instead of giving it.
 */
import type { Translate } from "../i18n/translate";
import type { Message } from "../messages/message";
import { actions, commandButton, heading, message, muted, text } from "./blocks";
import { ANSWER_BLOCK } from "./report";

/** One round in the few figures the retrospective speaks of. */
export interface RoundInBrief {
  number: number;
  /** Everyone who joined (still taking part or left). */
  joined: number;
  pairs: number;
  /** Pairs (or trios) that held at least one session. */
  met: number;
  /** Null when fewer than a block of evaluations came back: hidden, never given. */
  goals: { reached: number; answers: number } | null;
}

/** Whole percent, so the comparison says what the reader sees ("the same as 50%", not up by 0.4). */
const percent = (met: number, pairs: number): number => Math.round((met / pairs) * 100);

function participation(t: Translate, now: RoundInBrief, before: RoundInBrief | null): string {
  const params = { joined: now.joined, number: now.number, pairs: now.pairs };
  return before
    ? t("retro.participationCompared", { ...params, previous: before.joined, previousNumber: before.number })
    : t("retro.participation", params);
}

function meeting(t: Translate, now: RoundInBrief, before: RoundInBrief | null): string {
  if (now.pairs === 0) return t("retro.meetingNone");
  const rate = percent(now.met, now.pairs);
  if (!before || before.pairs === 0) return t("retro.meeting", { met: now.met, pairs: now.pairs, rate });
  const previous = percent(before.met, before.pairs);
  const trend = rate > previous ? "up" : rate < previous ? "down" : "same";
  return t("retro.meetingCompared", { met: now.met, pairs: now.pairs, rate, previous, trend });
}

function goals(t: Translate, now: RoundInBrief, before: RoundInBrief | null): string {
  if (!now.goals) return t("retro.goalsHidden", { min: ANSWER_BLOCK });
  const params = { count: now.goals.reached, answers: now.goals.answers };
  // A previous round whose figure was hidden is not compared: there is nothing to say it against.
  return before?.goals
    ? t("retro.goalsCompared", { ...params, previous: before.goals.reached, previousAnswers: before.goals.answers })
    : t("retro.goals", params);
}

/** The round in a few sentences; its chart follows in a message of its own (round-retrospective.ts). */
/** `csv`: how the organizers' CSV is asked for on the program's platform (help.ts reportCsvCommand). */
export function retrospectiveMessage(
  t: Translate,
  program: { id: string; name: string },
  now: RoundInBrief,
  before: RoundInBrief | null,
  csv: string,
): Message {
  return message(
    heading(t("retro.title", { number: now.number, program: program.name })),
    text(participation(t, now, before)),
    text(meeting(t, now, before)),
    text(goals(t, now, before)),
    muted(t("retro.more", { number: now.number, csv })),
    // What the sentences lead to, one press away (the organizer check runs again on the press).
    actions(
      commandButton(t("retro.reportButton"), { type: "program.report", programId: program.id }),
      commandButton(t("retro.csvButton"), { type: "program.report", programId: program.id, format: "csv", round: now.number }),
    ),
  );
}
