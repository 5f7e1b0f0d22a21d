import { adminSpace } from "../access/scope";
import { describeAccess, nextGrantees, spaceOf } from "../access/setup-rights";
import { Refusal } from "../errors";
import { reply, type UseCase } from "./types";

/** Shows, or (admins only) changes, who besides the admins may set up programs in this space. */
export const setSetupAccess: UseCase<"setup.access"> = async (ctx, command) => {
  const space = spaceOf(ctx);
  let grantees = await ctx.tx.setupAccess.list(ctx.tenant.id, space);
  if (command.who !== undefined) {
    if (adminSpace(ctx) !== space) throw new Refusal("refusal.onlyAdmins");
    grantees = nextGrantees(grantees, command.who);
    await ctx.tx.setupAccess.replace(ctx.tenant.id, space, grantees);
  }
  return reply(describeAccess(ctx.language, grantees));
};
