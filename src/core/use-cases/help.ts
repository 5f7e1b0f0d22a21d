import { adminSpace } from "../access/scope";
import type { Context } from "../context";
import type { Message } from "../messages/message";
import { helpMessage } from "../views/help";
import { reply, type UseCase } from "./types";

/**
 * Whether the help should list organizer commands: to whoever may organize the channel's program
 * (an organizer, its organizer role, an admin of its space), or, in a DM, to whoever organizes any
 * program. In a channel with no program yet, the setup commands are what someone needs next.
 */
async function organizes(ctx: Context): Promise<boolean> {
  if (adminSpace(ctx) !== null) return true;
  if (!ctx.channelId) {
    return (await ctx.tx.programs.organizedBy(ctx.tenant.id, ctx.member.id, null)).length > 0;
  }
  const program = await ctx.tx.programs.byChannel(ctx.tenant.id, ctx.channelId);
  if (!program) return true;
  if (program.organizerRole && ctx.actor.roles?.includes(program.organizerRole)) return true;
  return ctx.tx.programs.isOrganizer(program.id, ctx.member.id);
}

/** The help as this person needs it: the same for `/mentoring help` and for a command nobody knows. */
export async function helpFor(ctx: Context): Promise<Message> {
  return helpMessage(ctx.t, await organizes(ctx), ctx.actor.platform);
}

export const help: UseCase<"help"> = async (ctx) => reply(await helpFor(ctx));
