import { timezoneOf } from "../messages/notify";
import { formatDateTime } from "../time/time-format";
import { DEFAULT_TIMEZONE } from "../time/timezones";
import { actions, formButton, heading, message, muted, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** How many of the newest notes one reply shows. */
export const NOTES_SHOWN = 10;

/**
 * The member's own journal, read back to them alone (a reply is only ever
 * seen by whoever acted). Notes are plain strings in text blocks, which every
 * renderer escapes: what a member wrote can mention nobody.
 */
export const readJournal: UseCase<"journal.read"> = async (ctx) => {
  const { t, tx } = ctx;
  const total = await tx.journal.count(ctx.member.id);
  const notes = await tx.journal.recent(ctx.member.id, NOTES_SHOWN);
  const latest = await tx.enrollments.latestForMember(ctx.member.id);
  const program = latest ? await tx.programs.get(latest.round.programId) : null;
  const zone = program ? timezoneOf(ctx.member, program) : (ctx.member.timezone ?? DEFAULT_TIMEZONE);
  return reply(
    message(
      heading(t("home.journal")),
      muted(t("journal.hint")),
      notes.length === 0 && text(t("home.journalEmpty")),
      total > notes.length && muted(t("journal.newest", { shown: notes.length, total })),
      ...notes.flatMap((n) => [muted(formatDateTime(n.at, zone, ctx.language)), text(n.text)]),
      actions(formButton(t("status.journalButton"), { type: "journal.write" })),
    ),
  );
};
