import { pairingOfActor } from "../access/scope";
import type { CheckInOutcome, Session, SessionStatus } from "../domain";
import { Refusal } from "../errors";
import { notifyPairing, timezoneOf } from "../messages/notify";
import { ensureNextSession } from "../pairing/sessions";
import { formatDate, formatDateTime } from "../time/time-format";
import { actions, formButton, message, text } from "../views/blocks";
import { checkInForm, sessionMoveForm } from "../views/forms";
import { reply, type UseCase } from "./types";

const STATUS: Record<CheckInOutcome, SessionStatus> = { met: "held", rescheduled: "rescheduled", not_met: "missed" };

/**
 * After a session each member says whether they met. A button names its
 * session, so a late click acts on that session; a second click changes nothing.
 */
export const checkIn: UseCase<"checkin"> = async (ctx, command) => {
  let session: Session | null;
  let scope: Awaited<ReturnType<typeof pairingOfActor>>;
  if (command.sessionId) {
    session = await ctx.tx.sessions.get(command.sessionId, { lock: true });
    // A button names its session: a late answer (even for a pairing that has ended since) counts for that one.
    scope = await pairingOfActor(ctx, session.pairingId, { allowEnded: true });
  } else {
    scope = await pairingOfActor(ctx, undefined);
    // The newest started session, else the next one: both read at once.
    const { started, next } = await ctx.tx.sessions.around(ctx.tenant.id, scope.pairing.id, ctx.now);
    session = started ?? next;
    if (!session) throw new Refusal("refusal.noSession");
    session = await ctx.tx.sessions.get(session.id, { lock: true });
  }
  const { pairing, program, memberIds } = scope;
  // A late answer counts for a session held while the pairing was on; not for one planned after it ended.
  if (pairing.endedAt && session.startsAt >= pairing.endedAt) throw new Refusal("refusal.pairingEnded");
  const zone = timezoneOf(ctx.member, program);
  if (session.startsAt > ctx.now) {
    throw new Refusal("refusal.sessionNotYet", {
      number: session.number,
      when: formatDateTime(session.startsAt, zone, ctx.language),
    });
  }
  // "We met" (a button, `/mentoring checkin`) asks for the rating and a private note in a form.
  const outcome: CheckInOutcome | undefined = command.answers ? "met" : command.outcome;
  if (!outcome) return { messages: [], form: checkInForm(ctx.t, session) };
  const created = await ctx.tx.checkIns.create({
    sessionId: session.id,
    memberId: ctx.member.id,
    outcome,
    rating: command.answers?.rating ?? null,
    note: command.answers?.note ?? null,
    at: ctx.now,
  });
  if (!created) throw new Refusal("refusal.alreadyCheckedIn", { number: session.number });

  // One "we met" is enough to count the session as held.
  const first = (await ctx.tx.checkIns.count(session.id)) === 1;
  if (outcome === "met" && session.status !== "held") {
    await ctx.tx.sessions.setStatus(session.id, "held");
    const held = await ctx.tx.sessions.countHeld(pairing.id);
    const milestone = held === 1 ? "milestone.firstMeeting" : held === 3 ? "milestone.thirdMeeting" : null;
    if (milestone) {
      const members = await ctx.tx.members.getMany(memberIds);
      await notifyPairing(ctx.tx, program, pairing.id, members, `milestone:${pairing.id}:${held}`, ctx.now, (t) =>
        message(text(t(milestone))),
      );
    }
  } else if (first) {
    await ctx.tx.sessions.setStatus(session.id, STATUS[outcome]);
  }
  const next = await ensureNextSession(ctx.tx, pairing, session, ctx.now);
  // With a routine, no next session means the round ends first: say when, not just "none".
  const when = next
    ? formatDateTime(next.startsAt, zone, ctx.language)
    : pairing.cadence
      ? ctx.t("checkin.noneBeforeRoundEnd", {
          date: formatDate((await ctx.tx.rounds.get(pairing.roundId)).endsAt, zone, ctx.language),
        })
      : ctx.t("status.none");
  const shared = {
    note: message(text(ctx.t("answered.checkin", { name: ctx.member.displayName }))),
    everyone: (await ctx.tx.checkIns.count(session.id)) >= memberIds.length,
  };
  // Rescheduled: ask for the new time at once (the form opens), with a button for when it cannot.
  if (outcome === "rescheduled" && next && next.status === "scheduled") {
    const move = { type: "session.move" as const, sessionId: next.id };
    return {
      ...reply(
        message(
          text(ctx.t("checkin.rescheduled.ask", { number: next.number, when })),
          actions(formButton(ctx.t("move.button"), move, "primary")),
        ),
      ),
      form: sessionMoveForm(ctx.t, next, zone),
      settled: true,
      shared,
    };
  }
  const key =
    outcome === "met" ? "checkin.thanks.met" : outcome === "rescheduled" ? "checkin.thanks.rescheduled" : "checkin.thanks.notMet";
  return {
    ...reply(message(text(ctx.t(key, { when })))),
    settled: true,
    shared,
  };
};
