import { sendCalendarInvites } from "../calendar/calendar-updates";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/**
 * `/mentoring calendar off|on` (issue 18): the actor's own choice, kept across rounds. Off sends
 * nothing more (not even a cancellation: they asked for no files); on sends the invite of each
 * routine they have now, to them alone, so their calendar catches up.
 */
export const setCalendarInvites: UseCase<"calendar.invites"> = async (ctx, command) => {
  const { tx, member, now, t } = ctx;
  const off = (await tx.calendar.optedOut([member.id])).has(member.id);
  if (!command.state) return reply(message(text(t(off ? "calendar.off.already" : "calendar.on.already"))));
  const changed = await tx.calendar.setOptedOut(member.id, command.state === "off", now);
  if (!changed) return reply(message(text(t(command.state === "off" ? "calendar.off.already" : "calendar.on.already"))));
  if (command.state === "off") return reply(message(text(t("calendar.off.done"))));
  let sent = 0;
  for (const { pairingId, programId } of await tx.erasure.activePairings(member.id)) {
    if (!(await tx.calendar.series(pairingId))) continue;
    const program = await tx.programs.get(programId);
    await sendCalendarInvites(tx, program, pairingId, now, { change: "turned-on", only: member });
    sent++;
  }
  return reply(message(text(t(sent > 0 ? "calendar.on.done" : "calendar.on.doneNothing"))));
};
