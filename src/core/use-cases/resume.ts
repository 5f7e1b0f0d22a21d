import { currentMembership } from "../access/scope";
import { sendCalendarInvites } from "../calendar/calendar-updates";
import { Refusal } from "../errors";
import { notifyPairing } from "../messages/notify";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

export const resume: UseCase<"resume"> = async (ctx) => {
  const { program, round, enrollment } = await currentMembership(ctx);
  if (!enrollment.pausedUntil || enrollment.pausedUntil <= ctx.now) throw new Refusal("refusal.notPaused");
  await ctx.tx.enrollments.update(enrollment.id, { pausedUntil: null });
  for (const pairing of await ctx.tx.pairings.activeForMember(ctx.member.id, round.id)) {
    const links = await ctx.tx.pairings.members(pairing.id);
    const members = await ctx.tx.members.getMany(links.filter((l) => !l.leftAt).map((l) => l.memberId));
    await notifyPairing(ctx.tx, program, pairing.id, members, `resume:${enrollment.id}:${ctx.now.toISOString()}`, ctx.now, (t) =>
      message(text(t("resume.partner", { name: ctx.member.displayName }))),
    );
    // Issue 18: back in the calendars (unless a partner is still on a break).
    await sendCalendarInvites(ctx.tx, program, pairing.id, ctx.now, { change: "resumed" });
  }
  return reply(message(text(ctx.t("resume.done"))));
};
