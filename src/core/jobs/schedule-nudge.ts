/**
 * A pair with no routine a few days after its intro is nudged in its own
 * conversation, with the button that proposes one: a pairing that never
 * schedules otherwise drifts silently until the round ends.
 */
import { notifyPairing } from "../messages/notify";
import { contactMoment } from "../messages/reach";
import { scheduleNudgeJob } from "../schedule/job-kinds";
import { actions, commandButton, formButton, message, text } from "../views/blocks";
import { deferred, done, type JobKind, skipped } from "./job-kind";
import { onBreak, pairingContext } from "./pairing-context";

export const scheduleNudge: JobKind<"schedule-nudge"> = {
  ...scheduleNudgeJob,
  async run(tx, p, now) {
    const { pairing, round, program, members } = await pairingContext(tx, p.pairingId);
    if (pairing.status !== "active") return skipped("pairing ended");
    if (pairing.cadence) return skipped("routine agreed");
    if ((await onBreak(tx, round.id, members, now)).size > 0) return skipped("on a break");
    const when = contactMoment(members, program, now);
    if (when > now) return deferred(when);
    // A proposal already waiting needs a confirmation, not another proposal.
    const proposal = pairing.proposal;
    const proposer = proposal ? members.find((m) => m.id === proposal.proposedBy) : undefined;
    await notifyPairing(tx, program, pairing.id, members, `schedule-nudge:${pairing.id}:${p.days}`, now, (t) =>
      proposal && proposer
        ? message(
            text(t("nudge.confirm", { days: p.days, name: proposer.displayName })),
            actions(
              commandButton(
                t("cadence.confirmButton"),
                { type: "cadence.confirm", pairingId: pairing.id, proposalOf: proposal.proposedAt.toISOString() },
                "primary",
              ),
              formButton(t("cadence.counterButton"), { type: "cadence.propose", pairingId: pairing.id }),
            ),
          )
        : message(
            text(t("nudge.schedule", { days: p.days })),
            actions(formButton(t("intro.proposeButton"), { type: "cadence.propose", pairingId: pairing.id }, "primary")),
          ),
    );
    return done();
  },
};
