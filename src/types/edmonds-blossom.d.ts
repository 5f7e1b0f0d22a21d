/** edmonds-blossom ships no types: a JS port of mwmatching, used as the tests' oracle and the benchmark's baseline. */
declare module "edmonds-blossom" {
  /** Edges as [u, v, weight]; returns mate[v] (or -1) for every vertex up to the largest index. */
  export default function blossom(edges: Array<[number, number, number]>, maxCardinality?: boolean): number[];
}
