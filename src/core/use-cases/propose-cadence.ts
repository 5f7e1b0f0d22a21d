import type { CadenceProposal } from "../domain";
import { notifyPairing, timezoneOf } from "../notify";
import { pairingOfActor } from "../scope";
import { formatClock, formatDateTime, formatZone, nextOccurrence, weekdayName } from "../time-format";
import { actions, commandButton, formButton, message, text } from "../views/blocks";
import { cadenceForm } from "../views/forms";
import { reply, type UseCase } from "./types";

/** Proposes a routine in the proposer's own time zone; a peer confirms it. */
export const proposeCadence: UseCase<"cadence.propose"> = async (ctx, command) => {
  const { pairing, program, memberIds } = await pairingOfActor(ctx, command.pairingId, { lock: true });
  const zone = timezoneOf(ctx.member, program);
  if (!command.answers) return { messages: [], form: cadenceForm(ctx.t, ctx.language, pairing.id, zone) };
  const { everyDays, minutes, weekday, time } = command.answers;
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
  const firstStart = nextOccurrence(ctx.now, weekday, time, zone);
  const stamp = ctx.now.toISOString();
  await notifyPairing(ctx.tx, program, pairing.id, members, `cadence-proposal:${pairing.id}:${stamp}`, ctx.now, (t, language) =>
    message(
      text(
        t("cadence.proposed", {
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
