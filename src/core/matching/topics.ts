/** Comparing free-text topics: robust to case, spacing, punctuation and ID/EN synonyms. */
import { canonicalTopic } from "./synonyms";
import { DEFAULT_VOCABULARY, readTopics, stem, type Vocabulary } from "./topic-reading";

const plainForm = (topic: string): string =>
  topic
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}+#&-]+/gu, " ")
    // "&" inside a word names something ("L&D", "M&A"); on its own it is "and".
    .replace(/&(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])&/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Per vocabulary (the default, or a program's with its organizers' edits): labels, and what was read already. */
interface Readings {
  labels: Map<string, string>;
  /** Members repeat the same spellings; reading is the slow part. Bounded so a long-lived process cannot grow it forever. */
  names: Map<string, string>;
  items: Map<string, ItemReading>;
}
const MEMO_LIMIT = 50_000;
const readingsOf = new WeakMap<Vocabulary, Readings>();

function readings(vocabulary: Vocabulary): Readings {
  let r = readingsOf.get(vocabulary);
  if (!r) {
    r = { labels: new Map(vocabulary.topics.map((t) => [t.id, plainForm(t.label.en)])), names: new Map(), items: new Map() };
    readingsOf.set(vocabulary, r);
  }
  return r;
}

/**
 * A phrase that opens with, or is mostly made of, vocabulary words compares as
 * the vocabulary topic it leads with (a bare "interaction design" stays itself, not "design") ("Negosiasi dengan klien korporat" as "negotiation"); anything
 * else compares as written, so unmapped text still meets its own words.
 */
export function normalizeTopic(topic: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): string {
  const plain = plainForm(topic);
  const { labels, names: memo } = readings(vocabulary);
  const known = memo.get(plain);
  if (known !== undefined) return known;
  // A pastime named exactly ("sepak bola") is not read for skills: one letter away from "speak" it is still football.
  const pastime = canonicalTopic(plain);
  const reading = pastime === plain ? readTopics(plain, vocabulary) : undefined;
  const label =
    reading?.lead !== undefined && (reading.leadOpens || reading.coverage > 0.5) ? labels.get(reading.lead) : undefined;
  const name = label ?? pastime;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(plain, name);
  return name;
}

/** What one written item says, for grading: the name it compares as, every vocabulary topic it names, and its unread words. */
export interface ItemReading {
  name: string;
  /** The vocabulary topic the item compares as, when its name is that topic's label. */
  lead?: string;
  /** Vocabulary topic ids, lead first when there is one. */
  topics: readonly string[];
  /** Content words of 4 letters or more that no topic took: unmapped text still meets its own words. */
  unread: readonly string[];
}

/** Words this short say too little on their own ("ui", "hr" are topics; "tim", "kerja" in unmapped text are noise). */
const UNREAD_MIN_LENGTH = 4;
/**
 * Words that say at what level or where someone wants a skill, never which skill, in both languages:
 * "Excel untuk pemula" and "SQL untuk pemula" have nothing in common to learn from each other.
 */
const QUALIFIERS = new Set(
  "beginner beginners pemula intermediate menengah lanjutan expert mahir practice practical praktis praktik kantor office team"
    .split(" ")
    .map(stem),
);

export function readItem(topic: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): ItemReading {
  const plain = plainForm(topic);
  const { labels, items: itemMemo } = readings(vocabulary);
  const known = itemMemo.get(plain);
  if (known !== undefined) return known;
  const name = normalizeTopic(topic, vocabulary);
  // A pastime is compared by name only (see normalizeTopic).
  const reading = canonicalTopic(plain) === plain ? readTopics(plain, vocabulary) : undefined;
  const ids = reading ? [...(reading.lead ? [reading.lead] : []), ...reading.topics.filter((t) => t !== reading.lead)] : [];
  const unread = reading ? [...new Set(reading.unread.filter((w) => w.length >= UNREAD_MIN_LENGTH && !QUALIFIERS.has(w)))] : [];
  const lead = reading?.lead !== undefined && labels.get(reading.lead) === name ? reading.lead : undefined;
  const item = { name, ...(lead ? { lead } : {}), topics: ids, unread };
  if (itemMemo.size >= MEMO_LIMIT) itemMemo.clear();
  itemMemo.set(plain, item);
  return item;
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
  const o = offered.map((t) => normalizeTopic(t));
  return wanted.filter((w) => {
    const n = normalizeTopic(w);
    return o.some((x) => normalizedMatch(x, n));
  });
}

export function sharedTopics(a: readonly string[], b: readonly string[]): string[] {
  return coveredTopics(b, a);
}
