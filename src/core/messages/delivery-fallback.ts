/**
 * What happens when a message cannot be delivered: never silence.
 * - A member whose DMs are closed is marked (the dispatcher stops trying DMs)
 *   and mentioned in the program channel, with no private content.
 * - A pair or trio whose shared conversation cannot be opened gets the same
 *   message as one DM each.
 * - Someone who cannot be reached at all is named to the program's organizers.
 */
import type { Audience, Member, Program } from "../domain";
import { richTranslator } from "../i18n/translate";
import type { Tx } from "../ports";
import { message, text } from "../views/blocks";
import type { Message } from "./message";
import { notifyOrganizers } from "./notify-organizers";
import { mentionUser } from "./rich-text";

const day = (at: Date) => at.toISOString().slice(0, 10);

/** One mention a day at most: asking again each message would be noise. */
export async function onDmClosed(tx: Tx, member: Member, program: Program | null, now: Date): Promise<void> {
  await tx.members.setDmBlocked(member.id, now);
  if (!program) return;
  await tx.outbox.enqueue({
    tenantId: program.tenantId,
    key: `dm-closed:${member.id}:${program.id}:${day(now)}`,
    audience: { kind: "channel", programId: program.id },
    // The channel reads the program's language; the member is the one person mentioned (and notified).
    message: message(text(richTranslator(program.language)("delivery.dmClosed", { user: mentionUser(member.externalId) }))),
    at: now,
    programId: program.id,
    reachMemberId: member.id,
  });
}

export async function onUnreachable(tx: Tx, member: Member, program: Program, now: Date): Promise<void> {
  await notifyOrganizers(
    tx,
    program,
    `unreachable:${member.id}:${program.id}:${day(now)}`,
    now,
    (t) => message(text(t("delivery.unreachable", { name: member.displayName, program: program.name }))),
    member.id,
  );
}

/** The group conversation failed: the same message to each member directly. */
export async function onGroupFailed(
  tx: Tx,
  row: { key: string; audience: Audience; message: Message },
  program: Program,
  now: Date,
): Promise<void> {
  if (row.audience.kind !== "pairing") return;
  const links = await tx.pairings.members(row.audience.pairingId);
  for (const link of links.filter((l) => !l.leftAt)) {
    await tx.outbox.enqueue({
      tenantId: program.tenantId,
      key: `${row.key}:dm:${link.memberId}`,
      audience: { kind: "member", memberId: link.memberId },
      message: row.message,
      at: now,
      programId: program.id,
    });
  }
}
