/**
 * The language and zone each person reads the playground in: what they chose
 * in the bot (their intake), else the cast's locale and zone. The playground's
 * own words (message headings, times, form prompts) follow the same rule as
 * the core's replies, so a heading never says WIT above a body in WIB.
 */
import type { Kysely } from "kysely";
import type { Language } from "../../core/domain";
import { replyLanguage } from "../../core/reply-language";
import type { Database } from "../../store/schema";
import type { Person } from "./workspace";

export interface Reader {
  language: Language;
  timezone: string;
}

export const castReader = (person: Person): Reader => ({
  language: replyLanguage(null, person.locale, null),
  timezone: person.timezone,
});

export async function loadReaders(db: Kysely<Database>, tenant: string, people: readonly Person[]): Promise<Map<string, Reader>> {
  const rows = await db
    .selectFrom("members as m")
    .innerJoin("tenants as t", "t.id", "m.tenant_id")
    .select(["m.external_id", "m.language", "m.timezone"])
    .where("t.platform", "=", "console")
    .where("t.external_id", "=", tenant)
    .execute();
  const chosen = new Map(rows.map((r) => [r.external_id, r]));
  return new Map(
    people.map((p) => {
      const row = chosen.get(p.id);
      const language = row?.language === "en" || row?.language === "id" ? row.language : null;
      return [p.id, { language: replyLanguage(language, p.locale, null), timezone: row?.timezone ?? p.timezone }];
    }),
  );
}
