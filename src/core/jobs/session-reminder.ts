/** A reminder 24 hours and 15 minutes before a session, with the time in each reader's own zone. */
import { z } from "zod";
import { notifyMember, timezoneOf } from "../notify";
import { formatDateTime } from "../time-format";
import { message, text } from "../views/blocks";
import { deferred, done, type JobKind, skipped } from "./job-kind";
import { contactMoment, onBreak, pairingContext } from "./reach";
import { REMINDER_LEADS } from "./schedule";

const payload = z.object({
  sessionId: z.uuid(),
  lead: z.enum(["24h", "15m"]),
  startsAt: z.iso.datetime(),
});

export const sessionReminder: JobKind<z.infer<typeof payload>> = {
  kind: "session-reminder",
  payload,
  async run(tx, p, now) {
    const session = await tx.sessions.get(p.sessionId);
    if (session.startsAt.toISOString() !== p.startsAt) return skipped("session moved");
    if (session.status !== "scheduled") return skipped("session already answered");
    const { pairing, round, program, members } = await pairingContext(tx, session.pairingId);
    if (pairing.status !== "active") return skipped("pairing ended");
    // A reminder that can only arrive after the next one is due (or after the start) is stale.
    const latest =
      p.lead === "24h" ? session.startsAt.getTime() - REMINDER_LEADS["15m"] * 60_000 : session.startsAt.getTime() - 60_000;
    const when = contactMoment(members, program, now);
    if (when.getTime() > latest) return skipped("too late to remind");
    if (when > now) return deferred(when);
    const paused = await onBreak(tx, round.id, members, now);
    let sent = 0;
    for (const member of members) {
      if (paused.has(member.id)) continue;
      const others = members.filter((m) => m.id !== member.id).map((m) => m.displayName);
      await notifyMember(
        tx,
        program,
        member,
        `session-reminder:${session.id}:${p.lead}:${p.startsAt}:${member.id}`,
        now,
        (t, language) =>
          message(
            text(
              t(p.lead === "24h" ? "reminder.dayBefore" : "reminder.soon", {
                number: session.number,
                when: formatDateTime(session.startsAt, timezoneOf(member, program), language),
                names: others.join(", "),
                minutes: session.minutes,
              }),
            ),
          ),
      );
      sent++;
    }
    return sent > 0 ? done() : skipped("everyone on a break");
  },
};
