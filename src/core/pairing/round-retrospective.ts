/**
 * When a round closes, each organizer gets its retrospective (issue 17): the
 * round in a few sentences, against the round before. Written to the outbox
 * in the closing transaction, keyed by round and organizer, so a retry of the
 * close (or its end job after an organizer closed it) never sends it twice.
 */

import { sendProgramChart } from "../charts/send-chart";
import type { Program, Round } from "../domain";
import { languageOf } from "../messages/notify";
import { notifyOrganizers } from "../messages/notify-organizers";
import { contactMoment } from "../messages/reach";
import type { Tx } from "../ports";
import { reportCsvCommand } from "../views/help";
import { ANSWER_BLOCK } from "../views/report";
import { type RoundInBrief, retrospectiveMessage } from "../views/round-retrospective";
import { retentionDate } from "./retention";

/** A round's few figures; evaluations in whole blocks as the report counts them. */
export async function roundInBrief(tx: Tx, round: Round, now: Date): Promise<RoundInBrief> {
  const figures = await tx.reports.round(round.id, now, ANSWER_BLOCK);
  const pairings = await tx.pairings.inRound(round.id);
  let met = 0;
  for (const { pairing } of pairings) if ((await tx.sessions.countHeld(pairing.id)) > 0) met++;
  const answers = figures.evaluations.counted;
  return {
    number: round.number,
    joined: figures.members.active + figures.members.left,
    pairs: pairings.length,
    met,
    goals: answers > 0 ? { reached: figures.evaluations.goalsReached, answers } : null,
  };
}

export async function sendRetrospective(tx: Tx, program: Program, round: Round, now: Date): Promise<void> {
  const current = await roundInBrief(tx, round, now);
  const earlier = round.number > 1 ? await tx.rounds.byNumber(program.id, round.number - 1) : null;
  let previous = earlier ? await roundInBrief(tx, earlier, now) : null;
  // Past its retention, the earlier round's goal answers are deleted (its evaluations stay, counted):
  // its goals reached would read as none, so they are not compared at all.
  if (earlier && previous && (await retentionDate(tx, program, earlier)).date <= now) previous = { ...previous, goals: null };
  const csv = reportCsvCommand((await tx.tenants.get(program.tenantId)).platform);
  await notifyOrganizers(tx, program, `retrospective:${round.id}`, now, (t) =>
    retrospectiveMessage(t, program, current, previous, csv),
  );
  // The program's chart follows in a row of its own, at the same contact moment: drawn at delivery,
  // it may fail on its own (too large, the renderer) without holding back the sentences.
  for (const organizerId of await tx.programs.organizers(program.id)) {
    const organizer = await tx.members.get(organizerId);
    const to = { tenantId: program.tenantId, memberId: organizerId, language: languageOf(organizer, program) };
    const key = `retrospective-chart:${round.id}:${organizerId}`;
    await sendProgramChart(tx, to, program, now, key, contactMoment([organizer], program, now));
  }
}
