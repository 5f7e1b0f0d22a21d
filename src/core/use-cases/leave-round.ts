import { currentMembership } from "../access/scope";
import { departFromPairing } from "../pairing/departure";
import { actions, commandButton, formButton, message, text } from "../views/blocks";
import { privacyCommand } from "../views/help";
import { reply, type UseCase } from "./types";

/** Leaving ends the member's pairings, so it is asked first; only the confirmation button leaves. */
export const leaveRound: UseCase<"round.leave"> = async (ctx, command) => {
  const { program, round, enrollment } = await currentMembership(ctx);
  if (!command.confirm) {
    const paired = (await ctx.tx.pairings.activeForMember(ctx.member.id, round.id)).length > 0;
    return reply(
      message(
        text(ctx.t(paired ? "leave.confirmPaired" : "leave.confirm", { number: round.number })),
        actions(commandButton(ctx.t("leave.confirmButton"), { type: "round.leave", confirm: true }, "danger")),
      ),
    );
  }
  // The round's lock before any pairing's (see pairingOfActor): leaving changes who is with whom.
  const locked = await ctx.tx.rounds.get(round.id, { lock: true });
  for (const pairing of await ctx.tx.pairings.activeForMember(ctx.member.id, round.id)) {
    await departFromPairing(ctx, program, await ctx.tx.pairings.get(pairing.id, { lock: true }), {
      reason: null,
      messageToPartner: null,
      notAFit: false,
      kind: "leave",
    });
  }
  await ctx.tx.enrollments.update(enrollment.id, { status: "left", wantsRematch: false });
  // Honest about coming back: only while sign-ups are open, else in the next round.
  const done = locked.status === "open" ? "leave.doneOpen" : "leave.doneClosed";
  // Leaving keeps the profile for next time; whoever wants nothing kept is shown the way (forget-me).
  return {
    ...reply(
      message(
        text(ctx.t(done, { number: round.number })),
        text(ctx.t("leave.forgetHint", { command: privacyCommand(ctx.actor.platform) })),
        actions(formButton(ctx.t("leave.forgetButton"), { type: "member.forget" })),
      ),
    ),
    settled: true,
  };
};
