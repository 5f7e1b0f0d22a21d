/** What a job about a pairing reads first: the pairing with its round, program and members, and who is on a break. */
import type { Member } from "../domain";
import { currentMembers } from "../messages/reach";
import type { Tx } from "../ports";

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
