/**
 * What a member typing into a topics field is offered (Slack's type-ahead, Discord's autocomplete):
 * the topics of the program whose channel the form belongs to, with its organizers' edits (a topic
 * they added is offered, a retired one is not), else the shared vocabulary. It only reads, and it
 * looks the program up within the asker's own workspace or server, so a channel of another tenant
 * finds nothing and gets the shared vocabulary.
 */
import type { Language, Platform } from "../domain";
import { vocabularyOf } from "../matching/topic-edits";
import { DEFAULT_VOCABULARY, type Vocabulary } from "../matching/topic-reading";
import { MAX_SUGGESTIONS, suggestTopics, type TopicSuggestion } from "../matching/topic-suggestions";
import type { Store } from "../ports";

export interface TopicQuery {
  platform: Platform;
  /** The workspace or server, as the platform names it. */
  tenantId: string;
  /** The program channel the form was opened from, when known. */
  channelId?: string;
  query: string;
  language: Language;
  limit?: number;
}

/** What a member can type into one field; longer text is cut (a query, not content). */
const MAX_QUERY = 200;

/** Programs' vocabularies by their stored edits: built once per edit, not per keystroke. */
const vocabularies = new Map<string, Vocabulary>();
const KEPT_VOCABULARIES = 64;

function programVocabulary(edits: unknown): Vocabulary {
  const key = JSON.stringify(edits ?? null);
  const known = vocabularies.get(key);
  if (known) return known;
  const made = vocabularyOf(edits);
  if (vocabularies.size >= KEPT_VOCABULARIES) vocabularies.delete(vocabularies.keys().next().value as string);
  vocabularies.set(key, made);
  return made;
}

export async function suggestProgramTopics(store: Store, q: TopicQuery): Promise<TopicSuggestion[]> {
  const query = q.query.slice(0, MAX_QUERY);
  const limit = Math.min(q.limit ?? MAX_SUGGESTIONS, MAX_SUGGESTIONS);
  const channelId = q.channelId;
  const vocabulary = channelId
    ? await store.transaction(async (tx) => {
        const tenant = await tx.tenants.ensure(q.platform, q.tenantId);
        const program = await tx.programs.byChannel(tenant.id, channelId);
        return program ? programVocabulary(program.topicEdits) : DEFAULT_VOCABULARY;
      })
    : DEFAULT_VOCABULARY;
  return suggestTopics(query, q.language, limit, vocabulary);
}
