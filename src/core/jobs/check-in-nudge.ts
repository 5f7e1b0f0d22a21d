/** One nudge, a day after the prompt, to whoever has not answered "did you meet?". */
import { notifyMember } from "../messages/notify";
import { contactMoment } from "../messages/reach";
import { checkInNudgeJob } from "../schedule/job-kinds";
import { message, text } from "../views/blocks";
import { checkInAnswers } from "../views/check-in";
import { deferred, done, type JobKind, skipped } from "./job-kind";
import { onBreak, pairingContext } from "./pairing-context";

export const checkInNudge: JobKind<"check-in-nudge"> = {
  ...checkInNudgeJob,
  async run(tx, p, now) {
    const session = await tx.sessions.get(p.sessionId);
    const { pairing, round, program, members } = await pairingContext(tx, session.pairingId);
    if (pairing.status !== "active") return skipped("pairing ended");
    const answered = new Set((await tx.checkIns.forSession(session.id)).map((c) => c.memberId));
    const paused = await onBreak(tx, round.id, members, now);
    const waiting = members.filter((m) => !answered.has(m.id) && !paused.has(m.id));
    if (waiting.length === 0) return skipped("everyone answered");
    const when = contactMoment(waiting, program, now);
    if (when > now) return deferred(when);
    for (const member of waiting) {
      await notifyMember(tx, program, member, `checkin-nudge:${session.id}:${member.id}`, now, (t) =>
        message(text(t("checkin.nudge", { number: session.number })), checkInAnswers(t, session)),
      );
    }
    return done(`nudged ${waiting.length}`);
  },
};
