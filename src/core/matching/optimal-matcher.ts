/**
 * Sebaya's matcher: a maximum-weight matching among maximum-cardinality
 * matchings, with a proven upper bound on the optimum.
 *
 * Up to FULL_CHECK_LIMIT members (exact, proven optimal on every pair):
 * 1. Every pair weighed once into a matrix; every member's candidate edges are
 *    their K best partners (equal weights broken around a ring of the seeded
 *    order), a seeded random partner, and the greedy matching's pairs, so that
 *    the sparse graph has a (nearly) perfect matching from the start.
 * 2. Edmonds' blossom algorithm on that graph (max-weight-matching.ts), with
 *    every weight shifted by a constant larger than any possible difference
 *    in score, so that more matched members always wins.
 * 3. The dual solution certifies the result for the full graph: every pair is
 *    checked against its dual bound, violators are added and the matching
 *    re-run until none is left. After the first round, candidate edges far
 *    from tight are dropped (and checked again).
 * Above it, the large-program path (large/large-pass.ts): candidates from the
 * pool's inverted indexes and samples, a greedy floor, rounds of blossom and
 * sweeps, and a dual bound that holds for every pair.
 * Then an odd member joins the group they add most to (one trio); members who
 * want more partners get them in further passes, never the same twice.
 */
import { dualObjective, makeDualBound, outermostBlossoms } from "./certify";
import { candidateGreedy } from "./large/greedy";
import { LARGE_DEFAULTS, largePass } from "./large/large-pass";
import { TopKTable } from "./large/top-k";
import { type MatchingResult, maxWeightMatching } from "./max-weight-matching";
import { NO_PAIR, type Pool, preparePool } from "./pool";
import { seededRandom, shuffled } from "./random";
import type { Matcher, MatchGroup, MatchInput, MatchResult } from "./types";
import { SCORE_SCALE } from "./weights";

export const FULL_CHECK_LIMIT = 3_000;
const TOP_K = 12;
/** Above FULL_CHECK_LIMIT: candidates per member (large/large-pass.ts). */
const SPARSE_TOP_K = LARGE_DEFAULTS.topK;
/** One is enough to keep everyone reachable; each more costs the blossom time (a tenth more edges). */
const RANDOM_EDGES = 1;
const MAX_ROUNDS = 20;
/**
 * After the first round, candidate edges whose slack (bound minus weight) exceeds this are dropped:
 * 2 score points. The next blossom runs on 40-60% fewer edges, to the same result on the
 * benchmark's populations.
 */
const PRUNE_SLACK = 2 * SCORE_SCALE;

export interface MatchStats {
  /** Which pass paired the first round: every pair checked (up to the full-check limit) or the large-program path. */
  path: "exact" | "large";
  /**
   * Large path: the greedy matching on the same candidates, its pairs and total. The result never
   * has fewer pairs, and with as many it never weighs less; with more pairs it may weigh less
   * (more people matched comes first, and the extra pairs may be weak ones).
   */
  greedyTotal?: number;
  greedyPairs?: number;
  /** Pairs (groups of two before trios are formed) the first pass made. */
  pairs?: number;
  /** Sum of the first pass's pair weights (integer, tenths of a score point). */
  total: number;
  /** Proven upper bound on that total over all maximum-cardinality matchings. */
  upperBound: number;
  /** True when the bound equals the total: the matching is optimal. */
  exact: boolean;
  boundMethod:
    | "dual certificate checked on every pair"
    | "dual certificate: candidate pairs solved, others bounded"
    | "none (not every member could be matched)";
  edges: number;
  rounds: number;
}

interface PassResult {
  pairs: Array<[number, number]>;
  stats: MatchStats;
}

const NONE = NO_PAIR;

/**
 * Offers every allowed pair of the dense weight matrix to both members' top K. Each row starts
 * after its own member and wraps around: among equal weights (identical profiles) x keeps the K
 * members after it in the seeded order, a ring that has a perfect matching, rather than the same
 * first K for everyone (a star, which left most of the graph unmatchable and the rounds adding
 * hundreds of thousands of edges).
 */
function offerMatrix(matrix: Int32Array, m: number, best: TopKTable): void {
  const floor = best.floor;
  for (let x = 0; x < m; x++) {
    // NONE (never a pair) never beats a floor: it is the lowest Int32.
    for (let step = 1; step < m; step++) {
      const y = x + step < m ? x + step : x + step - m;
      const w = matrix[x * m + y] as number;
      if (w > (floor[x] as number)) best.offer(x, y, w);
    }
  }
}

/**
 * A lower bound on each pair's dual bound, in doubled units: the vertex duals, plus the z of an
 * outermost blossom holding both (certify.ts, outermostBlossoms), against 2 * (weight + shift).
 */
interface CheapCover {
  dual: Float64Array;
  outer: Int32Array;
  outerZ: Float64Array;
  shift2: number;
}

/** The pairs (x, y, w), x < y, of the dense weight matrix that the cheap cover leaves open, flattened. */
function looseMatrix(matrix: Int32Array, m: number, cover: CheapCover): number[] {
  const { dual, outer, outerZ, shift2 } = cover;
  const loose: number[] = [];
  for (let x = 0; x < m; x++) {
    const dx = dual[x] as number;
    const ox = outer[x] as number;
    const dzx = dx + 2 * (outerZ[x] as number);
    for (let y = x + 1, at = x * m + x + 1; y < m; y++, at++) {
      const w = matrix[at] as number;
      if (w === NONE) continue;
      const w2 = 2 * w + shift2;
      const dy = dual[y] as number;
      if (w2 > dx + dy && (ox < 0 || ox !== outer[y] || w2 > dzx + dy)) loose.push(x, y, w);
    }
  }
  return loose;
}

/** One pass up to the full-check limit: an exact maximum-cardinality maximum-weight matching over `active` members. */
function matchPass(
  pool: Pool,
  active: readonly number[],
  blocked: ReadonlySet<number>,
  random: () => number,
  options: Required<MatchOptions>,
): PassResult {
  const n = pool.n;
  const m = active.length;
  // Small enough to check every pair: weigh each pair once, into a matrix (local indices).
  const matrix = new Int32Array(m * m);
  const weightOf = (x: number, y: number): number | null => {
    const w = matrix[x * m + y] as number;
    return w === NONE ? null : w;
  };
  const local = new Int32Array(n).fill(-1);
  active.forEach((v, k) => {
    local[v] = k;
  });
  // NO_PAIR marks excluded pairs, as NONE does here; blocked pairs are few, so they are looked up by key.
  pool.weighMatrix(Int32Array.from(active), matrix);
  for (const k of blocked) {
    const x = local[Math.floor(k / n)] as number;
    const y = local[k % n] as number;
    if (x < 0 || y < 0) continue;
    matrix[x * m + y] = NONE;
    matrix[y * m + x] = NONE;
  }

  // Candidate edges: each member's K best partners, plus a seeded random one.
  // Which pairs are candidate edges already: a bit matrix.
  const edgeBits = new Uint8Array(m * m);
  const isEdge = (x: number, y: number) => edgeBits[x * m + y] === 1;
  const eu: number[] = [];
  const ev: number[] = [];
  const ew: number[] = [];
  let minW = 0;
  let maxW = 0;
  const addEdge = (x: number, y: number, w: number) => {
    if (isEdge(x, y)) return;
    edgeBits[x * m + y] = 1;
    edgeBits[y * m + x] = 1;
    eu.push(x);
    ev.push(y);
    ew.push(w);
    minW = Math.min(minW, w);
    maxW = Math.max(maxW, w);
  };
  const k = options.denseTopK;
  const best = new TopKTable(m, k);
  offerMatrix(matrix, m, best);
  for (let x = 0; x < m; x++) {
    for (let j = 0; j < (best.size[x] as number); j++)
      addEdge(x, best.ids[x * k + j] as number, best.weights[x * k + j] as number);
    for (let r = 0, tries = 0; r < RANDOM_EDGES && tries < 4 * RANDOM_EDGES; tries++) {
      const y = Math.floor(random() * m);
      const w = y === x ? null : weightOf(x, y);
      if (w === null) continue;
      addEdge(x, y, w);
      r++;
    }
  }
  // The greedy matching's pairs too (over the candidates, then among whoever it left free): the
  // first blossom then starts from a graph with a (nearly) perfect matching. Without them, members
  // whose K best are the same few (a crowd of identical profiles) were left free, their duals fell
  // to zero, and the rounds added every pair they touch.
  const greedy = candidateGreedy(m, Int32Array.from(eu), Int32Array.from(ev), Int32Array.from(ew), eu.length, weightOf, random);
  for (let x = 0; x < m; x++) {
    const y = greedy.mate[x] as number;
    if (y > x) addEdge(x, y, weightOf(x, y) as number);
  }
  // Bounds over every pair, not only the candidates: unrelated pairs have no topic terms,
  // and no pair scores below both penalties.
  minW = Math.min(minW, -Math.round((pool.weights.repeat + pool.weights.noOverlap) * SCORE_SCALE));
  maxW = Math.max(maxW, pool.unrelatedMax);
  // One more matched pair must outweigh any difference in scores across a whole matching.
  const shift = (maxW - minW + 1) * (Math.floor(m / 2) + 1);

  const deficit = new Float64Array(m);
  /** The matching in pool indices, its total, and the upper bound its duals prove (raised where they must be). */
  const outcome = (result: MatchingResult, converged: boolean) => {
    const pairs: Array<[number, number]> = [];
    let total = 0;
    for (let x = 0; x < m; x++) {
      const y = result.mate[x] as number;
      if (y > x) {
        pairs.push([active[x] as number, active[y] as number]);
        total += weightOf(x, y) ?? 0;
      }
    }
    // Raise duals where the certificate needs it: for violators left unsolved.
    const raise = converged ? undefined : Float64Array.from(deficit);
    // The shifted problem puts cardinality first, so a certificate over every pair proves it too;
    // otherwise only a perfect (or near-perfect, for odd counts) matching is known to be maximum.
    const maxCardinality = converged || pairs.length === Math.floor(m / 2);
    const upperBound = maxCardinality ? dualObjective(result, raise) - shift * pairs.length : Number.POSITIVE_INFINITY;
    return { pairs, total, upperBound, maxCardinality };
  };

  let rounds = 0;
  let result: MatchingResult;
  let converged = false;
  for (;;) {
    rounds++;
    result = maxWeightMatching(
      m,
      Int32Array.from(eu),
      Int32Array.from(ev),
      Int32Array.from(ew, (w) => w + shift),
    );
    const bound = makeDualBound(m, result);
    const { dual } = result;
    const noBlossoms = result.blossoms.length === 0;
    const found: Array<[number, number, number]> = [];
    deficit.fill(0);
    /** A pair the cheap cover leaves open: its exact bound decides. */
    const check = (x: number, y: number, dx: number, w: number) => {
      const b = noBlossoms ? (dx + (dual[y] as number)) / 2 : bound(x, y);
      if (w + shift <= b || isEdge(x, y)) return;
      found.push([x, y, w]);
      deficit[x] = Math.max(deficit[x] as number, w + shift - b);
    };
    const cover: CheapCover = { ...outermostBlossoms(m, result), dual, shift2: 2 * shift };
    const loose = looseMatrix(matrix, m, cover);
    for (let k = 0; k < loose.length; k += 3)
      check(loose[k] as number, loose[k + 1] as number, dual[loose[k] as number] as number, loose[k + 2] as number);
    if (found.length === 0) {
      converged = true;
      break;
    }
    if (rounds >= MAX_ROUNDS) break;
    if (rounds === 1) {
      // Once: the next round re-solves every edge, and one far from tight now is unlikely to matter.
      // A dropped edge is checked again like any other pair (the rounds put it back if it is violated).
      let kept = 0;
      for (let e = 0; e < eu.length; e++) {
        const x = eu[e] as number;
        const y = ev[e] as number;
        const w = ew[e] as number;
        if (bound(x, y) - (w + shift) <= PRUNE_SLACK) {
          eu[kept] = x;
          ev[kept] = y;
          ew[kept++] = w;
        } else {
          edgeBits[x * m + y] = 0;
          edgeBits[y * m + x] = 0;
        }
      }
      eu.length = kept;
      ev.length = kept;
      ew.length = kept;
    }
    for (const [x, y, w] of found) addEdge(x, y, w);
  }

  const { pairs, total, upperBound, maxCardinality } = outcome(result, converged);
  const boundMethod: MatchStats["boundMethod"] = maxCardinality
    ? "dual certificate checked on every pair"
    : "none (not every member could be matched)";
  return {
    pairs,
    stats: { path: "exact", total, upperBound, exact: upperBound === total, boundMethod, edges: eu.length, rounds },
  };
}

/** Above the full-check limit: the large-program path (large/large-pass.ts). */
function largeMatchPass(
  pool: Pool,
  active: readonly number[],
  blocked: ReadonlySet<number>,
  random: () => number,
  options: Required<MatchOptions>,
): PassResult {
  const pass = largePass(pool, active, blocked, random, { ...LARGE_DEFAULTS, topK: options.sparseTopK });
  const proven = Number.isFinite(pass.upperBound);
  return {
    pairs: pass.pairs,
    stats: {
      path: "large",
      total: pass.total,
      greedyTotal: pass.greedyTotal,
      greedyPairs: pass.greedyPairs,
      pairs: pass.pairs.length,
      upperBound: pass.upperBound,
      exact: pass.upperBound === pass.total,
      boundMethod: proven
        ? "dual certificate: candidate pairs solved, others bounded"
        : "none (not every member could be matched)",
      edges: pass.edges,
      rounds: pass.rounds,
    },
  };
}

/** Pairs members of `active` (pool indices), never a `blocked` pair: the one step the benchmark swaps out. */
export type PairUp = (
  pool: Pool,
  active: readonly number[],
  blocked: ReadonlySet<number>,
  random: () => number,
) => Array<[number, number]>;
/** Puts the odd member into one of the groups. */
export type PlaceOdd = (pool: Pool, groups: number[][], extra: number, random: () => number) => void;

/**
 * The rules around the pairing step: seeded order, up to three passes for
 * members who want more partners (never the same one twice), the odd member
 * of the first pass placed into a trio, and who could not be matched.
 */
export function matchInPasses(
  input: MatchInput,
  pairUp: PairUp,
  placeOdd: PlaceOdd = placeExtra,
  pool: Pool = preparePool(input),
): { result: MatchResult; firstPass: Array<[number, number]>; pool: Pool } {
  const random = seededRandom(input.seed);
  const order = shuffled(
    Array.from({ length: pool.n }, (_, i) => i),
    random,
  );
  const slots = Int32Array.from(input.candidates.map((c) => c.slots));
  const key = (a: number, b: number) => (a < b ? a * pool.n + b : b * pool.n + a);
  const blocked = new Set<number>();
  const groups: number[][] = [];
  let firstPass: Array<[number, number]> = [];

  for (let pass = 0; pass < 3; pass++) {
    const active = order.filter((i) => (slots[i] as number) > 0);
    if (active.length < 2) break;
    const pairs = pairUp(pool, active, blocked, random);
    if (pass === 0) firstPass = pairs;
    if (pairs.length === 0) break;
    const passGroups = pairs.map((p) => [...p]);
    if (pass === 0) {
      // Someone every candidate is excluded for cannot be placed; of the rest, an odd one joins a trio.
      const matched = new Set(pairs.flat());
      const left = active.filter((i) => !matched.has(i) && !isIsolated(pool, i));
      if (left.length >= 1) placeOdd(pool, passGroups, left[0] as number, random);
    }
    for (const g of passGroups) {
      for (const a of g) {
        slots[a] = (slots[a] as number) - (g.length - 1);
        for (const b of g) if (a !== b) blocked.add(key(a, b));
      }
      groups.push(g);
    }
  }

  const inGroup = new Set(groups.flat());
  const unmatched = order.filter((i) => !inGroup.has(i));
  const isolated = unmatched.filter((i) => isIsolated(pool, i));
  const toGroup = (g: number[]): MatchGroup => {
    let sum = 0;
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) sum += pool.weight(g[x] as number, g[y] as number) ?? 0;
    return { memberIds: g.map((i) => pool.ids[i] as string), score: sum / SCORE_SCALE };
  };
  return {
    result: {
      groups: groups.map(toGroup),
      unmatched: unmatched.map((i) => pool.ids[i] as string),
      isolated: isolated.map((i) => pool.ids[i] as string),
    },
    firstPass,
    pool,
  };
}

export interface MatchOptions {
  /** Up to this many members every pair is checked; above, the goal-related ones (tests lower it to reach that path). */
  fullCheckLimit?: number;
  /** Candidates per member up to and above the full-check limit (tests lower them, so that more rounds run). */
  denseTopK?: number;
  sparseTopK?: number;
}

export function matchWithStats(input: MatchInput, options: MatchOptions = {}): { result: MatchResult; stats: MatchStats } {
  const settings: Required<MatchOptions> = {
    fullCheckLimit: options.fullCheckLimit ?? FULL_CHECK_LIMIT,
    denseTopK: options.denseTopK ?? TOP_K,
    sparseTopK: options.sparseTopK ?? SPARSE_TOP_K,
  };
  let stats: MatchStats | null = null;
  const { result } = matchInPasses(input, (pool, active, blocked, random) => {
    const pass =
      active.length > settings.fullCheckLimit
        ? largeMatchPass(pool, active, blocked, random, settings)
        : matchPass(pool, active, blocked, random, settings);
    stats ??= pass.stats;
    return pass.pairs;
  });
  return {
    result,
    stats: stats ?? {
      path: "exact",
      total: 0,
      upperBound: 0,
      exact: true,
      boundMethod: "dual certificate checked on every pair",
      edges: 0,
      rounds: 0,
    },
  };
}

function isIsolated(pool: Pool, i: number): boolean {
  for (let j = 0; j < pool.n; j++) if (j !== i && pool.weight(i, j) !== null) return false;
  return true;
}

/**
 * The odd member joins the pair they add the most to (both pairs must be
 * allowed), preferring a pair without anyone who was in a trio or unmatched
 * last round: fairness means not being the one in a trio again.
 */
export function placeExtra(pool: Pool, groups: number[][], extra: number): void {
  let best: { group: number[]; gain: number; owed: number } | null = null;
  for (const group of groups) {
    let gain = 0;
    let ok = true;
    for (const member of group) {
      const w = pool.weight(member, extra);
      if (w === null) ok = false;
      else gain += w;
    }
    const owed = group.filter((member) => pool.priority(member)).length;
    if (ok && (!best || owed < best.owed || (owed === best.owed && gain > best.gain))) best = { group, gain, owed };
  }
  best?.group.push(extra);
}

export const optimalMatcher: Matcher = (input) => matchWithStats(input).result;
