/**
 * A reminder 24 hours and 15 minutes before a session, in the pair's own
 * conversation (one message for the pair or trio), with the time in each
 * member's own zone, said relative to the moment it is written: quiet hours
 * may hold it until the day itself, or a process that was down may run it
 * late, so it never says "tomorrow" ahead of time.
 */

import { notifyPairing, timezoneOf } from "../messages/notify";
import { contactMoment } from "../messages/reach";
import { sessionReminderJob } from "../schedule/job-kinds";
import { REMINDER_LEADS } from "../schedule/planned-jobs";
import { MINUTE_MS } from "../time/durations";
import { formatRelative } from "../time/relative-time";
import { message, text } from "../views/blocks";
import { deferred, done, type JobKind, skipped } from "./job-kind";
import { onBreak, pairingContext } from "./pairing-context";

export const sessionReminder: JobKind<"session-reminder"> = {
  ...sessionReminderJob,
  async run(tx, p, now) {
    const session = await tx.sessions.get(p.sessionId);
    if (session.startsAt.toISOString() !== p.startsAt) return skipped("session moved");
    if (session.status !== "scheduled") return skipped("session already answered");
    const { pairing, round, program, members } = await pairingContext(tx, session.pairingId);
    if (pairing.status !== "active") return skipped("pairing ended");
    // A reminder that can only arrive after the next one is due (or after the start) is stale.
    const latest =
      p.lead === "24h" ? session.startsAt.getTime() - REMINDER_LEADS["15m"] * MINUTE_MS : session.startsAt.getTime() - MINUTE_MS;
    const when = contactMoment(members, program, now);
    if (when.getTime() > latest) return skipped("too late to remind");
    if (when > now) return deferred(when);
    const paused = await onBreak(tx, round.id, members, now);
    // By name, so that everyone reads the same list in the same order.
    const meeting = members.filter((m) => !paused.has(m.id)).sort((a, b) => a.displayName.localeCompare(b.displayName));
    // With one of a pair on a break there is no session to remind of.
    if (meeting.length < 2) return skipped("on a break");
    await notifyPairing(
      tx,
      program,
      pairing.id,
      members,
      `session-reminder:${session.id}:${p.lead}:${p.startsAt}`,
      now,
      (t, language) => {
        const times = meeting
          .map((m) =>
            t("reminder.time", {
              name: m.displayName,
              when: formatRelative(session.startsAt, now, timezoneOf(m, program), language, t),
            }),
          )
          .join("; ");
        return message(
          text(
            t(p.lead === "24h" ? "reminder.upcoming" : "reminder.startingSoon", {
              number: session.number,
              times,
              minutes: session.minutes,
            }),
          ),
        );
      },
    );
    return done();
  },
};
