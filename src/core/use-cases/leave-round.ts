import { departFromPairing } from "../departure";
import { currentMembership } from "../scope";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

export const leaveRound: UseCase<"round.leave"> = async (ctx) => {
  const { program, round, enrollment } = await currentMembership(ctx);
  // The round's lock before any pairing's (see pairingOfActor): leaving changes who is with whom.
  await ctx.tx.rounds.get(round.id, { lock: true });
  for (const pairing of await ctx.tx.pairings.activeForMember(ctx.member.id, round.id)) {
    await departFromPairing(ctx, program, await ctx.tx.pairings.get(pairing.id, { lock: true }), {
      reason: null,
      messageToPartner: null,
      notAFit: false,
      kind: "leave",
    });
  }
  await ctx.tx.enrollments.update(enrollment.id, { status: "left", wantsRematch: false });
  return reply(message(text(ctx.t("leave.done", { number: round.number }))));
};
