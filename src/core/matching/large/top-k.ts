/**
 * For every member, the K best partners offered so far: the candidate graph's backbone. Typed
 * arrays only (no per-pair Set or Map: 50,000 members would need millions of entries).
 */
import { NO_PAIR } from "../pool";

/** For every vertex, the K heaviest offers seen, kept sorted (heaviest first; ties keep the first offered). */
export class TopKTable {
  readonly ids: Int32Array;
  readonly weights: Int32Array;
  readonly size: Int32Array;
  /**
   * An offer to x must weigh more than floor[x] (x's K-th best once it has K, else NO_PAIR).
   * The hot loops test it inline before calling `offer`: most offers lose.
   */
  readonly floor: Int32Array;
  constructor(
    vertices: number,
    readonly k: number,
  ) {
    this.ids = new Int32Array(vertices * k);
    this.weights = new Int32Array(vertices * k);
    this.size = new Int32Array(vertices);
    this.floor = new Int32Array(vertices).fill(NO_PAIR);
  }
  offer(x: number, id: number, w: number): void {
    if (w <= (this.floor[x] as number)) return;
    const k = this.k;
    const base = x * k;
    const size = this.size[x] as number;
    let at = size < k ? size : k - 1;
    if (size < k) this.size[x] = size + 1;
    while (at > 0 && (this.weights[base + at - 1] as number) < w) {
      this.weights[base + at] = this.weights[base + at - 1] as number;
      this.ids[base + at] = this.ids[base + at - 1] as number;
      at--;
    }
    this.weights[base + at] = w;
    this.ids[base + at] = id;
    if (this.size[x] === k) this.floor[x] = this.weights[base + k - 1] as number;
  }
}
