/**
 * The matcher's pass above the full-check limit (thousands of members): a maximum-cardinality
 * matching, as heavy as the blossom algorithm makes it on a sparse candidate graph, never lighter
 * than the greedy matching it starts from, with a proven upper bound on the optimum.
 *
 * 1. Candidates: every member's K best partners among the goal-related ones (one sweep through the
 *    pool's inverted indexes; nothing stored per pair), and, for members with fewer than K, the best
 *    of a seeded sample of everyone (identical profiles, empty lists, topics nobody else has). Equal
 *    weights are told apart by a hash of the pair, so that a crowd of identical profiles gets a
 *    random graph, not everyone the same first K.
 * 2. The greedy matching over those candidates, completed among whoever it left free; its pairs join
 *    the candidate graph, so the blossom's result (maximum cardinality first, then weight) is never
 *    below it. With an odd count a ghost member, tied to everyone at weight zero, makes the matching
 *    perfect: the one left out is the ghost's partner, and the bound needs no odd-set correction.
 * 3. The bound: the blossom's duals (LP duals, certify.ts) cover every candidate pair. A pair left out
 *    weighs at most what either member's list lets in (its K-th best, or weakMax for unrelated pairs),
 *    so raising each member's dual to half that covers it. A sweep then checks every other pair: the
 *    related ones through the inverted indexes, the ones without a goal relation class by class and
 *    interest by interest (unrelated-cover.ts). Each member's worst uncovered pairs join the graph,
 *    edges the duals leave well covered leave it, and the graph is solved again (a few rounds); what
 *    is still uncovered at the end is covered by raising one end. The dual objective is the bound.
 */
import { dualObjective, makeDualBound, outermostBlossoms } from "../certify";
import { type MatchingResult, maxWeightMatching } from "../max-weight-matching";
import type { Pool } from "../pool";
import { SCORE_SCALE } from "../weights";
import { crowdsOf, shareOut } from "./crowds";
import { Edges } from "./edges";
import { candidateGreedy } from "./greedy";
import { TopKTable } from "./top-k";
import { sweepUnrelated } from "./unrelated-cover";
import { visitSuspects } from "./weak-pairs";

export interface LargeOptions {
  /** Candidates per member. */
  topK: number;
  /** Blossom runs at most (each after a sweep that found uncovered pairs). */
  maxRounds: number;
  /** Stop once the proven gap is at most this share of the bound. */
  gapTolerance: number;
  /** Pairs without a goal relation weighed one by one at most (else they are bounded by weakMax). */
  weakBudget: number;
  /** Pairs weighed at most to share out crowds' best partners. */
  crowdBudget: number;
  /** Between rounds, edges whose duals exceed their weight by more than this (tenths of a point) leave the graph. */
  pruneSlack: number;
}

export const LARGE_DEFAULTS: LargeOptions = {
  topK: 10,
  maxRounds: 4,
  gapTolerance: 0.002,
  weakBudget: 20_000_000,
  crowdBudget: 4_000_000,
  pruneSlack: 5,
};

export interface LargePassResult {
  /** Pool indices. */
  pairs: Array<[number, number]>;
  total: number;
  /** The greedy matching's total on the same candidates: the floor whenever the result pairs no more members. */
  greedyTotal: number;
  /** How many pairs that greedy matching has: the result never has fewer. */
  greedyPairs: number;
  /** Proven bound on the total of any maximum-cardinality matching; Infinity when cardinality is not proven. */
  upperBound: number;
  edges: number;
  rounds: number;
  sweeps: number;
}

/** Low bits of a candidate key: a hash of the pair, so that equal weights are ranked differently by each member. */
const TIE_BITS = 10;

function tie(x: number, y: number): number {
  let h = Math.imul(x + y, 0x9e3779b1) ^ Math.imul(x, y);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> (32 - TIE_BITS);
}

/** Pairs without a goal relation weighed per member and sweep, per source (classes, interests); past it, a raise covers them. */
const UNRELATED_WEIGHED = 256;

/** Uncovered pairs remembered per sweep (as triples) to share their raise out at the end. */
const PENDING_KEPT = 3 * 2_000_000;

/**
 * Raises that cover the pairs (x, y, short) in `pending` and the per-member `base`: each pair raises
 * whichever of its two members has more uncovered pairs, so that a weak member many others could
 * gain from is raised once, not each of the others.
 */
function chargedToBusierEnd(m: number, pending: readonly number[], base: Float64Array): Float64Array {
  const degree = new Int32Array(m);
  for (let p = 0; p < pending.length; p += 3) {
    degree[pending[p] as number] = (degree[pending[p] as number] as number) + 1;
    degree[pending[p + 1] as number] = (degree[pending[p + 1] as number] as number) + 1;
  }
  const raise = Float64Array.from(base);
  for (let p = 0; p < pending.length; p += 3) {
    const x = pending[p] as number;
    const y = pending[p + 1] as number;
    const v = (degree[x] as number) >= (degree[y] as number) ? x : y;
    raise[v] = Math.max(raise[v] as number, pending[p + 2] as number);
  }
  return raise;
}

/** Uncovered pairs added to the graph per member and round: the worst ones. */
const VIOLATORS_KEPT = 64;

function hasViolator(table: TopKTable, x: number, y: number): boolean {
  for (let j = x * table.k, end = j + (table.size[x] as number); j < end; j++) if (table.ids[j] === y) return true;
  return false;
}

export function largePass(
  pool: Pool,
  active: readonly number[],
  blocked: ReadonlySet<number>,
  random: () => number,
  options: LargeOptions = LARGE_DEFAULTS,
): LargePassResult {
  const n = pool.n;
  const m = active.length;
  const k = options.topK;
  const local = new Int32Array(n).fill(-1);
  active.forEach((a, x) => {
    local[a] = x;
  });
  const anyBlocked = blocked.size > 0;
  const weightOf = (x: number, y: number): number | null => {
    const a = active[x] as number;
    const b = active[y] as number;
    if (anyBlocked && blocked.has(a < b ? a * n + b : b * n + a)) return null;
    return pool.weight(a, b);
  };

  /** Candidate pairs kept outside the lists (crowd shares that do not beat a full list). */
  const extra = new Edges();
  // 1. Each member's K best related partners, in one sweep; keys are weight << TIE_BITS | tie.
  const best = new TopKTable(m, k);
  const floor = best.floor;
  const ids = new Int32Array(n);
  const out = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const x = local[a] as number;
    if (x < 0) continue;
    const count = pool.relatedAbove(a, ids, out);
    let floorX = floor[x] as number;
    for (let j = 0; j < count; j++) {
      const b = ids[j] as number;
      const y = local[b] as number;
      if (y === -1 || (anyBlocked && blocked.has(a * n + b))) continue;
      const key = (out[j] as number) * (1 << TIE_BITS) + tie(x, y);
      if (key > floorX) {
        best.offer(x, y, key);
        floorX = floor[x] as number;
      }
      if (key > (floor[y] as number)) best.offer(y, x, key);
    }
  }
  // Crowds of identical profiles share out their best partners instead of all listing the same K.
  shareOut(
    crowdsOf(best, TIE_BITS, (x) => pool.weakMax(active[x] as number)),
    k,
    options.crowdBudget,
    (x) => {
      const related = pool.related(active[x] as number);
      const out: number[] = [];
      for (const b of related) if ((local[b] as number) >= 0) out.push(local[b] as number);
      return Int32Array.from(out);
    },
    weightOf,
    (x, y) => {
      const w = weightOf(x, y);
      if (w === null) return;
      const key = w * (1 << TIE_BITS) + tie(x, y);
      // Into the list even when it is full: the share replaces the crowd's common worst.
      if (key > (floor[x] as number)) best.offer(x, y, key);
      else extra.push(x, y, w);
      if (key > (floor[y] as number)) best.offer(y, x, key);
    },
  );
  // Partners without a goal link can be the best ones (a crowd with no goals, a dominant team): every
  // member offers itself to a seeded sample of everyone, three times as many when it has fewer than K.
  for (let x = 0; x < m; x++) {
    const tries = (best.size[x] as number) < k ? 6 * k : 3 * k;
    for (let t = 0; t < tries; t++) {
      const y = Math.floor(random() * m);
      if (y === x) continue;
      const w = weightOf(x, y);
      if (w === null) continue;
      const key = w * (1 << TIE_BITS) + tie(x, y);
      if (key > (floor[x] as number)) best.offer(x, y, key);
      if (key > (floor[y] as number)) best.offer(y, x, key);
    }
  }
  const listed = (x: number, y: number): boolean => {
    for (let j = x * k, end = j + (best.size[x] as number); j < end; j++) if (best.ids[j] === y) return true;
    return false;
  };
  /** What a pair outside the candidate graph may weigh at most, per member: its K-th best, or weakMax. */
  const cap = new Float64Array(m);
  for (let x = 0; x < m; x++) {
    const weak = pool.weakMax(active[x] as number);
    cap[x] = best.size[x] === k ? Math.max(weak, (floor[x] as number) >> TIE_BITS) : weak;
  }
  const edges = new Edges();
  for (let x = 0; x < m; x++) {
    for (let j = x * k, end = j + (best.size[x] as number); j < end; j++) {
      const y = best.ids[j] as number;
      if (x < y || !listed(y, x)) edges.push(x, y, (best.weights[j] as number) >> TIE_BITS);
    }
  }

  for (let e = 0; e < extra.length; e++) {
    const x = extra.u[e] as number;
    const y = extra.v[e] as number;
    if (!listed(x, y) && !listed(y, x)) edges.push(x, y, extra.w[e] as number);
  }
  // 2. The greedy matching, its leftover pairs added to the graph.
  const greedy = candidateGreedy(m, edges.u, edges.v, edges.w, edges.length, weightOf, random);
  for (let x = 0; x < m; x++) {
    const y = greedy.mate[x] as number;
    if (y > x && !listed(x, y) && !listed(y, x)) edges.push(x, y, weightOf(x, y) as number);
  }
  const greedyPairs = greedy.mate.reduce((c, y, x) => c + (y > x ? 1 : 0), 0);
  // The ghost (odd counts): vertex m, an edge of weight 0 to everyone.
  const ghost = m % 2 === 1 ? m : -1;
  const vertices = ghost < 0 ? m : m + 1;
  if (ghost >= 0) for (let x = 0; x < m; x++) edges.push(x, ghost, 0);

  let minW = 0;
  let maxW = 0;
  for (let e = 0; e < edges.length; e++) {
    const w = edges.w[e] as number;
    if (w < minW) minW = w;
    if (w > maxW) maxW = w;
  }
  // Violators found by the sweeps join the graph later: leave room for any pair's weight.
  minW = Math.min(minW, -Math.round((pool.weights.repeat + pool.weights.noOverlap) * SCORE_SCALE));
  maxW = Math.max(maxW, pool.unrelatedMax);
  for (let x = 0; x < m; x++) maxW = Math.max(maxW, cap[x] as number);
  const shift = (maxW - minW + 1) * (Math.floor(vertices / 2) + 1);

  const solve = (): MatchingResult => {
    const shifted = new Int32Array(edges.length);
    for (let e = 0; e < edges.length; e++) shifted[e] = (edges.w[e] as number) + shift;
    return maxWeightMatching(vertices, edges.u.slice(0, edges.length), edges.v.slice(0, edges.length), shifted);
  };

  /**
   * The dual objective with every member raised to cover the pairs outside the graph: `need[x]`
   * (shifted) is what a pair of x's outside the graph may weigh at most, `deficit` what the last
   * sweep left uncovered. Matched members get half their need; a free one (no ghost, no perfect
   * matching) all of it less the smallest matched dual, and half of it too when several are free.
   */
  const boundOf = (result: MatchingResult, need: Float64Array, deficit: Float64Array | null, pairs: number): number => {
    const raise = new Float64Array(vertices);
    let lowest = Number.POSITIVE_INFINITY;
    let free = 0;
    for (let x = 0; x < m; x++) {
      const u = (result.dual[x] as number) / 2;
      if (result.mate[x] === -1) {
        free++;
        continue;
      }
      raise[x] = Math.max(0, (need[x] as number) / 2 - u);
      lowest = Math.min(lowest, u + (raise[x] as number));
    }
    for (let x = 0; x < m; x++) {
      if (result.mate[x] !== -1) continue;
      const u = (result.dual[x] as number) / 2;
      const half = free > 1 ? (need[x] as number) / 2 : 0;
      raise[x] = Math.max(0, (need[x] as number) - (Number.isFinite(lowest) ? lowest : 0) - u, half - u);
    }
    if (deficit) for (let x = 0; x < m; x++) raise[x] = (raise[x] as number) + (deficit[x] as number);
    return dualObjective(result, raise) - shift * pairs;
  };

  const weakOf = Float64Array.from(active, (a) => pool.weakMax(a));
  const classes = pool.unrelatedClasses();
  const localClass = Int32Array.from(active, (a) => classes.classOf[a] as number);
  const needCapped = Float64Array.from(cap, (c) => c + shift);
  const needWeak = Float64Array.from(weakOf, (w) => w + shift);
  const noNeed = new Float64Array(m);
  const deficit = new Float64Array(m);
  /** What the unrelated sweep's shortfalls alone (whole classes and interests, not single pairs) raise each member by. */
  const setShort = new Float64Array(m);
  /** The last sweep's uncovered pairs, as (x, y, short) triples, while they are not too many. */
  const pending: number[] = [];
  let rounds = 0;
  let sweeps = 0;
  let result: MatchingResult;
  let upperBound: number;
  let realPairs: number;
  for (;;) {
    rounds++;
    result = solve();
    realPairs = 0;
    let matchedGhost = 0;
    for (let x = 0; x < m; x++) {
      const y = result.mate[x] as number;
      if (ghost >= 0 && y === ghost) matchedGhost = 1;
      else if (y > x) realPairs++;
    }
    const pairsCounted = realPairs + matchedGhost;
    upperBound = boundOf(result, needCapped, null, pairsCounted);
    const total = (result.total - shift * pairsCounted) | 0;
    if (upperBound - total <= options.gapTolerance * Math.abs(upperBound)) break;

    // 3. Sweep the related pairs against the duals: the uncovered ones are the violators.
    sweeps++;
    const dual = result.dual;
    const bound = makeDualBound(vertices, result);
    const { outer, outerZ } = outermostBlossoms(vertices, result);
    // Each member's worst few uncovered pairs join the graph (all of them could be millions).
    const violators = new TopKTable(m, VIOLATORS_KEPT);
    let violated = 0;
    pending.length = 0;
    const violate = (x: number, y: number, short: number) => {
      violated++;
      deficit[x] = Math.max(deficit[x] as number, short);
      if (pending.length < PENDING_KEPT) pending.push(x, y, short);
      const key = Math.min(0x7fffffff, Math.round(2 * short));
      // The same pair can be found by two sweeps (a goal relation and a shared interest).
      if (key > (violators.floor[x] as number) && !hasViolator(violators, x, y)) violators.offer(x, y, key);
      if (key > (violators.floor[y] as number) && !hasViolator(violators, y, x)) violators.offer(y, x, key);
    };
    deficit.fill(0);
    setShort.fill(0);
    for (let a = 0; a < n; a++) {
      const x = local[a] as number;
      if (x < 0) continue;
      const count = pool.relatedAbove(a, ids, out);
      const dx = dual[x] as number;
      const ox = outer[x] as number;
      const dzx = dx + 2 * (outerZ[x] as number);
      for (let j = 0; j < count; j++) {
        const b = ids[j] as number;
        const y = local[b] as number;
        if (y === -1) continue;
        const w = out[j] as number;
        const w2 = 2 * (w + shift);
        const dy = dual[y] as number;
        if (w2 <= dx + dy || (ox >= 0 && ox === outer[y] && w2 <= dzx + dy)) continue;
        if (anyBlocked && blocked.has(a * n + b)) continue;
        const short = w + shift - bound(x, y);
        if (short <= 0) continue;
        violate(x, y, short);
      }
    }
    // The pairs without a goal relation: class by class and interest by interest when the pool has
    // the table (unrelated-cover.ts), else the ones weakMax cannot clear, weighed one by one when they
    // are not too many. Either way every pair is then covered, and no member needs the weakMax raise.
    const weighExactly = (x: number, y: number) => {
      const w = weightOf(x, y);
      if (w === null) return;
      const short = w + shift - bound(x, y);
      if (short > 0) violate(x, y, short);
    };
    const { ceiling } = classes;
    let covered: boolean;
    if (ceiling) {
      sweepUnrelated(
        {
          active,
          local,
          classes: { ...classes, ceiling },
          localClass,
          weak: weakOf,
          dual,
          shift,
          budget: UNRELATED_WEIGHED,
        },
        {
          weigh: weighExactly,
          cover: bound,
          shortfall: (x, short) => {
            deficit[x] = Math.max(deficit[x] as number, short);
            setShort[x] = Math.max(setShort[x] as number, short);
          },
        },
      );
      covered = true;
    } else {
      covered = visitSuspects(m, dual, weakOf, shift, options.weakBudget, weighExactly);
    }
    upperBound = Math.min(upperBound, boundOf(result, covered ? noNeed : needWeak, deficit, pairsCounted));
    // Charging each uncovered pair to the member it was found from can raise many members for one
    // weak partner: when they were all kept, charge each to the end with more of them instead.
    if (covered && violated > 0 && violated * 3 === pending.length)
      upperBound = Math.min(upperBound, boundOf(result, noNeed, chargedToBusierEnd(m, pending, setShort), pairsCounted));
    if (violated === 0 || rounds >= options.maxRounds) break;
    if (upperBound - total <= options.gapTolerance * Math.abs(upperBound)) break;
    // Edges the duals leave well covered are unlikely to matter next round; dropping them keeps each
    // solve the size of the first. The sweeps see every pair again, so a dropped edge that turns out
    // to matter comes back as a violator. The matching and the greedy floor stay.
    edges.retain((e) => {
      const x = edges.u[e] as number;
      const y = edges.v[e] as number;
      if (x === ghost || y === ghost || result.mate[x] === y || greedy.mate[x] === y) return true;
      return bound(x, y) - (edges.w[e] as number) - shift <= options.pruneSlack;
    });
    for (let x = 0; x < m; x++) {
      for (let j = x * VIOLATORS_KEPT, end = j + (violators.size[x] as number); j < end; j++) {
        const y = violators.ids[j] as number;
        if (x > y && hasViolator(violators, y, x)) continue;
        edges.push(x, y, weightOf(x, y) as number);
      }
    }
  }

  let pairs: Array<[number, number]> = [];
  let total = 0;
  for (let x = 0; x < m; x++) {
    const y = result.mate[x] as number;
    if (y > x && y !== ghost) {
      pairs.push([active[x] as number, active[y] as number]);
      total += weightOf(x, y) as number;
    }
  }
  // The greedy matching is in the graph, so this never happens; kept as the floor's guarantee.
  if (greedyPairs > pairs.length || (greedyPairs === pairs.length && greedy.total > total)) {
    pairs = [];
    for (let x = 0; x < m; x++) {
      const y = greedy.mate[x] as number;
      if (y > x) pairs.push([active[x] as number, active[y] as number]);
    }
    total = greedy.total;
  }
  const maxCardinality = pairs.length === Math.floor(m / 2);
  return {
    pairs,
    total,
    greedyTotal: greedy.total,
    greedyPairs,
    upperBound: maxCardinality ? Math.floor(upperBound + 1e-6) : Number.POSITIVE_INFINITY,
    edges: edges.length,
    rounds,
    sweeps,
  };
}
