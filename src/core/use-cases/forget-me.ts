/**
 * Forget me: asked, the form (what goes, what stays); confirmed, in this one
 * transaction, the member's active pairings end as any ending does (the
 * others told kindly, a re-match offered), then everything they wrote or
 * chose is erased and their row left as an anonymous placeholder where
 * others' history needs it. The reply is the last thing Sebaya tells them.
 *
 * Submitted twice (a retry, a second tab): the platform user is no longer
 * linked to the erased row, so the second run meets a fresh, empty member,
 * which is removed again; nothing happens twice.
 */
import { translator } from "../i18n/translate";
import { departFromPairing } from "../pairing/departure";
import { message, text } from "../views/blocks";
import { forgetForm } from "../views/forget-form";
import { reply, type UseCase } from "./types";

export const forgetMe: UseCase<"member.forget"> = async (ctx, command) => {
  if (!command.answers) return { messages: [], form: forgetForm(ctx.t) };
  const { tx, member } = ctx;
  const active = await tx.erasure.activePairings(member.id);
  // The placeholder speaks the language of the program whose history keeps it.
  let placeholderLanguage = ctx.language;
  for (const { pairingId, roundId, programId } of active) {
    // The round's lock before the pairing's, as every change to who is with whom takes them.
    await tx.rounds.get(roundId, { lock: true });
    const program = await tx.programs.get(programId);
    placeholderLanguage = program.language;
    await departFromPairing(ctx, program, await tx.pairings.get(pairingId, { lock: true }), {
      reason: null,
      messageToPartner: null,
      notAFit: false,
      kind: "forget",
    });
  }
  const latest = active.length === 0 ? await tx.enrollments.latestForMember(member.id) : null;
  if (latest) placeholderLanguage = (await tx.programs.get(latest.round.programId)).language;
  await tx.erasure.forget(member, translator(placeholderLanguage)("forget.placeholder"), ctx.now);
  return {
    ...reply(message(text(ctx.t("forget.done", { paired: active.length > 0 ? "yes" : "no" })))),
    settled: true,
  };
};
