/**
 * When each kind of work falls due, put in the jobs table in the caller's
 * transaction. Keys are unique, so scheduling twice is harmless; a key that
 * names the moment it was planned for (a session's start) lets a moved
 * session get fresh reminders while the old ones find themselves stale and skip.
 */
import type { Enrollment, Pairing, Round, Session } from "../domain";
import type { Tx } from "../ports";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time/durations";
import {
  checkInNudgeJob,
  checkInPromptJob,
  evaluationPromptJob,
  pairNotStartedJob,
  pauseEndJob,
  roundEndJob,
  roundSignupCloseJob,
  scheduleNudgeJob,
  sessionReminderJob,
  sessionReviewJob,
} from "./job-kinds";

/** Reminders before a session, in minutes. */
export const REMINDER_LEADS = { "24h": 24 * 60, "15m": 15 } as const;
export type ReminderLead = keyof typeof REMINDER_LEADS;
/** "Did you meet?" comes this long after a session's planned end. */
export const CHECK_IN_GRACE_MINUTES = 15;
/** One nudge to whoever has not answered, this long after the prompt. */
export const NUDGE_AFTER_HOURS = 24;
/** A session nobody confirmed is counted as missed this long after the prompt. */
export const REVIEW_AFTER_HOURS = 72;
export const EVALUATION_EVERY_DAYS = 14;
export const SIGNUP_DAYS = 7;
/** Days after an intro when a pair with no routine yet is nudged. */
export const SCHEDULE_NUDGE_DAYS = [3, 7] as const;
/** Days after an intro when organizers hear of a pair that has held no session. */
export const NOT_STARTED_DAYS = 14;

export async function scheduleSessionJobs(tx: Tx, session: Session, at: Date): Promise<void> {
  const stamp = session.startsAt.toISOString();
  for (const lead of Object.keys(REMINDER_LEADS) as ReminderLead[]) {
    await sessionReminderJob.schedule(tx, {
      key: `${session.id}:${lead}:${stamp}`,
      dueAt: new Date(session.startsAt.getTime() - REMINDER_LEADS[lead] * MINUTE_MS),
      payload: { sessionId: session.id, lead, startsAt: stamp },
      at,
    });
  }
  await checkInPromptJob.schedule(tx, {
    key: `${session.id}:${stamp}`,
    groupKey: `check-in:${session.pairingId}`,
    dueAt: new Date(session.startsAt.getTime() + (session.minutes + CHECK_IN_GRACE_MINUTES) * MINUTE_MS),
    payload: { sessionId: session.id, startsAt: stamp },
    at,
  });
}

export async function scheduleCheckInFollowUps(tx: Tx, session: Session, promptedAt: Date): Promise<void> {
  await checkInNudgeJob.schedule(tx, {
    key: session.id,
    groupKey: `check-in-nudge:${session.pairingId}`,
    dueAt: new Date(promptedAt.getTime() + NUDGE_AFTER_HOURS * HOUR_MS),
    payload: { sessionId: session.id },
    at: promptedAt,
  });
  await sessionReviewJob.schedule(tx, {
    key: session.id,
    dueAt: new Date(promptedAt.getTime() + REVIEW_AFTER_HOURS * HOUR_MS),
    payload: { sessionId: session.id },
    at: promptedAt,
  });
}

/** The n-th evaluation of a pairing falls n * 14 days after it started. */
export function evaluationDue(pairing: Pairing, number: number): Date {
  return new Date(pairing.createdAt.getTime() + number * EVALUATION_EVERY_DAYS * DAY_MS);
}

export async function scheduleEvaluation(tx: Tx, pairing: Pairing, number: number, at: Date): Promise<void> {
  await evaluationPromptJob.schedule(tx, {
    key: `${pairing.id}:${number}`,
    groupKey: `evaluation:${pairing.id}`,
    dueAt: evaluationDue(pairing, number),
    payload: { pairingId: pairing.id, number },
    at,
  });
}

export async function scheduleRoundJobs(tx: Tx, round: Round, at: Date): Promise<void> {
  await roundSignupCloseJob.schedule(tx, {
    key: round.id,
    dueAt: new Date(round.openedAt.getTime() + SIGNUP_DAYS * DAY_MS),
    payload: { roundId: round.id },
    at,
  });
  await roundEndJob.schedule(tx, { key: round.id, dueAt: round.endsAt, payload: { roundId: round.id }, at });
}

export async function schedulePauseEnd(tx: Tx, enrollment: Enrollment, until: Date, at: Date): Promise<void> {
  await pauseEndJob.schedule(tx, {
    key: `${enrollment.id}:${until.toISOString()}`,
    dueAt: until,
    payload: { enrollmentId: enrollment.id, until: until.toISOString() },
    at,
  });
}

/** A new pairing's follow-ups: nudges while it has no routine, and the organizers' note if it never starts. */
export async function schedulePairingStartJobs(tx: Tx, pairing: Pairing, at: Date): Promise<void> {
  for (const days of SCHEDULE_NUDGE_DAYS) {
    await scheduleNudgeJob.schedule(tx, {
      key: `${pairing.id}:${days}`,
      // Catching up, a pair gets the latest nudge only.
      groupKey: `schedule-nudge:${pairing.id}`,
      dueAt: new Date(pairing.createdAt.getTime() + days * DAY_MS),
      payload: { pairingId: pairing.id, days },
      at,
    });
  }
  await pairNotStartedJob.schedule(tx, {
    key: pairing.id,
    dueAt: new Date(pairing.createdAt.getTime() + NOT_STARTED_DAYS * DAY_MS),
    payload: { pairingId: pairing.id },
    at,
  });
}
