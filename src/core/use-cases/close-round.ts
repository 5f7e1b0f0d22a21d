import { programInChannel, requireOrganizer } from "../access/scope";
import { Refusal } from "../errors";
import { closeRound as closeNow } from "../pairing/round-closing";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

export const closeRound: UseCase<"round.close"> = async (ctx) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  const round = await ctx.tx.rounds.latest(program.id, { lock: true });
  if (!round || round.status === "closed") throw new Refusal("refusal.noRoundToClose");
  await closeNow(ctx.tx, program, round, ctx.now);
  return reply(message(text(ctx.t("round.closed", { number: round.number }))));
};
