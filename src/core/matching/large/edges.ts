/** A growable list of weighted edges (u, v, w) on typed arrays: what the blossom solver takes. */
export class Edges {
  u = new Int32Array(1 << 12);
  v = new Int32Array(1 << 12);
  w = new Int32Array(1 << 12);
  length = 0;
  push(x: number, y: number, w: number): void {
    if (this.length === this.u.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.u = grow(this.u);
      this.v = grow(this.v);
      this.w = grow(this.w);
    }
    this.u[this.length] = x;
    this.v[this.length] = y;
    this.w[this.length++] = w;
  }

  /** Keeps the edges `keep(e)` accepts, in order, in place. */
  retain(keep: (e: number) => boolean): void {
    let kept = 0;
    for (let e = 0; e < this.length; e++) {
      if (!keep(e)) continue;
      this.u[kept] = this.u[e] as number;
      this.v[kept] = this.v[e] as number;
      this.w[kept++] = this.w[e] as number;
    }
    this.length = kept;
  }
}
