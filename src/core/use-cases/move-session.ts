import { DateTime } from "luxon";
import { pairingOfActor } from "../access/scope";
import { sendCalendarInvites } from "../calendar/calendar-updates";
import { Refusal } from "../errors";
import { notifyPairing, timezoneOf } from "../messages/notify";
import { rescheduleSession } from "../pairing/sessions";
import { formatDateTime, weekdayName } from "../time/time-format";
import { message, text } from "../views/blocks";
import { sessionMoveForm } from "../views/forms";
import { reply, type UseCase } from "./types";

/**
 * One session to another day and time (after "we rescheduled"): its reminders
 * and check-in follow it, the routine carries on after it, and the others hear
 * the new time in their own zone.
 */
export const moveSession: UseCase<"session.move"> = async (ctx, command) => {
  const current = await ctx.tx.sessions.get(command.sessionId);
  const { program, memberIds } = await pairingOfActor(ctx, current.pairingId, { lock: true });
  const session = await ctx.tx.sessions.get(current.id, { lock: true });
  if (session.startsAt <= ctx.now || session.status !== "scheduled")
    throw new Refusal("refusal.moveStarted", { number: session.number });
  const zone = timezoneOf(ctx.member, program);
  if (!command.answers) return { messages: [], form: sessionMoveForm(ctx.t, session, zone) };
  const { date, time, minutes } = command.answers;
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) throw new Refusal("refusal.moveInPast");
  const { workingDays } = program.contactHours;
  if (!workingDays.includes(local.weekday)) {
    throw new Refusal("refusal.moveDayOff", {
      weekday: weekdayName(local.weekday, ctx.language),
      days: workingDays.map((d) => weekdayName(d, ctx.language)).join(", "),
    });
  }
  const startsAt = local.toJSDate();
  if (startsAt <= ctx.now) throw new Refusal("refusal.moveInPast");
  await rescheduleSession(ctx.tx, session, startsAt, minutes, ctx.now);
  // Issue 18: the occurrence the session stood for moves in the calendar (moved twice, it is still that occurrence).
  const series = await ctx.tx.calendar.series(session.pairingId);
  if (series) {
    const old = session.startsAt.toISOString();
    const earlier = series.moved.find((m) => m.start === old);
    const moved = { occurrence: earlier?.occurrence ?? old, start: startsAt.toISOString(), minutes };
    await ctx.tx.calendar.setMoved(session.pairingId, [...series.moved.filter((m) => m !== earlier), moved]);
    await sendCalendarInvites(ctx.tx, program, session.pairingId, ctx.now, { change: "moved" });
  }
  // By name, so that everyone reads the same list in the same order.
  const members = (await ctx.tx.members.getMany(memberIds)).sort((a, b) => a.displayName.localeCompare(b.displayName));
  await notifyPairing(
    ctx.tx,
    program,
    session.pairingId,
    members,
    `session-moved:${session.id}:${startsAt.toISOString()}`,
    ctx.now,
    (t, language) =>
      message(
        text(
          t("move.moved", {
            name: ctx.member.displayName,
            number: session.number,
            times: members
              .map((m) =>
                t("reminder.time", { name: m.displayName, when: formatDateTime(startsAt, timezoneOf(m, program), language) }),
              )
              .join("; "),
          }),
        ),
      ),
  );
  return reply(message(text(ctx.t("move.done", { number: session.number, when: formatDateTime(startsAt, zone, ctx.language) }))));
};
