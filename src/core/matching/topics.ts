/** Comparing free-text topics: robust to case and spacing. */

export function normalizeTopic(topic: string): string {
  return topic.toLowerCase().normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** Two topics match when equal after normalizing, or when one contains the other as words. */
export function topicsMatch(a: string, b: string): boolean {
  const x = normalizeTopic(a);
  const y = normalizeTopic(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && ` ${long} `.includes(` ${short} `);
}

/** The topics of `offered` that meet at least one of `wanted`, as written in `wanted`. */
export function coveredTopics(offered: readonly string[], wanted: readonly string[]): string[] {
  return wanted.filter((w) => offered.some((o) => topicsMatch(o, w)));
}

export function sharedTopics(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((x) => b.some((y) => topicsMatch(x, y)));
}
