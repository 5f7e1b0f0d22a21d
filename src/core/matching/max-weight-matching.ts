/**
 * Exact maximum-weight matching in general graphs (Edmonds' primal-dual
 * blossom algorithm), for integer edge weights.
 *
 * The blossom bookkeeping (labels, endpoints, `scanBlossom`, `addBlossom`,
 * `expandBlossom`, `augmentBlossom`, `augmentMatching`) is a port of Joris van
 * Rantwijk's mwmatching.py, with the same dual conventions:
 *
 *   dual[v] = 2 * u(v)   (vertex duals are doubled, so integer weights keep
 *                         every dual an integer)
 *   z[b]    = z(b)       (blossom duals as in mwmatching's dualvar[b])
 *   slack(i, j) = dual[i] + dual[j] - 2 * w(i, j) + 2 * sum(z[b] : b contains i and j)
 *
 * What differs from mwmatching, for speed on large sparse graphs:
 *
 * - Typed arrays and a CSR adjacency; no allocation in the inner loops.
 * - Alternating trees survive an augmentation: only the two trees joined by
 *   the augmenting path are dissolved (and their vertices rescanned); every
 *   other tree keeps its labels. mwmatching relabels the whole forest after
 *   each augmentation, which costs O(m) per augmentation.
 * - Dual updates are lazy: a global offset `D` (the sum of all deltas applied
 *   so far) plus a sign per top-level blossom (S: -1, T: +1 for its vertices;
 *   S: +1, T: -1 for blossom z). A dual update is O(1), and so is labeling or
 *   expanding a blossom of any size: the vertex sign and the tree lists are
 *   kept per top-level blossom (per group, see `tag`), not per vertex. Large
 *   nested blossoms are peeled one level at a time, thousands of times.
 * - The four delta candidates come from lazy min-heaps instead of O(n) scans:
 *     delta1: the dual of a free vertex (all free vertices share it, and it
 *             is the minimum vertex dual), O(1);
 *     delta2: per unlabeled vertex, its least-slack edge to an S-vertex;
 *     delta3: S-S edges between different blossoms;
 *     delta4: z of T-blossoms.
 *   Heap keys are "slack + rate * D", which stay constant while the labels
 *   of the endpoints stay the same; stale entries are lower bounds of the
 *   true key and are re-validated when they reach the top.
 *   The per-vertex best edge (delta2) can point to an S-vertex of a tree
 *   that has since been dissolved; such vertices are flagged `dirty` and
 *   rescanned when their entry reaches the top of heap2 (its key is still a
 *   lower bound), or earlier when an expansion needs them.
 * - S-vertices are scanned in FIFO order, so all trees grow together and
 *   meet while small (mwmatching's LIFO order grows one huge tree, which is
 *   quadratic here on e.g. chains of triangles).
 * - The top-level blossom of a vertex is owner[tag[v]]; a new blossom takes
 *   over the tag of its largest sub-blossom, so forming a blossom only
 *   touches the vertices of the smaller ones.
 * - augmentBlossom and the end-of-stage expansion are iterative (nesting can
 *   be thousands deep).
 * - No `allowedge` array: with integer weights slack is exact, so an edge is
 *   usable when its slack is <= 0.
 *
 * Cost: about 0.6 s for 20,000 vertices / 200,000 edges with weights 0..30 on
 * the development machine (see bench/blossom-timing.ts). The worst case is
 * still that of the primal-dual method (O(n^2) dual updates, e.g. a path with
 * strictly increasing weights, where every augmentation regrows a tree
 * across the whole path).
 */

export interface MatchingResult {
  /** mate[v] = partner vertex or -1 */
  mate: Int32Array;
  /** total weight of the matching (sum of w over matched edges) */
  total: number;
  /**
   * Dual solution, in the convention
   * slack(i,j) = dual[i] + dual[j] - 2*w(i,j) + 2 * sum(z_B for every blossom B containing both i and j) >= 0
   * for every edge; all values integers if weights are integers.
   * `dual[v]` is twice the LP vertex dual u(v) (mwmatching's dualvar[v]).
   */
  dual: Float64Array;
  /**
   * Non-trivial blossoms alive at the end with z > 0. `z` is the LP blossom
   * dual z(B) (mwmatching's dualvar[b]); with the doubled vertex duals it
   * enters the slack above as 2*z. `members` = every vertex inside (flattened).
   */
  blossoms: Array<{ members: Int32Array; z: number }>;
}

export interface MaxWeightMatchingOptions {
  /** Maximum-weight matching among the maximum-cardinality matchings. */
  maxCardinality?: boolean;
}

/** Binary min-heap of (key, value) pairs on typed arrays. */
class MinHeap {
  keys: Float64Array;
  vals: Int32Array;
  size = 0;

  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap);
  }

  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      const vals = new Int32Array(this.vals.length * 2);
      vals.set(this.vals);
      this.keys = keys;
      this.vals = vals;
    }
    const keys = this.keys;
    const vals = this.vals;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] as number;
      if (pk <= key) break;
      keys[i] = pk;
      vals[i] = vals[parent] as number;
      i = parent;
    }
    keys[i] = key;
    vals[i] = val;
  }

  pop(): void {
    const size = --this.size;
    if (size === 0) return;
    const keys = this.keys;
    const vals = this.vals;
    const key = keys[size] as number;
    const val = vals[size] as number;
    this.siftDown(0, key, val);
  }

  private siftDown(start: number, key: number, val: number): void {
    const keys = this.keys;
    const vals = this.vals;
    const size = this.size;
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      let ck = keys[c] as number;
      const r = c + 1;
      if (r < size) {
        const rk = keys[r] as number;
        if (rk < ck) {
          c = r;
          ck = rk;
        }
      }
      if (ck >= key) break;
      keys[i] = ck;
      vals[i] = vals[c] as number;
      i = c;
    }
    keys[i] = key;
    vals[i] = val;
  }

  /** Keep only the entries for which `keep` holds, then restore the heap order. */
  filter(keep: (key: number, val: number) => boolean): void {
    const keys = this.keys;
    const vals = this.vals;
    let out = 0;
    for (let i = 0; i < this.size; i++) {
      const k = keys[i] as number;
      const v = vals[i] as number;
      if (keep(k, v)) {
        keys[out] = k;
        vals[out] = v;
        out++;
      }
    }
    this.size = out;
    for (let i = (out >> 1) - 1; i >= 0; i--) this.siftDown(i, keys[i] as number, vals[i] as number);
  }
}

const LABEL_NONE = 0;
const LABEL_S = 1;
const LABEL_T = 2;
/** Temporary mark used by scanBlossom (S label with bit 4 set). */
const LABEL_MARKED = 5;

/** Group dual signs: dual(v) = vd[v] + goff[g] + gsign[g] * D, g = tag[v]. */
const SIGN_S = -1;
const SIGN_T = 1;

/** A broken invariant: fail loudly instead of looping forever. */
function internalError(what: string): never {
  throw new Error(`maxWeightMatching: internal error (${what})`);
}

function fillIdentity(arr: Int32Array, count: number, offset = 0): void {
  for (let i = 0; i < count; i++) arr[i] = i + offset;
}

function newLists(count: number): number[][] {
  const lists = new Array<number[]>(count);
  for (let i = 0; i < count; i++) lists[i] = [];
  return lists;
}

/** Edge endpoints, doubled weights and the CSR adjacency (endpoint indices, neighbours, doubled weights). */
function buildGraph(n: number, eu: Int32Array, ev: Int32Array, ew: Int32Array) {
  const m = eu.length;
  let maxWeight = 0;
  const endpoint = new Int32Array(2 * m);
  const w2 = new Float64Array(m);
  const adjStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    const i = eu[k] as number;
    const j = ev[k] as number;
    const wt = ew[k] as number;
    endpoint[2 * k] = i;
    endpoint[2 * k + 1] = j;
    w2[k] = 2 * wt;
    if (wt > maxWeight) maxWeight = wt;
    adjStart[i + 1] = (adjStart[i + 1] as number) + 1;
    adjStart[j + 1] = (adjStart[j + 1] as number) + 1;
  }
  for (let v = 0; v < n; v++) adjStart[v + 1] = (adjStart[v + 1] as number) + (adjStart[v] as number);
  const fill = adjStart.slice(0, n);
  const adjP = new Int32Array(2 * m);
  const adjV = new Int32Array(2 * m);
  const adjW2 = new Float64Array(2 * m);
  for (let k = 0; k < m; k++) {
    const i = eu[k] as number;
    const j = ev[k] as number;
    const a = fill[i] as number;
    fill[i] = a + 1;
    adjP[a] = 2 * k + 1;
    adjV[a] = j;
    adjW2[a] = w2[k] as number;
    const b = fill[j] as number;
    fill[j] = b + 1;
    adjP[b] = 2 * k;
    adjV[b] = i;
    adjW2[b] = w2[k] as number;
  }
  return { maxWeight, endpoint, w2, adjStart, adjP, adjV, adjW2 };
}

class BlossomSolver {
  readonly n: number;
  readonly maxCardinality: boolean;
  readonly maxWeight: number;

  // Graph.
  readonly endpoint: Int32Array; // endpoint[2k] = eu[k], endpoint[2k+1] = ev[k]
  readonly w2: Float64Array; // 2 * weight of edge k
  readonly adjStart: Int32Array;
  readonly adjP: Int32Array; // endpoint indices p, endpoint[p] = the neighbour
  readonly adjV: Int32Array; // the neighbour itself (= endpoint[adjP[a]])
  readonly adjW2: Float64Array; // 2 * weight of that edge (= w2[adjP[a] >> 1])

  // Matching: mate[v] = remote endpoint index of the matched edge, or -1.
  readonly mate: Int32Array;
  nFree: number;

  // Labels (index 0..n-1: vertex level; n..2n-1: non-trivial blossoms).
  readonly label: Uint8Array;
  readonly labelEnd: Int32Array;

  // Blossom structure.
  // Top-level blossom of each vertex, as top(v) = owner[tag[v]]: every vertex of a top-level
  // blossom B is tagged rep[B] (a vertex of B) and owner[rep[B]] = B. A new blossom takes over
  // the group of its largest child, so forming a blossom only retags the smaller children.
  readonly tag: Int32Array;
  readonly owner: Int32Array;
  readonly rep: Int32Array;
  readonly bsize: Int32Array;
  readonly blossomParent: Int32Array;
  readonly blossomBase: Int32Array;
  readonly childs: number[][];
  readonly endps: number[][];
  readonly leafHead: Int32Array;
  readonly leafTail: Int32Array;
  readonly leafNext: Int32Array;
  readonly unused: Int32Array;
  unusedTop: number;

  // Lazy duals.
  /**
   * Sum of all deltas so far. Initialised with a non-integer first so that V8 gives the
   * field a double representation: the values come from Float64Arrays, and changing the
   * representation later would deoptimise every compiled method.
   */
  D = 0.5;
  readonly vd: Float64Array;
  // Every vertex of a top-level blossom shares its label, so the dual sign and offset live on the
  // blossom's group (see `tag`): relabeling or expanding a large blossom is O(1), not O(size).
  readonly goff: Float64Array;
  readonly gsign: Int8Array;
  readonly zd: Float64Array;
  readonly zsign: Int8Array;

  // Least-slack edge from an S-vertex to a non-S vertex (mwmatching's bestedge[v]). For an
  // unlabeled vertex it is published in heap2 with key repKey[v] (= its slack + D while valid).
  // dirty[v]: a tree next to v was dissolved, so bestEdge[v] (or a tight-edge mark on v inside a
  // T-blossom) may point to a vertex that is no longer S; v is rescanned before that is used.
  readonly bestEdge: Int32Array;
  readonly repKey: Float64Array;
  readonly dirty: Uint8Array;

  // Alternating trees: doubly linked list of the groups (top-level blossoms) of each tree (tree id = root vertex).
  readonly gtree: Int32Array;
  readonly tNext: Int32Array;
  readonly tPrev: Int32Array;
  readonly tHead: Int32Array;

  // S-vertices waiting to be scanned: a FIFO ring buffer (each vertex at most once).
  readonly queue: Int32Array;
  qlen = 0;
  qhead = 0;
  readonly inQueue: Uint8Array;

  readonly heap2: MinHeap; // key slack + D, value endpoint q with endpoint[q] = the unlabeled vertex
  readonly heap3: MinHeap; // key slack + 2D, value edge k
  readonly heap4: MinHeap; // key zd (z hits 0 when D == key), value blossom
  heap2Limit: number;
  heap3Limit: number;

  // Scratch.
  readonly scratch: Int32Array;
  readonly augStack: Int32Array;
  readonly expandStack: Int32Array;
  readonly dlist: Int32Array;
  readonly blist: Int32Array;
  readonly vmark: Uint8Array;

  constructor(n: number, eu: Int32Array, ev: Int32Array, ew: Int32Array, maxCardinality: boolean) {
    // The loops live in small helper functions: V8 compiles a loop in a big constructor
    // with on-stack replacement of the whole constructor, which is slow for a one-off run.
    const m = eu.length;
    this.n = n;
    this.maxCardinality = maxCardinality;
    this.D = 0; // see the field's comment
    const g = buildGraph(n, eu, ev, ew);
    const maxWeight = g.maxWeight;
    this.maxWeight = maxWeight;
    this.endpoint = g.endpoint;
    this.w2 = g.w2;
    this.adjStart = g.adjStart;
    this.adjP = g.adjP;
    this.adjV = g.adjV;
    this.adjW2 = g.adjW2;

    const nb = 2 * n;
    this.mate = new Int32Array(n).fill(-1);
    this.nFree = n;
    this.label = new Uint8Array(nb);
    this.labelEnd = new Int32Array(nb).fill(-1);
    this.tag = new Int32Array(n);
    this.owner = new Int32Array(n);
    this.rep = new Int32Array(nb).fill(-1);
    this.bsize = new Int32Array(nb);
    this.blossomParent = new Int32Array(nb).fill(-1);
    this.blossomBase = new Int32Array(nb).fill(-1);
    this.leafHead = new Int32Array(nb).fill(-1);
    this.leafTail = new Int32Array(nb).fill(-1);
    this.leafNext = new Int32Array(n).fill(-1);
    for (const arr of [this.tag, this.owner, this.rep, this.blossomBase, this.leafHead, this.leafTail]) fillIdentity(arr, n);
    this.bsize.fill(1, 0, n);
    this.childs = newLists(nb);
    this.endps = newLists(nb);
    // Free non-trivial blossom ids, popped from the end: n first.
    this.unused = new Int32Array(Math.max(1, n));
    fillIdentity(this.unused, n, n);
    this.unused.reverse();
    this.unusedTop = n;

    this.vd = new Float64Array(n).fill(maxWeight);
    this.goff = new Float64Array(n);
    this.gsign = new Int8Array(n);
    this.zd = new Float64Array(nb);
    this.zsign = new Int8Array(nb);

    this.bestEdge = new Int32Array(n).fill(-1);
    this.repKey = new Float64Array(n);
    this.dirty = new Uint8Array(n);

    this.gtree = new Int32Array(n).fill(-1);
    this.tNext = new Int32Array(n).fill(-1);
    this.tPrev = new Int32Array(n).fill(-1);
    this.tHead = new Int32Array(n).fill(-1);

    this.queue = new Int32Array(Math.max(1, n));
    this.inQueue = new Uint8Array(n);

    this.heap2 = new MinHeap(n + 16);
    this.heap3 = new MinHeap(2 * m + 16);
    this.heap4 = new MinHeap(64);
    this.heap2Limit = Math.max(1 << 16, 4 * n);
    this.heap3Limit = Math.max(1 << 16, 8 * m);

    this.scratch = new Int32Array(Math.max(1, nb));
    this.augStack = new Int32Array(Math.max(2, 2 * nb));
    this.expandStack = new Int32Array(Math.max(1, nb));
    this.dlist = new Int32Array(Math.max(1, n));
    this.blist = new Int32Array(Math.max(1, n));
    this.vmark = new Uint8Array(n);
  }

  /** The top-level blossom containing vertex v (mwmatching's inblossom[v]). */
  top(v: number): number {
    return this.owner[this.tag[v] as number] as number;
  }

  // ---------------------------------------------------------------- duals

  dual(v: number): number {
    const g = this.tag[v] as number;
    return (this.vd[v] as number) + (this.goff[g] as number) + (this.gsign[g] as number) * this.D;
  }

  /** Dual sign of vertex v: SIGN_S, SIGN_T or 0 (unlabeled). */
  sign(v: number): number {
    return this.gsign[this.tag[v] as number] as number;
  }

  /** Tree of vertex v, or -1. */
  tree(v: number): number {
    return this.gtree[this.tag[v] as number] as number;
  }

  /** Change the dual sign of every vertex of group g, keeping their current duals. */
  setGroupSign(g: number, s: number): void {
    const goff = this.goff;
    const d = (goff[g] as number) + (this.gsign[g] as number) * this.D;
    this.gsign[g] = s;
    goff[g] = d - s * this.D;
  }

  /** Move vertex x into group g, keeping its dual. */
  retag(x: number, g: number): void {
    const h = this.tag[x] as number;
    if (h === g) return;
    const D = this.D;
    const vd = this.vd;
    vd[x] =
      (vd[x] as number) +
      (this.goff[h] as number) +
      (this.gsign[h] as number) * D -
      (this.goff[g] as number) -
      (this.gsign[g] as number) * D;
    this.tag[x] = g;
  }

  z(b: number): number {
    return (this.zd[b] as number) + (this.zsign[b] as number) * this.D;
  }

  setZsign(b: number, s: number): void {
    const zd = this.zd;
    const z = (zd[b] as number) + (this.zsign[b] as number) * this.D;
    this.zsign[b] = s;
    zd[b] = z - s * this.D;
  }

  slack(k: number): number {
    const endpoint = this.endpoint;
    return this.dual(endpoint[2 * k] as number) + this.dual(endpoint[2 * k + 1] as number) - (this.w2[k] as number);
  }

  // ---------------------------------------------------------------- trees and queue

  enqueue(v: number): void {
    if (this.inQueue[v]) return;
    this.inQueue[v] = 1;
    const cap = this.queue.length;
    let slot = this.qhead + this.qlen++;
    if (slot >= cap) slot -= cap;
    this.queue[slot] = v;
  }

  linkGroup(g: number, t: number): void {
    const head = this.tHead[t] as number;
    this.tPrev[g] = -1;
    this.tNext[g] = head;
    if (head >= 0) this.tPrev[head] = g;
    this.tHead[t] = g;
    this.gtree[g] = t;
  }

  unlinkGroup(g: number): void {
    const t = this.gtree[g] as number;
    if (t < 0) return;
    const prev = this.tPrev[g] as number;
    const next = this.tNext[g] as number;
    if (prev >= 0) this.tNext[prev] = next;
    else this.tHead[t] = next;
    if (next >= 0) this.tPrev[next] = prev;
    this.tPrev[g] = -1;
    this.tNext[g] = -1;
    this.gtree[g] = -1;
  }

  /** Give top-level blossom b the dual sign / tree of label t; S-vertices are queued for scanning. */
  labelLeaves(b: number, t: number, tree: number): void {
    const g = this.rep[b] as number;
    this.setGroupSign(g, t === LABEL_S ? SIGN_S : SIGN_T);
    this.linkGroup(g, tree);
    if (t === LABEL_S) {
      const tail = this.leafTail[b] as number;
      for (let v = this.leafHead[b] as number; ; v = this.leafNext[v] as number) {
        this.enqueue(v);
        if (v === tail) break;
      }
    }
    if (b >= this.n) {
      this.setZsign(b, t === LABEL_S ? 1 : -1);
      if (t === LABEL_T) this.heap4.push(this.zd[b] as number, b);
    }
  }

  // ---------------------------------------------------------------- delta2 bookkeeping

  /** Drop w's marks that may refer to a dissolved tree (its best edge is set anew). */
  clean(w: number): void {
    this.dirty[w] = 0;
    this.label[w] = LABEL_NONE;
    this.labelEnd[w] = -1;
  }

  /** Recompute the least-slack edge from an S-vertex to unlabeled vertex w by scanning its adjacency. */
  recompute(w: number): void {
    this.clean(w);
    const adjV = this.adjV;
    const bw = this.top(w);
    const dw = this.dual(w);
    let best = -1;
    let bestSlack = 0;
    const end = this.adjStart[w + 1] as number;
    for (let a = this.adjStart[w] as number; a < end; a++) {
      const x = adjV[a] as number;
      if (this.sign(x) !== SIGN_S || this.top(x) === bw) continue;
      const k = (this.adjP[a] as number) >> 1;
      const s = dw + this.dual(x) - (this.adjW2[a] as number);
      if (best < 0 || s < bestSlack) {
        best = k;
        bestSlack = s;
      }
    }
    this.bestEdge[w] = best;
  }

  /** Publish the best edge of unlabeled vertex w in heap2. */
  pushRep(w: number): void {
    const k = this.bestEdge[w] as number;
    if (k < 0 || this.sign(w) !== 0) return;
    const key = this.slack(k) + this.D;
    this.repKey[w] = key;
    this.heap2.push(key, this.endpoint[2 * k] === w ? 2 * k : 2 * k + 1);
  }

  // ---------------------------------------------------------------- mwmatching core

  assignLabel(w: number, t: number, p: number): void {
    const b = this.top(w);
    this.label[w] = t;
    this.label[b] = t;
    this.labelEnd[w] = p;
    this.labelEnd[b] = p;
    this.bestEdge[w] = -1;
    const tree = p === -1 ? (this.blossomBase[b] as number) : this.tree(this.endpoint[p] as number);
    this.labelLeaves(b, t, tree);
    if (t === LABEL_T) {
      const base = this.blossomBase[b] as number;
      const mb = this.mate[base] as number;
      this.assignLabel(this.endpoint[mb] as number, LABEL_S, mb ^ 1);
    }
  }

  /** Trace back from v and w to find a new blossom base, or -1 if an augmenting path exists. */
  scanBlossom(v0: number, w0: number): number {
    const label = this.label;
    const labelEnd = this.labelEnd;
    const endpoint = this.endpoint;
    const path = this.scratch;
    let pathLen = 0;
    let base = -1;
    let v = v0;
    let w = w0;
    while (v !== -1 || w !== -1) {
      let b = this.top(v);
      if ((label[b] as number) & 4) {
        base = this.blossomBase[b] as number;
        break;
      }
      if (pathLen === path.length) internalError("scanBlossom does not reach a root");
      path[pathLen++] = b;
      label[b] = LABEL_MARKED;
      if (labelEnd[b] === -1) {
        v = -1;
      } else {
        v = endpoint[labelEnd[b] as number] as number;
        b = this.top(v);
        v = endpoint[labelEnd[b] as number] as number;
      }
      if (w !== -1) {
        const tmp = v;
        v = w;
        w = tmp;
      }
    }
    for (let i = 0; i < pathLen; i++) label[path[i] as number] = LABEL_S;
    return base;
  }

  addBlossom(base: number, k: number): void {
    const endpoint = this.endpoint;
    const labelEnd = this.labelEnd;
    const blossomParent = this.blossomParent;
    let v = endpoint[2 * k] as number;
    let w = endpoint[2 * k + 1] as number;
    const bb = this.top(base);
    let bv = this.top(v);
    let bw = this.top(w);
    const b = this.unused[--this.unusedTop] as number;
    this.blossomBase[b] = base;
    blossomParent[b] = -1;
    blossomParent[bb] = b;
    const path = this.childs[b] as number[];
    const endps = this.endps[b] as number[];
    path.length = 0;
    endps.length = 0;
    while (bv !== bb) {
      if (path.length > this.n) internalError("addBlossom does not reach the base");
      blossomParent[bv] = b;
      path.push(bv);
      endps.push(labelEnd[bv] as number);
      v = endpoint[labelEnd[bv] as number] as number;
      bv = this.top(v);
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      if (path.length > this.n) internalError("addBlossom does not reach the base");
      blossomParent[bw] = b;
      path.push(bw);
      endps.push((labelEnd[bw] as number) ^ 1);
      w = endpoint[labelEnd[bw] as number] as number;
      bw = this.top(w);
    }
    this.label[b] = LABEL_S;
    labelEnd[b] = labelEnd[bb] as number;
    // New blossom: z = 0, growing while it is an S-blossom.
    this.zd[b] = 0;
    this.zsign[b] = 0;
    this.setZsign(b, 1);
    // Concatenate the children's leaf lists; sub-blossoms stop being top-level.
    const leafNext = this.leafNext;
    const leafHead = this.leafHead;
    const leafTail = this.leafTail;
    const bsize = this.bsize;
    const n = this.n;
    let big = path[0] as number;
    let size = 0;
    for (let i = 0; i < path.length; i++) {
      const c = path[i] as number;
      if (c >= n) this.setZsign(c, 0);
      if (i + 1 < path.length) leafNext[leafTail[c] as number] = leafHead[path[i + 1] as number] as number;
      size += bsize[c] as number;
      if ((bsize[c] as number) > (bsize[big] as number)) big = c;
    }
    leafHead[b] = leafHead[path[0] as number] as number;
    leafTail[b] = leafTail[path[path.length - 1] as number] as number;
    bsize[b] = size;
    const g = this.rep[big] as number;
    this.rep[b] = g;
    this.owner[g] = b;
    // The largest child's group becomes b's (an S-group in the same tree); the others join it.
    this.setGroupSign(g, SIGN_S);
    const label = this.label;
    for (let i = 0; i < path.length; i++) {
      const c = path[i] as number;
      const isT = label[c] === LABEL_T;
      if (c === big && !isT) continue;
      if (c !== big) this.unlinkGroup(this.rep[c] as number);
      const tail = leafTail[c] as number;
      for (let x = leafHead[c] as number; ; x = leafNext[x] as number) {
        // A T-vertex becomes an S-vertex: it has to be scanned.
        if (isT) this.enqueue(x);
        if (c !== big) this.retag(x, g);
        if (x === tail) break;
      }
    }
  }

  /** Return a dead blossom id to the pool. */
  freeBlossom(b: number): void {
    this.label[b] = LABEL_NONE;
    this.labelEnd[b] = -1;
    (this.childs[b] as number[]).length = 0;
    (this.endps[b] as number[]).length = 0;
    this.blossomBase[b] = -1;
    this.rep[b] = -1;
    this.bsize[b] = 0;
    this.zd[b] = 0;
    this.zsign[b] = 0;
    this.unused[this.unusedTop++] = b;
  }

  /** Make the children of b top-level blossoms (group tags, see `tag`); push the z = 0 ones on `stack` when given. */
  releaseChildren(b: number, stack: Int32Array | null, top: number): number {
    const n = this.n;
    const tag = this.tag;
    const owner = this.owner;
    const leafNext = this.leafNext;
    const g = this.rep[b] as number;
    const childs = this.childs[b] as number[];
    let sp = top;
    for (let i = 0; i < childs.length; i++) {
      const s = childs[i] as number;
      this.blossomParent[s] = -1;
      const gs = this.rep[s] as number;
      if (gs !== g) {
        // The child's group starts where b's is (b is in no tree when expanded): duals unchanged.
        this.goff[gs] = this.goff[g] as number;
        this.gsign[gs] = this.gsign[g] as number;
        this.gtree[gs] = -1;
        this.tNext[gs] = -1;
        this.tPrev[gs] = -1;
        const tail = this.leafTail[s] as number;
        for (let v = this.leafHead[s] as number; ; v = leafNext[v] as number) {
          tag[v] = gs;
          if (v === tail) break;
        }
      }
      owner[gs] = s;
      if (s >= n && stack !== null && this.zd[s] === 0) stack[sp++] = s;
    }
    return sp;
  }

  /**
   * mwmatching's expandBlossom(b, endstage=True), iteratively: expand top-level
   * blossom b (z = 0) and, recursively, every sub-blossom with z = 0.
   */
  expandZeroBlossom(b: number): void {
    const stack = this.expandStack;
    let sp = 0;
    stack[sp++] = b;
    while (sp > 0) {
      const x = stack[--sp] as number;
      sp = this.releaseChildren(x, stack, sp);
      this.freeBlossom(x);
    }
  }

  /** mwmatching's expandBlossom(b, endstage=False) for a top-level T-blossom whose z reached 0. */
  expandTBlossom(b: number): void {
    // Take it out of the tree first, then relabel the children.
    const g = this.rep[b] as number;
    this.setGroupSign(g, 0);
    this.unlinkGroup(g);
    this.setZsign(b, 0);
    this.releaseChildren(b, null, 0);
    const childs = this.childs[b] as number[];
    for (let i = 0; i < childs.length; i++) {
      const s = childs[i] as number;
      if (s >= this.n) {
        this.label[s] = LABEL_NONE;
        this.labelEnd[s] = -1;
      }
    }
    this.relabelExpandedT(b);
    this.freeBlossom(b);
  }

  /** The T-labeling part of mwmatching's expandBlossom (children are top-level and unlabeled now). */
  relabelExpandedT(b: number): void {
    const endpoint = this.endpoint;
    const label = this.label;
    const labelEnd = this.labelEnd;
    const childs = this.childs[b] as number[];
    const endps = this.endps[b] as number[];
    const L = childs.length;
    const at = (arr: number[], j: number): number => arr[j < 0 ? j + L : j] as number;
    const entryChild = this.top(endpoint[(labelEnd[b] as number) ^ 1] as number);
    let j = childs.indexOf(entryChild);
    let jstep: number;
    let endptrick: number;
    if (j & 1) {
      j -= L;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    let p = labelEnd[b] as number;
    const tree = this.tree(endpoint[p] as number);
    while (j !== 0) {
      label[endpoint[p ^ 1] as number] = LABEL_NONE;
      label[endpoint[at(endps, j - endptrick) ^ endptrick ^ 1] as number] = LABEL_NONE;
      this.assignLabel(endpoint[p ^ 1] as number, LABEL_T, p);
      j += jstep;
      p = at(endps, j - endptrick) ^ endptrick;
      j += jstep;
    }
    // The base sub-blossom becomes T without stepping through to its mate (already S).
    let bv = at(childs, j);
    const entry = endpoint[p ^ 1] as number;
    label[entry] = LABEL_T;
    label[bv] = LABEL_T;
    labelEnd[entry] = p;
    labelEnd[bv] = p;
    this.bestEdge[entry] = -1;
    this.labelLeaves(bv, LABEL_T, tree);
    j += jstep;
    const leafNext = this.leafNext;
    while (at(childs, j) !== entryChild) {
      bv = at(childs, j);
      if (label[bv] === LABEL_S) {
        j += jstep;
        continue;
      }
      const head = this.leafHead[bv] as number;
      const tail = this.leafTail[bv] as number;
      // Vertices whose stored info may refer to a dissolved tree are recomputed first.
      for (let v = head; ; v = leafNext[v] as number) {
        if (this.dirty[v]) this.recompute(v);
        if (v === tail) break;
      }
      let found = -1;
      for (let v = head; ; v = leafNext[v] as number) {
        if (label[v] !== LABEL_NONE) {
          found = v;
          break;
        }
        if (v === tail) break;
      }
      if (found >= 0) {
        // Reachable from an S-vertex outside the expanding blossom through a tight edge.
        label[found] = LABEL_NONE;
        label[endpoint[this.mate[this.blossomBase[bv] as number] as number] as number] = LABEL_NONE;
        this.assignLabel(found, LABEL_T, labelEnd[found] as number);
      } else {
        // Stays unlabeled: its vertices' least-slack S-edges go to heap2.
        for (let v = head; ; v = leafNext[v] as number) {
          this.pushRep(v);
          if (v === tail) break;
        }
      }
      j += jstep;
    }
  }

  /**
   * mwmatching's augmentBlossom(b, v), iteratively: swap matched and unmatched
   * edges along the even path from v to the base of b, in b and in every
   * sub-blossom on the way, so that v becomes the base. Work is a stack of
   * (blossom, vertex) requests; requests touch disjoint vertex sets, so their
   * order does not matter, and the new base of each blossom is its vertex.
   */
  augmentBlossom(b0: number, v0: number): void {
    const n = this.n;
    const endpoint = this.endpoint;
    const mate = this.mate;
    const stack = this.augStack;
    let sp = 0;
    stack[sp++] = b0;
    stack[sp++] = v0;
    while (sp > 0) {
      const v = stack[--sp] as number;
      const top = stack[--sp] as number;
      // Walk up from v: each blossom on the chain is augmented relative to its child containing v.
      let child = v;
      for (;;) {
        const b = this.blossomParent[child] as number;
        const childs = this.childs[b] as number[];
        const endps = this.endps[b] as number[];
        const L = childs.length;
        const i = childs.indexOf(child);
        let j = i;
        let jstep: number;
        let endptrick: number;
        if (i & 1) {
          j -= L;
          jstep = 1;
          endptrick = 0;
        } else {
          jstep = -1;
          endptrick = 1;
        }
        while (j !== 0) {
          j += jstep;
          let t = childs[j < 0 ? j + L : j] as number;
          const jj = j - endptrick;
          const p = (endps[jj < 0 ? jj + L : jj] as number) ^ endptrick;
          if (t >= n) {
            if (sp + 4 > stack.length) internalError("augmentBlossom overflow");
            stack[sp++] = t;
            stack[sp++] = endpoint[p] as number;
          }
          j += jstep;
          t = childs[j < 0 ? j + L : j] as number;
          if (t >= n) {
            if (sp + 2 > stack.length) internalError("augmentBlossom overflow");
            stack[sp++] = t;
            stack[sp++] = endpoint[p ^ 1] as number;
          }
          mate[endpoint[p] as number] = p ^ 1;
          mate[endpoint[p ^ 1] as number] = p;
        }
        // Rotate the sub-blossom list so the new base comes first.
        if (i > 0) {
          const tmp = this.scratch;
          for (let x = 0; x < L; x++) tmp[x] = childs[(x + i) % L] as number;
          for (let x = 0; x < L; x++) childs[x] = tmp[x] as number;
          for (let x = 0; x < L; x++) tmp[x] = endps[(x + i) % L] as number;
          for (let x = 0; x < L; x++) endps[x] = tmp[x] as number;
        }
        this.blossomBase[b] = v;
        if (b === top) break;
        child = b;
      }
    }
  }

  augmentMatching(k: number): void {
    const n = this.n;
    const endpoint = this.endpoint;
    const labelEnd = this.labelEnd;
    const mate = this.mate;
    for (let side = 0; side < 2; side++) {
      let s = endpoint[2 * k + side] as number;
      let p = 2 * k + 1 - side;
      for (let steps = 0; ; steps++) {
        if (steps > n) internalError("augmenting path does not reach a root");
        const bs = this.top(s);
        if (bs >= n) this.augmentBlossom(bs, s);
        mate[s] = p;
        if (labelEnd[bs] === -1) break;
        const t = endpoint[labelEnd[bs] as number] as number;
        const bt = this.top(t);
        s = endpoint[labelEnd[bt] as number] as number;
        const j = endpoint[(labelEnd[bt] as number) ^ 1] as number;
        if (bt >= n) this.augmentBlossom(bt, j);
        mate[j] = labelEnd[bt] as number;
        p = (labelEnd[bt] as number) ^ 1;
      }
    }
    this.nFree -= 2;
  }

  /**
   * After an augmentation: remove the two alternating trees it joined. Their
   * vertices become unlabeled (mwmatching's end-of-stage reset, restricted to
   * these trees) and get their least-slack edge to the remaining S-vertices.
   */
  dissolve(ta: number, tb: number): void {
    const n = this.n;
    const dlist = this.dlist;
    const blist = this.blist;
    const vmark = this.vmark;
    const label = this.label;
    const labelEnd = this.labelEnd;
    const leafNext = this.leafNext;
    let dn = 0;
    let bn = 0;
    for (let side = 0; side < 2; side++) {
      const t = side === 0 ? ta : tb;
      if (side === 1 && tb === ta) break;
      for (let g = this.tHead[t] as number; g >= 0; ) {
        const next = this.tNext[g] as number;
        this.setGroupSign(g, 0);
        this.gtree[g] = -1;
        this.tNext[g] = -1;
        this.tPrev[g] = -1;
        const b = this.owner[g] as number;
        if (b >= n) blist[bn++] = b;
        const tail = this.leafTail[b] as number;
        for (let v = this.leafHead[b] as number; ; v = leafNext[v] as number) {
          dlist[dn++] = v;
          vmark[v] = 1;
          if (v === tail) break;
        }
        g = next;
      }
      this.tHead[t] = -1;
    }
    for (let i = 0; i < bn; i++) {
      const b = blist[i] as number;
      this.setZsign(b, 0);
      if (label[b] === LABEL_S && this.zd[b] === 0) this.expandZeroBlossom(b);
    }
    for (let i = 0; i < dn; i++) {
      const v = dlist[i] as number;
      label[v] = LABEL_NONE;
      labelEnd[v] = -1;
      const b = this.top(v);
      if (b !== v) {
        label[b] = LABEL_NONE;
        labelEnd[b] = -1;
      }
    }
    // One pass over the adjacency of every dissolved vertex: its least-slack edge to the
    // remaining S-vertices (like recompute), and flag neighbours whose stored info may
    // point into the dissolved trees.
    const endpoint = this.endpoint;
    const tag = this.tag;
    const gsign = this.gsign;
    const goff = this.goff;
    const vd = this.vd;
    const adjV = this.adjV;
    const adjW2 = this.adjW2;
    const adjP = this.adjP;
    const bestEdge = this.bestEdge;
    const dirty = this.dirty;
    const D = this.D;
    for (let i = 0; i < dn; i++) {
      const v = dlist[i] as number;
      const dv = this.dual(v);
      let best = -1;
      let bestSlack = 0;
      const end = this.adjStart[v + 1] as number;
      for (let a = this.adjStart[v] as number; a < end; a++) {
        const x = adjV[a] as number;
        if (vmark[x]) continue;
        const gx = tag[x] as number;
        const sx = gsign[gx] as number;
        const k = (adjP[a] as number) >> 1;
        if (sx === SIGN_S) {
          const s = dv + (vd[x] as number) + (goff[gx] as number) - D - (adjW2[a] as number);
          if (best < 0 || s < bestSlack) {
            best = k;
            bestSlack = s;
          }
        } else if (sx === SIGN_T || bestEdge[x] === k) {
          dirty[x] = 1;
        }
      }
      dirty[v] = 0;
      bestEdge[v] = best;
      if (best >= 0) {
        const key = bestSlack + D;
        this.repKey[v] = key;
        this.heap2.push(key, endpoint[2 * best] === v ? 2 * best : 2 * best + 1);
      }
    }
    for (let i = 0; i < dn; i++) vmark[dlist[i] as number] = 0;
  }

  /** Handle edge (v, endpoint[p]) with v an S-vertex and slack <= 0 (mwmatching's allowed-edge case). */
  tightEdge(v: number, p: number): void {
    const w = this.endpoint[p] as number;
    const bw = this.top(w);
    const lw = this.label[bw] as number;
    if (lw === LABEL_NONE) {
      this.assignLabel(w, LABEL_T, p ^ 1);
    } else if (lw === LABEL_S) {
      const base = this.scanBlossom(v, w);
      if (base >= 0) {
        this.addBlossom(base, p >> 1);
      } else {
        const ta = this.tree(v);
        const tb = this.tree(w);
        this.augmentMatching(p >> 1);
        this.dissolve(ta, tb);
      }
    } else if (this.label[w] === LABEL_NONE) {
      // w is inside a T-blossom: remember that it is reachable.
      this.label[w] = LABEL_T;
      this.labelEnd[w] = p ^ 1;
    }
  }

  /** Scan the edges of S-vertex v (mwmatching's inner loop). */
  scan(v: number): void {
    const adjV = this.adjV;
    const adjW2 = this.adjW2;
    const label = this.label;
    const tag = this.tag;
    const gsign = this.gsign;
    const goff = this.goff;
    const vd = this.vd;
    const bestEdge = this.bestEdge;
    const adjP = this.adjP;
    const D = this.D;
    let gv = tag[v] as number;
    if (gsign[gv] !== SIGN_S) return;
    // v's dual: fixed while D is, even when a blossom forms around v (only its group changes).
    const dv = (vd[v] as number) + (goff[gv] as number) - D;
    const end = this.adjStart[v + 1] as number;
    for (let a = this.adjStart[v] as number; a < end; a++) {
      const p = adjP[a] as number;
      const w = adjV[a] as number;
      const gw = tag[w] as number;
      // One group per top-level blossom.
      if (gv === gw) continue;
      const bw = this.owner[gw] as number;
      const k = p >> 1;
      const s = dv + (vd[w] as number) + (goff[gw] as number) + (gsign[gw] as number) * D - (adjW2[a] as number);
      const lw = label[bw] as number;
      if (s <= 0) {
        this.tightEdge(v, p);
        // A blossom may have formed around v, or its tree dissolved.
        gv = tag[v] as number;
        if (gsign[gv] !== SIGN_S) return;
      } else if (lw === LABEL_S) {
        this.heap3.push(s + 2 * D, k);
      } else if (lw === LABEL_NONE) {
        // For an unlabeled vertex, repKey - D is the slack of its best edge, and no S-edge of it has
        // less slack; when dirty, that edge may no longer reach an S-vertex (a lower bound then, and
        // its heap2 entry recomputes it when it reaches the top). So a smaller slack is the new best.
        const be = bestEdge[w] as number;
        if (be < 0 || s + D < (this.repKey[w] as number)) {
          if (be < 0 && this.dirty[w]) {
            this.recompute(w);
            this.pushRep(w);
          } else {
            if (this.dirty[w]) this.clean(w);
            bestEdge[w] = k;
            this.repKey[w] = s + D;
            this.heap2.push(s + D, p);
          }
        }
      } else if (label[w] === LABEL_NONE && !this.dirty[w]) {
        const be = bestEdge[w] as number;
        if (be < 0 || s < this.slack(be)) bestEdge[w] = k;
      }
    }
  }

  // ---------------------------------------------------------------- heap validation

  heap2Valid(key: number, q: number): boolean {
    const w = this.endpoint[q] as number;
    return this.sign(w) === 0 && this.bestEdge[w] === q >> 1 && this.repKey[w] === key;
  }

  heap3Valid(key: number, k: number): boolean {
    const i = this.endpoint[2 * k] as number;
    const j = this.endpoint[2 * k + 1] as number;
    return (
      this.sign(i) === SIGN_S && this.sign(j) === SIGN_S && this.top(i) !== this.top(j) && this.slack(k) + 2 * this.D === key
    );
  }

  heap4Valid(key: number, b: number): boolean {
    return (this.blossomBase[b] as number) >= 0 && this.blossomParent[b] === -1 && this.zsign[b] === -1 && this.zd[b] === key;
  }

  /** Drop invalid entries from the top of heap2; returns the delta2 candidate or Infinity. */
  topDelta2(): number {
    const h = this.heap2;
    if (h.size > this.heap2Limit) {
      h.filter((key, q) => this.heap2Valid(key, q));
      this.heap2Limit = Math.max(this.heap2Limit, 2 * h.size);
    }
    while (h.size > 0) {
      const key = h.keys[0] as number;
      const q = h.vals[0] as number;
      if (!this.heap2Valid(key, q)) {
        h.pop();
        continue;
      }
      const w = this.endpoint[q] as number;
      const x = this.endpoint[q ^ 1] as number;
      if (this.dirty[w] || this.sign(x) !== SIGN_S || this.slack(q >> 1) + this.D !== key) {
        // The representative edge went stale: find w's current least-slack S-edge.
        h.pop();
        this.recompute(w);
        this.pushRep(w);
        continue;
      }
      return key - this.D;
    }
    return Number.POSITIVE_INFINITY;
  }

  topDelta3(): number {
    const h = this.heap3;
    if (h.size > this.heap3Limit) {
      h.filter((key, k) => this.heap3Valid(key, k));
      this.heap3Limit = Math.max(this.heap3Limit, 2 * h.size);
    }
    while (h.size > 0) {
      const key = h.keys[0] as number;
      const k = h.vals[0] as number;
      const i = this.endpoint[2 * k] as number;
      const j = this.endpoint[2 * k + 1] as number;
      if (this.sign(i) !== SIGN_S || this.sign(j) !== SIGN_S || this.top(i) === this.top(j)) {
        h.pop();
        continue;
      }
      const trueKey = this.slack(k) + 2 * this.D;
      if (trueKey !== key) {
        h.pop();
        h.push(trueKey, k);
        continue;
      }
      return (key - 2 * this.D) / 2;
    }
    return Number.POSITIVE_INFINITY;
  }

  topDelta4(): number {
    const h = this.heap4;
    while (h.size > 0) {
      const key = h.keys[0] as number;
      const b = h.vals[0] as number;
      if (!this.heap4Valid(key, b)) {
        h.pop();
        continue;
      }
      return key - this.D;
    }
    return Number.POSITIVE_INFINITY;
  }

  // ---------------------------------------------------------------- main loop

  run(): void {
    const n = this.n;
    for (let v = 0; v < n; v++) this.assignLabel(v, LABEL_S, -1);
    // O(n) events per augmentation; the cap only turns a broken invariant into an error.
    // In doubles: beyond 16,000 vertices the product leaves the int32 range, and code optimized on
    // smaller graphs would deoptimize here.
    const maxEvents = 8 * (n + 2) * (n + 2.5);
    for (let events = 0; ; events++) {
      if (events > maxEvents) internalError("too many dual updates");
      while (this.qlen > 0) {
        const v = this.queue[this.qhead] as number;
        this.qhead = this.qhead + 1 === this.queue.length ? 0 : this.qhead + 1;
        this.qlen--;
        this.inQueue[v] = 0;
        if (this.sign(v) === SIGN_S) this.scan(v);
      }
      if (this.nFree === 0) break;
      let deltaType = 0;
      let delta = Number.POSITIVE_INFINITY;
      if (!this.maxCardinality) {
        deltaType = 1;
        delta = this.maxWeight - this.D;
      }
      const d2 = this.topDelta2();
      if (d2 < delta) {
        deltaType = 2;
        delta = d2;
      }
      const d3 = this.topDelta3();
      if (d3 < delta) {
        deltaType = 3;
        delta = d3;
      }
      const d4 = this.topDelta4();
      if (d4 < delta) {
        deltaType = 4;
        delta = d4;
      }
      if (deltaType === 0) {
        // maxCardinality and nothing left to grow: final dual adjustment, then stop.
        deltaType = 1;
        delta = Math.max(0, this.maxWeight - this.D);
      }
      this.D += delta;
      if (deltaType === 1) break;
      if (deltaType === 2) {
        const q = this.heap2.vals[0] as number;
        this.heap2.pop();
        this.tightEdge(this.endpoint[q ^ 1] as number, q);
      } else if (deltaType === 3) {
        const k = this.heap3.vals[0] as number;
        this.heap3.pop();
        this.tightEdge(this.endpoint[2 * k] as number, 2 * k + 1);
      } else {
        const b = this.heap4.vals[0] as number;
        this.heap4.pop();
        this.expandTBlossom(b);
      }
    }
  }
}

/**
 * Maximum-weight matching of the graph with vertices 0..n-1 and edges
 * (eu[k], ev[k]) of integer weight ew[k] (no duplicate edges, no self-loops).
 * With `maxCardinality`, a maximum-weight matching among the maximum-cardinality
 * matchings. Edges with negative weight are never used unless cardinality requires it.
 */
export function maxWeightMatching(
  n: number,
  eu: Int32Array,
  ev: Int32Array,
  ew: Int32Array,
  opts?: MaxWeightMatchingOptions,
): MatchingResult {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`maxWeightMatching: bad vertex count ${n}`);
  const m = eu.length;
  if (ev.length !== m || ew.length !== m) throw new RangeError("maxWeightMatching: eu, ev and ew must have the same length");
  for (let k = 0; k < m; k++) {
    const i = eu[k] as number;
    const j = ev[k] as number;
    if (i < 0 || i >= n || j < 0 || j >= n) throw new RangeError(`maxWeightMatching: edge ${k} (${i}, ${j}) out of range`);
    if (i === j) throw new RangeError(`maxWeightMatching: edge ${k} is a self-loop on ${i}`);
  }
  const solver = new BlossomSolver(n, eu, ev, ew, opts?.maxCardinality === true);
  if (n > 0) solver.run();

  const mate = new Int32Array(n).fill(-1);
  let total = 0;
  for (let v = 0; v < n; v++) {
    const p = solver.mate[v] as number;
    if (p < 0) continue;
    const u = solver.endpoint[p] as number;
    mate[v] = u;
    if (v < u) total += ew[p >> 1] as number;
  }
  const dual = new Float64Array(n);
  for (let v = 0; v < n; v++) dual[v] = solver.dual(v);
  const blossoms: Array<{ members: Int32Array; z: number }> = [];
  for (let b = n; b < 2 * n; b++) {
    if ((solver.blossomBase[b] as number) < 0) continue;
    const z = solver.z(b);
    if (z <= 0) continue;
    let count = 0;
    const tail = solver.leafTail[b] as number;
    for (let v = solver.leafHead[b] as number; ; v = solver.leafNext[v] as number) {
      count++;
      if (v === tail) break;
    }
    const members = new Int32Array(count);
    count = 0;
    for (let v = solver.leafHead[b] as number; ; v = solver.leafNext[v] as number) {
      members[count++] = v;
      if (v === tail) break;
    }
    blossoms.push({ members, z });
  }
  return { mate, total, dual, blossoms };
}
