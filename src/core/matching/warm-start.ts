/**
 * A warm start for maxWeightMatching from the solve of an earlier graph on the same vertices (the
 * large-program path re-solves its candidate graph after each sweep adds the pairs the duals left
 * uncovered; most of the matching survives, so starting from it saves most of the search).
 *
 * The solver takes vertex duals only, so each blossom's z moves into its members' duals: an edge
 * inside the blossom keeps its slack, an edge leaving it gains slack (its matched edge, if any, is
 * no longer tight and starts free). An edge the old duals leave uncovered (a new candidate) is then
 * covered by raising one end, which frees that end and its mate; the end chosen is one already
 * raised when there is one, else the end with more such edges, so that few vertices start free.
 */
import type { MatchingResult, WarmStart } from "./max-weight-matching";

export function warmStartFrom(n: number, previous: MatchingResult, eu: Int32Array, ev: Int32Array, ew: Int32Array): WarmStart {
  const count = eu.length;
  if (previous.dual.length !== n) throw new RangeError(`warmStartFrom: ${previous.dual.length} duals for ${n} vertices`);
  const dual = Float64Array.from(previous.dual);
  for (const b of previous.blossoms) for (const v of b.members) dual[v] = (dual[v] as number) + b.z;
  // Doubled convention: slack = dual[i] + dual[j] - 2 w.
  const uncovered = new Int32Array(n);
  for (let k = 0; k < count; k++) {
    const i = eu[k] as number;
    const j = ev[k] as number;
    if ((dual[i] as number) + (dual[j] as number) < 2 * (ew[k] as number)) {
      uncovered[i] = (uncovered[i] as number) + 1;
      uncovered[j] = (uncovered[j] as number) + 1;
    }
  }
  const raised = new Uint8Array(n);
  for (let k = 0; k < count; k++) {
    const i = eu[k] as number;
    const j = ev[k] as number;
    const short = 2 * (ew[k] as number) - (dual[i] as number) - (dual[j] as number);
    if (short <= 0) continue;
    const v = raised[i] ? i : raised[j] ? j : (uncovered[i] as number) >= (uncovered[j] as number) ? i : j;
    dual[v] = (dual[v] as number) + short;
    raised[v] = 1;
  }
  return { dual, mate: Int32Array.from(previous.mate) };
}
