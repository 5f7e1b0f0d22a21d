/** Keeping the routine going: sessions on the agreed cadence, each with its reminders and check-in. */
import type { Pairing, Session } from "../domain";
import type { Tx } from "../ports";
import { CHECK_IN_GRACE_MINUTES, scheduleSessionJobs } from "../schedule/planned-jobs";
import { MINUTE_MS } from "../time/durations";
import { followingSessionStart } from "./routine";

/** Creates a session and schedules its reminders and check-in prompt, in the same transaction. */
export async function createSession(
  tx: Tx,
  s: { pairingId: string; number: number; startsAt: Date; minutes: number },
  at: Date,
): Promise<Session> {
  const session = await tx.sessions.create(s);
  await scheduleSessionJobs(tx, session, at);
  return session;
}

/** Moves a session; its new time gets fresh reminders (the old ones see the change and skip). */
export async function rescheduleSession(tx: Tx, session: Session, startsAt: Date, minutes: number, at: Date): Promise<void> {
  await tx.sessions.reschedule(session.id, startsAt, minutes);
  await scheduleSessionJobs(tx, { ...session, startsAt, minutes }, at);
}

/**
 * Ensures the session after `session` exists; returns the upcoming one. A
 * routine resumed after a long gap (or a bot that was down) starts at the next
 * occurrence still ahead of `now`, never with a stack of sessions in the past.
 */
export async function ensureNextSession(tx: Tx, pairing: Pairing, session: Session, now: Date): Promise<Session | null> {
  const last = await tx.sessions.last(pairing.id);
  if (last && last.number > session.number) return last;
  if (!pairing.cadence || pairing.status !== "active") return null;
  const cadence = pairing.cadence;
  const round = await tx.rounds.get(pairing.roundId);
  const { workingDays } = (await tx.programs.get(round.programId)).contactHours;
  let startsAt = followingSessionStart(cadence, session.startsAt, workingDays);
  const ended = (start: Date) => start.getTime() + (cadence.minutes + CHECK_IN_GRACE_MINUTES) * MINUTE_MS <= now.getTime();
  for (let step = 0; step < 1000 && ended(startsAt); step++) startsAt = followingSessionStart(cadence, startsAt, workingDays);
  // The round's end is the pair's last day: no session (nor its reminders) after it.
  if (startsAt.getTime() >= round.endsAt.getTime()) return null;
  return createSession(tx, { pairingId: pairing.id, number: session.number + 1, startsAt, minutes: cadence.minutes }, now);
}
