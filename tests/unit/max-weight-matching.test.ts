import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dualObjective, makeDualBound, outermostBlossoms } from "../../src/core/matching/certify";
import { type MatchingResult, maxWeightMatching } from "../../src/core/matching/max-weight-matching";
import { seededRandom } from "../../src/core/matching/random";

// edmonds-blossom (a JS port of mwmatching.py) is the oracle for larger graphs. CommonJS, no types.
const require = createRequire(import.meta.url);
const edmondsBlossom = require("edmonds-blossom") as (edges: number[][], maxCardinality?: boolean) => number[];

type Edge = [number, number, number];
interface Graph {
  n: number;
  edges: Edge[];
}

function solve(g: Graph, maxCardinality = false): MatchingResult {
  return maxWeightMatching(
    g.n,
    Int32Array.from(g.edges, (e) => e[0]),
    Int32Array.from(g.edges, (e) => e[1]),
    Int32Array.from(g.edges, (e) => e[2]),
    { maxCardinality },
  );
}

const pairKey = (n: number, a: number, b: number) => (a < b ? a * n + b : b * n + a);

function weightMap(g: Graph): Map<number, number> {
  return new Map(g.edges.map(([a, b, w]) => [pairKey(g.n, a, b), w]));
}

/** Checks that the result is a matching of g and that `total` is its weight; returns its cardinality and weight. */
function checkMatching(g: Graph, r: MatchingResult): { card: number; weight: number } {
  const weights = weightMap(g);
  expect(r.mate.length).toBe(g.n);
  const problems: string[] = [];
  let card = 0;
  let weight = 0;
  for (let v = 0; v < g.n; v++) {
    const u = r.mate[v] as number;
    if (u === -1) continue;
    if (!(u >= 0 && u < g.n) || r.mate[u] !== v) problems.push(`mate[${v}] = ${u} is not symmetric`);
    const w = weights.get(pairKey(g.n, u, v));
    if (w === undefined) problems.push(`matched pair ${v}-${u} is not an edge`);
    else if (v < u) {
      card++;
      weight += w;
    }
  }
  expect(problems).toEqual([]);
  expect(r.total).toBe(weight);
  return { card, weight };
}

/** Exhaustive search over all matchings: the best weight, and the best (cardinality, weight). */
function bruteForce(g: Graph): { best: number; maxCard: number; bestAtMaxCard: number } {
  const adj: Array<Array<[number, number]>> = Array.from({ length: g.n }, () => []);
  for (const [a, b, w] of g.edges) {
    adj[a]?.push([b, w]);
    adj[b]?.push([a, w]);
  }
  const used = new Uint8Array(g.n);
  let best = 0;
  let maxCard = 0;
  let bestAtMaxCard = 0;
  const rec = (start: number, card: number, weight: number): void => {
    let v = start;
    while (v < g.n && used[v]) v++;
    if (v >= g.n) {
      best = Math.max(best, weight);
      if (card > maxCard || (card === maxCard && weight > bestAtMaxCard)) {
        maxCard = card;
        bestAtMaxCard = weight;
      }
      return;
    }
    used[v] = 1;
    rec(v + 1, card, weight);
    for (const [u, w] of adj[v] ?? []) {
      if (used[u]) continue;
      used[u] = 1;
      rec(v + 1, card + 1, weight + w);
      used[u] = 0;
    }
    used[v] = 0;
  };
  rec(0, 0, 0);
  return { best, maxCard, bestAtMaxCard };
}

/** sum of z over the blossoms containing both i and j, straight from the member lists. */
function naiveSumZ(r: MatchingResult, i: number, j: number): number {
  let sum = 0;
  for (const b of r.blossoms) {
    const members = Array.from(b.members);
    if (members.includes(i) && members.includes(j)) sum += b.z;
  }
  return sum;
}

/** Dual feasibility (every slack >= 0) and tight matched edges, computed independently of certify.ts. */
function checkDualFeasible(g: Graph, r: MatchingResult): void {
  expect(r.dual.length).toBe(g.n);
  const problems: string[] = [];
  for (const b of r.blossoms) {
    if (!(b.z > 0) || b.members.length % 2 !== 1 || b.members.length < 3)
      problems.push(`bad blossom z=${b.z} size=${b.members.length}`);
  }
  for (const [i, j, w] of g.edges) {
    const slack = (r.dual[i] as number) + (r.dual[j] as number) - 2 * w + 2 * naiveSumZ(r, i, j);
    if (slack < 0) problems.push(`slack of ${i}-${j} is ${slack}`);
    if (r.mate[i] === j && slack !== 0) problems.push(`matched edge ${i}-${j} has slack ${slack}`);
  }
  expect(problems).toEqual([]);
}

/** n vertices, about n*avgDegree/2 distinct random edges, weights in [minW, maxW], endpoints in random order. */
function randomGraph(n: number, avgDegree: number, minW: number, maxW: number, seed: number): Graph {
  const random = seededRandom(seed);
  const target = Math.min(Math.floor((n * avgDegree) / 2), (n * (n - 1)) / 2);
  const seen = new Set<number>();
  const edges: Edge[] = [];
  for (let tries = 0; edges.length < target && tries < 20 * target; tries++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b || seen.has(pairKey(n, a, b))) continue;
    seen.add(pairKey(n, a, b));
    edges.push([a, b, minW + Math.floor(random() * (maxW - minW + 1))]);
  }
  return { n, edges };
}

/** Small graphs: every pair is an edge with probability density/100; weight ranges from wide to all-ties. */
const smallGraph = (maxN: number) =>
  fc
    .record({
      n: fc.integer({ min: 0, max: maxN }),
      density: fc.integer({ min: 0, max: 100 }),
      minW: fc.integer({ min: -6, max: 3 }),
      span: fc.integer({ min: 0, max: 25 }),
      raw: fc.array(fc.tuple(fc.nat(99), fc.nat(1000), fc.boolean()), { minLength: 66, maxLength: 66 }),
    })
    .map(({ n, density, minW, span, raw }): Graph => {
      const edges: Edge[] = [];
      let idx = 0;
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          const [pick, w, flip] = raw[idx++ % raw.length] as [number, number, boolean];
          if (pick < density) edges.push(flip ? [b, a, minW + (w % (span + 1))] : [a, b, minW + (w % (span + 1))]);
        }
      }
      return { n, edges };
    });

/** Total weight of edmonds-blossom's matching, in our weight map. */
function edmondsTotal(g: Graph, maxCardinality: boolean): { card: number; weight: number } {
  if (g.edges.length === 0) return { card: 0, weight: 0 };
  const weights = weightMap(g);
  const mate = edmondsBlossom(
    g.edges.map((e) => [...e]),
    maxCardinality,
  );
  let card = 0;
  let weight = 0;
  mate.forEach((u, v) => {
    if (u > v) {
      card++;
      weight += weights.get(pairKey(g.n, u, v)) ?? Number.NaN;
    }
  });
  return { card, weight };
}

describe("maxWeightMatching", () => {
  it("finds a maximum-weight matching (brute force, graphs up to 12 vertices)", () => {
    fc.assert(
      fc.property(smallGraph(12), (g) => {
        const r = solve(g);
        const { weight } = checkMatching(g, r);
        expect(weight).toBe(bruteForce(g).best);
      }),
      { numRuns: 300 },
    );
  });

  it("with maxCardinality, finds the heaviest of the maximum-cardinality matchings (brute force)", () => {
    fc.assert(
      fc.property(smallGraph(12), (g) => {
        const r = solve(g, true);
        const { card, weight } = checkMatching(g, r);
        const brute = bruteForce(g);
        expect(card).toBe(brute.maxCard);
        expect(weight).toBe(brute.bestAtMaxCard);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with edmonds-blossom on random graphs up to 300 vertices, in both modes", () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 2, max: 300 }),
          avgDegree: fc.integer({ min: 1, max: 16 }),
          minW: fc.integer({ min: -10, max: 5 }),
          span: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 60 })),
          seed: fc.nat(),
          maxCardinality: fc.boolean(),
        }),
        ({ n, avgDegree, minW, span, seed, maxCardinality }) => {
          const g = randomGraph(n, avgDegree, minW, minW + span, seed);
          const r = solve(g, maxCardinality);
          const ours = checkMatching(g, r);
          const oracle = edmondsTotal(g, maxCardinality);
          expect(ours.weight).toBe(oracle.weight);
          if (maxCardinality) expect(ours.card).toBe(oracle.card);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("agrees with edmonds-blossom on near-tie graphs, where large nested blossoms are expanded level by level", () => {
    // The matcher's graphs: every weight shifted by a large constant, a small spread on top.
    // Such graphs grow blossoms of hundreds of vertices, relabeled and peeled many times.
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 20, max: 300 }),
          avgDegree: fc.integer({ min: 3, max: 12 }),
          base: fc.integer({ min: 100, max: 100_000 }),
          span: fc.integer({ min: 0, max: 30 }),
          seed: fc.nat(),
          maxCardinality: fc.boolean(),
        }),
        ({ n, avgDegree, base, span, seed, maxCardinality }) => {
          const g = randomGraph(n, avgDegree, base, base + span, seed);
          const r = solve(g, maxCardinality);
          const ours = checkMatching(g, r);
          const oracle = edmondsTotal(g, maxCardinality);
          expect(ours).toEqual(oracle);
          if (!maxCardinality) {
            checkDualFeasible(g, r);
            expect(dualObjective(r)).toBe(r.total);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("proves its own optimality on many mid-size graphs (complementary slackness, also with maxCardinality)", () => {
    // No oracle needed: a feasible dual solution with complementary slackness proves the matching
    // optimal. With maxCardinality the free vertices share the minimum dual u_min; shifting every
    // vertex dual by -u_min gives such a proof for the weights w - 2*u_min.
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 2, max: 300 }),
          avgDegree: fc.integer({ min: 2, max: 16 }),
          minW: fc.integer({ min: -10, max: 5 }),
          span: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 60 })),
          seed: fc.nat(),
          maxCardinality: fc.boolean(),
        }),
        ({ n, avgDegree, minW, span, seed, maxCardinality }) => {
          const g = randomGraph(n, avgDegree, minW, minW + span, seed);
          const r = solve(g, maxCardinality);
          const { card } = checkMatching(g, r);
          // Blossoms containing each vertex, and membership marks.
          const chains: number[][] = Array.from({ length: n }, () => []);
          const inside = r.blossoms.map((b, k) => {
            const mark = new Uint8Array(n);
            for (const v of b.members) {
              mark[v] = 1;
              chains[v]?.push(k);
            }
            return mark;
          });
          let negative = 0;
          let loose = 0;
          for (const [i, j, w] of g.edges) {
            let z = 0;
            for (const k of chains[i] ?? []) if (inside[k]?.[j]) z += r.blossoms[k]?.z ?? 0;
            const slack = (r.dual[i] as number) + (r.dual[j] as number) - 2 * w + 2 * z;
            if (slack < 0) negative++;
            if (r.mate[i] === j && slack !== 0) loose++;
          }
          expect({ negative, loose }).toEqual({ negative: 0, loose: 0 });
          const uMin = Math.min(...Array.from(r.dual, (d) => d / 2));
          if (!maxCardinality) expect(uMin).toBeGreaterThanOrEqual(0);
          const shift = maxCardinality ? uMin : 0;
          const freeDuals = Array.from(r.dual).filter((_, v) => r.mate[v] === -1);
          expect(freeDuals.filter((d) => d / 2 !== shift)).toEqual([]);
          let objective = 0;
          for (const d of r.dual) objective += d / 2 - shift;
          for (const b of r.blossoms) objective += b.z * Math.floor(b.members.length / 2);
          expect(objective).toBe(r.total - 2 * shift * card);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("handles empty graphs, isolated vertices and negative weights", () => {
    expect(solve({ n: 0, edges: [] }).mate).toEqual(new Int32Array(0));
    const isolated = solve({ n: 3, edges: [] });
    expect(Array.from(isolated.mate)).toEqual([-1, -1, -1]);
    expect(isolated.total).toBe(0);
    // Only negative edges: the empty matching is the heaviest, unless cardinality comes first.
    const negative: Graph = {
      n: 4,
      edges: [
        [0, 1, -1],
        [1, 2, -5],
        [2, 3, -2],
      ],
    };
    expect(solve(negative).total).toBe(0);
    const card = solve(negative, true);
    expect(Array.from(card.mate)).toEqual([1, 0, 3, 2]);
    expect(card.total).toBe(-3);
    // Zero-weight edges: any maximal choice weighs 0, maxCardinality matches everyone.
    const zeros: Graph = {
      n: 4,
      edges: [
        [0, 1, 0],
        [1, 2, 0],
        [2, 3, 0],
      ],
    };
    expect(solve(zeros).total).toBe(0);
    expect(Array.from(solve(zeros, true).mate)).toEqual([1, 0, 3, 2]);
  });

  it("prefers a heavier matching over a larger one unless maxCardinality is set", () => {
    // Path 0-1-2-3: the middle edge alone (10) beats both outer edges (4 + 4).
    const g: Graph = {
      n: 4,
      edges: [
        [0, 1, 4],
        [1, 2, 10],
        [2, 3, 4],
      ],
    };
    expect(Array.from(solve(g).mate)).toEqual([-1, 2, 1, -1]);
    expect(Array.from(solve(g, true).mate)).toEqual([1, 0, 3, 2]);
  });

  it("rejects malformed input", () => {
    const e = (xs: number[]) => Int32Array.from(xs);
    expect(() => maxWeightMatching(2, e([0]), e([0]), e([1]))).toThrow(/self-loop/);
    expect(() => maxWeightMatching(2, e([0]), e([2]), e([1]))).toThrow(/out of range/);
    expect(() => maxWeightMatching(2, e([0]), e([1]), e([]))).toThrow(/same length/);
    expect(() => maxWeightMatching(-1, e([]), e([]), e([]))).toThrow(/vertex count/);
  });

  it("certifies its own optimality on 3,000-vertex graphs (dual feasible, dual objective = total)", () => {
    for (const [span, seed] of [
      [30, 1],
      [3, 2],
    ] as const) {
      const g = randomGraph(3000, 10, 0, span, seed);
      const r = solve(g);
      checkMatching(g, r);
      const bound = makeDualBound(g.n, r);
      const violated = g.edges.filter(([i, j, w]) => w > bound(i, j));
      expect(violated).toEqual([]);
      const badDuals = Array.from(r.dual).filter((d, v) => d < 0 || (r.mate[v] === -1 && d !== 0));
      expect(badDuals).toEqual([]);
      expect(dualObjective(r)).toBe(r.total);
    }
  });
});

describe("dual certificate", () => {
  it("is dual feasible with tight matched edges, and its objective equals the total (complementary slackness)", () => {
    fc.assert(
      fc.property(smallGraph(12), fc.boolean(), (g, maxCardinality) => {
        const r = solve(g, maxCardinality);
        checkDualFeasible(g, r);
        const bound = makeDualBound(g.n, r);
        const wrongBounds = g.edges.filter(
          ([i, j, w]) =>
            bound(i, j) !== ((r.dual[i] as number) + (r.dual[j] as number)) / 2 + naiveSumZ(r, i, j) || w > bound(i, j),
        );
        expect(wrongBounds).toEqual([]);
        expect(Array.from(r.dual).filter((x) => !Number.isInteger(x))).toEqual([]);
        if (maxCardinality) {
          // Still an upper bound on every matching (clamped at zero where duals went negative).
          expect(dualObjective(r)).toBeGreaterThanOrEqual(bruteForce(g).best);
        } else {
          expect(Array.from(r.dual).filter((x) => x < 0)).toEqual([]);
          expect(dualObjective(r)).toBe(r.total);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("detects a hidden edge that breaks optimality, and passes when no hidden edge is violated", () => {
    fc.assert(
      fc.property(smallGraph(10), fc.array(fc.boolean(), { minLength: 45, maxLength: 45 }), (full, hideMask) => {
        const visible: Edge[] = [];
        const hidden: Edge[] = [];
        full.edges.forEach((e, k) => {
          (hideMask[k % hideMask.length] ? hidden : visible).push(e);
        });
        const sparse = solve({ n: full.n, edges: visible });
        const bound = makeDualBound(full.n, sparse);
        const violated = hidden.filter(([i, j, w]) => w > bound(i, j));
        const fullBest = bruteForce(full).best;
        if (violated.length === 0) expect(sparse.total).toBe(fullBest);
        if (fullBest > sparse.total) expect(violated.length).toBeGreaterThan(0);
        expect(dualObjective(sparse)).toBe(sparse.total);
      }),
      { numRuns: 300 },
    );
  });

  it("flags exactly the hidden edge that beats the candidate matching", () => {
    // Candidate graph: two disjoint edges of weight 3. Duals: u = 1.5 everywhere.
    const candidate: Graph = {
      n: 4,
      edges: [
        [0, 1, 3],
        [2, 3, 3],
      ],
    };
    const r = solve(candidate);
    expect(r.total).toBe(6);
    const bound = makeDualBound(4, r);
    expect(bound(1, 2)).toBe(3);
    // A hidden edge 1-2 of weight 2 cannot help; one of weight 10 (matching {1-2} = 10 > 6) can.
    expect(2 > bound(1, 2)).toBe(false);
    expect(10 > bound(1, 2)).toBe(true);
    expect(solve({ n: 4, edges: [...candidate.edges, [1, 2, 10]] }).total).toBe(10);
    expect(solve({ n: 4, edges: [...candidate.edges, [1, 2, 2]] }).total).toBe(6);
    // Raising both endpoints by 3.5 covers weight 10, at the price of a looser objective.
    const raise = Float64Array.from([0, 3.5, 3.5, 0]);
    expect(makeDualBound(4, r, raise)(1, 2)).toBe(10);
    expect(dualObjective(r, raise)).toBe(13);
  });

  it("with raised duals, bounds every supergraph whose extra edges respect the raised bound", () => {
    fc.assert(
      fc.property(
        smallGraph(9),
        fc.array(fc.integer({ min: -4, max: 8 }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.nat(5)), { maxLength: 20 }),
        fc.boolean(),
        (g, halfRaises, extra, maxCardinality) => {
          const r = solve(g, maxCardinality);
          const raise = Float64Array.from({ length: g.n }, (_, v) => (halfRaises[v] as number) / 2);
          const bound = makeDualBound(g.n, r, raise);
          const plain = makeDualBound(g.n, r);
          const present = new Set(g.edges.map(([a, b]) => pairKey(g.n, a, b)));
          const edges = [...g.edges];
          for (const [a, b, below] of extra) {
            if (a >= g.n || b >= g.n || a === b || present.has(pairKey(g.n, a, b))) continue;
            present.add(pairKey(g.n, a, b));
            expect(bound(a, b)).toBe(plain(a, b) + (raise[a] as number) + (raise[b] as number));
            edges.push([a, b, Math.floor(bound(a, b)) - below]);
          }
          // The original edges only respect the raised bound where the raises are not negative.
          const supergraph = { n: g.n, edges: edges.filter(([a, b, w]) => w <= bound(a, b)) };
          expect(bruteForce(supergraph).best).toBeLessThanOrEqual(dualObjective(r, raise));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("names each vertex's outermost blossom, whose z bounds the blossom part of a pair inside it from below", () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 3, max: 60 }),
          avgDegree: fc.integer({ min: 2, max: 10 }),
          base: fc.integer({ min: 0, max: 10_000 }),
          span: fc.integer({ min: 0, max: 30 }),
          seed: fc.nat(),
          maxCardinality: fc.boolean(),
        }),
        ({ n, avgDegree, base, span, seed, maxCardinality }) => {
          const r = solve(randomGraph(n, avgDegree, base, base + span, seed), maxCardinality);
          const { outer, outerZ } = outermostBlossoms(n, r);
          const problems: string[] = [];
          for (let v = 0; v < n; v++) {
            const holding = r.blossoms.filter((b) => b.members.includes(v));
            const largest = holding.reduce((a, b) => Math.max(a, b.members.length), 0);
            const k = outer[v] as number;
            if (
              holding.length === 0 ? k !== -1 : r.blossoms[k]?.members.length !== largest || !r.blossoms[k]?.members.includes(v)
            )
              problems.push(`vertex ${v}: outer ${k}`);
            else if (k >= 0 && outerZ[v] !== r.blossoms[k]?.z) problems.push(`vertex ${v}: outerZ ${outerZ[v]}`);
            for (let u = 0; u < n; u++)
              if (u !== v && k >= 0 && outer[u] === k && (outerZ[v] as number) > naiveSumZ(r, u, v))
                problems.push(`pair ${u}-${v}: outerZ above sumZ`);
          }
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects blossoms that are not nested", () => {
    const fake: MatchingResult = {
      mate: Int32Array.from([-1, -1, -1, -1, -1]),
      total: 0,
      dual: new Float64Array(5),
      blossoms: [
        { members: Int32Array.from([0, 1, 2]), z: 1 },
        { members: Int32Array.from([2, 3, 4]), z: 1 },
      ],
    };
    expect(() => makeDualBound(5, fake)).toThrow(/nested/);
  });
});
