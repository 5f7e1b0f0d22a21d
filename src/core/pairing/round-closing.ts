/**
 * Ending a round, whether an organizer closes it or its end date comes: each
 * pair gets a wrap-up (sessions held, an invitation to the next round), each
 * member privately the goals they marked reached, then pairings end, each
 * organizer gets the round's retrospective and the channel hears the round is over.
 */

import { sendCalendarInvites } from "../calendar/calendar-updates";
import type { Program, Round } from "../domain";
import { notifyChannel, notifyMember, notifyPairing } from "../messages/notify";
import { contactMoment, currentMembers } from "../messages/reach";
import type { Tx } from "../ports";
import { message, text } from "../views/blocks";
import { startRetention } from "./retention";
import { sendRetrospective } from "./round-retrospective";

export async function closeRound(tx: Tx, program: Program, round: Round, now: Date): Promise<void> {
  for (const { pairing } of await tx.pairings.inRound(round.id)) {
    if (pairing.status !== "active") continue;
    const members = await currentMembers(tx, pairing.id);
    const held = await tx.sessions.countHeld(pairing.id);
    // The round closes on time; its messages to members wait for their contact hours.
    await notifyPairing(
      tx,
      program,
      pairing.id,
      members,
      `wrap-up:${pairing.id}`,
      now,
      (t) =>
        message(
          // A pair that never met is thanked for taking part, not for "sharing and learning" it did not do.
          text(
            held > 0
              ? t("round.wrapUp", { number: round.number, program: program.name, held })
              : t("round.wrapUpNoSessions", { number: round.number, program: program.name }),
          ),
          text(t("round.wrapUp.invite")),
        ),
      contactMoment(members, program, now),
    );
    for (const member of members) {
      const reached = await tx.evaluations.goalsReached(pairing.id, member.id);
      if (reached.length === 0) continue;
      await notifyMember(
        tx,
        program,
        member,
        `wrap-up:${pairing.id}:${member.id}`,
        now,
        (t) => message(text(t("round.wrapUp.goals", { goals: reached.join(", ") }))),
        contactMoment([member], program, now),
      );
    }
    await tx.pairings.end(pairing.id, now);
    // Issue 18: the series ends in everyone's calendar (past sessions stay).
    await sendCalendarInvites(tx, program, pairing.id, now, { change: "ended" });
  }
  await tx.rounds.setStatus(round.id, "closed");
  // From now, its private text is kept only for the program's retention period.
  await startRetention(tx, program.id, round.id, now);
  // Each organizer, privately: the round in a few sentences against the one before (issue 17).
  await sendRetrospective(tx, program, round, now);
  await notifyChannel(tx, program, `round-closed:${round.id}`, now, (t) =>
    message(text(t("round.closed.channel", { number: round.number }))),
  );
}
