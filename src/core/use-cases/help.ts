import { adminSpace } from "../scope";
import { helpMessage } from "../views/help";
import { reply, type UseCase } from "./types";

export const help: UseCase<"help"> = async (ctx) => {
  let organizer = adminSpace(ctx) !== null;
  if (!organizer && ctx.channelId) {
    const program = await ctx.tx.programs.byChannel(ctx.tenant.id, ctx.channelId);
    organizer = program ? await ctx.tx.programs.isOrganizer(program.id, ctx.member.id) : true;
  }
  return reply(helpMessage(ctx.t, organizer));
};
