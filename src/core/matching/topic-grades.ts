/**
 * How well someone's expertise meets one learning goal, graded: the goal's
 * own topic, by name or among the several an expertise item names (exact),
 * another topic the goal names ("Financial modelling di Excel" and "Excel
 * dashboards") or a topic whose name holds the goal's or is held in it
 * ("Islamic finance" for "Finance": a narrower or broader topic, not the same;
 * family), or,
 * for text the vocabulary does not know, a word the two have in common
 * (related). Never a silent zero for free text that maps to nothing.
 * `scorePair` grades through here; the matcher's pool counts the same grades
 * through its indexes (tests hold the two equal).
 */
import { DEFAULT_VOCABULARY, type Vocabulary } from "./topic-reading";
import { type ItemReading, normalizedMatch, readItem } from "./topics";

export type Grade = "exact" | "family" | "related";

/** A grade's share of one goal, in quarters so that sums stay exact in binary floating point. */
export const GRADE_POINTS: Readonly<Record<Grade, number>> = { exact: 4, family: 2, related: 1 };
export const POINTS_PER_GOAL = 4;

export interface Coverage {
  /** The goal as its author wrote it. */
  wanted: string;
  grade: Grade;
  /** The vocabulary topic that names what is shared, when there is one. */
  topic?: string;
}

/** Two items that compare as two different vocabulary topics: a name held in the other's is not the same topic then. */
function distinctTopics(a: ItemReading, b: ItemReading): boolean {
  return a.lead !== undefined && b.lead !== undefined && a.lead !== b.lead;
}

/** Each goal of `wanted` that `offered` meets, with its best grade, in the order written. */
export function gradedCover(
  offered: readonly string[],
  wanted: readonly string[],
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): Coverage[] {
  const offers = offered.map((o) => readItem(o, vocabulary));
  const offeredTopics = new Set(offers.flatMap((o) => o.topics));
  const offeredWords = new Set(offers.flatMap((o) => o.unread));
  const out: Coverage[] = [];
  for (const w of wanted) {
    const goal = readItem(w, vocabulary);
    // The goal's own topic, offered by name or among the several topics of one item ("SQL" in "Data analysis (Excel, SQL)").
    if (
      offers.some((o) => normalizedMatch(o.name, goal.name) && !distinctTopics(o, goal)) ||
      (goal.lead !== undefined && offeredTopics.has(goal.lead))
    ) {
      out.push({ wanted: w, grade: "exact", ...(goal.lead ? { topic: goal.lead } : {}) });
      continue;
    }
    const shared = goal.topics.find((t) => offeredTopics.has(t));
    // A topic whose name holds the other's ("Islamic finance" and "Finance"): the narrower and the broader one, not the same.
    const near = offers.find((o) => normalizedMatch(o.name, goal.name));
    if (shared !== undefined) out.push({ wanted: w, grade: "family", topic: shared });
    else if (near !== undefined)
      out.push({ wanted: w, grade: "family", topic: (near.name.length <= goal.name.length ? near.lead : goal.lead) as string });
    else if (goal.unread.some((word) => offeredWords.has(word))) out.push({ wanted: w, grade: "related" });
  }
  return out;
}

/** The goals' worth in goal units (an exact goal is 1). */
export function coverValue(cover: readonly Coverage[]): number {
  return cover.reduce((sum, c) => sum + GRADE_POINTS[c.grade], 0) / POINTS_PER_GOAL;
}
