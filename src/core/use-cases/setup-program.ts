import { requireSetupRight } from "../access/setup-rights";
import { Refusal } from "../errors";
import { DEFAULT_TIMEZONE } from "../time/timezones";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** Whoever sets up a program in a channel (an admin, or someone they allowed) becomes its first organizer. */
export const setupProgram: UseCase<"program.setup"> = async (ctx, command) => {
  if (!ctx.channelId) throw new Refusal("refusal.needChannel");
  const spaceId = await requireSetupRight(ctx);
  const existing = await ctx.tx.programs.byChannel(ctx.tenant.id, ctx.channelId);
  if (existing) throw new Refusal("refusal.programExists", { name: existing.name });
  const program = await ctx.tx.programs.create({
    tenantId: ctx.tenant.id,
    channelId: ctx.channelId,
    spaceId,
    name: command.name ?? "Mentoring Sebaya",
    language: command.language ?? ctx.language,
    timezone: command.timezone ?? ctx.member.timezone ?? DEFAULT_TIMEZONE,
    roundWeeks: command.roundWeeks ?? 12,
    createdBy: ctx.member.id,
  });
  await ctx.tx.programs.addOrganizer(program.id, ctx.member.id);
  return reply(message(text(ctx.t("setup.done", { name: program.name }))));
};
