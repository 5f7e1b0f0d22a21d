/**
 * The language for the adapter's own words (an answer to a request Sebaya
 * does not handle), decided as the core decides for its replies: the
 * member's choice, else their Slack locale, else the language of the
 * program in the channel they acted in, else Indonesian.
 */
import type { Kysely } from "kysely";
import { LANGUAGES, type Language } from "../../core/domain";
import { languageFromLocale } from "../../core/i18n/translate";
import type { Database } from "../../store/schema";

const isLanguage = (value: string | null | undefined): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

export async function readerLanguage(
  db: Kysely<Database>,
  who: { team: string; user: string; locale?: string | undefined; channel?: string | undefined },
): Promise<Language> {
  const member = await db
    .selectFrom("members as m")
    .innerJoin("tenants as t", "t.id", "m.tenant_id")
    .select("m.language")
    .where("t.platform", "=", "slack")
    .where("t.external_id", "=", who.team)
    .where("m.external_id", "=", who.user)
    .executeTakeFirst();
  if (isLanguage(member?.language)) return member.language;
  const fromLocale = languageFromLocale(who.locale);
  if (fromLocale) return fromLocale;
  if (!who.channel) return "id";
  const program = await db
    .selectFrom("programs as p")
    .innerJoin("tenants as t", "t.id", "p.tenant_id")
    .select("p.language")
    .where("t.platform", "=", "slack")
    .where("t.external_id", "=", who.team)
    .where("p.channel_id", "=", who.channel)
    .executeTakeFirst();
  return isLanguage(program?.language) ? program.language : "id";
}
