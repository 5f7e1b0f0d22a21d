/**
 * The one port adapters keep state through: what a platform needs remembered
 * beside the core's tables (handled events, form drafts, a pair's
 * conversation) and the few things it reads from the core's data (a reader's
 * language, by the core's rule). Adapters never hold a database handle, so
 * no adapter can grow its own queries or re-derive a core rule; the store
 * implements this in src/store/platform/platform-store.ts.
 */
import type { Language, Platform } from "../core/domain";
import type { FormAnswers } from "../core/forms/form-submission";
import type { Form } from "../core/messages/message";

/** Who a draft belongs to, as the platform names them. */
export interface DraftOwner {
  platform: Platform;
  tenantExternalId: string;
  userId: string;
}

export interface DraftDocument {
  form: Form;
  answers: FormAnswers;
  /** The language the steps are shown in (yes/no options, placeholders, prompts). */
  language: Language;
  /** The channel the form was opened in, for the command's envelope. */
  channelId?: string;
  /** The message whose button opened the form: it is settled when the form is answered. */
  origin?: { channelId: string; messageId: string; kind: "dm" | "thread" | "channel" };
}

/** A form answered over several steps, kept for one person between steps. */
export interface FormDrafts {
  /** Stores a new draft and returns its id; null when the tenant is unknown (the core has not seen it yet). */
  create(id: string, owner: DraftOwner, draft: DraftDocument, now: Date): Promise<string | null>;
  /** The draft, if it exists, has not expired and belongs to this person. */
  get(id: string, owner: DraftOwner, now: Date): Promise<DraftDocument | null>;
  /** Adds a step's answers (later answers win); false when the draft is gone. */
  mergeAnswers(id: string, owner: DraftOwner, answers: FormAnswers, now: Date): Promise<boolean>;
  /** Deletes the draft and returns it: a last step submitted twice completes the form once. */
  take(id: string, owner: DraftOwner, now: Date): Promise<DraftDocument | null>;
}

export interface ConversationPerson {
  memberId: string;
  userId: string;
  displayName: string;
  language: Language | null;
  dmBlocked: boolean;
}

/** The conversation a pairing talks in, where the platform makes one itself (Discord's private threads). */
export interface PairConversations {
  of(pairingId: string): Promise<string | null>;
  /** Stores `conversationId` unless the pairing has one already; returns the one that counts. */
  claim(pairingId: string, conversationId: string, now: Date): Promise<string>;
  /** The conversation is gone: the next message makes a new one. */
  forget(pairingId: string, conversationId: string): Promise<void>;
  /** Platform ids of those who left the pairing (and are not back in it). */
  formerMembers(pairingId: string): Promise<string[]>;
  /** What a sender needs to name a pairing's conversation and point its members to it. */
  people(
    tenantId: string,
    userIds: readonly string[],
    programId: string | null,
  ): Promise<{ people: ConversationPerson[]; programLanguage: Language | null }>;
}

/** Someone an adapter answers on its own, without a command. */
export interface ReaderQuery {
  platform: Platform;
  tenant: string;
  user: string;
  locale?: string | undefined;
  /** The channel they acted in: its program's language counts when they chose none. */
  channel?: string | undefined;
}

export interface PlatformStore {
  /** True the first time `key` is seen (or first again after `windowMs`); false for a repeat. */
  claimEvent(key: string, now: Date, windowMs?: number): Promise<boolean>;
  /** The core's reply language (core/messages/reply-language.ts) for `who`. */
  readerLanguage(who: ReaderQuery): Promise<Language>;
  /** The member does not take DMs from the bot (learnt while sending); cleared when they next act. */
  setDmBlocked(memberId: string, at: Date): Promise<void>;
  drafts: FormDrafts;
  conversations: PairConversations;
}
