/**
 * "Did you meet?" after a session's end plus a grace period, with one-click
 * answers (the "we met" form carries the 1 to 5 rating). It also keeps the
 * routine going: the next session is planned, with its own reminders.
 */
import { notifyPairing } from "../messages/notify";
import { contactMoment } from "../messages/reach";
import { ensureNextSession } from "../pairing/sessions";
import { checkInPromptJob } from "../schedule/job-kinds";
import { scheduleCheckInFollowUps } from "../schedule/planned-jobs";
import { message, text } from "../views/blocks";
import { checkInAnswers } from "../views/check-in";
import { deferred, done, type JobKind, skipped } from "./job-kind";
import { onBreak, pairingContext } from "./pairing-context";

export const checkInPrompt: JobKind<"check-in-prompt"> = {
  ...checkInPromptJob,
  async run(tx, p, now) {
    const session = await tx.sessions.get(p.sessionId, { lock: true });
    if (p.startsAt && session.startsAt.toISOString() !== p.startsAt) return skipped("session moved");
    if (session.checkInPromptedAt) return skipped("already prompted");
    const { pairing, round, program, members } = await pairingContext(tx, session.pairingId);
    if (pairing.status !== "active") return skipped("pairing ended");
    // The routine goes on whether or not this pair can be asked right now.
    await ensureNextSession(tx, pairing, session, now);
    const when = contactMoment(members, program, now);
    if (when > now) return deferred(when);
    await tx.sessions.markPrompted(session.id, now);
    // A pair on a break is not asked; the session simply counts as not held.
    if ((await onBreak(tx, round.id, members, now)).size > 0) return skipped("on a break");
    if ((await tx.checkIns.count(session.id)) >= members.length) return skipped("everyone answered already");
    await notifyPairing(tx, program, pairing.id, members, `checkin-prompt:${session.id}`, now, (t) =>
      message(text(t("checkin.prompt", { number: session.number })), checkInAnswers(t, session)),
    );
    await scheduleCheckInFollowUps(tx, session, now);
    return done();
  },
};
