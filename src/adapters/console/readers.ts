/**
 * The language and zone each person reads the playground in: what they chose
 * in the bot (their intake), else the cast's locale and zone. The playground's
 * own words (message headings, times, form prompts) follow the same rule as
 * the core's replies, so a heading never says WIT above a body in WIB.
 */
import type { Language } from "../../core/domain";
import { replyLanguage } from "../../core/messages/reply-language";
import type { Person } from "./app";
import type { PlaygroundStore } from "./playground-port";

export interface Reader {
  language: Language;
  timezone: string;
}

export const castReader = (person: Person): Reader => ({
  language: replyLanguage(null, person.locale, null),
  timezone: person.timezone,
});

export async function loadReaders(
  store: PlaygroundStore,
  tenant: string,
  people: readonly Person[],
): Promise<Map<string, Reader>> {
  const chosen = new Map((await store.chosenReaders(tenant)).map((r) => [r.userId, r]));
  return new Map(
    people.map((p) => {
      const row = chosen.get(p.id);
      return [p.id, { language: replyLanguage(row?.language ?? null, p.locale, null), timezone: row?.timezone ?? p.timezone }];
    }),
  );
}
