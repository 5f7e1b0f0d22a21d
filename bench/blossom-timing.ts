/**
 * Timing of maxWeightMatching against edmonds-blossom (a JS port of mwmatching.py).
 *
 *   npx tsx bench/blossom-timing.ts                          # default sizes
 *   npx tsx bench/blossom-timing.ts 20000 200000 random      # one size
 *   npx tsx bench/blossom-timing.ts --cold 1000 20000 random # one run in a fresh process (JIT included)
 *
 * Times are wall clock (min over the repetitions) and the process CPU time of
 * that run (user + system, compiler and GC threads included).
 *
 * Graphs: "random" = m distinct uniformly random pairs, weights 0..30;
 * "clustered" = 20 clusters, half the edges inside a cluster, weights drawn
 * from 4 distinct values that depend on the cluster pair only (many ties).
 * edmonds-blossom runs only when the graph has at most EDMONDS_MAX_N vertices.
 */
import { createRequire } from "node:module";
import { maxWeightMatching } from "../src/core/matching/max-weight-matching";
import { seededRandom } from "../src/core/matching/random";

const require = createRequire(import.meta.url);
const edmonds = require("edmonds-blossom") as (edges: number[][], maxCardinality?: boolean) => number[];

const EDMONDS_MAX_N = 2000;

interface Graph {
  n: number;
  eu: Int32Array;
  ev: Int32Array;
  ew: Int32Array;
}

function makeGraph(kind: string, n: number, m: number, seed: number): Graph {
  const r = seededRandom(seed);
  const seen = new Set<number>();
  const eu: number[] = [];
  const ev: number[] = [];
  const ew: number[] = [];
  const clusters = 20;
  const cluster = Int32Array.from({ length: n }, () => Math.floor(r() * clusters));
  const levels = [0, 10, 20, 30];
  const pairLevel = Int32Array.from({ length: clusters * clusters }, () => levels[Math.floor(r() * levels.length)] as number);
  for (let a = 0; a < clusters; a++)
    for (let b = 0; b < a; b++) pairLevel[a * clusters + b] = pairLevel[b * clusters + a] as number;
  const members: number[][] = Array.from({ length: clusters }, () => []);
  for (let v = 0; v < n; v++) members[cluster[v] as number]?.push(v);
  while (eu.length < m) {
    let i = Math.floor(r() * n);
    let j: number;
    if (kind === "clustered" && r() < 0.5) {
      const list = members[cluster[i] as number] as number[];
      j = list[Math.floor(r() * list.length)] as number;
    } else {
      j = Math.floor(r() * n);
    }
    if (i === j) continue;
    if (i > j) [i, j] = [j, i];
    const key = i * n + j;
    if (seen.has(key)) continue;
    seen.add(key);
    eu.push(i);
    ev.push(j);
    ew.push(
      kind === "clustered"
        ? (pairLevel[(cluster[i] as number) * clusters + (cluster[j] as number)] as number)
        : Math.floor(r() * 31),
    );
  }
  return { n, eu: Int32Array.from(eu), ev: Int32Array.from(ev), ew: Int32Array.from(ew) };
}

function timeIt<T>(f: () => T): { ms: number; cpu: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000, value };
}

function edmondsTotal(g: Graph, maxCardinality: boolean): number {
  const edges = Array.from({ length: g.eu.length }, (_, k) => [g.eu[k] as number, g.ev[k] as number, g.ew[k] as number]);
  const weight = new Map<number, number>();
  for (let k = 0; k < g.eu.length; k++) weight.set((g.eu[k] as number) * g.n + (g.ev[k] as number), g.ew[k] as number);
  const mate = edmonds(edges, maxCardinality);
  let total = 0;
  mate.forEach((u, v) => {
    if (u > v) total += weight.get(v * g.n + u) ?? Number.NaN;
  });
  return total;
}

const args = process.argv.slice(2);
const cold = args[0] === "--cold";
if (cold) args.shift();
const cases: Array<[number, number, string]> =
  args.length >= 2
    ? [[Number(args[0]), Number(args[1]), args[2] ?? "random"]]
    : [
        [1000, 20000, "random"],
        [1000, 20000, "clustered"],
        [2000, 40000, "random"],
        [2000, 40000, "clustered"],
        [20000, 200000, "random"],
        [20000, 200000, "clustered"],
      ];

if (cold) {
  const [n, m, kind] = cases[0] as [number, number, string];
  const g = makeGraph(kind, n, m, 12345);
  const { ms, cpu, value } = timeIt(() => maxWeightMatching(g.n, g.eu, g.ev, g.ew));
  console.log(
    `${kind} n=${n} m=${m} cold (first call in the process): ${ms.toFixed(1)} ms wall, ${cpu.toFixed(0)} ms cpu, total=${value.total}`,
  );
  process.exit(0);
}

// JIT warm-up on small graphs.
for (let s = 0; s < 5; s++) {
  const g = makeGraph(s % 2 ? "clustered" : "random", 500, 5000, 100 + s);
  maxWeightMatching(g.n, g.eu, g.ev, g.ew, { maxCardinality: s % 2 === 0 });
}

for (const [n, m, kind] of cases) {
  const g = makeGraph(kind, n, m, 12345);
  for (const maxCardinality of [false, true]) {
    let best = { ms: Number.POSITIVE_INFINITY, cpu: 0 };
    let total = 0;
    const reps = n > 5000 ? 3 : 7;
    for (let rep = 0; rep < reps; rep++) {
      const { ms, cpu, value } = timeIt(() => maxWeightMatching(g.n, g.eu, g.ev, g.ew, { maxCardinality }));
      if (ms < best.ms) best = { ms, cpu };
      total = value.total;
    }
    let line = `${kind.padEnd(9)} n=${n} m=${m} maxCard=${maxCardinality ? "y" : "n"}  ours: ${best.ms.toFixed(1)} ms (cpu ${best.cpu.toFixed(0)}, min of ${reps}), total=${total}`;
    if (n <= EDMONDS_MAX_N) {
      const { ms, value } = timeIt(() => edmondsTotal(g, maxCardinality));
      line += ` | edmonds-blossom: ${ms.toFixed(0)} ms, total=${value}${value === total ? "" : "  MISMATCH"}`;
    }
    console.log(line);
  }
}
