import { pairingOfActor } from "../access/scope";
import type { CadenceProposal } from "../domain";
import { Refusal } from "../errors";
import { notifyPairing, timezoneOf } from "../messages/notify";
import { firstSessionStart } from "../pairing/routine";
import { formatClock, formatDateTime, formatZone, weekdayName } from "../time/time-format";
import { actions, commandButton, formButton, message, text } from "../views/blocks";
import { cadenceForm } from "../views/forms";
import { reply, type UseCase } from "./types";

/** Proposes a routine in the proposer's own time zone; a peer confirms it. */
export const proposeCadence: UseCase<"cadence.propose"> = async (ctx, command) => {
  const { pairing, program, memberIds } = await pairingOfActor(ctx, command.pairingId, { lock: true });
  const zone = timezoneOf(ctx.member, program);
  if (!command.answers) return { messages: [], form: cadenceForm(ctx.t, ctx.language, pairing.id, zone) };
  const { everyDays, minutes, time } = command.answers;
  const weekday = command.answers.weekday ?? null;
  const { workingDays } = program.contactHours;
  // Sessions fall only on the program's working days.
  if (weekday !== null && !workingDays.includes(weekday)) {
    throw new Refusal("refusal.weekdayOff", {
      weekday: weekdayName(weekday, ctx.language),
      days: workingDays.map((d) => weekdayName(d, ctx.language)).join(", "),
    });
  }
  const proposal: CadenceProposal = {
    everyDays,
    minutes,
    weekday,
    time,
    timezone: zone,
    proposedBy: ctx.member.id,
    proposedAt: ctx.now,
  };
  await ctx.tx.pairings.setProposal(pairing.id, proposal);
  const members = await ctx.tx.members.getMany(memberIds);
  const firstStart = firstSessionStart(proposal, ctx.now, workingDays);
  const stamp = ctx.now.toISOString();
  await notifyPairing(ctx.tx, program, pairing.id, members, `cadence-proposal:${pairing.id}:${stamp}`, ctx.now, (t, language) =>
    message(
      text(
        weekday === null
          ? t("cadence.proposedInterval", {
              name: ctx.member.displayName,
              everyDays,
              minutes,
              time: formatClock(time, language),
              zone: formatZone(zone, language, firstStart),
            })
          : t("cadence.proposed", {
              name: ctx.member.displayName,
              everyDays,
              minutes,
              weekday: weekdayName(weekday, language),
              time: formatClock(time, language),
              zone: formatZone(zone, language, firstStart),
            }),
      ),
      text(
        members
          .filter((m) => m.id !== ctx.member.id)
          .map((m) =>
            t("cadence.localTime", { name: m.displayName, when: formatDateTime(firstStart, timezoneOf(m, program), language) }),
          )
          .join("\n"),
      ),
      actions(
        commandButton(
          t("cadence.confirmButton"),
          { type: "cadence.confirm", pairingId: pairing.id, proposalOf: stamp },
          "primary",
        ),
        formButton(t("cadence.counterButton"), { type: "cadence.propose", pairingId: pairing.id }),
      ),
    ),
  );
  return reply(message(text(ctx.t("cadence.proposedReply"))));
};
