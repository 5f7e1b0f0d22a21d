/** Comparing free-text topics: robust to case, spacing, punctuation and ID/EN synonyms. */
import { canonicalTopic } from "./synonyms";

export function normalizeTopic(topic: string): string {
  const plain = topic
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}+#-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return canonicalTopic(plain);
}

/** Two topics match when equal after normalizing, or when one contains the other as whole words. */
export function topicsMatch(a: string, b: string): boolean {
  return normalizedMatch(normalizeTopic(a), normalizeTopic(b));
}

export function normalizedMatch(x: string, y: string): boolean {
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && ` ${long} `.includes(` ${short} `);
}

/** The topics of `wanted` that at least one of `offered` meets, as written in `wanted`. */
export function coveredTopics(offered: readonly string[], wanted: readonly string[]): string[] {
  const o = offered.map(normalizeTopic);
  return wanted.filter((w) => {
    const n = normalizeTopic(w);
    return o.some((x) => normalizedMatch(x, n));
  });
}

export function sharedTopics(a: readonly string[], b: readonly string[]): string[] {
  return coveredTopics(b, a);
}
