/** The program's topics as its organizers see them: how many, what they changed, and how to change more. */
import type { Language } from "../domain";
import type { Translate } from "../i18n/translate";
import { type TopicChange, type TopicEdits, vocabularyWith } from "../matching/topic-edits";
import { DEFAULT_VOCABULARY } from "../matching/topic-reading";
import type { Message } from "../messages/message";
import { heading, message, muted, text } from "./blocks";

export function topicsMessage(
  t: Translate,
  language: Language,
  programName: string,
  edits: TopicEdits,
  changed?: TopicChange,
): Message {
  const before = new Map(DEFAULT_VOCABULARY.topics.map((x) => [x.id, x.label[language]]));
  const vocabulary = vocabularyWith(edits);
  const now = new Map(vocabulary.topics.map((x) => [x.id, x.label[language]]));
  const name = (id: string) => now.get(id) ?? before.get(id) ?? id;
  const lines = [
    ...edits.added.map((a) => t("topics.added", { label: a.label[language], aliases: a.aliases.length })),
    ...Object.entries(edits.renamed).map(([id, l]) => t("topics.renamed", { from: before.get(id) ?? id, to: l[language] })),
    ...Object.entries(edits.merged).map(([from, into]) =>
      t("topics.merged", { from: before.get(from) ?? from, into: name(into) }),
    ),
    ...edits.retired.map((id) => t("topics.retired", { label: before.get(id) ?? id })),
  ];
  return message(
    changed && text(t("topics.saved")),
    heading(t("topics.title", { program: programName, count: vocabulary.topics.length })),
    text(lines.length ? lines.map((l) => `• ${l}`).join("\n") : t("topics.noChanges")),
    muted(t("topics.howTo")),
  );
}
