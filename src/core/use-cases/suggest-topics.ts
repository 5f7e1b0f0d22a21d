/**
 * What a member typing into a topics field is offered (Slack's type-ahead, Discord's autocomplete)
 * or told (the console's hints after each list): read with the topics of the program whose channel
 * the form belongs to, with its organizers' edits (a topic they added is offered, a retired one is
 * not), else the shared vocabulary. It only reads, and it looks the program up within the asker's
 * own workspace or server, so a channel of another tenant finds nothing and gets the shared vocabulary.
 */
import { z } from "zod";
import { LANGUAGES, PLATFORMS } from "../domain";
import { translator } from "../i18n/translate";
import { vocabularyOf } from "../matching/topic-edits";
import { DEFAULT_VOCABULARY, type Vocabulary } from "../matching/topic-reading";
import { MAX_SUGGESTIONS, suggestTopics, type TopicSuggestion } from "../matching/topic-suggestions";
import type { Store } from "../ports";
import { typingHints } from "../views/reading-summary";

/** What a member can type into one field; longer text is cut (a query, not content). */
const MAX_QUERY = 200;
/** A whole list answer, as the intake allows it. */
const MAX_ANSWER = 2000;

export const topicQuerySchema = z.object({
  platform: z.enum(PLATFORMS),
  /** The workspace or server, as the platform names it. */
  tenantId: z.string().min(1).max(100),
  /** The program channel the form was opened from, when known. */
  channelId: z.string().min(1).max(100).optional(),
  query: z.string().transform((q) => q.slice(0, MAX_ANSWER)),
  language: z.enum(LANGUAGES),
  limit: z.number().int().min(1).max(MAX_SUGGESTIONS).optional(),
});
export type TopicQuery = z.input<typeof topicQuerySchema>;

/** Where the lookup failed (the store is down, say): reported, and the shared vocabulary answers. */
export type LookupFailed = (error: unknown) => void;

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

/**
 * The vocabulary members' words are read with where the query comes from. A type-ahead must always
 * answer: if the program cannot be read, the failure is reported and the shared vocabulary is used.
 */
async function vocabularyFor(store: Store, q: z.output<typeof topicQuerySchema>, failed: LookupFailed): Promise<Vocabulary> {
  const channelId = q.channelId;
  if (!channelId) return DEFAULT_VOCABULARY;
  try {
    return await store.transaction(async (tx) => {
      const tenant = await tx.tenants.ensure(q.platform, q.tenantId);
      const program = await tx.programs.byChannel(tenant.id, channelId);
      return program ? programVocabulary(program.topicEdits) : DEFAULT_VOCABULARY;
    });
  } catch (error) {
    failed(error);
    return DEFAULT_VOCABULARY;
  }
}

export async function suggestProgramTopics(store: Store, query: TopicQuery, failed: LookupFailed): Promise<TopicSuggestion[]> {
  const q = topicQuerySchema.parse(query);
  return suggestTopics(
    q.query.slice(0, MAX_QUERY),
    q.language,
    q.limit ?? MAX_SUGGESTIONS,
    await vocabularyFor(store, q, failed),
  );
}

/** What a typed list was read as, and the topics near an item it could not read (reading-summary.ts typingHints). */
export async function programTopicHints(store: Store, query: TopicQuery, failed: LookupFailed): Promise<string[]> {
  const q = topicQuerySchema.parse(query);
  return typingHints(translator(q.language), q.language, q.query, await vocabularyFor(store, q, failed));
}
