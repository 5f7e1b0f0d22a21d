/**
 * How long a closed round's private text is kept: its program's
 * `retention_months` from the moment it closed. Scheduling here (when a round
 * closes, when an organizer changes the setting) and the date `status` shows.
 */
import { DateTime } from "luxon";
import type { Program, Round } from "../domain";
import type { Tx } from "../ports";
import { roundRetentionJob } from "../schedule/job-kinds";

export const DEFAULT_RETENTION_MONTHS = 12;

/** The moment a round closed `closedAt` has its private text deleted, kept `months`. */
export const retentionEnds = (closedAt: Date, months: number): Date =>
  DateTime.fromJSDate(closedAt, { zone: "utc" }).plus({ months }).toJSDate();

/** A round closing now: its retention period starts, and its deletion is scheduled. */
export async function startRetention(tx: Tx, programId: string, roundId: string, now: Date): Promise<void> {
  await tx.retention.markClosed(roundId, now);
  const closedAt = (await tx.retention.closedAt(roundId)) ?? now;
  const months = await tx.retention.months(programId);
  await roundRetentionJob.schedule(tx, { key: roundId, dueAt: retentionEnds(closedAt, months), payload: { roundId }, at: now });
}

/**
 * The setting changed: every closed round gets a deletion at its new date (keyed by the months, so
 * a shorter period is not held back by the job already planned for the longer one; the job itself
 * checks the setting when it runs, so a longer period is honoured too).
 */
export async function rescheduleRetention(tx: Tx, programId: string, months: number, now: Date): Promise<void> {
  for (const { roundId, closedAt } of await tx.retention.closedRounds(programId)) {
    await roundRetentionJob.schedule(tx, {
      key: `${roundId}:${months}`,
      dueAt: retentionEnds(closedAt, months),
      payload: { roundId },
      at: now,
    });
  }
}

/**
 * When the round's private text goes: from its close, or (still running) from its planned end. The
 * months are the program's as read (status reads the program anyway: no round trip for them).
 */
export async function retentionDate(tx: Tx, program: Program, round: Round): Promise<{ months: number; date: Date }> {
  const months = program.retentionMonths;
  const closedAt = round.status === "closed" ? await tx.retention.closedAt(round.id) : null;
  return { months, date: retentionEnds(closedAt ?? round.endsAt, months) };
}
