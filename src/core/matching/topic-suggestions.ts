/**
 * Vocabulary topics for what a member is typing (Slack's type-ahead, the
 * console's "did you mean"), in their language. Names in either language and
 * aliases count ("analisa" finds Data analysis for an English reader too); a
 * typo the reader forgives (readTopics) still finds its topic. Pure.
 */
import type { Language } from "../domain";
import { DEFAULT_VOCABULARY, readTopics, type Vocabulary, type VocabularyTopic, withinOneEdit, words } from "./topic-reading";

export interface TopicSuggestion {
  id: string;
  /** The topic's label in the requested language. */
  label: string;
}

/** Slack answers an options request with at most 100 options. */
export const MAX_SUGGESTIONS = 100;

const plain = (text: string) => words(text).join(" ");
const COLLATORS = { en: new Intl.Collator("en"), id: new Intl.Collator("id") } as const;

/** Each topic's names in plain form, its label in each language first; made once per vocabulary. */
const plainNames = new WeakMap<Vocabulary, Array<{ topic: VocabularyTopic; names: Record<Language, string[]> }>>();
function namesOf(vocabulary: Vocabulary) {
  const cached = plainNames.get(vocabulary);
  if (cached) return cached;
  const made = vocabulary.topics.map((topic) => {
    const [en, id, aliases] = [plain(topic.label.en), plain(topic.label.id), topic.aliases.map(plain)];
    return { topic, names: { en: [en, id, ...aliases], id: [id, en, ...aliases] } };
  });
  plainNames.set(vocabulary, made);
  return made;
}

/** A typed word close to a name's word: its start, or one letter off in a word long enough to tell ("analsis"). */
const near = (typed: string, word: string) => word.startsWith(typed) || (typed.length >= 5 && withinOneEdit(typed, word));

/**
 * Best first: a name equal to the query, a topic the reader finds in it (typos forgiven), the
 * label starting with it, any name starting with it, every query word starting a word of one
 * name, a name containing it, then every query word one letter off a word of one name; ties by
 * label. An empty query lists topics by label.
 */
export function suggestTopics(
  query: string,
  language: Language,
  limit = MAX_SUGGESTIONS,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): TopicSuggestion[] {
  const q = plain(query);
  const qWords = q === "" ? [] : q.split(" ");
  const read = q === "" ? [] : readTopics(query, vocabulary).topics;
  const ranked: Array<{ rank: number; suggestion: TopicSuggestion }> = [];
  for (const { topic, names: both } of namesOf(vocabulary)) {
    const label = topic.label[language];
    // The reader's own label first: a match on it ranks above one on the other language's.
    const names = language === "en" ? both.en : both.id;
    const rank =
      q === ""
        ? 9
        : names.includes(q)
          ? 0
          : read.includes(topic.id)
            ? 1
            : (names[0] as string).startsWith(q)
              ? 2
              : names.some((n) => n.startsWith(q))
                ? 3
                : names.some((n) => qWords.every((w) => n.split(" ").some((nw) => nw.startsWith(w))))
                  ? 4
                  : names.some((n) => n.includes(q))
                    ? 5
                    : names.some((n) => qWords.every((w) => n.split(" ").some((nw) => near(w, nw))))
                      ? 6
                      : null;
    if (rank !== null) ranked.push({ rank, suggestion: { id: topic.id, label } });
  }
  const collator = COLLATORS[language];
  ranked.sort((a, b) => a.rank - b.rank || collator.compare(a.suggestion.label, b.suggestion.label));
  return ranked.slice(0, Math.max(0, Math.min(limit, MAX_SUGGESTIONS))).map((r) => r.suggestion);
}

/** The topic a suggestion's id names, with its label in `language`; null for an id the vocabulary lacks. */
export function topicLabel(id: string, language: Language, vocabulary: Vocabulary = DEFAULT_VOCABULARY): string | null {
  return vocabulary.topics.find((t) => t.id === id)?.label[language] ?? null;
}
