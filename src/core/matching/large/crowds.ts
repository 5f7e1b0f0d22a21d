/**
 * Crowds: members who filled in the same profile weigh the same with everyone, so their K best
 * partners are the same K people and most of the crowd has no usable candidate. A crowd's members
 * share out the crowd's best partners instead: member t of a crowd of s gets the partners ranked
 * t, t + s, t + 2s, ... (K of them).
 */
import type { TopKTable } from "./top-k";

/** A crowd this small is served well enough by its members' own lists. */
const MIN_CROWD = 4;

/**
 * Members (local indices) whose candidate lists hold the same weights (equal weights go to different
 * partners, told apart by the tie hash) and who have the same `trait` (weakMax), in crowds of
 * MIN_CROWD or more. Two different profiles may fall together: they are only given more candidates.
 */
export function crowdsOf(best: TopKTable, tieBits: number, trait: (x: number) => number): number[][] {
  const k = best.k;
  const groups = new Map<string, number[]>();
  const m = best.size.length;
  for (let x = 0; x < m; x++) {
    const size = best.size[x] as number;
    if (size < k) continue;
    const parts: number[] = [trait(x)];
    for (let j = x * k; j < x * k + size; j++) parts.push((best.weights[j] as number) >> tieBits);
    const key = parts.join(",");
    const list = groups.get(key);
    if (list) list.push(x);
    else groups.set(key, [x]);
  }
  return [...groups.values()].filter((g) => g.length >= MIN_CROWD).sort((a, b) => b.length - a.length);
}

/**
 * For each crowd (largest first, until `budget` pairs have been weighed), its best partners among
 * `partnersOf(rep)` weighed from one representative, shared out round-robin: `offer(x, y)` for
 * each member x and its share y.
 */
export function shareOut(
  crowds: number[][],
  k: number,
  budget: number,
  partnersOf: (x: number) => Int32Array,
  weigh: (x: number, y: number) => number | null,
  offer: (x: number, y: number) => void,
): void {
  let spent = 0;
  for (const crowd of crowds) {
    const rep = crowd[0] as number;
    const partners = partnersOf(rep);
    spent += partners.length;
    if (spent > budget) break;
    const ranked: Array<[number, number]> = [];
    for (const y of partners) {
      const w = weigh(rep, y);
      if (w !== null) ranked.push([y, w]);
    }
    ranked.sort((a, b) => b[1] - a[1]);
    const s = crowd.length;
    crowd.forEach((x, t) => {
      for (let j = 0, at = t; j < k && at < ranked.length; j++, at += s) offer(x, (ranked[at] as [number, number])[0]);
    });
  }
}
