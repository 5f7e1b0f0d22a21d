import { matchingWeightsSchema, weightsOf } from "../matching/weights";
import { programInChannel, requireOrganizer } from "../scope";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** Organizers see, or change, how the program's matching scores fit. */
export const setMatchingWeights: UseCase<"program.weights"> = async (ctx, command) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  const current = weightsOf(program.matchingWeights);
  const next = command.weights ? matchingWeightsSchema.parse({ ...current, ...command.weights }) : current;
  if (command.weights) await ctx.tx.programs.setMatchingWeights(program.id, next);
  const shown = Object.entries(next)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  return reply(message(text(ctx.t("match.weights", { weights: shown }))));
};
