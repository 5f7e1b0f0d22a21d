import { actions, commandButton, message, text } from "../views/blocks";
import { journalForm } from "../views/forms";
import { reply, type UseCase } from "./types";

/** A private note: stored for its author, never shown to anyone else. */
export const writeJournal: UseCase<"journal.write"> = async (ctx, command) => {
  if (!command.answers) return { messages: [], form: journalForm(ctx.t) };
  // Linked to the current pairing when there is one, so the author can look back per pairing.
  const latest = await ctx.tx.enrollments.latestForMember(ctx.member.id);
  const pairingId =
    latest && latest.enrollment.status === "active"
      ? ((await ctx.tx.pairings.activeForMember(ctx.member.id, latest.round.id))[0]?.id ?? null)
      : null;
  const count = await ctx.tx.journal.add({ memberId: ctx.member.id, pairingId, text: command.answers.text, at: ctx.now });
  return reply(
    message(
      text(ctx.t("journal.saved", { count })),
      actions(commandButton(ctx.t("journal.readButton"), { type: "journal.read" })),
    ),
  );
};
