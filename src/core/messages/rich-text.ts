/**
 * The core's mentions, and reading rich text (strings with mentions between
 * them). A mention is a segment beside the text, never markup inside it:
 * renderers escape every string, so a member who types `<@U123>` or
 * `@everyone` gets exactly those characters shown, and only the people the
 * core names here are mentioned.
 */
import type { Mention, RichText } from "./message";

export const mentionUser = (id: string): Mention => ({ type: "mention", kind: "user", id });
/** A role is named, never notified (everyone holding it would be pinged for one organizer's change). */
export const mentionRole = (id: string): Mention => ({ type: "mention", kind: "role", id });

/** The pieces in order: strings (to escape) and mentions. */
export function segments(text: RichText): ReadonlyArray<string | Mention> {
  return typeof text === "string" ? [text] : text;
}

/** The text as one string when it mentions nobody, else null (a plain-text field cannot carry a mention). */
export function withoutMentions(text: RichText): string | null {
  const parts = segments(text);
  return parts.every((s) => typeof s === "string") ? parts.join("") : null;
}

/** The text with each mention written by `show`: for readers without mentions (the console, tests). */
export function plainText(text: RichText, show: (mention: Mention) => string): string {
  return segments(text)
    .map((s) => (typeof s === "string" ? s : show(s)))
    .join("");
}
