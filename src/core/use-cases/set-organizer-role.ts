import { programInChannel, requireOrganizer } from "../access/scope";
import { richTranslator } from "../i18n/translate";
import { mentionRole } from "../messages/rich-text";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** Names the platform role whose members may organize the program (Discord); without a role, clears it. */
export const setOrganizerRole: UseCase<"program.role"> = async (ctx, command) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  await ctx.tx.programs.setOrganizerRole(program.id, command.roleId ?? null);
  return reply(
    message(
      text(
        command.roleId
          ? richTranslator(ctx.language)("organizer.role", { role: mentionRole(command.roleId), name: program.name })
          : ctx.t("organizer.roleCleared", { name: program.name }),
      ),
    ),
  );
};
