/**
 * A program's own topics: what its organizers added, renamed, merged and
 * retired (`/mentoring topics`), kept as a small record on the program and
 * laid over the shipped vocabulary whenever the program's members are read.
 * The shipped vocabulary file stays the shared default; nothing here edits it.
 */
import { z } from "zod";
import { DEFAULT_VOCABULARY, type Vocabulary, type VocabularyTopic } from "./topic-reading";

const label = z.string().trim().min(2).max(60);
const topicId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);

export const topicEditsSchema = z.strictObject({
  /** Topics the program adds, in the category "custom" unless given. */
  added: z
    .array(
      z.strictObject({
        id: topicId,
        label: z.strictObject({ en: label, id: label }),
        aliases: z.array(label).max(20).default([]),
      }),
    )
    .max(200)
    .default([]),
  /** New labels for existing topics. */
  renamed: z.record(topicId, z.strictObject({ en: label, id: label })).default({}),
  /** A topic read as another from now on (its labels and aliases become the other's aliases). */
  merged: z.record(topicId, topicId).default({}),
  /** Topics no longer read: such text is then compared as written. */
  retired: z.array(topicId).max(500).default([]),
});

export type TopicEdits = z.output<typeof topicEditsSchema>;
export const NO_EDITS: TopicEdits = topicEditsSchema.parse({});

/** A program's stored edits; a record that no longer validates counts as none (the default vocabulary). */
export function topicEditsOf(stored: unknown): TopicEdits {
  const parsed = topicEditsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : NO_EDITS;
}

const isEmpty = (e: TopicEdits) =>
  e.added.length === 0 && Object.keys(e.renamed).length === 0 && Object.keys(e.merged).length === 0 && e.retired.length === 0;

/** Vocabularies built from the same edits are one object, so readings cached per vocabulary are shared. */
const built = new Map<string, Vocabulary>();
const BUILT_LIMIT = 500;

/** The vocabulary a program reads with: the default one with the program's edits laid over it. */
export function vocabularyWith(edits: TopicEdits, base: Vocabulary = DEFAULT_VOCABULARY): Vocabulary {
  if (isEmpty(edits) && base === DEFAULT_VOCABULARY) return base;
  const key = JSON.stringify(edits);
  const known = base === DEFAULT_VOCABULARY ? built.get(key) : undefined;
  if (known) return known;
  const retired = new Set(edits.retired);
  const topics = new Map<string, VocabularyTopic>();
  for (const t of base.topics) topics.set(t.id, { ...t, aliases: [...t.aliases] });
  for (const a of edits.added) topics.set(a.id, { id: a.id, category: "custom", label: a.label, aliases: a.aliases });
  for (const [id, names] of Object.entries(edits.renamed)) {
    const t = topics.get(id);
    // The old labels stay readable: people keep writing them.
    if (t) topics.set(id, { ...t, label: names, aliases: [...t.aliases, t.label.en, t.label.id] });
  }
  for (const [from, into] of Object.entries(edits.merged)) {
    const a = topics.get(from);
    const b = topics.get(into);
    if (!a || !b || from === into) continue;
    topics.set(into, { ...b, aliases: [...b.aliases, a.label.en, a.label.id, ...a.aliases] });
    topics.delete(from);
  }
  for (const id of retired) topics.delete(id);
  const vocabulary: Vocabulary = { topics: [...topics.values()] };
  if (base === DEFAULT_VOCABULARY) {
    if (built.size >= BUILT_LIMIT) built.clear();
    built.set(key, vocabulary);
  }
  return vocabulary;
}

export type TopicChange =
  | { kind: "add"; label: { en: string; id: string }; aliases: string[] }
  | { kind: "rename"; topic: string; label: { en: string; id: string } }
  | { kind: "merge"; topic: string; into: string }
  | { kind: "retire"; topic: string };

/** "Design ops" → "design-ops": an added topic's id, unique in the vocabulary. */
export function newTopicId(english: string, vocabulary: Vocabulary): string {
  const base =
    english
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 70) || "topic";
  const taken = new Set(vocabulary.topics.map((t) => t.id));
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  return id;
}

/** A program's vocabulary from its stored edits (Program.topicEdits). */
export const vocabularyOf = (stored: unknown): Vocabulary => vocabularyWith(topicEditsOf(stored));

/** The edits with one more change; topics are ids of the program's current vocabulary. */
export function withChange(edits: TopicEdits, change: TopicChange, vocabulary: Vocabulary): TopicEdits {
  switch (change.kind) {
    case "add":
      return {
        ...edits,
        added: [...edits.added, { id: newTopicId(change.label.en, vocabulary), label: change.label, aliases: change.aliases }],
      };
    case "rename": {
      const added = edits.added.find((a) => a.id === change.topic);
      if (added) return { ...edits, added: edits.added.map((a) => (a.id === change.topic ? { ...a, label: change.label } : a)) };
      return { ...edits, renamed: { ...edits.renamed, [change.topic]: change.label } };
    }
    case "merge": {
      // Whatever was merged into the merged topic follows it.
      const merged = Object.fromEntries(
        Object.entries(edits.merged).map(([from, into]) => [from, into === change.topic ? change.into : into]),
      );
      return { ...edits, merged: { ...merged, [change.topic]: change.into } };
    }
    case "retire":
      return { ...edits, retired: [...new Set([...edits.retired, change.topic])] };
  }
}
