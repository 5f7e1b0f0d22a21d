/**
 * Every 14 days from a pairing's start, an evaluation prompt in the pair's
 * conversation. Its button opens each member's own private form (progress on
 * their goals, how the pairing works, what to adjust): the answers are never
 * shown to anyone else. A bot that was down sends only the latest one due.
 */

import { notifyPairing } from "../messages/notify";
import { contactMoment } from "../messages/reach";
import { evaluationPromptJob } from "../schedule/job-kinds";
import { EVALUATION_EVERY_DAYS, evaluationDue, scheduleEvaluation } from "../schedule/planned-jobs";
import { DAY_MS } from "../time/durations";
import { actions, formButton, message, text } from "../views/blocks";
import { deferred, done, type JobKind, skipped } from "./job-kind";
import { onBreak, pairingContext } from "./pairing-context";

export const evaluationPrompt: JobKind<"evaluation-prompt"> = {
  ...evaluationPromptJob,
  async run(tx, p, now) {
    const { pairing, round, program, members } = await pairingContext(tx, p.pairingId);
    if (pairing.status !== "active") return skipped("pairing ended");
    const latest = Math.floor((now.getTime() - pairing.createdAt.getTime()) / (EVALUATION_EVERY_DAYS * DAY_MS));
    if (latest > p.number) {
      // Catching up: the latest evaluation only.
      await scheduleEvaluation(tx, pairing, latest, now);
      return skipped("a later evaluation is due");
    }
    const when = contactMoment(members, program, now);
    if (when > now) return deferred(when);
    const paused = await onBreak(tx, round.id, members, now);
    if (members.every((m) => paused.has(m.id))) return skipped("everyone on a break");
    // The button carries no answers: pressed, it asks the core for the presser's own form (their goals).
    await notifyPairing(tx, program, pairing.id, members, `evaluation-prompt:${pairing.id}:${p.number}`, now, (t) =>
      message(
        text(t("evaluation.prompt", { number: p.number })),
        actions(
          formButton(t("evaluation.open"), { type: "evaluation.submit", pairingId: pairing.id, number: p.number }, "primary"),
        ),
      ),
    );
    if (evaluationDue(pairing, p.number + 1) < round.endsAt) await scheduleEvaluation(tx, pairing, p.number + 1, now);
    return done();
  },
};
