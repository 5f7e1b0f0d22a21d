/**
 * The intake read back before it is saved: "I read: Analisis data · Public
 * speaking. Right?" Topics by their label in the reader's language; an item
 * kept as written is quoted as the member wrote it and says so. Two buttons:
 * confirm, or fix in the form again (see `FormReview`).
 */
import type { Language } from "../domain";
import type { Translate } from "../i18n/translate";
import { DEFAULT_VOCABULARY, type Vocabulary } from "../matching/topic-reading";
import { suggestTopics } from "../matching/topic-suggestions";
import { type UnderstoodItem, understoodItems } from "../matching/understood-topics";
import type { Button, Message, ReviewChoice } from "../messages/message";
import { actions, fields, message, muted, text } from "./blocks";

/** One answer's reading as a line: topics by label, each once, kept items quoted. */
export function readingLine(t: Translate, language: Language, items: readonly UnderstoodItem[]): string {
  const shown: string[] = [];
  for (const item of items) {
    const said = item.topic ? item.topic.label[language] : t("review.kept", { text: item.written });
    if (!shown.includes(said)) shown.push(said);
  }
  return shown.join(" · ");
}

export const reviewButton = (label: string, choice: ReviewChoice, style?: Button["style"]): Button => ({
  type: "button",
  label,
  action: { kind: "review", choice },
  ...(style ? { style } : {}),
});

export function readingSummary(
  t: Translate,
  language: Language,
  read: { expertise: readonly UnderstoodItem[]; goals: readonly UnderstoodItem[] },
): Message {
  const kept = [...read.expertise, ...read.goals].some((i) => i.topic === null);
  return message(
    text(t("review.intro")),
    fields([
      [t("field.expertise"), readingLine(t, language, read.expertise)],
      [t("field.goals"), readingLine(t, language, read.goals)],
    ]),
    kept && muted(t("review.keptWhy")),
    text(t("review.question")),
    actions(reviewButton(t("review.confirm"), "confirm", "primary"), reviewButton(t("review.fix"), "fix")),
  );
}

/** The review's messages with its buttons naming `ref`, where the adapter keeps the review (a draft's id). */
export function withReviewRef(messages: readonly Message[], ref: string): Message[] {
  return messages.map((m) => ({
    blocks: m.blocks.map((b) =>
      b.type !== "actions"
        ? b
        : {
            ...b,
            elements: b.elements.map((e) =>
              e.type === "button" && e.action.kind === "review" ? { ...e, action: { ...e.action, ref } } : e,
            ),
          },
    ),
  }));
}

/**
 * What a typed list answer reads as, said right after it is typed (the console's suggestions):
 * the topics it was read as, when that is not just what was written, and for an item kept as
 * written the closest topics, if any. Empty when there is nothing to add.
 */
export function typingHints(
  t: Translate,
  language: Language,
  answer: string,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): string[] {
  const items = understoodItems(answer, vocabulary);
  const hints: string[] = [];
  if (items.some((i) => i.topic && !i.exact)) hints.push(t("hint.read", { topics: readingLine(t, language, items) }));
  for (const item of items) {
    if (item.topic) continue;
    const near = suggestTopics(item.written, language, 3, vocabulary).map((s) => s.label);
    if (near.length > 0) hints.push(t("hint.didYouMean", { text: item.written, options: near.join(" / ") }));
  }
  return hints;
}
