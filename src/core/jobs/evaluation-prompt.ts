/**
 * Every 14 days from a pairing's start, each member gets a private
 * evaluation: progress on each of their goals, how the pairing works, and
 * what to adjust. A bot that was down sends only the latest one due.
 */
import { z } from "zod";
import { notifyMember } from "../notify";
import { actions, formButton, message, text } from "../views/blocks";
import { evaluationForm } from "../views/forms";
import { deferred, done, type JobKind, skipped } from "./job-kind";
import { contactMoment, onBreak, pairingContext } from "./reach";
import { EVALUATION_EVERY_DAYS, evaluationDue, scheduleEvaluation } from "./schedule";

const payload = z.object({ pairingId: z.uuid(), number: z.number().int().positive() });

export const evaluationPrompt: JobKind<z.infer<typeof payload>> = {
  kind: "evaluation-prompt",
  payload,
  async run(tx, p, now) {
    const { pairing, round, program, members } = await pairingContext(tx, p.pairingId);
    if (pairing.status !== "active") return skipped("pairing ended");
    const latest = Math.floor((now.getTime() - pairing.createdAt.getTime()) / (EVALUATION_EVERY_DAYS * 86_400_000));
    if (latest > p.number) {
      // Catching up: the latest evaluation only.
      await scheduleEvaluation(tx, pairing, latest, now);
      return skipped("a later evaluation is due");
    }
    const when = contactMoment(members, program, now);
    if (when > now) return deferred(when);
    const paused = await onBreak(tx, round.id, members, now);
    const profiles = await tx.profiles.getMany(
      program.id,
      members.map((m) => m.id),
    );
    for (const member of members) {
      if (paused.has(member.id)) continue;
      const goals = profiles.find((pr) => pr.memberId === member.id)?.goals ?? [];
      const others = members.filter((m) => m.id !== member.id).map((m) => m.displayName);
      await notifyMember(tx, program, member, `evaluation-prompt:${pairing.id}:${p.number}:${member.id}`, now, (t) =>
        message(
          text(t("evaluation.prompt", { names: others.join(", ") })),
          actions(formButton(t("evaluation.open"), evaluationForm(t, pairing.id, p.number, goals), "primary")),
        ),
      );
    }
    if (evaluationDue(pairing, p.number + 1) < round.endsAt) await scheduleEvaluation(tx, pairing, p.number + 1, now);
    return done();
  },
};
