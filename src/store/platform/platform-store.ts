/** The adapters' port (adapters/platform-port.ts) on Kysely: the platform tables, and the core's data read-only. */
import type { Kysely } from "kysely";
import type { PlatformStore } from "../../adapters/platform-port";
import { membersRepo } from "../repositories/people";
import type { Database } from "../schema";
import { createDraft, getDraft, mergeDraftAnswers, takeDraft } from "./form-drafts";
import {
  claimConversation,
  conversationOf,
  conversationPeople,
  forgetConversation,
  formerMembers,
} from "./pairing-conversations";
import { claimEvent } from "./platform-events";
import { readerLanguage } from "./reader-language";

export function platformStore(db: Kysely<Database>): PlatformStore {
  const members = membersRepo(db);
  return {
    claimEvent: (key, now, windowMs) => claimEvent(db, key, now, windowMs),
    readerLanguage: (who) => readerLanguage(db, who),
    setDmBlocked: (memberId, at) => members.setDmBlocked(memberId, at),
    drafts: {
      create: (id, owner, draft, now) => createDraft(db, id, owner, draft, now),
      get: (id, owner, now) => getDraft(db, id, owner, now),
      mergeAnswers: (id, owner, answers, now) => mergeDraftAnswers(db, id, owner, answers, now),
      take: (id, owner, now) => takeDraft(db, id, owner, now),
    },
    conversations: {
      of: (pairingId) => conversationOf(db, pairingId),
      claim: (pairingId, conversationId, now) => claimConversation(db, pairingId, conversationId, now),
      forget: (pairingId, conversationId) => forgetConversation(db, pairingId, conversationId),
      formerMembers: (pairingId) => formerMembers(db, pairingId),
      people: (tenantId, userIds, programId) => conversationPeople(db, tenantId, userIds, programId),
    },
  };
}
