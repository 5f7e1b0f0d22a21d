import type { Actor } from "./commands/command";
import type { Language, Member, Tenant } from "./domain";
import type { Translate } from "./i18n/translate";
import type { Tx } from "./ports";

/** Everything a use case may touch: one transaction, one instant, one actor. */
export interface Context {
  tx: Tx;
  now: Date;
  actor: Actor;
  tenant: Tenant;
  member: Member;
  /** The channel the command came from; undefined in a DM. */
  channelId: string | undefined;
  /** The actor's language, for the immediate reply. */
  language: Language;
  t: Translate;
}
