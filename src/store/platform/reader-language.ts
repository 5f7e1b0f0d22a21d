/**
 * The core's reply language (core/messages/reply-language.ts) for someone an adapter
 * answers on its own, without a command: their stored choice, their locale,
 * the program of the channel they acted in.
 */
import type { Kysely } from "kysely";
import type { ReaderQuery } from "../../adapters/platform-port";
import { isLanguage, type Language } from "../../core/domain";
import { replyLanguage } from "../../core/messages/reply-language";
import type { Database } from "../schema";

const asLanguage = (value: string | null | undefined): Language | null => (isLanguage(value) ? value : null);

export async function readerLanguage(db: Kysely<Database>, who: ReaderQuery): Promise<Language> {
  const member = await db
    .selectFrom("members as m")
    .innerJoin("tenants as t", "t.id", "m.tenant_id")
    .select("m.language")
    .where("t.platform", "=", who.platform)
    .where("t.external_id", "=", who.tenant)
    .where("m.external_id", "=", who.user)
    .executeTakeFirst();
  const chosen = asLanguage(member?.language);
  if (chosen) return chosen;
  const program = who.channel
    ? await db
        .selectFrom("programs as p")
        .innerJoin("tenants as t", "t.id", "p.tenant_id")
        .select("p.language")
        .where("t.platform", "=", who.platform)
        .where("t.external_id", "=", who.tenant)
        .where("p.channel_id", "=", who.channel)
        .executeTakeFirst()
    : undefined;
  return replyLanguage(null, who.locale, asLanguage(program?.language));
}
