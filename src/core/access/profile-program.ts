/** Which program's profile a member means when they ask for it. */
import type { Context } from "../context";
import type { Program } from "../domain";
import { programInChannel } from "./scope";

/**
 * The program a button names; else the program of the channel the command came from; else (a DM,
 * another channel) the program of the round the member joined last. Null when none of these is
 * known: someone who never joined has no profile anywhere.
 */
export async function profileProgram(ctx: Context, programId?: string): Promise<Program | null> {
  // Refuses another tenant's program (the tenant guard has already refused its id).
  if (programId) return programInChannel(ctx, programId);
  const here = ctx.channelId ? await ctx.tx.programs.byChannel(ctx.tenant.id, ctx.channelId) : null;
  if (here) return here;
  const latest = await ctx.tx.enrollments.latestForMember(ctx.member.id);
  return latest ? ctx.tx.programs.get(latest.round.programId) : null;
}
