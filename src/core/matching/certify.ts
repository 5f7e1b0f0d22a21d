/**
 * Dual certificates for `maxWeightMatching`: prove that a matching computed on
 * a sparse candidate graph is optimal on a larger (e.g. complete) graph
 * without solving the larger problem.
 *
 * Conventions (those of `MatchingResult`): `dual[v]` is twice the LP vertex
 * dual u(v), a blossom's `z` is its LP dual z(B), and for every edge of the
 * solved graph
 *
 *   dual[i] + dual[j] - 2*w(i,j) + 2 * sumZ(i,j) >= 0,
 *
 * where sumZ(i,j) is the sum of z over the blossoms containing both i and j.
 * So the LP solution (u, z) covers every pair (i, j) up to
 *
 *   bound(i, j) = u(i) + u(j) + sumZ(i, j) = (dual[i] + dual[j] + 2*sumZ(i,j)) / 2
 *
 * and, by weak duality, no matching of a graph whose every edge has
 * w(i,j) <= bound(i,j) weighs more than
 *
 *   sum_v max(0, u(v)) + sum_B z(B) * floor(|B| / 2)
 *
 * (each matched edge is paid by its endpoints' u and the z of the blossoms
 * that contain it; a blossom contains at most floor(|B|/2) matched edges).
 * For a result of the non-maxCardinality mode every u(v) >= 0 and this equals
 * the matching's total (complementary slackness), so a candidate-graph
 * matching is optimal on the full graph exactly when no edge of the full graph
 * is "violated" (w(i,j) > bound(i,j)).
 *
 * Raises: any per-vertex `raise[v]` (weight units, i.e. added to u(v)) keeps
 * the statement true with bound'(i,j) = bound(i,j) + raise[i] + raise[j] and
 * the objective computed with u(v) + raise[v]; raising the endpoints of the
 * violated edges is how one covers them without re-solving.
 */
import type { MatchingResult } from "./max-weight-matching";

interface BlossomForest {
  /** Innermost listed blossom containing each vertex, or -1. */
  innermost: Int32Array;
  /** Smallest listed blossom strictly containing each blossom, or -1. */
  parent: Int32Array;
  depth: Int32Array;
  /** z of the blossom plus the z of all its enclosing blossoms. */
  zsum: Float64Array;
}

/** Nest the (laminar) blossoms of a result; throws if they overlap without nesting. */
function blossomForest(n: number, result: MatchingResult): BlossomForest {
  const list = result.blossoms;
  const count = list.length;
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => (list[b]?.members.length ?? 0) - (list[a]?.members.length ?? 0),
  );
  const innermost = new Int32Array(n).fill(-1);
  const parent = new Int32Array(count).fill(-1);
  const depth = new Int32Array(count);
  const zsum = new Float64Array(count);
  for (const b of order) {
    const blossom = list[b];
    if (!blossom || blossom.members.length === 0) continue;
    const members = blossom.members;
    const first = members[0] as number;
    if (first < 0 || first >= n) throw new RangeError(`certify: blossom member ${first} out of range`);
    // Larger blossoms come first, so the innermost blossom seen so far that holds one member
    // is the parent of this one, and (laminar family) it must hold all the members.
    const p = innermost[first] as number;
    for (let i = 0; i < members.length; i++) {
      const v = members[i] as number;
      if (v < 0 || v >= n) throw new RangeError(`certify: blossom member ${v} out of range`);
      if (innermost[v] !== p) throw new Error("certify: blossoms are not nested (not a laminar family)");
      innermost[v] = b;
    }
    parent[b] = p;
    depth[b] = p < 0 ? 0 : (depth[p] as number) + 1;
    zsum[b] = blossom.z + (p < 0 ? 0 : (zsum[p] as number));
  }
  return { innermost, parent, depth, zsum };
}

/** Sum of z over the blossoms containing both i and j: walk the two chains up to their common part. */
function commonZ(forest: BlossomForest, i: number, j: number): number {
  const { innermost, parent, depth, zsum } = forest;
  let a = innermost[i] as number;
  let b = innermost[j] as number;
  while (a !== b) {
    if (a < 0 || b < 0) return 0;
    if ((depth[a] as number) >= (depth[b] as number)) a = parent[a] as number;
    else b = parent[b] as number;
  }
  return a < 0 ? 0 : (zsum[a] as number);
}

/**
 * For a vertex pair (i,j), the dual lower bound the current dual solution guarantees:
 * (dual[i] + dual[j] + 2*sumZ(i,j)) / 2 (+ raise[i] + raise[j] when raises are given).
 * An edge (i,j) of weight w is "violated" when w exceeds it.
 */
export function makeDualBound(n: number, result: MatchingResult, raise?: Float64Array): (i: number, j: number) => number {
  if (result.dual.length !== n) throw new RangeError(`makeDualBound: result has ${result.dual.length} vertices, expected ${n}`);
  if (raise && raise.length !== n) throw new RangeError(`makeDualBound: raise has length ${raise.length}, expected ${n}`);
  const forest = blossomForest(n, result);
  const dual = result.dual;
  return (i, j) => {
    const base = ((dual[i] as number) + (dual[j] as number)) / 2 + commonZ(forest, i, j);
    return raise ? base + (raise[i] as number) + (raise[j] as number) : base;
  };
}

/**
 * For skipping most pairs without walking blossom chains: outer[v] is the outermost blossom (an
 * index into result.blossoms) containing v, or -1, and outerZ[v] its z. Whenever
 * outer[i] === outer[j] >= 0, that blossom contains both, so sumZ(i, j) >= outerZ[i]; a pair with
 * w <= (dual[i] + dual[j]) / 2 + that lower bound is not violated.
 */
export function outermostBlossoms(n: number, result: MatchingResult): { outer: Int32Array; outerZ: Float64Array } {
  const forest = blossomForest(n, result);
  const outer = new Int32Array(n).fill(-1);
  const outerZ = new Float64Array(n);
  result.blossoms.forEach((b, k) => {
    if (forest.parent[k] !== -1 || b.members.length === 0) return;
    for (const v of b.members) {
      outer[v] = k;
      outerZ[v] = b.z;
    }
  });
  return { outer, outerZ };
}

/**
 * Upper bound on the maximum-weight matching of ANY supergraph in which every edge (i,j)
 * has weight <= bound(i,j) (see makeDualBound, same `raise`): the dual objective
 * sum_v max(0, dual[v]/2 + raise[v]) + sum_B z_B * floor(|B|/2).
 * Without raises and for a non-maxCardinality result this is sum(dual)/2 + sum(z_B * floor(|B|/2)),
 * which equals result.total.
 */
export function dualObjective(result: MatchingResult, raise?: Float64Array): number {
  const dual = result.dual;
  if (raise && raise.length !== dual.length)
    throw new RangeError(`dualObjective: raise has length ${raise.length}, expected ${dual.length}`);
  let total = 0;
  for (let v = 0; v < dual.length; v++) {
    const u = (dual[v] as number) / 2 + (raise ? (raise[v] as number) : 0);
    if (u > 0) total += u;
  }
  for (const b of result.blossoms) total += b.z * Math.floor(b.members.length / 2);
  return total;
}
