/**
 * Greedy matching: heaviest edge first, an edge taken when both its ends are free. Half the optimum
 * at worst, about 95% on real populations, and maximal, so the matcher starts from it: its edges
 * join the candidate graph, which then always holds a matching at least as large and as heavy.
 */

/** Edges (eu[k], ev[k], ew[k]) heaviest first; equal weights keep their given order (a counting sort). */
export function heaviestFirst(ew: Int32Array, count: number = ew.length): Int32Array {
  const order = new Int32Array(count);
  if (count === 0) return order;
  let lo = ew[0] as number;
  let hi = lo;
  for (let k = 1; k < count; k++) {
    const w = ew[k] as number;
    if (w < lo) lo = w;
    if (w > hi) hi = w;
  }
  // Weights are tenths of a score point in a few hundred values: buckets are cheap.
  const start = new Int32Array(hi - lo + 2);
  for (let k = 0; k < count; k++) {
    const b = hi - (ew[k] as number) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let b = 1; b < start.length; b++) start[b] = (start[b] as number) + (start[b - 1] as number);
  for (let k = 0; k < count; k++) {
    const b = hi - (ew[k] as number);
    const at = start[b] as number;
    order[at] = k;
    start[b] = at + 1;
  }
  return order;
}

/**
 * Adds to `mate` (−1 = free), heaviest first, every edge whose ends are both still free; returns
 * the weight added. `mate` may hold pairs already: they stay.
 */
export function greedyInto(mate: Int32Array, eu: Int32Array, ev: Int32Array, ew: Int32Array, count: number = eu.length): number {
  let total = 0;
  for (const k of heaviestFirst(ew, count)) {
    const x = eu[k] as number;
    const y = ev[k] as number;
    if (mate[x] !== -1 || mate[y] !== -1) continue;
    mate[x] = y;
    mate[y] = x;
    total += ew[k] as number;
  }
  return total;
}

/** How many members left free by the candidate greedy are paired over every pair among them (then by sampling). */
const LEFTOVER_COMPLETE = 3_000;
const LEFTOVER_SAMPLES = 64;

/**
 * The greedy matching over the candidate edges, then over the pairs among the members it left free
 * (all of them up to LEFTOVER_COMPLETE such members, else LEFTOVER_SAMPLES seeded partners each):
 * maximal among those members, so a crowd nobody lists is still paired. `weigh` gives a pair's
 * weight or null when it may not be matched. Returns the pairs (x < y) and their total.
 */
export function candidateGreedy(
  m: number,
  eu: Int32Array,
  ev: Int32Array,
  ew: Int32Array,
  count: number,
  weigh: (x: number, y: number) => number | null,
  random: () => number,
): { mate: Int32Array; total: number } {
  const mate = new Int32Array(m).fill(-1);
  let total = greedyInto(mate, eu, ev, ew, count);
  const free: number[] = [];
  for (let x = 0; x < m; x++) if (mate[x] === -1) free.push(x);
  if (free.length < 2) return { mate, total };
  const fu: number[] = [];
  const fv: number[] = [];
  const fw: number[] = [];
  const complete = free.length <= LEFTOVER_COMPLETE;
  for (let p = 0; p < free.length; p++) {
    const x = free[p] as number;
    const tries = complete ? free.length - p - 1 : LEFTOVER_SAMPLES;
    for (let t = 0; t < tries; t++) {
      const y = complete ? (free[p + 1 + t] as number) : (free[Math.floor(random() * free.length)] as number);
      if (y === x) continue;
      const w = weigh(x, y);
      if (w === null) continue;
      fu.push(x);
      fv.push(y);
      fw.push(w);
    }
  }
  total += greedyInto(mate, Int32Array.from(fu), Int32Array.from(fv), Int32Array.from(fw));
  return { mate, total };
}
