import { Refusal } from "../errors";
import { notifyChannel } from "../notify";
import { programInChannel, requireOrganizer } from "../scope";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

export const closeRound: UseCase<"round.close"> = async (ctx) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  const round = await ctx.tx.rounds.latest(program.id, { lock: true });
  if (!round || round.status === "closed") throw new Refusal("refusal.noRoundToClose");
  for (const { pairing } of await ctx.tx.pairings.inRound(round.id)) {
    if (pairing.status === "active") await ctx.tx.pairings.end(pairing.id, ctx.now);
  }
  await ctx.tx.rounds.setStatus(round.id, "closed");
  await notifyChannel(ctx.tx, program, `round-closed:${round.id}`, ctx.now, (t) =>
    message(text(t("round.closed.channel", { number: round.number }))),
  );
  return reply(message(text(ctx.t("round.closed", { number: round.number }))));
};
