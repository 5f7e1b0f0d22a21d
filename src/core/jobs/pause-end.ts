/** A break ends on its date: reminders resume, the member and their partners hear it. */
import { sendCalendarInvites } from "../calendar/calendar-updates";
import { notifyMember, notifyPairing } from "../messages/notify";
import { contactMoment, currentMembers } from "../messages/reach";
import { pauseEndJob } from "../schedule/job-kinds";
import { message, text } from "../views/blocks";
import { deferred, done, type JobKind, skipped } from "./job-kind";

export const pauseEnd: JobKind<"pause-end"> = {
  ...pauseEndJob,
  async run(tx, p, now) {
    const enrollment = await tx.enrollments.get(p.enrollmentId);
    // Resumed early, or paused again with another date: that date has its own job.
    if (enrollment.pausedUntil?.toISOString() !== p.until) return skipped("break already over or changed");
    const round = await tx.rounds.get(enrollment.roundId);
    const program = await tx.programs.get(round.programId);
    const member = await tx.members.get(enrollment.memberId);
    const when = contactMoment([member], program, now);
    if (when > now) return deferred(when);
    await tx.enrollments.update(enrollment.id, { pausedUntil: null });
    await notifyMember(tx, program, member, `pause-ended:${enrollment.id}:${p.until}`, now, (t) =>
      message(text(t("pause.ended"))),
    );
    for (const pairing of await tx.pairings.activeForMember(member.id, round.id)) {
      const members = await currentMembers(tx, pairing.id);
      await notifyPairing(tx, program, pairing.id, members, `pause-ended:${enrollment.id}:${p.until}:${pairing.id}`, now, (t) =>
        message(text(t("pause.ended.partner", { name: member.displayName }))),
      );
      await sendCalendarInvites(tx, program, pairing.id, now, { change: "resumed" });
    }
    return done();
  },
};
