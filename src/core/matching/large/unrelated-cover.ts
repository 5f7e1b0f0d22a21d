/**
 * Covering the pairs without a goal relation against the duals (pool.ts UnrelatedClasses): at 20,000
 * members they are about 200 million, too many to weigh one by one. Bounding each member by its
 * weakMax alone (the best zone, team and interests anyone could bring) left the proven bound 4% above
 * the matching on realistic populations, and weighing every "suspect" under that bound cost seconds
 * per round.
 *
 * Within a class (team, zone, priority) every member is alike for such pairs that share no interest,
 * so sorting each class by dual shows at once which of its members x is not covered against: those
 * below x's limit, a prefix. Pairs that share an interest are found the same way through each
 * interest's members, sorted by dual. The prefixes are weighed exactly (they are the violators the
 * graph needs) up to a budget per member; past it, x is raised to cover the rest.
 */
import type { UnrelatedClasses } from "../pool";

export interface UnrelatedVisitor {
  /** A pair that may be uncovered: weigh it and compare with the duals. */
  weigh(x: number, y: number): void;
  /** What the duals cover of the pair, blossoms included (certify.ts makeDualBound). */
  cover(x: number, y: number): number;
  /** x's dual (halved, as in certify.ts) must rise by `short` to cover the pairs it was not weighed against. */
  shortfall(x: number, short: number): void;
}

/** Members (local indices) grouped by a key, each group sorted by dual, ascending. */
interface Groups {
  order: Int32Array;
  start: Int32Array;
}

function sortedGroups(count: number, keysOf: (add: (key: number, x: number) => void) => void, dual: Float64Array): Groups {
  const size = new Int32Array(count + 1);
  keysOf((key) => {
    size[key + 1] = (size[key + 1] as number) + 1;
  });
  const start = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) start[c + 1] = (start[c] as number) + (size[c + 1] as number);
  const fill = start.slice(0, count);
  const order = new Int32Array(start[count] as number);
  keysOf((key, x) => {
    order[fill[key] as number] = x;
    fill[key] = (fill[key] as number) + 1;
  });
  for (let c = 0; c < count; c++) {
    const segment = order.subarray(start[c] as number, start[c + 1] as number);
    if (segment.length > 1) segment.sort((a, b) => (dual[a] as number) - (dual[b] as number));
  }
  return { order, start };
}

export interface UnrelatedSweepInput {
  active: readonly number[];
  /** Pool index to local index (-1: not in the pass). */
  local: Int32Array;
  classes: UnrelatedClasses & { ceiling: Int32Array };
  /** Each local member's class. */
  localClass: Int32Array;
  /** Each local member's weakMax: the most a pair sharing an interest can weigh. */
  weak: Float64Array;
  /** Doubled vertex duals (blossom duals left out: a shortfall only grows). */
  dual: Float64Array;
  shift: number;
  /** Pairs weighed per member at most, per source (classes, interests). */
  budget: number;
}

/**
 * Visits every pair without a goal relation that the duals might not cover, or reports the
 * shortfall that covers the ones past the budget. Pairs with a goal relation may be visited too
 * (their exact weight decides); the caller's related sweep covers them anyway.
 */
export function sweepUnrelated(input: UnrelatedSweepInput, visitor: UnrelatedVisitor): void {
  const { active, local, classes, localClass, weak, dual, shift, budget } = input;
  const m = active.length;
  const count = classes.count;
  const ceiling = classes.ceiling;
  const byClass = sortedGroups(
    count,
    (add) => {
      for (let x = 0; x < m; x++) add(localClass[x] as number, x);
    },
    dual,
  );
  const present: number[] = [];
  for (let c = 0; c < count; c++) if ((byClass.start[c + 1] as number) > (byClass.start[c] as number)) present.push(c);
  // Interests held by the pass's members, each with the members whose likes hold it.
  const slot = new Map<number, number>();
  for (const a of active) for (const t of classes.interests[a] as Int32Array) if (!slot.has(t)) slot.set(t, slot.size);
  const byInterest = sortedGroups(
    slot.size,
    (add) => {
      for (const [t, s] of slot)
        for (const b of classes.likedBy.get(t) ?? []) {
          const y = local[b] as number;
          if (y >= 0) add(s, y);
        }
    },
    dual,
  );

  /**
   * Walks one sorted group while its duals stay under x's limit, weighing within the budget. Past it,
   * each remaining pair is checked against the duals with its blossoms (`visitor.cover`) and a bound
   * of its weight (`sharper`, else the limit), and x is raised to cover the worst.
   */
  const walk = (groups: Groups, g: number, x: number, limit: number, left: number, sharper?: (y: number) => number): number => {
    const dx = dual[x] as number;
    const doubled = 2 * limit - dx;
    let short = 0;
    for (let p = groups.start[g] as number, end = groups.start[g + 1] as number; p < end; p++) {
      const y = groups.order[p] as number;
      const dy = dual[y] as number;
      // Later members have larger duals: none can fall shorter than this.
      if (dy >= doubled || short >= limit - (dx + dy) / 2) break;
      if (y === x) continue;
      if (left > 0) {
        visitor.weigh(x, y);
        left--;
        continue;
      }
      short = Math.max(short, (sharper ? sharper(y) : limit) - visitor.cover(x, y));
    }
    if (short > 0) visitor.shortfall(x, short);
    return left;
  };

  const interestsOf = (x: number) => classes.interests[active[x] as number] as Int32Array;
  for (let x = 0; x < m; x++) {
    const row = (localClass[x] as number) * count;
    let left = budget;
    for (const c of present) left = walk(byClass, c, x, (ceiling[row + c] as number) + shift, left);
    left = budget;
    const limit = (weak[x] as number) + shift;
    const a = active[x] as number;
    const sharper = (y: number) => classes.withoutGoals(a, active[y] as number) + shift;
    for (const t of interestsOf(x)) left = walk(byInterest, slot.get(t) as number, x, limit, left, sharper);
  }
}
