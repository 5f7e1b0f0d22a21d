/**
 * Not a member command: asks each pair "did you meet?" once a session has
 * ended (plus a grace period), and schedules the next session on the cadence.
 * The durable scheduler calls this from its tick; the playground calls it
 * when the clock moves.
 */
import type { CheckInOutcome, Member } from "../domain";
import { notifyPairing } from "../notify";
import type { Tx } from "../ports";
import { ensureNextSession } from "../sessions";
import { actions, commandButton, formButton, message, text } from "../views/blocks";
import { checkInForm } from "../views/forms";

export const CHECK_IN_GRACE_MS = 15 * 60_000;

export async function promptCheckIns(tx: Tx, now: Date, limit = 100): Promise<number> {
  const due = await tx.sessions.dueForCheckInPrompt(new Date(now.getTime() - CHECK_IN_GRACE_MS), limit);
  let sent = 0;
  for (const session of due) {
    await tx.sessions.markPrompted(session.id, now);
    const pairing = await tx.pairings.get(session.pairingId);
    await ensureNextSession(tx, pairing, session);
    const round = await tx.rounds.get(pairing.roundId);
    const program = await tx.programs.get(round.programId);
    const links = (await tx.pairings.members(pairing.id)).filter((l) => !l.leftAt);
    const members: Member[] = await tx.members.getMany(links.map((l) => l.memberId));
    // A pair on a break is not asked; the session simply counts as not held.
    const pausedIds = new Set<string>();
    for (const m of members) {
      const e = await tx.enrollments.find(round.id, m.id);
      if (e?.pausedUntil && e.pausedUntil > now) pausedIds.add(m.id);
    }
    if (pausedIds.size > 0) continue;
    const answer = (outcome: CheckInOutcome) => ({ type: "checkin" as const, sessionId: session.id, outcome });
    await notifyPairing(tx, program, pairing.id, members, `checkin-prompt:${session.id}`, now, (t) =>
      message(
        text(t("checkin.prompt", { number: session.number })),
        actions(
          formButton(t("checkin.met"), checkInForm(t, session), "primary"),
          commandButton(t("checkin.rescheduled"), answer("rescheduled")),
          commandButton(t("checkin.notMet"), answer("not_met")),
        ),
      ),
    );
    sent++;
  }
  return sent;
}
