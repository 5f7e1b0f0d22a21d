/** Who the bot speaks to in a pairing, and whether now is a moment it may reach them (quiet hours). */
import type { Member, Program } from "../domain";
import type { Tx } from "../ports";
import { nextAllowedMoment } from "../time/quiet-hours";
import { timezoneOf } from "./notify";

/** The first moment at or after `now` when every one of `members` may be contacted. */
export function contactMoment(members: readonly Member[], program: Program, now: Date): Date {
  return nextAllowedMoment(
    now,
    members.map((m) => timezoneOf(m, program)),
    program.contactHours,
  );
}

/** The members still in a pairing (not those who left it). */
export async function currentMembers(tx: Tx, pairingId: string): Promise<Member[]> {
  const links = await tx.pairings.members(pairingId);
  return tx.members.getMany(links.filter((l) => !l.leftAt).map((l) => l.memberId));
}
