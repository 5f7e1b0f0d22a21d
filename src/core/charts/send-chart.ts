/**
 * A program's chart sent to one organizer: the PNG with its figures in words,
 * in that organizer's own DM (never a channel: the attachment path refuses
 * anything else), through the outbox like any message. `/mentoring report`
 * sends it; a round's retrospective can too.
 */
import type { Language, Program } from "../domain";
import { translator } from "../i18n/translate";
import type { Tx } from "../ports";
import { text } from "../views/blocks";
import { ANSWER_BLOCK } from "../views/report";
import { CHART_ROUNDS, chartAttachment, roundChart } from "./program-chart";

export interface ChartRecipient {
  tenantId: string;
  memberId: string;
  language: Language;
}

/**
 * Enqueues the chart of the program's last rounds for `to`; `key` makes it once only (the outbox
 * ignores a second row with the same key). False when there is no round to draw yet. The PNG is
 * drawn when the row is delivered (attachment.ts ChartAttachment).
 */
export async function sendProgramChart(
  tx: Tx,
  to: ChartRecipient,
  program: Program,
  now: Date,
  key: string,
  /** Held until then (a retrospective waits for the organizer's contact hours); at once by default. */
  notBefore?: Date,
): Promise<boolean> {
  const figures = await tx.reports.chart(program.id, now, ANSWER_BLOCK, CHART_ROUNDS);
  if (figures.rounds.length === 0) return false;
  const t = translator(to.language);
  const subject = { programName: program.name, timezone: program.timezone, now, block: ANSWER_BLOCK };
  const chart = roundChart(t, to.language, subject, figures);
  await tx.outbox.enqueue({
    tenantId: to.tenantId,
    key,
    audience: { kind: "member", memberId: to.memberId },
    // The alt text is the message too: the same figures for whoever reads rather than looks.
    message: { blocks: [text(t("chart.caption", { name: program.name })), text(chart.alt)], attachment: chartAttachment(chart) },
    at: now,
    ...(notBefore && notBefore > now ? { availableAt: notBefore } : {}),
  });
  return true;
}
