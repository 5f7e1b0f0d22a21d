import { programInChannel, requireOrganizer } from "../access/scope";
import type { Context } from "../context";
import type { Member } from "../domain";
import { Refusal } from "../errors";
import { richTranslator } from "../i18n/translate";
import { mentionUser } from "../messages/rich-text";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/**
 * Someone typed by name ("Budi", as the help writes it): their id where the platform's ids are
 * names (the console), else the one person known here by that name. Never a guess: an unknown or
 * shared name is refused, so no stranger id like "<@budi>" is ever made an organizer.
 */
async function knownPerson(ctx: Context, name: string): Promise<Member> {
  const byId = await ctx.tx.members.findByExternalId(ctx.tenant.id, name);
  if (byId) return byId;
  const named = await ctx.tx.members.findByName(ctx.tenant.id, name);
  if (named.length > 1) throw new Refusal("refusal.ambiguousPerson", { name });
  const [only] = named;
  if (!only) throw new Refusal("refusal.unknownPerson", { name });
  return only;
}

/**
 * An organizer shares the program with someone else. Someone mentioned need not have talked to the
 * bot yet: the platform vouches for the id, their member row is created now and gets their name
 * when they first do.
 */
export const addOrganizer: UseCase<"program.organizer"> = async (ctx, command) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  let other: Member;
  if (command.userId) {
    other =
      (await ctx.tx.members.findByExternalId(ctx.tenant.id, command.userId)) ??
      (await ctx.tx.members.ensure(ctx.tenant.id, command.userId, command.userId));
  } else if (command.person) {
    other = await knownPerson(ctx, command.person);
  } else throw new Refusal("problem.person");
  await ctx.tx.programs.addOrganizer(program.id, other.id);
  const said = richTranslator(ctx.language)("organizer.added", { user: mentionUser(other.externalId), name: program.name });
  return reply(message(text(said)));
};
