/**
 * Requests no listener takes: a slash command other than /mentoring, a
 * button or a modal Sebaya no longer knows (an old message, a newer or older
 * release), a shortcut, a select's suggestions. Each is acknowledged the way
 * Slack expects (suggestions with an empty list), and where a person acted
 * they hear why nothing happened, privately and in their language.
 */
import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type MessageKey, translator } from "../../core/i18n/translate";
import { message, text } from "../../core/views/blocks";
import type { PlatformStore } from "../platform-port";
import type { ProfileCache } from "./people";
import { privateReply, type ReplyRules } from "./private-reply";
import { renderMessage, truncate } from "./render";
import { requesterOf } from "./requester";

/** What the person did, when a person did something. */
export type UnhandledKind = "command" | "action" | "shortcut" | "form";

export interface Unhandled {
  /** The acknowledgement's body: suggestions need an (empty) option list; everything else none. */
  ack: { options: [] } | undefined;
  answer: UnhandledKind | null;
}

const KEYS: Record<UnhandledKind, MessageKey> = {
  command: "slack.unhandled.command",
  action: "slack.unhandled.action",
  shortcut: "slack.unhandled.shortcut",
  form: "slack.unhandled.form",
};

export function classifyUnhandled(body: object): Unhandled {
  const fields = body as Readonly<Record<string, unknown>>;
  if (typeof fields.command === "string") return { ack: undefined, answer: "command" };
  switch (fields.type) {
    case "block_actions":
    case "interactive_message":
      return { ack: undefined, answer: "action" };
    case "shortcut":
    case "message_action":
      return { ack: undefined, answer: "shortcut" };
    case "view_submission":
    case "dialog_submission":
      // Acknowledged empty: the modal closes, and the answer says nothing was saved.
      return { ack: undefined, answer: "form" };
    case "block_suggestion":
    case "dialog_suggestion":
      return { ack: { options: [] }, answer: null };
    default:
      // view_closed, dialog_cancellation, or a type Slack adds later: nobody is waiting for words.
      return { ack: undefined, answer: null };
  }
}

/** The words for someone whose request Sebaya does not handle. */
export function unhandledText(language: Parameters<typeof translator>[0], kind: UnhandledKind, body: object): string {
  const command = (body as Readonly<Record<string, unknown>>).command;
  return translator(language)(KEYS[kind], { command: truncate(typeof command === "string" ? command : "", 40) });
}

export interface UnhandledRequest {
  body: object;
  client: WebClient;
  teamId: string | undefined;
  respond: RespondFn | undefined;
}

export interface UnhandledDeps {
  store: PlatformStore;
  profiles: ProfileCache;
  /** Claims a key once (platform_events): a replayed request is answered once. */
  claim: (key: string) => Promise<boolean>;
  rules: ReplyRules;
}

/** Answers the person behind an unhandled request; the request is already acknowledged. */
export function unhandledAnswers(deps: UnhandledDeps): (request: UnhandledRequest) => Promise<void> {
  return async ({ body, client, teamId, respond }) => {
    const { answer } = classifyUnhandled(body);
    if (!answer) return;
    const who = requesterOf(body);
    const team = teamId ?? who.team;
    if (!team || !who.user) return;
    if (who.triggerId && !(await deps.claim(`slack:unhandled:${team}:${who.triggerId}`))) return;
    const person = await deps.profiles.lookup(client, team, who.user, who.userName);
    const language = await deps.store.readerLanguage({
      platform: "slack",
      tenant: team,
      user: who.user,
      locale: person.locale,
      channel: who.channel,
    });
    const reply = privateReply(client, who, respond, deps.rules);
    await reply(renderMessage(message(text(unhandledText(language, answer, body)))));
  };
}
