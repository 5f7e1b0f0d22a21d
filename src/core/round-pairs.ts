/** Who has already been with whom: the matcher's hard exclusions and soft history. */

import type { Round } from "./domain";
import { pairKey } from "./matching/types";
import type { Tx } from "./ports";

function keysOf(groups: Iterable<readonly string[]>): Set<string> {
  const keys = new Set<string>();
  for (const ids of groups) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) keys.add(pairKey(ids[i] as string, ids[j] as string));
    }
  }
  return keys;
}

export async function pairsThisRound(tx: Tx, round: Round): Promise<Set<string>> {
  return keysOf((await tx.pairings.inRound(round.id)).map((p) => p.memberIds));
}

export async function pairsEarlierRounds(tx: Tx, round: Round): Promise<Set<string>> {
  return keysOf((await tx.pairings.history(round.programId, round.number)).map((p) => p.memberIds));
}
