/**
 * What Sebaya understood of a typed list, item by item, to show the member
 * before their intake is saved ("I read: Analisis data · Public speaking").
 * Each item is read by the same rule the matcher compares it by (topics.ts,
 * `normalizeTopic`): the topic it opens with or mostly names, else the item as
 * written. Pure; labels in both languages, so a view picks the reader's.
 */
import type { Language } from "../domain";
import { splitList } from "../forms/text-list";
import { canonicalTopic } from "./synonyms";
import { DEFAULT_VOCABULARY, readTopics, type Vocabulary, words } from "./topic-reading";

export interface UnderstoodItem {
  /** The item as the member wrote it (one entry of their list). */
  written: string;
  /** The vocabulary topic it compares as; null when it is kept and compared as written. */
  topic: { id: string; label: Record<Language, string> } | null;
  /** Whether the item is already the topic's own name (in either language): nothing was interpreted. */
  exact: boolean;
}

const plain = (text: string) => words(text).join(" ");

/** One answer (a typed list or the list itself), read item by item, in the order written. */
export function understoodItems(
  answer: string | readonly string[],
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): UnderstoodItem[] {
  const items = typeof answer === "string" ? splitList(answer) : answer.map((a) => a.trim()).filter((a) => a.length > 0);
  const topics = new Map(vocabulary.topics.map((t) => [t.id, t]));
  return items.map((written) => {
    const said = plain(written);
    // A pastime named exactly ("sepak bola") is not read for skills, as normalizeTopic decides.
    const reading = canonicalTopic(said) === said ? readTopics(written, vocabulary) : undefined;
    const lead = reading?.lead !== undefined && (reading.leadOpens || reading.coverage > 0.5) ? reading.lead : undefined;
    const topic = lead === undefined ? undefined : topics.get(lead);
    if (!topic) return { written, topic: null, exact: false };
    const exact = said === plain(topic.label.en) || said === plain(topic.label.id);
    return { written, topic: { id: topic.id, label: { en: topic.label.en, id: topic.label.id } }, exact };
  });
}

/**
 * Whether showing the reading back would tell the member anything: some item was interpreted
 * ("Data analysis (Excel, …)" read as Data analysis) or is kept as written. A list of topic names
 * as the vocabulary spells them ("SQL, Public speaking") needs no second look.
 */
export function worthReviewing(...answers: ReadonlyArray<ReadonlyArray<UnderstoodItem>>): boolean {
  return answers.some((items) => items.some((i) => !i.exact));
}
