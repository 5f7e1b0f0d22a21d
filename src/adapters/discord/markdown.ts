import type { RichText } from "../../core/messages/message";
import { segments } from "../../core/messages/rich-text";
import { surrogateSafeCut, truncateUtf16 } from "../shared/truncate";

/** Moves a cut back so that it splits neither a surrogate pair nor a backslash from the character it escapes. */
function safeCut(text: string, at: number): number {
  let cut = Math.max(0, Math.min(at, text.length));
  for (;;) {
    const whole = surrogateSafeCut(text, cut);
    if (whole !== cut) {
      cut = whole;
      continue;
    }
    let slashes = 0;
    while (cut - slashes > 0 && text[cut - slashes - 1] === "\\") slashes++;
    if (slashes % 2 === 1 && cut < text.length) {
      cut--;
      continue;
    }
    return cut;
  }
}

/** At most `max` UTF-16 units, "…" marking a cut. */
export function truncate(text: string, max: number): string {
  return truncateUtf16(text, max, safeCut);
}

/**
 * A cut in content also moves back to before a `<…>` it would split (the
 * core's mention, a link shown without its preview): a mention is never lost
 * to a cut, a link never left half open. An escaped `\<` is text.
 */
export function contentCut(text: string, at: number): number {
  const cut = safeCut(text, at);
  const open = text.lastIndexOf("<", cut - 1);
  if (open <= 0 || text.slice(open, cut).includes(">")) return cut;
  let slashes = 0;
  while (open - slashes > 0 && text[open - slashes - 1] === "\\") slashes++;
  return slashes % 2 === 0 ? open : cut;
}

/** `truncate` for content (markdown already escaped). */
export function truncateContent(text: string, max: number): string {
  return truncateUtf16(text, max, contentCut);
}

/**
 * A link as written (like Discord's own rule, it ends before trailing
 * punctuation, and before the closing quotes the catalogs put around a
 * member's words). Escaping inside it would break it; it is shown in `<>`,
 * which keeps it clickable and visible but without a preview card, whose
 * title the linked page chooses.
 */
const LINK = /(https?:\/\/[^\s<>]*[^\s<>.,:;"')\]”’»])/;

/**
 * Text shown literally: the characters that would format (`\ * _ ~ ` | [`),
 * open a mention, channel, emoji or timestamp (`<`) or an @everyone/@here (`@`),
 * and line starts that would make a heading, subtext or quote are escaped.
 * Links stay readable (see `LINK`); a masked link needs `[`, so none survives.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(LINK)
    .map((part, i) =>
      i % 2 === 1
        ? `<${part}>`
        : part
            .replace(/[\\*_~`|[<@]/g, "\\$&")
            .replace(/^([ \t]*)(#|-#|>)/gm, (_, space: string, mark: string) => `${space}\\${mark}`),
    )
    .join("");
}

/** A Discord id (a snowflake): only digits can go into a mention. */
export const SNOWFLAKE = /^\d{1,25}$/;

/**
 * Rich text as Discord markdown: every string escaped, the core's mentions as
 * Discord mentions (a role's shows the role; `allowed_mentions` keeps it from
 * notifying anyone); an id of the wrong shape is written out, escaped.
 */
export function markdown(text: RichText): string {
  return segments(text)
    .map((s) =>
      typeof s === "string"
        ? escapeMarkdown(s)
        : !SNOWFLAKE.test(s.id)
          ? escapeMarkdown(`@${s.id}`)
          : s.kind === "user"
            ? `<@${s.id}>`
            : `<@&${s.id}>`,
    )
    .join("");
}
