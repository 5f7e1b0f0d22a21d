/** A vocabulary topic's name in a reader's language: the vocabulary's own label, never a member's spelling. */
import type { Language } from "../domain";
import { DEFAULT_VOCABULARY, type Vocabulary, type VocabularyTopic } from "./topic-reading";

const byId = new WeakMap<Vocabulary, Map<string, VocabularyTopic>>();

function topicOf(id: string, vocabulary: Vocabulary): VocabularyTopic | undefined {
  let topics = byId.get(vocabulary);
  if (!topics) {
    topics = new Map(vocabulary.topics.map((t) => [t.id, t]));
    byId.set(vocabulary, topics);
  }
  return topics.get(id);
}

export function topicLabel(id: string, language: Language, vocabulary: Vocabulary = DEFAULT_VOCABULARY): string | undefined {
  return topicOf(id, vocabulary)?.label[language];
}

/**
 * The label as it reads mid-sentence: "data analysis", "negosiasi"; names ("Excel", "Node.js") and
 * labels with capitals inside ("Power BI", "UX design", "Bahasa Inggris") stay as they are.
 */
export function topicInSentence(id: string, language: Language, vocabulary: Vocabulary = DEFAULT_VOCABULARY): string | undefined {
  const topic = topicOf(id, vocabulary);
  if (!topic) return undefined;
  const label = topic.label[language];
  const rest = label.slice(1);
  return topic.proper || rest !== rest.toLowerCase() ? label : label.charAt(0).toLowerCase() + rest;
}
