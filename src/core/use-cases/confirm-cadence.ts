import { pairingOfActor } from "../access/scope";
import { sendCalendarInvites } from "../calendar/calendar-updates";
import { Refusal } from "../errors";
import { notifyPairing, timezoneOf } from "../messages/notify";
import { firstSessionStart } from "../pairing/routine";
import { createSession, rescheduleSession } from "../pairing/sessions";
import { formatDateTime } from "../time/time-format";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** A peer (not the proposer) confirms; the first session is then scheduled. */
export const confirmCadence: UseCase<"cadence.confirm"> = async (ctx, command) => {
  const { pairing, program, memberIds } = await pairingOfActor(ctx, command.pairingId, { lock: true });
  const proposal = pairing.proposal;
  if (!proposal) throw new Refusal(pairing.cadence ? "refusal.cadenceAgreed" : "refusal.noProposal");
  if (command.proposalOf && command.proposalOf !== proposal.proposedAt.toISOString()) {
    throw new Refusal("refusal.staleProposal");
  }
  if (proposal.proposedBy === ctx.member.id) throw new Refusal("refusal.ownProposal");
  const { proposedBy: _by, proposedAt: _at, ...cadence } = proposal;
  await ctx.tx.pairings.setCadence(pairing.id, cadence);
  await ctx.tx.pairings.setProposal(pairing.id, null);

  const startsAt = firstSessionStart(cadence, ctx.now, program.contactHours.workingDays);
  // A new routine moves the upcoming session rather than adding a second one.
  const upcoming = await ctx.tx.sessions.next(pairing.id, ctx.now);
  if (upcoming) {
    await rescheduleSession(ctx.tx, upcoming, startsAt, cadence.minutes, ctx.now);
  } else {
    const last = await ctx.tx.sessions.last(pairing.id);
    await createSession(
      ctx.tx,
      { pairingId: pairing.id, number: (last?.number ?? 0) + 1, startsAt, minutes: cadence.minutes },
      ctx.now,
    );
  }
  const members = await ctx.tx.members.getMany(memberIds);
  await notifyPairing(
    ctx.tx,
    program,
    pairing.id,
    members,
    `cadence-agreed:${pairing.id}:${proposal.proposedAt.toISOString()}`,
    ctx.now,
    (t, language) =>
      message(
        text(t("cadence.agreed", { everyDays: cadence.everyDays, minutes: cadence.minutes })),
        text(
          members
            .map((m) =>
              t("cadence.firstSession", {
                name: m.displayName,
                when: formatDateTime(startsAt, timezoneOf(m, program), language),
              }),
            )
            .join("\n"),
        ),
      ),
  );
  // Issue 18: the routine in each member's calendar, the series starting at the first session.
  await ctx.tx.calendar.begin(pairing.id, startsAt);
  await sendCalendarInvites(ctx.tx, program, pairing.id, ctx.now, { change: "agreed" });
  return {
    ...reply(message(text(ctx.t("cadence.confirmedReply")))),
    settled: true,
    shared: { note: message(text(ctx.t("answered.cadence", { name: ctx.member.displayName }))), everyone: true },
  };
};
