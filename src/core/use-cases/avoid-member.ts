import { Refusal } from "../errors";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** "Do not pair me with": private, a hard exclusion for every future match. */
export const avoidMember: UseCase<"member.avoid"> = async (ctx, command) => {
  const other = await ctx.tx.members.findByExternalId(ctx.tenant.id, command.userId);
  if (!other) throw new Refusal("refusal.noSuchMember");
  if (other.id === ctx.member.id) throw new Refusal("refusal.avoidSelf");
  await ctx.tx.avoidances.add(ctx.member.id, other.id, ctx.now);
  return reply(message(text(ctx.t("avoid.done", { name: other.displayName }))));
};
