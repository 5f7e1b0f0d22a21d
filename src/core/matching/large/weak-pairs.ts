/**
 * The pairs without a goal relation that the duals might not cover. Such a pair weighs at most the
 * smaller of its members' weakMax, so (x, y) is covered as soon as dual[x] + dual[y] (doubled, as in
 * certify.ts) reaches twice that plus the shift. The others are few when the duals are good: sorted
 * by dual, each member's suspects are a prefix of the order, counted before any is weighed.
 */

/**
 * Calls `visit(x, y)` once (x < y) for every pair with dual[x] + dual[y] < 2 * (min(cap[x], cap[y]) + shift),
 * over the members 0..m-1, unless there are more than `budget` of them: then returns false and visits none.
 */
export function visitSuspects(
  m: number,
  dual: Float64Array,
  cap: Float64Array,
  shift: number,
  budget: number,
  visit: (x: number, y: number) => void,
): boolean {
  const order = Int32Array.from({ length: m }, (_, x) => x).sort((x, y) => (dual[x] as number) - (dual[y] as number));
  const sorted = Float64Array.from(order, (x) => dual[x] as number);
  const prefix = new Int32Array(m);
  let count = 0;
  for (let x = 0; x < m; x++) {
    const limit = 2 * ((cap[x] as number) + shift) - (dual[x] as number);
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < limit) lo = mid + 1;
      else hi = mid;
    }
    prefix[x] = lo;
    count += lo;
    // Each pair is counted from both ends.
    if (count > 2 * budget) return false;
  }
  for (let x = 0; x < m; x++) {
    const dx = dual[x] as number;
    const cx = cap[x] as number;
    for (let p = 0, end = prefix[x] as number; p < end; p++) {
      const y = order[p] as number;
      if (y <= x) continue;
      const c = Math.min(cx, cap[y] as number);
      if (dx + (dual[y] as number) < 2 * (c + shift)) visit(x, y);
    }
  }
  return true;
}
