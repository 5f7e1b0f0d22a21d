/** Who has already been with whom: the matcher's hard exclusions and soft history. */

import type { Round } from "../domain";
import { pairKey } from "../matching/types";
import type { Tx } from "../ports";

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

export interface EarlierRounds {
  /** Pair → rounds since they were last together (1 = last round). */
  history: Map<string, number>;
  /** Pairs whose pairing ended as "not a good fit": never again. */
  notAFit: Set<string>;
}

export async function earlierRounds(tx: Tx, round: Round): Promise<EarlierRounds> {
  const history = new Map<string, number>();
  const notAFit = new Set<string>();
  for (const p of await tx.pairings.history(round.programId, round.number)) {
    const ago = round.number - p.roundNumber;
    for (const key of keysOf([p.memberIds])) {
      history.set(key, Math.min(history.get(key) ?? ago, ago));
      if (p.notAFit) notAFit.add(key);
    }
  }
  return { history, notAFit };
}

/** "Do not pair me with" lists, as pair keys (they work both ways). */
export async function avoidedPairs(tx: Tx, memberIds: readonly string[]): Promise<Set<string>> {
  return new Set((await tx.avoidances.among(memberIds)).map(([a, b]) => pairKey(a, b)));
}
