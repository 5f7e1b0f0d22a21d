/**
 * Someone leaving a pairing (ending it, or leaving the round). The others get
 * a kind, neutral message; the private reason is stored apart and never sent.
 */
import { sendCalendarInvites } from "../calendar/calendar-updates";
import type { Context } from "../context";
import type { Member, Pairing, Program } from "../domain";
import { notifyMember, notifyPairing } from "../messages/notify";
import { actions, commandButton, message, text } from "../views/blocks";

export async function departFromPairing(
  ctx: Context,
  program: Program,
  pairing: Pairing,
  /** "forget": the member is being erased (forget-me): the others' messages do not name them. */
  opts: { reason: string | null; messageToPartner: string | null; notAFit: boolean; kind: "end" | "leave" | "forget" },
): Promise<Member[]> {
  const { tx, now, member } = ctx;
  await tx.endings.record({ pairingId: pairing.id, memberId: member.id, reason: opts.reason, notAFit: opts.notAFit, at: now });
  await tx.pairings.removeMember(pairing.id, member.id, now);
  const remainingIds = (await tx.pairings.members(pairing.id)).filter((l) => !l.leftAt).map((l) => l.memberId);
  const remaining = await tx.members.getMany(remainingIds);
  const name = member.displayName;
  const note = opts.messageToPartner;

  if (remaining.length >= 2) {
    await notifyPairing(tx, program, pairing.id, remaining, `left:${pairing.id}:${member.id}`, now, (t) =>
      message(
        text(
          opts.kind === "forget"
            ? t("forget.remaining")
            : opts.kind === "leave"
              ? t("leave.partner", { name })
              : t("end.remaining", { name }),
        ),
        note !== null && text(t("end.partnerMessage", { name, message: note })),
      ),
    );
    await sendCalendarInvites(tx, program, pairing.id, now, calendarChange("left", member, opts.kind));
    return remaining;
  }
  await tx.pairings.end(pairing.id, now);
  // A pair that never met is not thanked for sessions it did not have.
  const endedKey = (await tx.sessions.countHeld(pairing.id)) > 0 ? "end.partner" : "end.partnerNoSessions";
  for (const partner of remaining) {
    await notifyMember(tx, program, partner, `ended:${pairing.id}:${partner.id}`, now, (t) =>
      message(
        text(
          opts.kind === "forget"
            ? t("forget.partner")
            : opts.kind === "leave"
              ? t("leave.partner", { name })
              : t(endedKey, { name }),
        ),
        note !== null && text(t("end.partnerMessage", { name, message: note })),
        text(t("end.partnerRematch")),
        actions(commandButton(t("end.rematchButton"), { type: "rematch.request", pairingId: pairing.id }, "primary")),
      ),
    );
  }
  await sendCalendarInvites(tx, program, pairing.id, now, calendarChange("ended", member, opts.kind));
  return remaining;
}

/** Issue 18: the one who left loses the series from their calendar; someone being erased is sent nothing. */
const calendarChange = (change: "left" | "ended", member: Member, kind: "end" | "leave" | "forget") =>
  kind === "forget" ? { change } : { change, departed: member };
