/**
 * Cutting text to a platform's limit, "…" marking the cut. Platforms count
 * differently: Slack's limits are in characters (code points), Discord's are
 * checked here in UTF-16 units, which never undercount what Discord counts.
 */

/** At most `max` code points. */
export function truncateCodePoints(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves a cut back so that it does not split a surrogate pair. */
export function surrogateSafeCut(text: string, at: number): number {
  let cut = Math.max(0, Math.min(at, text.length));
  while (cut > 0 && cut < text.length && isLowSurrogate(text.charCodeAt(cut))) cut--;
  return cut;
}

/** At most `max` UTF-16 units; `cutAt` moves the cut back to a place the format allows. */
export function truncateUtf16(text: string, max: number, cutAt: (text: string, at: number) => number = surrogateSafeCut): string {
  if (text.length <= max) return text;
  return `${text.slice(0, cutAt(text, max - 1))}…`;
}
