/**
 * What a member typing into a topics field is offered (Slack's type-ahead, Discord's autocomplete)
 * or told (the console's hints after each list): read with the topics of the program whose channel
 * the form belongs to, with its organizers' edits (a topic they added is offered, a retired one is
 * not), else the shared vocabulary. It only reads, and it looks the program up within the asker's
 * own workspace or server, so a channel of another tenant finds nothing and gets the shared vocabulary.
 */
import type { Language, Platform } from "../domain";
import { translator } from "../i18n/translate";
import { vocabularyOf } from "../matching/topic-edits";
import { DEFAULT_VOCABULARY, type Vocabulary } from "../matching/topic-reading";
import { MAX_SUGGESTIONS, suggestTopics, type TopicSuggestion } from "../matching/topic-suggestions";
import type { Store } from "../ports";
import { typingHints } from "../views/reading-summary";

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
/** A whole list answer, as the intake allows it. */
const MAX_ANSWER = 2000;

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

/** The vocabulary members' words are read with where the query comes from. */
async function vocabularyFor(store: Store, q: TopicQuery): Promise<Vocabulary> {
  const channelId = q.channelId;
  if (!channelId) return DEFAULT_VOCABULARY;
  return store.transaction(async (tx) => {
    const tenant = await tx.tenants.ensure(q.platform, q.tenantId);
    const program = await tx.programs.byChannel(tenant.id, channelId);
    return program ? programVocabulary(program.topicEdits) : DEFAULT_VOCABULARY;
  });
}

export async function suggestProgramTopics(store: Store, q: TopicQuery): Promise<TopicSuggestion[]> {
  const limit = Math.min(q.limit ?? MAX_SUGGESTIONS, MAX_SUGGESTIONS);
  return suggestTopics(q.query.slice(0, MAX_QUERY), q.language, limit, await vocabularyFor(store, q));
}

/** What a typed list was read as, and the topics near an item it could not read (reading-summary.ts typingHints). */
export async function programTopicHints(store: Store, q: TopicQuery): Promise<string[]> {
  return typingHints(translator(q.language), q.language, q.query.slice(0, MAX_ANSWER), await vocabularyFor(store, q));
}
