import { actions, formButton, message, text } from "../views/blocks";
import type { UseCase } from "./types";

/**
 * Someone joined a channel. In a program's channel they get a welcome only
 * they see, with the join button while a round takes sign-ups; elsewhere
 * nothing at all.
 */
export const welcome: UseCase<"welcome"> = async (ctx) => {
  if (!ctx.channelId) return { messages: [] };
  const program = await ctx.tx.programs.byChannel(ctx.tenant.id, ctx.channelId);
  if (!program) return { messages: [] };
  const round = await ctx.tx.rounds.latest(program.id);
  if (round?.status === "open" && !(await ctx.tx.enrollments.find(round.id, ctx.member.id))) {
    return {
      messages: [
        message(
          text(ctx.t("welcome.roundOpen", { name: program.name, number: round.number })),
          actions(
            formButton(
              ctx.t("round.announce.join", { number: round.number }),
              { type: "round.join", roundId: round.id },
              "primary",
            ),
          ),
        ),
      ],
    };
  }
  return { messages: [message(text(ctx.t("welcome.program", { name: program.name })))] };
};
