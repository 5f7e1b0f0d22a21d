/**
 * The executor's last step for every command: an organizer action the audit
 * table names (audited-commands.ts) is recorded in the same transaction as
 * the action, after its use case succeeded. One place for every command, so
 * no use case writes its own audit rows and none can forget to.
 */
import { adminSpace } from "../access/scope";
import type { Command, CommandType } from "../commands/command";
import type { Context } from "../context";
import { AUDITED, type AuditSpec } from "./audited-commands";

/**
 * The programs the command acted on: the one it names, else its channel's (read after the use case,
 * so a program just set up is found), else, for a report asked for in a DM, every program it covered.
 */
async function programsActedOn(ctx: Context, command: Command): Promise<Array<string | null>> {
  const named = "programId" in command ? command.programId : undefined;
  if (named) return [named];
  if (ctx.channelId) {
    const program = await ctx.tx.programs.byChannel(ctx.tenant.id, ctx.channelId);
    if (program) return [program.id];
  }
  if (command.type === "program.report")
    return (await ctx.tx.programs.organizedBy(ctx.tenant.id, ctx.member.id, adminSpace(ctx))).map((p) => p.id);
  return [null];
}

export async function recordAudit(ctx: Context, command: Command): Promise<void> {
  const spec = AUDITED[command.type] as AuditSpec<CommandType> | undefined;
  if (!spec) return;
  const programIds = spec.scope === "space" ? [null] : await programsActedOn(ctx, command);
  for (const programId of programIds) {
    const details = await spec.details(command, { tx: ctx.tx, tenantId: ctx.tenant.id, programId });
    if (details === null) return;
    await ctx.tx.audit.record({
      tenantId: ctx.tenant.id,
      programId,
      spaceId: ctx.actor.space ?? null,
      actorMemberId: ctx.member.id,
      action: spec.action,
      details,
      at: ctx.now,
    });
  }
}
