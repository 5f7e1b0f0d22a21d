/** Who a job speaks to, and whether now is a moment the bot may reach them (quiet hours). */
import type { Member, Program } from "../domain";
import { timezoneOf } from "../notify";
import type { Tx } from "../ports";
import { nextAllowedMoment } from "../quiet-hours";

/** The first moment at or after `now` when every one of `members` may be contacted. */
export function contactMoment(members: readonly Member[], program: Program, now: Date): Date {
  return nextAllowedMoment(
    now,
    members.map((m) => timezoneOf(m, program)),
    program.contactHours,
  );
}

export async function currentMembers(tx: Tx, pairingId: string): Promise<Member[]> {
  const links = await tx.pairings.members(pairingId);
  return tx.members.getMany(links.filter((l) => !l.leftAt).map((l) => l.memberId));
}

/** The pairing, its round and program, with the members still in it. */
export async function pairingContext(tx: Tx, pairingId: string) {
  const pairing = await tx.pairings.get(pairingId);
  const round = await tx.rounds.get(pairing.roundId);
  const program = await tx.programs.get(round.programId);
  const members = await currentMembers(tx, pairingId);
  return { pairing, round, program, members };
}

/** Members on a break at `now` are not prompted. */
export async function onBreak(tx: Tx, roundId: string, members: readonly Member[], now: Date): Promise<Set<string>> {
  const paused = new Set<string>();
  for (const m of members) {
    const e = await tx.enrollments.find(roundId, m.id);
    if (e?.pausedUntil && e.pausedUntil > now) paused.add(m.id);
  }
  return paused;
}
