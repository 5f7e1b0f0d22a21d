/**
 * The language Sebaya speaks to someone: their own choice, else their
 * platform's locale, else the language of the program where they acted, else
 * Indonesian. One rule, used for the core's replies and for the few words an
 * adapter says on its own (an expired form, a request it does not handle).
 */
import type { Language } from "../domain";
import { languageFromLocale } from "../i18n/translate";

export function replyLanguage(
  chosen: Language | null | undefined,
  locale: string | null | undefined,
  programLanguage: Language | null | undefined,
): Language {
  return chosen ?? languageFromLocale(locale) ?? programLanguage ?? "id";
}
