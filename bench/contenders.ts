/**
 * The matchers the benchmark compares, all run on exactly the same MatchInput
 * and scored on the same integer pool weights (preparePool(input).weight).
 *
 * - sebaya:  matchWithStats from src/core/matching/optimal-matcher.ts (or
 *            another copy of it, --sebaya-module), loaded dynamically.
 * - blossom: the npm package edmonds-blossom (a JS port of mwmatching.py) on
 *            the complete graph, max-cardinality.
 * - greedy:  plain heaviest-edge-first over the pool weights.
 * - random:  shuffle and pair neighbours, as most coffee bots do.
 *
 * The three written here share Sebaya's outer rules so that only the
 * matching step differs: a seeded member order, up to three passes (members
 * who want more partners get them in later passes, never the same person
 * twice), and in the first pass the first member left over (who has any
 * allowed partner) joins the group they add the most to (random: a random
 * group).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Edges } from "../src/core/matching/large/edges";
import { matchInPasses, type PlaceOdd, placeExtra } from "../src/core/matching/optimal-matcher";
import { type Pool, preparePool } from "../src/core/matching/pool";
import { seededRandom, shuffled } from "../src/core/matching/random";
import type { MatchInput, MatchResult } from "../src/core/matching/types";

const require = createRequire(import.meta.url);
const edmondsBlossom = require("edmonds-blossom") as (edges: number[][], maxCardinality?: boolean) => number[];

/** What Sebaya's matchWithStats reports (only the fields the benchmark reads). */
export interface SebayaStats {
  total: number;
  upperBound: number;
  exact: boolean;
  boundMethod: string;
  /** Large path: the first pass's pairs, and its own greedy matching's. */
  pairs?: number;
  greedyPairs?: number;
  [more: string]: unknown;
}

export interface RunOutput {
  result: MatchResult;
  /** Named parts of the time, in ms (blossom: graph building and the matching call). */
  phases?: Record<string, number>;
  /** Sum of the first pass's pair weights: the quantity the optimum and the bound refer to. */
  firstPassTotal?: number;
  /** How many pairs the first pass made: "vs greedy" compares totals of equal counts only. */
  firstPassPairs?: number;
  stats?: SebayaStats;
}

export interface Contender {
  key: ContenderKey;
  label: string;
  run(input: MatchInput): RunOutput;
}

export const CONTENDER_KEYS = ["sebaya", "blossom", "greedy", "random"] as const;
export type ContenderKey = (typeof CONTENDER_KEYS)[number];

// ------------------------------------------------------------------ shared outer rules

type PairUp = (
  pool: Pool,
  active: readonly number[],
  blocked: ReadonlySet<number>,
  phases: Record<string, number>,
) => Array<[number, number]>;

/** Sebaya's own outer rules (optimal-matcher.ts: passes, trio, who is left), with another pairing step. */
function inPasses(input: MatchInput, pairUp: PairUp, placeOdd: PlaceOdd): RunOutput {
  const phases: Record<string, number> = {};
  const t0 = performance.now();
  const pool = preparePool(input);
  phases.pool = performance.now() - t0;
  const { result, firstPass } = matchInPasses(input, (p, active, blocked) => pairUp(p, active, blocked, phases), placeOdd, pool);
  const firstPassTotal = firstPass.reduce((sum, [a, b]) => sum + (pool.weight(a, b) ?? 0), 0);
  return { result, phases, firstPassTotal, firstPassPairs: firstPass.length };
}

/** The odd member joins the group they add the most to, exactly as Sebaya places it. */
export const placeBest: PlaceOdd = (pool, groups, extra) => placeExtra(pool, groups, extra);

/** The odd member joins a random group where every pair is allowed. */
const placeRandom: PlaceOdd = (pool, groups, extra, random) => {
  const allowedGroups = groups.filter((g) => g.every((m) => pool.weight(m, extra) !== null));
  if (allowedGroups.length) allowedGroups[Math.floor(random() * allowedGroups.length)]?.push(extra);
};

const pairKeyOf = (n: number) => (a: number, b: number) => (a < b ? a * n + b : b * n + a);

// ------------------------------------------------------------------ edmonds-blossom

/** The complete graph over `active` (every allowed pair, integer pool weight), then edmonds-blossom with max-cardinality. */
const blossomPairUp: PairUp = (pool, active, blocked, phases) => {
  const key = pairKeyOf(pool.n);
  const t0 = performance.now();
  const m = active.length;
  const edges: number[][] = [];
  for (let x = 0; x < m; x++) {
    const a = active[x] as number;
    for (let y = x + 1; y < m; y++) {
      const b = active[y] as number;
      if (blocked.has(key(a, b))) continue;
      const w = pool.weight(a, b);
      if (w !== null) edges.push([x, y, w]);
    }
  }
  const t1 = performance.now();
  const mate = edges.length ? edmondsBlossom(edges, true) : [];
  const t2 = performance.now();
  phases.build = (phases.build ?? 0) + (t1 - t0);
  phases.match = (phases.match ?? 0) + (t2 - t1);
  const pairs: Array<[number, number]> = [];
  // edmonds-blossom's mate array stops at the highest vertex that has an edge.
  for (let x = 0; x < mate.length; x++) {
    const y = mate[x] as number;
    if (y > x) pairs.push([active[x] as number, active[y] as number]);
  }
  return pairs;
};

// ------------------------------------------------------------------ greedy

/**
 * Heaviest edge first over the pool weights; ties go to the pair that comes
 * first in the seeded member order (x, then y). Exact: the result is the one
 * a sort of every allowed pair would give.
 *
 * Up to greedyOptions.completeLimit active members every pair is weighed.
 * Above it, the pool's bound spares the n^2/2 weights (minutes at 20,000
 * members): by the Pool contract a pair (i, j) with j outside related(i)
 * weighs at most weakMax(i) <= `unrelatedMax`, so every heavier pair is a
 * related pair. Step 1 runs the greedy on the related pairs heavier than
 * `unrelatedMax`; step 2 on every pair among the members still unmatched,
 * which weigh at most that. Since step 2's pairs all weigh less than step
 * 1's, this is the same sequence of choices.
 */
export const greedyOptions = { completeLimit: 4_000 };

/** Edges are given in (u, v) order; a stable counting sort by weight (descending) keeps that order within a weight. */
function greedyOver(edges: Edges, used: Uint8Array, pairs: Array<[number, number]>): void {
  if (edges.length === 0) return;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < edges.length; k++) {
    const w = edges.w[k] as number;
    if (w < lo) lo = w;
    if (w > hi) hi = w;
  }
  const start = new Int32Array(hi - lo + 2);
  for (let k = 0; k < edges.length; k++) {
    const b = hi - (edges.w[k] as number) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let b = 1; b < start.length; b++) start[b] = (start[b] as number) + (start[b - 1] as number);
  const sorted = new Int32Array(edges.length);
  for (let k = 0; k < edges.length; k++) {
    const b = hi - (edges.w[k] as number);
    const at = start[b] as number;
    sorted[at] = k;
    start[b] = at + 1;
  }
  for (const k of sorted) {
    const x = edges.u[k] as number;
    const y = edges.v[k] as number;
    if (used[x] || used[y]) continue;
    used[x] = 1;
    used[y] = 1;
    pairs.push([x, y]);
  }
}

const greedyPairUp: PairUp = (pool, active, blocked) => {
  const key = pairKeyOf(pool.n);
  const m = active.length;
  const used = new Uint8Array(m);
  const localPairs: Array<[number, number]> = [];
  const weigh = (x: number, y: number): number | null => {
    const a = active[x] as number;
    const b = active[y] as number;
    return blocked.has(key(a, b)) ? null : pool.weight(a, b);
  };
  const complete = (members: readonly number[]) => {
    const edges = new Edges();
    for (let p = 0; p < members.length; p++) {
      const x = members[p] as number;
      for (let q = p + 1; q < members.length; q++) {
        const y = members[q] as number;
        const w = weigh(x, y);
        if (w !== null) edges.push(x, y, w);
      }
    }
    greedyOver(edges, used, localPairs);
  };

  if (m <= greedyOptions.completeLimit) {
    complete(Array.from({ length: m }, (_, x) => x));
  } else {
    const local = new Int32Array(pool.n).fill(-1);
    active.forEach((a, x) => {
      local[a] = x;
    });
    const strong = new Edges();
    const mine: Array<[number, number]> = [];
    for (let x = 0; x < m; x++) {
      mine.length = 0;
      for (const b of pool.related(active[x] as number)) {
        const y = local[b] as number;
        if (y <= x) continue;
        const w = weigh(x, y);
        if (w !== null && w > pool.unrelatedMax) mine.push([y, w]);
      }
      mine.sort((p, q) => p[0] - q[0]);
      for (const [y, w] of mine) strong.push(x, y, w);
    }
    greedyOver(strong, used, localPairs);
    const rest: number[] = [];
    for (let x = 0; x < m; x++) if (!used[x]) rest.push(x);
    complete(rest);
  }
  return localPairs.map(([x, y]) => [active[x] as number, active[y] as number]);
};

// ------------------------------------------------------------------ random shuffle

/** Shuffle, pair neighbours; a neighbour that is not allowed (excluded, or already met this round) is skipped for the next one. */
function randomPairUp(seed: number): PairUp {
  return (pool, active, blocked) => {
    const key = pairKeyOf(pool.n);
    const order = shuffled(active, seededRandom(seed ^ active.length));
    const used = new Uint8Array(order.length);
    const pairs: Array<[number, number]> = [];
    for (let x = 0; x < order.length; x++) {
      if (used[x]) continue;
      const a = order[x] as number;
      for (let y = x + 1; y < order.length; y++) {
        const b = order[y] as number;
        if (used[y] || blocked.has(key(a, b)) || pool.weight(a, b) === null) continue;
        used[x] = 1;
        used[y] = 1;
        pairs.push([a, b]);
        break;
      }
    }
    return pairs;
  };
}

// ------------------------------------------------------------------ the four

export const blossomContender: Contender = {
  key: "blossom",
  label: "edmonds-blossom",
  run: (input) => inPasses(input, blossomPairUp, placeBest),
};

export const greedyContender: Contender = {
  key: "greedy",
  label: "greedy (heaviest edge first)",
  run: (input) => inPasses(input, greedyPairUp, placeBest),
};

export const randomContender: Contender = {
  key: "random",
  label: "random shuffle",
  run: (input) => inPasses(input, randomPairUp(input.seed), placeRandom),
};

export const OPTIMAL_MATCHER = fileURLToPath(new URL("../src/core/matching/optimal-matcher.ts", import.meta.url));

/** Sebaya's matcher; `modulePath` may point at another copy (--sebaya-module) to compare two versions. */
export async function loadSebaya(modulePath: string = OPTIMAL_MATCHER): Promise<Contender> {
  const file = path.resolve(modulePath);
  if (!existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} does not exist`);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  if (typeof mod.matchWithStats !== "function") throw new Error(`${file} exports no matchWithStats`);
  const matchWithStats = mod.matchWithStats as (input: MatchInput) => { result: MatchResult; stats: SebayaStats };
  return {
    key: "sebaya",
    label: "Sebaya",
    run: (input) => {
      const { result, stats } = matchWithStats(input);
      return {
        result,
        stats,
        firstPassTotal: stats.total,
        ...(typeof stats.pairs === "number" ? { firstPassPairs: stats.pairs } : {}),
      };
    },
  };
}

export function simpleContender(key: Exclude<ContenderKey, "sebaya">): Contender {
  return key === "blossom" ? blossomContender : key === "greedy" ? greedyContender : randomContender;
}
