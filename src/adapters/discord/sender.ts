/**
 * Outbox rows to Discord over REST. Bots cannot be in group DMs, so a pair
 * talks in a private thread of the program channel, made on its first
 * message (kept through the port, made once even with two senders at once)
 * and kept in step with the pairing's members. Each post carries a nonce
 * from the row key, so a send repeated after a crash is dropped by Discord;
 * 429s come back to the dispatcher instead of being waited out here, so no
 * lease is held while Discord is slow. 50007 on a DM is `dm-closed`, and is
 * not retried (repeated 403s count toward Discord's invalid-request limit).
 * A message's file (a member's data export, DMs only) goes with its last
 * part as a multipart attachment.
 */
import { createHash } from "node:crypto";
import {
  type APIChannel,
  type APIMessage,
  ChannelType,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  REST,
  RESTJSONErrorCodes,
  Routes,
  ThreadAutoArchiveDuration,
} from "discord.js";
import type { Language } from "../../core/domain";
import { translator } from "../../core/i18n/translate";
import { type FileAttachment as Attachment, attachmentData } from "../../core/messages/attachment";
import type { Clock } from "../../core/time/clock";
import { attachmentToSend } from "../../delivery/attachment-target";
import { DeliveryFailure } from "../../delivery/delivery-failure";
import type { Outgoing } from "../../delivery/outgoing";
import type { Sender } from "../../delivery/sender";
import type { ConversationPerson, PlatformStore } from "../platform-port";
import type { DiscordMessagePayload } from "./limits";
import { escapeMarkdown, truncate } from "./markdown";
import { renderMessage } from "./render";

/** Discord's limit on a nonce. */
const NONCE_MAX = 25;
const THREAD_NAME_MAX = 100;
/** Discord's limit on an attachment's description (its alt text). */
const ALT_MAX = 1024;
/** Remembered DM channels and thread memberships (per process; Discord stays the truth). */
const CACHE_MAX = 10_000;

export interface DiscordSenderOptions {
  /** A REST client for the bot; without it one is made from `token` (see `senderRest`). */
  rest?: REST;
  token?: string;
  /** REST base URL (a proxy, a test's fake Discord); Discord's by default. */
  apiUrl?: string;
  store: PlatformStore;
  clock: Clock;
}

/**
 * The sender's REST client: a 429 (or a bucket known to be empty) rejects with
 * RateLimitError instead of waiting, nothing is retried inside, and a request
 * gives up after 10 s, well within the dispatcher's lease.
 */
export function senderRest(token: string, apiUrl?: string): REST {
  return new REST({
    version: "10",
    rejectOnRateLimit: () => true,
    retries: 0,
    timeout: 10_000,
    ...(apiUrl ? { api: apiUrl } : {}),
  }).setToken(token);
}

/** A send's nonce: the row key (and the payload's place in a long message), hashed to 25 characters. */
export function nonceFor(key: string, part = 0): string {
  return createHash("sha256").update(`${key}\u0000${part}`).digest("base64url").slice(0, NONCE_MAX);
}

const codeOf = (error: unknown): number | null =>
  error instanceof DiscordAPIError && typeof error.code === "number" ? error.code : null;

/** Discord's answer as a DeliveryFailure kind; only codes and statuses, never the request's body. */
export function discordFailure(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  if (error instanceof RateLimitError) {
    const wholeBot = error.global || error.scope === "global";
    return new DeliveryFailure(
      "rate-limited",
      `429 ${error.method} ${error.route}`,
      Math.max(error.retryAfter, 1),
      wholeBot ? "tenant" : "conversation",
    );
  }
  if (error instanceof DiscordAPIError) {
    if (error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) return new DeliveryFailure("dm-closed", "50007");
    const detail = `${error.status} ${error.code}`;
    if (error.status === 429) return new DeliveryFailure("rate-limited", detail, 1000);
    if (error.status >= 500 || error.status === 408) return new DeliveryFailure("transient", detail);
    return new DeliveryFailure("permanent", detail);
  }
  if (error instanceof HTTPError) {
    return error.status >= 500 || error.status === 408
      ? new DeliveryFailure("transient", `http ${error.status}`)
      : new DeliveryFailure("permanent", `http ${error.status}`);
  }
  // Timeouts (AbortError), connection resets.
  return new DeliveryFailure("transient", error instanceof Error ? error.name : "error");
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= CACHE_MAX && !map.has(key)) map.delete(map.keys().next().value as K);
  map.set(key, value);
}

/** "Ani dan Budi", "Ani, Budi, and Citra": the language's own list (Intl.ListFormat). */
function names(list: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { type: "conjunction" }).format(list);
}

export interface DiscordSender extends Sender {
  readonly rest: REST;
}

export function discordSender(options: DiscordSenderOptions): DiscordSender {
  if (!options.rest && !options.token) throw new Error("discordSender needs a REST client or a token");
  const rest: REST = options.rest ?? senderRest(options.token as string, options.apiUrl);
  const { store, clock } = options;
  const dmChannels = new Map<string, string>();
  /** Per thread: the users known to be in it. A thread not here yet is checked against Discord once. */
  const threadMembers = new Map<string, Set<string>>();

  async function dmChannel(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known) return known;
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    remember(dmChannels, userId, channel.id);
    return channel.id;
  }

  async function post(
    channelId: string,
    payload: DiscordMessagePayload,
    nonce: string,
    attachment?: Attachment,
  ): Promise<APIMessage> {
    if (!attachment)
      return (await rest.post(Routes.channelMessages(channelId), {
        body: { ...payload, nonce, enforce_nonce: true },
      })) as APIMessage;
    return (await rest.post(Routes.channelMessages(channelId), {
      body: {
        ...payload,
        nonce,
        enforce_nonce: true,
        // An image's description is its alt text (Discord holds 1024 characters; the whole is in the message).
        attachments: [
          {
            id: 0,
            filename: attachment.name,
            ...(attachment.mime === "image/png" ? { description: truncate(attachment.alt, ALT_MAX) } : {}),
          },
        ],
      },
      files: [{ name: attachment.name, data: Buffer.from(attachmentData(attachment)), contentType: attachment.mime }],
    })) as APIMessage;
  }

  /** Runs `action`; when the thread was archived (between fortnightly sessions), reopens it and tries once more. */
  async function inThread<T>(threadId: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (codeOf(error) !== RESTJSONErrorCodes.InvalidActionOnArchivedThread) throw error;
      await rest.patch(Routes.channel(threadId), { body: { archived: false } });
      return action();
    }
  }

  async function isThreadMember(threadId: string, userId: string): Promise<boolean> {
    try {
      await rest.get(Routes.threadMembers(threadId, userId));
      return true;
    } catch (error) {
      if (codeOf(error) === RESTJSONErrorCodes.UnknownMember) return false;
      throw error;
    }
  }

  /** The pairing's thread, made (and stored) on its first message. */
  async function threadFor(out: Outgoing & { target: { kind: "group" } }, language: Language, people: string[]) {
    const existing = await store.conversations.of(out.target.pairingId);
    if (existing) return { threadId: existing, created: false };
    const parent = out.target.channelId;
    if (!parent) throw new DeliveryFailure("permanent", "no program channel for the pair's thread");
    const name = truncate(translator(language)("discord.thread.name", { names: names(people, language) }), THREAD_NAME_MAX);
    const made = (await rest.post(Routes.threads(parent), {
      body: {
        name,
        type: ChannelType.PrivateThread,
        invitable: false,
        auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
      },
    })) as APIChannel;
    const threadId = await store.conversations.claim(out.target.pairingId, made.id, clock.now());
    if (threadId !== made.id) {
      // Another replica stored its thread first: this one stays empty, archived and locked.
      await rest.patch(Routes.channel(made.id), { body: { archived: true, locked: true } }).catch(() => undefined);
      return { threadId, created: false };
    }
    remember(threadMembers, threadId, new Set<string>());
    return { threadId, created: true };
  }

  /** Adds current members, removes those who left; returns who was added. */
  async function syncMembers(threadId: string, pairingId: string, userIds: readonly string[], created: boolean) {
    let known = threadMembers.get(threadId);
    const firstLook = !known;
    if (!known) {
      known = new Set<string>();
      remember(threadMembers, threadId, known);
    }
    const added: string[] = [];
    for (const userId of userIds) {
      if (known.has(userId)) continue;
      if (firstLook && !created && (await inThread(threadId, () => isThreadMember(threadId, userId)))) {
        known.add(userId);
        continue;
      }
      try {
        await inThread(threadId, () => rest.put(Routes.threadMembers(threadId, userId)));
      } catch (error) {
        // Left the server: they cannot be added, the others still get the message.
        if (codeOf(error) === RESTJSONErrorCodes.UnknownMember || codeOf(error) === RESTJSONErrorCodes.UnknownUser) continue;
        throw error;
      }
      known.add(userId);
      added.push(userId);
    }
    const current = new Set(userIds);
    const gone = firstLook ? await store.conversations.formerMembers(pairingId) : [...known].filter((u) => !current.has(u));
    for (const userId of gone) {
      if (current.has(userId)) continue;
      // Whoever left the pairing no longer reads the pair's conversation.
      await inThread(threadId, () => rest.delete(Routes.threadMembers(threadId, userId))).catch((error: unknown) => {
        if (codeOf(error) !== RESTJSONErrorCodes.UnknownMember && codeOf(error) !== RESTJSONErrorCodes.UnknownUser) throw error;
      });
      known.delete(userId);
    }
    return added;
  }

  /** A DM to each newly added member, pointing to the thread (never to closed DMs). */
  async function pointTo(threadId: string, added: readonly string[], people: readonly ConversationPerson[], fallback: Language) {
    for (const userId of added) {
      const person = people.find((p) => p.userId === userId);
      if (!person || person.dmBlocked) continue;
      const reader = person.language ?? fallback;
      const t = translator(reader);
      // Names are what members call themselves: escaped, so only the thread is a link here.
      const others = people.filter((p) => p.userId !== userId).map((p) => escapeMarkdown(p.displayName));
      const content = t("discord.thread.pointer", { names: names(others, reader), thread: `<#${threadId}>` });
      try {
        const dm = await dmChannel(userId);
        await post(dm, { content, allowed_mentions: { parse: [] } }, nonceFor(`thread-pointer:${threadId}:${userId}`));
      } catch (error) {
        if (codeOf(error) === RESTJSONErrorCodes.CannotSendMessagesToThisUser) {
          await store.setDmBlocked(person.memberId, clock.now());
        }
        // Anything else: they are in the thread, and Discord shows it to them; the pointer is a courtesy.
      }
    }
  }

  async function groupChannel(out: Outgoing & { target: { kind: "group" } }): Promise<string> {
    const { pairingId, userIds } = out.target;
    const { people, programLanguage } = await store.conversations.people(out.tenantId, userIds, out.programId);
    const language: Language = programLanguage ?? "id";
    const { threadId, created } = await threadFor(
      out,
      language,
      people.map((p) => p.displayName),
    );
    let added: string[];
    try {
      added = await syncMembers(threadId, pairingId, userIds, created);
    } catch (error) {
      if (codeOf(error) === RESTJSONErrorCodes.UnknownChannel) {
        // The thread was deleted: forget it, and the retry makes a new one.
        await store.conversations.forget(pairingId, threadId);
        threadMembers.delete(threadId);
        throw new DeliveryFailure("transient", "thread gone");
      }
      throw error;
    }
    await pointTo(threadId, added, people, language);
    return threadId;
  }

  async function send(out: Outgoing): Promise<{ platformMessageId: string | null }> {
    let parts: ReturnType<typeof renderMessage>;
    try {
      parts = renderMessage(out.message);
    } catch (error) {
      // The same on every try (a button whose command does not fit a custom_id): never retried.
      throw new DeliveryFailure("unsendable", `render: ${error instanceof Error ? error.message : "error"}`);
    }
    const attachment = (await attachmentToSend(out)) ?? undefined;
    let channelId: string;
    const target = out.target;
    if (target.kind === "channel") channelId = target.channelId;
    else if (target.kind === "dm") channelId = await dmChannel(target.userId);
    else channelId = await groupChannel({ ...out, target });
    let first: string | null = null;
    for (const [part, payload] of parts.entries()) {
      const file = part === parts.length - 1 ? attachment : undefined;
      const send = () => post(channelId, payload, nonceFor(out.key, part), file);
      let posted: APIMessage;
      try {
        posted = target.kind === "group" ? await inThread(channelId, send) : await send();
      } catch (error) {
        if (target.kind === "group" && codeOf(error) === RESTJSONErrorCodes.UnknownChannel) {
          await store.conversations.forget(target.pairingId, channelId);
          threadMembers.delete(channelId);
          throw new DeliveryFailure("transient", "thread gone");
        }
        if (target.kind === "dm" && codeOf(error) === RESTJSONErrorCodes.UnknownChannel) dmChannels.delete(target.userId);
        throw error;
      }
      first ??= posted.id;
    }
    return { platformMessageId: first ? `${channelId}:${first}` : null };
  }

  return {
    rest,
    async send(out) {
      try {
        return await send(out);
      } catch (error) {
        throw discordFailure(error);
      }
    },
  };
}
