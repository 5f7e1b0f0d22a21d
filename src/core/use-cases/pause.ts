import { currentMembership } from "../access/scope";
import { sendCalendarInvites } from "../calendar/calendar-updates";
import { Refusal } from "../errors";
import { notifyPairing, timezoneOf } from "../messages/notify";
import { schedulePauseEnd } from "../schedule/planned-jobs";
import { formatDate, parseLocalDate } from "../time/time-format";
import { message, text } from "../views/blocks";
import { pauseForm } from "../views/forms";
import { reply, type UseCase } from "./types";

/** A break until a date (in the member's zone); partners are told, kindly. */
export const pause: UseCase<"pause"> = async (ctx, command) => {
  const { program, round, enrollment } = await currentMembership(ctx);
  const zone = timezoneOf(ctx.member, program);
  if (enrollment.pausedUntil && enrollment.pausedUntil > ctx.now) {
    throw new Refusal("refusal.alreadyPaused", { date: formatDate(enrollment.pausedUntil, zone, ctx.language) });
  }
  if (!command.answers) return { messages: [], form: pauseForm(ctx.t) };
  const until = parseLocalDate(command.answers.until, zone);
  if (!until) throw new Refusal("refusal.pauseInPast");
  if (until <= ctx.now) throw new Refusal("refusal.pauseInPast");
  if (until > round.endsAt) throw new Refusal("refusal.pauseTooLong", { date: formatDate(round.endsAt, zone, ctx.language) });
  await ctx.tx.enrollments.update(enrollment.id, { pausedUntil: until });
  await schedulePauseEnd(ctx.tx, enrollment, until, ctx.now);
  for (const pairing of await ctx.tx.pairings.activeForMember(ctx.member.id, round.id)) {
    const links = await ctx.tx.pairings.members(pairing.id);
    const members = await ctx.tx.members.getMany(links.filter((l) => !l.leftAt).map((l) => l.memberId));
    const others = members.filter((m) => m.id !== ctx.member.id);
    await notifyPairing(
      ctx.tx,
      program,
      pairing.id,
      members,
      `pause:${enrollment.id}:${until.toISOString()}`,
      ctx.now,
      (t, language) =>
        message(
          text(
            t("pause.partner", {
              name: ctx.member.displayName,
              date: formatDate(until, others[0] ? timezoneOf(others[0], program) : zone, language),
            }),
          ),
        ),
    );
    // Issue 18: the sessions leave everyone's calendar for the break.
    await sendCalendarInvites(ctx.tx, program, pairing.id, ctx.now, { change: "paused" });
  }
  return reply(message(text(ctx.t("pause.done", { date: formatDate(until, zone, ctx.language) }))));
};
