import { programInChannel, requireOrganizer } from "../access/scope";
import { Refusal } from "../errors";
import type { ContactHours } from "../time/quiet-hours";
import { weekdayName } from "../time/time-format";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** Organizers see, or change, when the bot may reach members on its own (quiet hours outside). */
export const setContactHours: UseCase<"program.hours"> = async (ctx, command) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  const current = program.contactHours;
  const next: ContactHours = {
    from: command.from ?? current.from,
    until: command.until ?? current.until,
    workingDays: command.workingDays ? [...new Set(command.workingDays)].sort((a, b) => a - b) : current.workingDays,
  };
  if (next.from >= next.until) throw new Refusal("refusal.badHours");
  const changed = command.from !== undefined || command.until !== undefined || command.workingDays !== undefined;
  if (changed) await ctx.tx.programs.setContactHours(program.id, next);
  const clock = (h: number) => `${String(h).padStart(2, "0")}${ctx.language === "id" ? "." : ":"}00`;
  return reply(
    message(
      text(
        ctx.t("contact.hours", {
          from: clock(next.from),
          until: clock(next.until),
          days: next.workingDays.map((d) => weekdayName(d, ctx.language)).join(", "),
        }),
      ),
    ),
  );
};
