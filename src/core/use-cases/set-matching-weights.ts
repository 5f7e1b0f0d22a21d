import { programInChannel, requireOrganizer } from "../access/scope";
import { alternatives, teamPolicyKey, WEIGHT_KEYS, weightAboutKey, weightNameKey, weightRange } from "../commands/weight-names";
import type { Translate } from "../i18n/translate";
import { type MatchingWeights, matchingWeightsSchema, TEAM_POLICIES, weightsOf } from "../matching/weights";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** One line per weight: its name in the reader's language, its value, what it accepts and what it does. */
function weightLines(t: Translate, weights: MatchingWeights): string {
  return WEIGHT_KEYS.map((key) => {
    const name = t(weightNameKey(key));
    const about = t(weightAboutKey(key));
    if (key === "teamPolicy") {
      const options = alternatives(
        t,
        TEAM_POLICIES.map((p) => t(teamPolicyKey(p))),
      );
      return t("weights.linePolicy", { name, value: t(teamPolicyKey(weights.teamPolicy)), options, about });
    }
    const { min, max } = weightRange(key);
    return t("weights.line", { name, value: weights[key], min, max, about });
  }).join("\n");
}

/** Organizers see, or change, how the program's matching scores fit. */
export const setMatchingWeights: UseCase<"program.weights"> = async (ctx, command) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  const current = weightsOf(program.matchingWeights);
  const next = command.weights ? matchingWeightsSchema.parse({ ...current, ...command.weights }) : current;
  if (command.weights) await ctx.tx.programs.setMatchingWeights(program.id, next);
  const example = `${ctx.t(weightNameKey("interest"))}=2`;
  return reply(message(text(ctx.t("weights.title", { example })), text(weightLines(ctx.t, next))));
};
