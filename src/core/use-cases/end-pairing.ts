import { pairingOfActor } from "../access/scope";
import { departFromPairing } from "../pairing/departure";
import { tryRematch } from "../pairing/rematch";
import { message, text } from "../views/blocks";
import { endForm } from "../views/forms";
import { reply, type UseCase } from "./types";

/** Ending politely and privately: the reason is stored for its author only. */
export const endPairing: UseCase<"pairing.end"> = async (ctx, command) => {
  const { pairing, program, round } = await pairingOfActor(ctx, command.pairingId, { lock: true });
  // Asked (a button, `/mentoring end`): the form. Only its submitted answers end the pairing.
  const { answers } = command;
  if (!answers) return { messages: [], form: endForm(ctx.t, pairing.id) };
  const others = (await ctx.tx.pairings.members(pairing.id))
    .filter((l) => !l.leftAt && l.memberId !== ctx.member.id)
    .map((l) => l.memberId);
  const names = (await ctx.tx.members.getMany(others)).map((m) => m.displayName).join(", ");
  // Thanks "for the sessions you shared" only when there were some.
  const held = await ctx.tx.sessions.countHeld(pairing.id);
  await departFromPairing(ctx, program, pairing, {
    reason: answers.reason ?? null,
    messageToPartner: answers.messageToPartner ?? null,
    notAFit: answers.notAFit,
    kind: "end",
  });
  const blocks = [text(ctx.t(held > 0 ? "end.done" : "end.doneNoSessions", { names }))];
  if (answers.rematch) {
    const enrollment = await ctx.tx.enrollments.find(round.id, ctx.member.id);
    if (enrollment) await ctx.tx.enrollments.update(enrollment.id, { wantsRematch: true });
    const found = round.status !== "closed" && (await tryRematch(ctx.tx, program, round, ctx.member, ctx.now));
    blocks.push(text(ctx.t(found ? "end.rematchFound" : "end.rematchQueued")));
  }
  return reply(message(...blocks));
};
