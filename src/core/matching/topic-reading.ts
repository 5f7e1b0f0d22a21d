/**
 * Reading free text into vocabulary topics, the way people write them:
 * either language, hyphens and parentheses, stop words, light stemming,
 * abbreviations and one-letter typos. Pure: the vocabulary is data
 * (vocabulary/skills.json), indexed once.
 */
import skills from "./vocabulary/skills.json";

export interface VocabularyTopic {
  id: string;
  category: string;
  label: { en: string; id: string };
  /** A name (a tool, a language): keeps its capital mid-sentence. */
  proper?: boolean;
  aliases: readonly string[];
}

export interface Vocabulary {
  topics: readonly VocabularyTopic[];
}

export const DEFAULT_VOCABULARY: Vocabulary = skills as Vocabulary;

/** Words that never name a topic on their own, in both languages. */
const STOP_WORDS = new Set([
  ..."a an the and or of for with to in on at by from my our how about into using via skills skill basics basic advanced better more some".split(
    " ",
  ),
  ..."dan atau untuk dengan di ke dari yang cara tentang pada agar supaya lebih dalam para serta kemampuan keterampilan dasar soal bagi".split(
    " ",
  ),
]);

/** Longest alias, in words, looked for at one position. */
const MAX_WORDS = 6;
/** Typos are forgiven only on words this long: short words differ by one letter too often. */
const TYPO_MIN_LENGTH = 5;

/** Lower case, compatibility forms folded, anything but letters, digits, + # & made a word break. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}+#&]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w.length > 0);
}

/**
 * A light stem: English plurals and -ed, Indonesian particles and -kan.
 * Deliberately timid (no Indonesian prefixes, no -ing: "speak" is not "speaking"): both sides are stemmed alike,
 * and a bolder stemmer merges different topics ("pelatihan", "melatih").
 */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  for (const suffix of ["nya", "lah", "kah"])
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  if (word.length > 6 && word.endsWith("kan")) return word.slice(0, -3);
  if (word.length > 5 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

const content = (ws: readonly string[]): string[] => ws.filter((w) => !STOP_WORDS.has(w)).map(stem);

interface Index {
  /** Stemmed content words of an alias, space-joined (and also without spaces), to its topic. */
  phrases: Map<string, string>;
  /** Every stemmed word of any alias, for typo correction. */
  known: Set<string>;
  longest: number;
}

const indexes = new WeakMap<Vocabulary, Index>();

function indexOf(vocabulary: Vocabulary): Index {
  const cached = indexes.get(vocabulary);
  if (cached) return cached;
  const phrases = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (key: string, id: string) => {
    const existing = phrases.get(key);
    if (existing !== undefined && existing !== id) ambiguous.add(key);
    else phrases.set(key, id);
  };
  const known = new Set<string>();
  let longest = 1;
  for (const topic of vocabulary.topics) {
    for (const name of [topic.label.en, topic.label.id, ...topic.aliases]) {
      const ws = content(words(name));
      if (ws.length === 0) continue;
      for (const w of ws) known.add(w);
      longest = Math.max(longest, ws.length);
      add(ws.join(" "), topic.id);
      // "power bi" / "powerbi", "java script" / "javascript": people join and split words.
      if (ws.length > 1) add(ws.join(""), topic.id);
    }
  }
  // A key two topics claim names neither for sure: better unread than merged.
  for (const key of ambiguous) phrases.delete(key);
  const index = { phrases, known, longest: Math.min(longest, MAX_WORDS) };
  indexes.set(vocabulary, index);
  return index;
}

/** Whether a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    const [i, j] = diff as [number, number];
    return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

function corrected(word: string, known: Set<string>): string {
  if (known.has(word) || word.length < TYPO_MIN_LENGTH) return word;
  let found: string | undefined;
  for (const k of known) {
    if (k.length < TYPO_MIN_LENGTH - 1 || !withinOneEdit(word, k)) continue;
    // Two candidates: the typo is ambiguous, keep the word as written.
    if (found !== undefined) return word;
    found = k;
  }
  return found ?? word;
}

export interface Reading {
  /** The text as the member wrote it, kept whatever is understood. */
  text: string;
  /** Vocabulary topic ids, in the order written, each once. */
  topics: string[];
  /** Whether every content word belongs to a recognised topic. */
  complete: boolean;
  /** The first topic named by a word of 3 letters or more: short abbreviations inside a phrase are too ambiguous to lead it. */
  lead?: string;
  /** Whether the lead topic opens the text, as the subject of "Negosiasi dengan klien korporat" does. */
  leadOpens: boolean;
  /** Share of the content words that belong to a recognised topic (0 when there are none). */
  coverage: number;
  /** The content words no topic took (stemmed, typo-corrected), in the order written: what unmapped text still says. */
  unread: string[];
}

/** The topics one free-text item names: "Data analysis (Excel, SQL, Power BI)" names four. */
export function readTopics(text: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): Reading {
  const index = indexOf(vocabulary);
  const ws = content(words(text)).map((w) => corrected(w, index.known));
  const topics: string[] = [];
  const unread: string[] = [];
  let lead: string | undefined;
  let leadOpens = false;
  const longestAt = (i: number): { n: number; id: string } | undefined => {
    for (let n = Math.min(index.longest, ws.length - i); n >= 1; n--) {
      const slice = ws.slice(i, i + n);
      const id = index.phrases.get(slice.join(" ")) ?? (n > 1 ? index.phrases.get(slice.join("")) : undefined);
      if (id !== undefined) return { n, id };
    }
    return undefined;
  };
  for (let i = 0; i < ws.length; ) {
    const match = longestAt(i);
    // Overlapping names: the one reaching further wins, as phrases end in their head ("big data analysis" is an analysis).
    const overtaken =
      match !== undefined &&
      Array.from({ length: match.n - 1 }, (_, k) => i + 1 + k).some((j) => {
        const later = longestAt(j);
        return later !== undefined && j + later.n > i + match.n;
      });
    if (match === undefined || overtaken) {
      unread.push(ws[i] as string);
      i++;
      continue;
    }
    if (!topics.includes(match.id)) topics.push(match.id);
    if (lead === undefined && ws.slice(i, i + match.n).join("").length >= 3) {
      lead = match.id;
      leadOpens = i === 0;
    }
    i += match.n;
  }
  const complete = unread.length === 0 && topics.length > 0;
  if (complete && lead === undefined) {
    lead = topics[0];
    leadOpens = true;
  }
  const coverage = ws.length === 0 ? 0 : (ws.length - unread.length) / ws.length;
  return { text, topics, complete, ...(lead === undefined ? {} : { lead }), leadOpens, coverage, unread };
}
