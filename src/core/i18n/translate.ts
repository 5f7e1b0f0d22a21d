/** Translation: ICU messages through intl-messageformat (plural rules from Intl). */
import { IntlMessageFormat } from "intl-messageformat";
import type { Language } from "../domain";
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

/** Picks a supported language from a platform locale such as "id-ID" or "en-US". */
export function languageFromLocale(locale: string | undefined | null): Language | null {
  if (!locale) return null;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  if (base === "id" || base === "in") return "id";
  if (base === "en") return "en";
  return null;
}
