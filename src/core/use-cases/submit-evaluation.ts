import { pairingOfActor } from "../access/scope";
import { GOAL_KEYS } from "../commands/command";
import type { GoalProgress } from "../domain";
import { Refusal } from "../errors";
import { notifyMember } from "../messages/notify";
import { evaluationDue } from "../schedule/planned-jobs";
import { actions, formButton, message, text } from "../views/blocks";
import { evaluationForm } from "../views/forms";
import { reply, type UseCase } from "./types";

/**
 * The biweekly evaluation, private to its author. The button names its
 * pairing and number, so a late answer counts for that evaluation; a second
 * answer changes nothing. "Adjust" leads on to the cadence, the agenda or a
 * polite end.
 */
export const submitEvaluation: UseCase<"evaluation.submit"> = async (ctx, command) => {
  // An evaluation that arrives after the pairing ended still belongs to it.
  const { pairing, program } = await pairingOfActor(ctx, command.pairingId, { allowEnded: true });
  if (evaluationDue(pairing, command.number) > ctx.now) throw new Refusal("refusal.evaluationNotYet", { number: command.number });
  const [profile] = await ctx.tx.profiles.getMany(program.id, [ctx.member.id]);
  const goals = profile?.goals ?? [];
  const { answers } = command;
  if (!answers) return { messages: [], form: evaluationForm(ctx.t, pairing.id, command.number, goals) };
  const progress: Record<string, GoalProgress> = {};
  for (const [i, goal] of goals.slice(0, GOAL_KEYS.length).entries()) {
    const answer = answers[GOAL_KEYS[i] as (typeof GOAL_KEYS)[number]];
    if (!answer) throw new Refusal("refusal.formIncomplete");
    progress[goal] = answer;
  }
  const before = new Set(await ctx.tx.evaluations.goalsReached(pairing.id, ctx.member.id));
  const recorded = await ctx.tx.evaluations.record({
    pairingId: pairing.id,
    memberId: ctx.member.id,
    number: command.number,
    working: answers.working,
    goalProgress: progress,
    adjust: answers.adjust,
    at: ctx.now,
  });
  if (!recorded) throw new Refusal("refusal.alreadyEvaluated", { number: command.number });
  // Celebrated privately: the evaluation is the member's own; they choose whether to share it.
  for (const goal of goals) {
    if (progress[goal] !== "reached" || before.has(goal)) continue;
    await notifyMember(ctx.tx, program, ctx.member, `milestone:goal:${pairing.id}:${ctx.member.id}:${goal}`, ctx.now, (t) =>
      message(text(t("milestone.goalReached", { goal }))),
    );
  }
  const next =
    pairing.status !== "active"
      ? null
      : answers.adjust === "cadence"
        ? message(
            text(ctx.t("evaluation.next.cadence")),
            actions(formButton(ctx.t("intro.proposeButton"), { type: "cadence.propose", pairingId: pairing.id })),
          )
        : answers.adjust === "agenda"
          ? message(text(ctx.t("evaluation.next.agenda")))
          : answers.adjust === "end"
            ? message(
                text(ctx.t("evaluation.next.end")),
                actions(formButton(ctx.t("end.button"), { type: "pairing.end", pairingId: pairing.id })),
              )
            : null;
  const members = (await ctx.tx.pairings.members(pairing.id)).filter((l) => !l.leftAt).length;
  return {
    ...reply(message(text(ctx.t("evaluation.thanks"))), ...(next ? [next] : [])),
    settled: true,
    shared: {
      note: message(text(ctx.t("answered.evaluation", { name: ctx.member.displayName }))),
      everyone: (await ctx.tx.evaluations.count(pairing.id, command.number)) >= members,
    },
  };
};
