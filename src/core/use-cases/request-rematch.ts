import { Refusal } from "../errors";
import { tryRematch } from "../pairing/rematch";
import { message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** The button offered to a partner whose pairing was ended by the other side. */
export const requestRematch: UseCase<"rematch.request"> = async (ctx, command) => {
  const pairing = await ctx.tx.pairings.get(command.pairingId);
  const links = await ctx.tx.pairings.members(pairing.id);
  if (!links.some((l) => l.memberId === ctx.member.id)) throw new Refusal("refusal.notInPairing");
  // Locked before anything is decided (see tryRematch): a concurrent re-match or matching run goes first or after, whole.
  const round = await ctx.tx.rounds.get(pairing.roundId, { lock: true });
  const enrollment = await ctx.tx.enrollments.find(round.id, ctx.member.id);
  if (pairing.status !== "ended" || round.status === "closed" || !enrollment || enrollment.status !== "active") {
    throw new Refusal("refusal.rematchNotOffered");
  }
  // A second click finds the member already re-matched or already waiting.
  const active = await ctx.tx.pairings.activeForMember(ctx.member.id, round.id);
  if (active.length >= enrollment.partnersWanted) throw new Refusal("refusal.rematchNotOffered");
  const program = await ctx.tx.programs.get(round.programId);
  await ctx.tx.enrollments.update(enrollment.id, { wantsRematch: true });
  const found = await tryRematch(ctx.tx, program, round, ctx.member, ctx.now);
  return reply(message(text(ctx.t(found ? "end.rematchFound" : "end.rematchQueued"))));
};
