import type { Context } from "../context";
import { adminSpace } from "../scope";
import { helpMessage } from "../views/help";
import { reply, type UseCase } from "./types";

export const help: UseCase<"help"> = async (ctx) => reply(helpMessage(ctx.t, await seesOrganizerHelp(ctx)));

/**
 * Whether the help lists the organizer commands: for an admin, an organizer of this channel's
 * program, or anyone where no program is set up yet (they may be about to set one up). The same
 * answer for `/mentoring help` and for the help that follows an unknown command.
 */
export async function seesOrganizerHelp(ctx: Pick<Context, "tx" | "actor" | "tenant" | "member" | "channelId">) {
  if (adminSpace(ctx) !== null) return true;
  if (!ctx.channelId) return false;
  const program = await ctx.tx.programs.byChannel(ctx.tenant.id, ctx.channelId);
  return program ? await ctx.tx.programs.isOrganizer(program.id, ctx.member.id) : true;
}
