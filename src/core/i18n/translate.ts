/** Translation: ICU messages through intl-messageformat (plural rules from Intl). */
import { IntlMessageFormat } from "intl-messageformat";
import type { Language } from "../domain";
import type { Mention, RichText } from "../messages/message";
import { en, type MessageKey } from "./en";
import { id } from "./id";

export type { MessageKey } from "./en";

export const catalogs: Record<Language, Record<MessageKey, string>> = { en, id };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const cache = new Map<string, IntlMessageFormat>();

function formatter(language: Language, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${language}:${key}`;
  let f = cache.get(cacheKey);
  if (!f) {
    // Copy is plain text: "<name>" in help text is not a rich-text tag.
    f = new IntlMessageFormat(catalogs[language][key], language, undefined, { ignoreTag: true });
    cache.set(cacheKey, f);
  }
  return f;
}

export function translator(language: Language): Translate {
  return (key, params) => String(formatter(language, key).format(params));
}

export type RichParams = Record<string, string | number | Mention>;
export type TranslateRich = (key: MessageKey, params: RichParams) => RichText;

/**
 * Messages that mention someone: a mention argument stays a segment of the
 * result (intl-messageformat hands objects back as parts), so it is never
 * text a renderer could confuse with what a member wrote.
 */
export function richTranslator(language: Language): TranslateRich {
  return (key, params) => {
    const out = formatter(language, key).format<Mention>(params);
    if (typeof out === "string") return out;
    const parts = Array.isArray(out) ? out : [out];
    // Adjacent strings (text around a plain argument) are joined: one string per run of text.
    const merged: Array<string | Mention> = [];
    for (const part of parts) {
      const last = merged.at(-1);
      if (typeof part !== "string") merged.push(part);
      else if (typeof last === "string") merged[merged.length - 1] = last + part;
      else merged.push(String(part));
    }
    return merged;
  };
}

/** Picks a supported language from a platform locale such as "id-ID" or "en-US". */
export function languageFromLocale(locale: string | undefined | null): Language | null {
  if (!locale) return null;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  if (base === "id" || base === "in") return "id";
  if (base === "en") return "en";
  return null;
}
