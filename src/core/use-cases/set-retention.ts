import { programInChannel, requireOrganizer } from "../access/scope";
import { rescheduleRetention } from "../pairing/retention";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** How long a closed round's private text is kept in the program (organizers); without months, the setting. */
export const setRetention: UseCase<"program.retention"> = async (ctx, command) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  if (command.months === undefined) {
    const months = await ctx.tx.retention.months(program.id);
    return reply(message(text(ctx.t("retention.current", { program: program.name, months }))));
  }
  await ctx.tx.retention.setMonths(program.id, command.months);
  await rescheduleRetention(ctx.tx, program.id, command.months, ctx.now);
  return reply(message(text(ctx.t("retention.saved", { program: program.name, months: command.months }))));
};
