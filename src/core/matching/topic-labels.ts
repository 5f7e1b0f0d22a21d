/** A vocabulary topic's name in a reader's language: the vocabulary's own label, never a member's spelling. */
import type { Language } from "../domain";
import { DEFAULT_VOCABULARY, type VocabularyTopic } from "./topic-reading";

const TOPICS = new Map(DEFAULT_VOCABULARY.topics.map((t) => [t.id, t]));

export function topicLabel(id: string, language: Language): string | undefined {
  return TOPICS.get(id)?.label[language];
}

/**
 * The label as it reads mid-sentence: "data analysis", "negosiasi"; names ("Excel", "Node.js") and
 * labels with capitals inside ("Power BI", "UX design", "Bahasa Inggris") stay as they are.
 */
export function topicInSentence(id: string, language: Language): string | undefined {
  const topic: VocabularyTopic | undefined = TOPICS.get(id);
  if (!topic) return undefined;
  const label = topic.label[language];
  const rest = label.slice(1);
  return topic.proper || rest !== rest.toLowerCase() ? label : label.charAt(0).toLowerCase() + rest;
}
