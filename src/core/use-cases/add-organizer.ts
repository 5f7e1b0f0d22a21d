import { richTranslator } from "../i18n/translate";
import { mentionUser } from "../rich-text";
import { programInChannel, requireOrganizer } from "../scope";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/**
 * An organizer shares the program with someone else. They need not have
 * talked to the bot yet: their member row is created now and gets their
 * name when they first do.
 */
export const addOrganizer: UseCase<"program.organizer"> = async (ctx, command) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  const other =
    (await ctx.tx.members.findByExternalId(ctx.tenant.id, command.userId)) ??
    (await ctx.tx.members.ensure(ctx.tenant.id, command.userId, command.userId));
  await ctx.tx.programs.addOrganizer(program.id, other.id);
  const said = richTranslator(ctx.language)("organizer.added", { user: mentionUser(command.userId), name: program.name });
  return reply(message(text(said)));
};
