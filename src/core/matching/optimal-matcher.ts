/**
 * Sebaya's matcher: a maximum-weight matching among maximum-cardinality
 * matchings, exact, found on a sparse candidate graph and proven optimal on
 * the full one.
 *
 * 1. Every member's candidate edges: their K best related partners (shared
 *    goal/expertise/interest topics, from the pool's inverted index) plus a
 *    few seeded random partners, so that the sparse graph keeps everyone
 *    matchable.
 * 2. Edmonds' blossom algorithm on that graph (max-weight-matching.ts), with
 *    every weight shifted by a constant larger than any possible difference
 *    in score, so that more matched members always wins.
 * 3. The dual solution certifies the result for the full graph: up to
 *    FULL_CHECK_LIMIT members every left-out pair is checked against its dual
 *    bound, and violators are added and the matching re-run until none is
 *    left (then the matching is optimal: dual feasible on every pair). Above
 *    it, each member's dual is raised to the most any left-out pair can weigh
 *    (known from the index: unrelated pairs have no topic terms, related
 *    ones fall below the member's K-th best), which proves an upper bound.
 * 4. An odd member joins the group they add most to (one trio); members who
 *    want more partners get them in further passes, never the same twice.
 */
import { makeDualBound } from "./certify";
import { type MatchingResult, maxWeightMatching } from "./max-weight-matching";
import { type Pool, preparePool } from "./pool";
import { seededRandom, shuffled } from "./random";
import type { Matcher, MatchGroup, MatchInput, MatchResult } from "./types";
import { SCORE_SCALE } from "./weights";

export const FULL_CHECK_LIMIT = 3_000;
const TOP_K = 12;
const RANDOM_EDGES = 3;
const MAX_ROUNDS = 20;

export interface MatchStats {
  /** Sum of the first pass's pair weights (integer, tenths of a score point). */
  total: number;
  /** Proven upper bound on that total over all maximum-cardinality matchings. */
  upperBound: number;
  /** True when the bound equals the total: the matching is optimal. */
  exact: boolean;
  boundMethod:
    | "dual certificate checked on every pair"
    | "dual certificate with raised duals"
    | "none (not every member could be matched)";
  edges: number;
  rounds: number;
}

interface PassResult {
  pairs: Array<[number, number]>;
  stats: MatchStats;
}

const NONE = -0x80000000;

/** The K heaviest offers seen, kept sorted (heaviest first; ties keep the first offered). */
class TopK {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  size = 0;
  seen = 0;
  constructor(readonly k: number) {
    this.ids = new Int32Array(k);
    this.weights = new Float64Array(k);
  }
  clear(): void {
    this.size = 0;
    this.seen = 0;
  }
  offer(id: number, w: number): void {
    this.seen++;
    if (this.size === this.k && w <= (this.weights[this.k - 1] as number)) return;
    let at = this.size < this.k ? this.size++ : this.k - 1;
    while (at > 0 && (this.weights[at - 1] as number) < w) {
      this.weights[at] = this.weights[at - 1] as number;
      this.ids[at] = this.ids[at - 1] as number;
      at--;
    }
    this.weights[at] = w;
    this.ids[at] = id;
  }
}

/** One pass: an exact maximum-cardinality maximum-weight matching over `active` members. */
function matchPass(pool: Pool, active: readonly number[], blocked: ReadonlySet<number>, random: () => number): PassResult {
  const n = pool.n;
  const m = active.length;
  const key = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  // Small enough to check every pair: weigh each pair once, into a matrix (local indices).
  const dense = m <= FULL_CHECK_LIMIT;
  const matrix = dense ? new Int32Array(m * m) : null;
  const weightOf = (x: number, y: number): number | null => {
    if (matrix) {
      const w = matrix[x * m + y] as number;
      return w === NONE ? null : w;
    }
    const a = active[x] as number;
    const b = active[y] as number;
    return blocked.has(key(a, b)) ? null : pool.weight(a, b);
  };
  if (matrix) {
    for (let x = 0; x < m; x++) {
      matrix[x * m + x] = NONE;
      for (let y = x + 1; y < m; y++) {
        const a = active[x] as number;
        const b = active[y] as number;
        const w = blocked.has(key(a, b)) ? null : pool.weight(a, b);
        matrix[x * m + y] = w ?? NONE;
        matrix[y * m + x] = w ?? NONE;
      }
    }
  }
  const local = new Int32Array(n).fill(-1);
  active.forEach((v, k) => {
    local[v] = k;
  });

  // Candidate edges, and each member's K-th best related weight (what a left-out related pair can be at most).
  // Which pairs are candidate edges already: a bit matrix when dense, a set otherwise.
  const edgeBits = dense ? new Uint8Array(m * m) : null;
  const edgeKeys = new Set<number>();
  const isEdge = (x: number, y: number) => (edgeBits ? edgeBits[x * m + y] === 1 : edgeKeys.has(x < y ? x * m + y : y * m + x));
  const eu: number[] = [];
  const ev: number[] = [];
  const ew: number[] = [];
  let minW = 0;
  let maxW = 0;
  const addEdge = (x: number, y: number, w: number) => {
    if (isEdge(x, y)) return;
    if (edgeBits) {
      edgeBits[x * m + y] = 1;
      edgeBits[y * m + x] = 1;
    } else {
      edgeKeys.add(x < y ? x * m + y : y * m + x);
    }
    eu.push(x);
    ev.push(y);
    ew.push(w);
    minW = Math.min(minW, w);
    maxW = Math.max(maxW, w);
  };
  const kthBest = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
  const best = new TopK(TOP_K);
  for (let x = 0; x < m; x++) {
    best.clear();
    if (dense) {
      for (let y = 0; y < m; y++) {
        const w = weightOf(x, y);
        if (w !== null) best.offer(y, w);
      }
    } else {
      for (const b of pool.related(active[x] as number)) {
        const y = local[b] as number;
        if (y === -1) continue;
        const w = weightOf(x, y);
        if (w !== null) best.offer(y, w);
      }
    }
    for (let k = 0; k < best.size; k++) addEdge(x, best.ids[k] as number, best.weights[k] as number);
    // Pairs this member left out weigh at most the K-th best kept (ties included).
    if (best.seen > TOP_K) kthBest[x] = best.weights[TOP_K - 1] as number;
    for (let r = 0, tries = 0; r < RANDOM_EDGES && tries < 4 * RANDOM_EDGES; tries++) {
      const y = Math.floor(random() * m);
      const w = y === x ? null : weightOf(x, y);
      if (w === null) continue;
      addEdge(x, y, w);
      r++;
    }
  }
  // Bounds over every pair, not only the candidates: unrelated pairs have no topic terms,
  // and no pair scores below both penalties.
  minW = Math.min(minW, -Math.round((pool.weights.repeat + pool.weights.noOverlap) * SCORE_SCALE));
  maxW = Math.max(maxW, pool.unrelatedMax);
  // One more matched pair must outweigh any difference in scores across a whole matching.
  const shift = (maxW - minW + 1) * (Math.floor(m / 2) + 1);

  let rounds = 0;
  let result: MatchingResult;
  let checked = dense;
  for (;;) {
    rounds++;
    result = maxWeightMatching(
      m,
      Int32Array.from(eu),
      Int32Array.from(ev),
      Int32Array.from(ew, (w) => w + shift),
    );
    if (!checked) break;
    const bound = makeDualBound(m, result);
    const { dual } = result;
    const noBlossoms = result.blossoms.length === 0;
    let violations = 0;
    for (let x = 0; x < m; x++) {
      const dx = dual[x] as number;
      for (let y = x + 1; y < m; y++) {
        const w = weightOf(x, y);
        if (w === null) continue;
        // Blossom duals only raise the bound: check the cheap vertex part first.
        const need = 2 * (w + shift);
        if (need <= dx + (dual[y] as number)) continue;
        if (!noBlossoms && w + shift <= bound(x, y)) continue;
        if (isEdge(x, y)) continue;
        addEdge(x, y, w);
        violations++;
      }
    }
    if (violations === 0) break;
    if (rounds >= MAX_ROUNDS) {
      checked = false;
      break;
    }
  }

  const pairs: Array<[number, number]> = [];
  let total = 0;
  for (let x = 0; x < m; x++) {
    const y = result.mate[x] as number;
    if (y > x) {
      pairs.push([active[x] as number, active[y] as number]);
      total += weightOf(x, y) ?? 0;
    }
  }
  const maxCardinality = pairs.length === Math.floor(m / 2);
  let upperBound = total;
  let boundMethod: MatchStats["boundMethod"] = "dual certificate checked on every pair";
  if (!checked) {
    if (maxCardinality) {
      upperBound = raisedDualBound(result, kthBest, pool.unrelatedMax + shift, shift) - shift * pairs.length;
      boundMethod = "dual certificate with raised duals";
    } else {
      upperBound = Number.POSITIVE_INFINITY;
      boundMethod = "none (not every member could be matched)";
    }
  }
  return {
    pairs,
    stats: { total, upperBound, exact: upperBound === total, boundMethod, edges: eu.length, rounds },
  };
}

/**
 * Dual objective after raising each vertex dual to cover every pair left out
 * of the sparse graph: u(i) >= max(unrelated, K-th best related)/2, so any
 * left-out pair's weight is covered. Weak duality makes it an upper bound.
 */
function raisedDualBound(result: MatchingResult, kthBest: Float64Array, unrelated: number, shift: number): number {
  let sum = 0;
  for (let i = 0; i < result.dual.length; i++) {
    const u = (result.dual[i] as number) / 2;
    const cover = Math.max(unrelated, (kthBest[i] as number) + shift) / 2;
    sum += Math.max(u, cover);
  }
  for (const b of result.blossoms) sum += b.z * Math.floor(b.members.length / 2);
  return sum;
}

export function matchWithStats(input: MatchInput): { result: MatchResult; stats: MatchStats } {
  const pool = preparePool(input);
  const random = seededRandom(input.seed);
  const order = shuffled(
    Array.from({ length: pool.n }, (_, i) => i),
    random,
  );
  const slots = Int32Array.from(input.candidates.map((c) => c.slots));
  const key = (a: number, b: number) => (a < b ? a * pool.n + b : b * pool.n + a);
  const blocked = new Set<number>();
  const groups: number[][] = [];
  let firstStats: MatchStats | null = null;

  for (let pass = 0; pass < 3; pass++) {
    const active = order.filter((i) => (slots[i] as number) > 0);
    if (active.length < 2) break;
    const { pairs, stats } = matchPass(pool, active, blocked, random);
    firstStats ??= stats;
    if (pairs.length === 0) break;
    const passGroups = pairs.map((p) => [...p]);
    if (pass === 0) {
      // Someone every candidate is excluded for cannot be placed; of the rest, an odd one joins a trio.
      const matched = new Set(pairs.flat());
      const left = active.filter((i) => !matched.has(i) && !isIsolated(pool, i));
      if (left.length >= 1) placeExtra(pool, passGroups, left[0] as number);
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
    stats: firstStats ?? {
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

/** The odd member joins the pair they add the most to (both pairs must be allowed). */
function placeExtra(pool: Pool, groups: number[][], extra: number): void {
  let best: { group: number[]; gain: number } | null = null;
  for (const group of groups) {
    let gain = 0;
    let ok = true;
    for (const member of group) {
      const w = pool.weight(member, extra);
      if (w === null) ok = false;
      else gain += w;
    }
    if (ok && (!best || gain > best.gain)) best = { group, gain };
  }
  best?.group.push(extra);
}

export const optimalMatcher: Matcher = (input) => matchWithStats(input).result;
