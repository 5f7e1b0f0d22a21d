/**
 * Slack requests into the core's commands (see ARCHITECTURE.md, "The same
 * click on Slack"). Every request is acknowledged before any work, so a slow
 * database never makes Slack time out; the guards in front of Bolt (future
 * timestamps, requests no listener takes) exist because Bolt alone would let
 * them through or answer with a 404 after 3 s.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { App, type BlockAction, HTTPReceiver, LogLevel, type RespondFn, SocketModeReceiver } from "@slack/bolt";
import type { InstallationStore, StateStore } from "@slack/oauth";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { commandFromText } from "../../core/commands/slash";
import type { Core } from "../../core/core";
import { formSubmission } from "../../core/forms/form-submission";
import { translator } from "../../core/i18n/translate";
import type { Message, Reply } from "../../core/messages/message";
import type { Clock } from "../../core/time/clock";
import type { PlatformStore } from "../platform-port";
import { type InteractionTimings, requestClock } from "../shared/interaction-timings";
import { DOUBLE_CLICK_MS, pressDigest } from "../shared/presses";
import { acknowledgeEveryRequest } from "./acknowledge-every-request";
import { fieldErrors, type SubmittedBlock } from "./field-errors";
import { keepReview, peekReview, type ReviewPress, reviewPress, takeReview } from "./form-review";
import type { SlackInstallationStore } from "./installation-store";
import { envelope, type Person, ProfileCache } from "./people";
import { type PrivateReply, privateReply } from "./private-reply";
import {
  commandFromSubmission,
  decodeButton,
  FORM_CALLBACK_ID,
  formChannel,
  LINK_ACTION_PREFIX,
  notedBlocks,
  renderMessage,
  renderModal,
  SLACK_LIMITS,
  settledBlocks,
  TOPICS_ACTION,
  truncate,
  type ViewState,
} from "./render";
import { guardTimestamps } from "./request-timestamp";
import { requesterOf } from "./requester";
import { unhandledAnswers } from "./unhandled-requests";

/** The scopes the bot uses (the manifest lists the same). */
export const SLACK_BOT_SCOPES = [
  "commands",
  "chat:write",
  "im:write",
  "mpim:write",
  "im:history",
  "mpim:history",
  "users:read",
  "channels:read",
  "groups:read",
  // issue 16: a member's data export, uploaded into their DM (files.uploadV2).
  "files:write",
] as const;

export type SlackAuth =
  | { kind: "token"; botToken: string }
  | {
      kind: "oauth";
      clientId: string;
      clientSecret: string;
      installations: SlackInstallationStore;
      /** Single-use OAuth states (store/platform/slack-oauth-states.ts), instead of Bolt's reusable signed ones. */
      states: StateStore;
    };

export type SlackTransport = { kind: "http"; port: number; signingSecret: string } | { kind: "socket"; appToken: string };

export interface SlackAppOptions {
  core: Core;
  store: PlatformStore;
  clock: Clock;
  auth: SlackAuth;
  transport: SlackTransport;
  /** The Web API base URL (GovSlack, a proxy, or a test's fake server). */
  apiUrl?: string;
  /** Called with unexpected errors; never with private text. */
  onError?: (error: unknown) => void;
  /** Called when a request is set aside on purpose, with its kind only (never a URL, a token or text). */
  onNotice?: (kind: SlackNotice) => void;
  /** Extra GET routes on the HTTP receiver (HTTP and OAuth modes): the health and metrics endpoints. */
  routes?: Array<{ path: string; method: string; handler: (req: IncomingMessage, res: ServerResponse) => void }>;
  /** Told each request's ack and reply latency. */
  timings?: InteractionTimings;
  /** Socket Mode: told when the WebSocket drops (false) and when Slack's hello arrives again (true). */
  onConnection?: (connected: boolean) => void;
}

/** Why a request was not acted on as sent. */
export type SlackNotice = "command-replayed" | "timestamp-refused" | "response-url-refused" | "request-unhandled";

export interface SlackApp {
  /** The HTTP port (HTTP mode), for tests that bind port 0. */
  port: number | null;
  stop(): Promise<void>;
}

/** DMs and group DMs are not program channels: a command there has no channel. */
function programChannel(id: string | undefined, name: string | undefined): string | undefined {
  if (!id) return undefined;
  if (id.startsWith("D") || name === "directmessage" || name?.startsWith("mpdm-")) return undefined;
  return id;
}

const hash = (value: string) => pressDigest(value, 22);

/**
 * Installed again within its 30 days: once the new token is stored (so the note can be sent), the
 * workspace's pending deletion is called off and its organizers hear nothing was lost.
 */
function returningWorkspaces(installations: SlackInstallationStore, core: Core): InstallationStore {
  return {
    fetchInstallation: (query, logger) => installations.fetchInstallation(query, logger),
    deleteInstallation: (query) => installations.deleteInstallation(query),
    async storeInstallation(installation, logger) {
      await installations.storeInstallation(installation, logger);
      const team = installation.team?.id;
      if (team) await core.spaceReturned({ platform: "slack", tenantId: team, space: team });
    },
  };
}

/** When the receiver had the request (stamped by `customPropertiesExtractor`), for the latency metrics. */
const receivedAtOf = (context: Record<string, unknown>): number =>
  typeof context.receivedAt === "number" ? context.receivedAt : Date.now();
const stampArrival = () => ({ receivedAt: Date.now() });

export async function startSlackApp(options: SlackAppOptions): Promise<SlackApp> {
  const clientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    // 429s come back to the dispatcher, which reschedules instead of blocking.
    rejectRateLimitedCalls: true,
  };
  const oauth =
    options.auth.kind === "oauth"
      ? {
          clientId: options.auth.clientId,
          clientSecret: options.auth.clientSecret,
          scopes: [...SLACK_BOT_SCOPES],
          installationStore: returningWorkspaces(options.auth.installations, options.core),
          // Single-use states in the database, instead of the default signed (reusable) ones.
          installerOptions: { clientOptions, directInstall: true, stateStore: options.auth.states },
        }
      : {};
  const receiver =
    options.transport.kind === "socket"
      ? new SocketModeReceiver({
          appToken: options.transport.appToken,
          logLevel: LogLevel.ERROR,
          installerOptions: { clientOptions },
          customPropertiesExtractor: stampArrival,
        })
      : new HTTPReceiver({
          signingSecret: options.transport.signingSecret,
          endpoints: "/slack/events",
          customPropertiesExtractor: stampArrival,
          ...(options.routes ? { customRoutes: options.routes } : {}),
          ...oauth,
        });
  // Bolt refuses only old timestamps; the guard refuses future ones too, before Bolt reads the request.
  if (receiver instanceof HTTPReceiver)
    receiver.requestListener = guardTimestamps(receiver.requestListener, () => options.onNotice?.("timestamp-refused"));
  const profiles = new ProfileCache();
  const claim = (key: string, windowMs?: number) => options.store.claimEvent(key, options.clock.now(), windowMs);
  const replyRules = { apiUrl: options.apiUrl, onRefused: () => options.onNotice?.("response-url-refused") };
  const answerUnhandled = unhandledAnswers({ store: options.store, profiles, claim: (key) => claim(key), rules: replyRules });
  const app = new App({
    ...(options.auth.kind === "token" ? { token: options.auth.botToken } : {}),
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions,
    // Bolt's conversation store is unused here, and its in-memory default built and threw an Error
    // (stack trace included) for every request of a conversation it had not seen: ~1.5% of the CPU.
    convoStore: false,
  });
  // Modals' metadata is sealed under a secret only this deployment has (see form-metadata.ts).
  const formKey = createHash("sha256")
    .update("sebaya:slack-form:")
    .update(options.transport.kind === "http" ? options.transport.signingSecret : options.transport.appToken)
    .digest();
  // Requests no listener takes are acknowledged at once and answered, instead of a 404 after 3 s.
  acknowledgeEveryRequest(app, receiver, async (request) => {
    options.onNotice?.("request-unhandled");
    await answerUnhandled(request).catch((error: unknown) => options.onError?.(error));
  });
  /** Replies only the person who acted sees; a response_url off Slack's host is never followed. */
  const privately = (client: WebClient, body: object, respond: RespondFn | undefined) =>
    privateReply(client, requesterOf(body), respond, replyRules);

  /**
   * An answered question is updated so it cannot be answered twice: in a DM its buttons give way
   * to the answer; in a pair's group DM a note says who answered (never what), and the buttons go
   * once everyone has.
   */
  async function settle(
    client: WebClient,
    reply: Reply,
    origin: { channel: string; ts: string; blocks?: KnownBlock[] } | undefined,
  ): Promise<void> {
    if (!origin) return;
    if (origin.channel.startsWith("D")) {
      if (!reply.settled) return;
      await client.chat.update({
        channel: origin.channel,
        ts: origin.ts,
        text: renderMessage(reply.messages[0] ?? { blocks: [] }).text,
        blocks: settledBlocks(origin.blocks ?? [], reply.messages[0]),
      });
      return;
    }
    if (!reply.shared) return;
    // Read back: another member's note may have been added since the button was pressed.
    const current = (await messageBlocks(client, origin)) ?? origin.blocks ?? [];
    await client.chat.update({
      channel: origin.channel,
      ts: origin.ts,
      text: renderMessage(reply.shared.note).text,
      blocks: notedBlocks(current, reply.shared.note, reply.shared.everyone),
    });
  }

  /** A message's blocks as Slack has them now (conversations.history), or null when it cannot say. */
  async function messageBlocks(client: WebClient, origin: { channel: string; ts: string }): Promise<KnownBlock[] | null> {
    const history = await client.conversations.history({ channel: origin.channel, latest: origin.ts, inclusive: true, limit: 1 });
    const found = history.messages?.[0];
    return found?.ts === origin.ts ? ((found.blocks ?? []) as KnownBlock[]) : null;
  }

  /** Replies are ephemeral where the person acted; a form opens as a modal; without either, a DM. */
  async function answer(
    client: WebClient,
    reply: Reply,
    person: Person,
    where: {
      reply?: PrivateReply;
      triggerId?: string;
      channelId?: string;
      origin?: { channel: string; ts: string };
    },
  ): Promise<void> {
    // Answers read back wait in a draft for the member's confirm or fix (form-review.ts).
    const owner = { platform: "slack" as const, tenantExternalId: person.team, userId: person.user };
    const kept = { language: reply.language ?? "id", ...(where.channelId ? { channelId: where.channelId } : {}) };
    const messages: Message[] = [...(await keepReview(options.store.drafts, owner, reply, kept, options.clock.now())).messages];
    if (reply.form && where.triggerId) {
      try {
        await client.views.open({
          trigger_id: where.triggerId,
          view: renderModal(reply.form, formKey, { channelId: where.channelId, origin: where.origin }),
        });
      } catch (error) {
        // A trigger lives 3 s; when it expired, a button opens the same form with a fresh one.
        options.onError?.(error);
        messages.push({
          blocks: [
            {
              type: "actions",
              elements: [{ type: "button", label: reply.form.title, action: { kind: "form", request: reply.form.request } }],
            },
          ],
        });
      }
    }
    for (const m of messages) {
      const rendered = renderMessage(m);
      if (where.reply) await where.reply(rendered);
      else await client.chat.postMessage({ channel: person.user, ...rendered });
    }
  }

  /**
   * Confirm or fix answers read back: the draft is taken (answered once; for a fix, once its modal
   * is open); confirm submits its answers as the form would, fix opens the form again, prefilled.
   * The review in the DM loses its buttons either way.
   */
  async function answerReview(
    client: WebClient,
    body: BlockAction,
    person: Person,
    press: ReviewPress,
    respond: RespondFn,
  ): Promise<void> {
    const owner = { platform: "slack" as const, tenantExternalId: person.team, userId: person.user };
    const draft = await (press.choice === "confirm" ? takeReview : peekReview)(
      options.store.drafts,
      owner,
      press,
      options.clock.now(),
    );
    const reply = privately(client, body, respond);
    if (!draft) {
      const language = await options.store.readerLanguage({
        platform: "slack",
        tenant: person.team,
        user: person.user,
        locale: person.locale,
      });
      await reply(renderMessage({ blocks: [{ type: "text", text: translator(language)("review.expired") }] }));
      return;
    }
    let done: Message | undefined;
    if (press.choice === "confirm") {
      const result = await options.core.execute({
        ...envelope(person, draft.channelId, formSubmission(draft.form.request, draft.answers)),
        requestId: body.trigger_id,
      });
      await answer(client, result, person, { reply, ...(draft.channelId ? { channelId: draft.channelId } : {}) });
      done = result.messages[0];
    } else {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderModal(draft.form, formKey, { channelId: draft.channelId }),
      });
      // Taken once the modal is open: a trigger that expired leaves the answers for another press.
      await takeReview(options.store.drafts, owner, press, options.clock.now());
      done = { blocks: [{ type: "text", text: translator(draft.language)("review.fix") }] };
    }
    const channel = body.channel?.id;
    const ts = body.message?.ts;
    if (channel?.startsWith("D") && ts)
      await client.chat.update({
        channel,
        ts,
        text: renderMessage(done ?? { blocks: [] }).text,
        blocks: settledBlocks((body.message?.blocks ?? []) as KnownBlock[], done),
      });
  }

  app.command("/mentoring", async ({ command, ack, respond, client, context }) => {
    const clock = requestClock(options.timings, receivedAtOf(context));
    await ack();
    clock.acked();
    // A replayed request (the same signed body sent again) carries the same trigger_id: it runs once.
    if (!(await claim(`slack:command:${command.team_id}:${command.trigger_id}`))) {
      options.onNotice?.("command-replayed");
      return;
    }
    const person = await profiles.lookup(client, command.team_id, command.user_id, command.user_name);
    const channelId = programChannel(command.channel_id, command.channel_name);
    const reply = await options.core.execute({
      ...envelope(person, channelId, commandFromText(command.text ?? "")),
      requestId: command.trigger_id,
    });
    await answer(client, reply, person, {
      reply: privately(client, command, respond),
      triggerId: command.trigger_id,
      ...(channelId ? { channelId } : {}),
    });
    clock.replied("command");
  });

  // A link button (add to calendar) opened its page in the browser: nothing to do but acknowledge.
  app.action(new RegExp(`^${LINK_ACTION_PREFIX}`), async ({ ack }) => {
    await ack();
  });

  app.action(/^sebaya:/, async ({ ack, body, action, respond, client, context }) => {
    const clock = requestClock(options.timings, receivedAtOf(context));
    await ack();
    clock.acked();
    if (body.type !== "block_actions") return;
    const value =
      (action.type === "button" ? action.value : action.type === "static_select" ? action.selected_option?.value : undefined) ??
      "";
    const team = body.team?.id ?? body.user.team_id ?? "";
    const where = body.message?.ts ?? body.view?.id ?? body.container?.message_ts ?? "";
    const actionId = "action_id" in action ? action.action_id : "";
    if (!(await claim(`slack:press:${team}:${body.user.id}:${where}:${actionId}:${hash(value)}`, DOUBLE_CLICK_MS))) return;

    const person = await profiles.lookup(client, team, body.user.id, body.user.name ?? body.user.id);
    const press = reviewPress(value);
    if (press) {
      await answerReview(client, body, person, press, respond);
      clock.replied("action");
      return;
    }
    const channelId = programChannel(body.channel?.id, body.channel?.name);
    // An unreadable value goes to the core as null: it answers that the button could not be read.
    const reply = await options.core.execute({ ...envelope(person, channelId, decodeButton(value)), requestId: body.trigger_id });
    const origin =
      body.channel?.id && body.message?.ts
        ? { channel: body.channel.id, ts: body.message.ts, blocks: (body.message.blocks ?? []) as KnownBlock[] }
        : undefined;
    await answer(client, reply, person, {
      reply: privately(client, body, respond),
      triggerId: body.trigger_id,
      ...(channelId ? { channelId } : {}),
      ...(origin ? { origin: { channel: origin.channel, ts: origin.ts } } : {}),
    });
    clock.replied("action");
    await settle(client, reply, origin);
  });

  app.view(FORM_CALLBACK_ID, async ({ ack, view, body, client, context }) => {
    const clock = requestClock(options.timings, receivedAtOf(context));
    const submitted = commandFromSubmission(view.private_metadata, view.state as ViewState, formKey);
    const team = body.team?.id ?? body.user.team_id ?? "";
    if (submitted) {
      // A field the core would refuse is shown beside it, in the modal still open: nothing typed is lost.
      const language = await options.store.readerLanguage({ platform: "slack", tenant: team, user: body.user.id });
      const errors = fieldErrors(
        submitted.request,
        (view.blocks ?? []) as SubmittedBlock[],
        submitted.answers,
        translator(language),
      );
      if (errors) {
        await ack({ response_action: "errors", errors });
        clock.acked();
        return;
      }
    }
    await ack();
    clock.acked();
    // Metadata this deployment did not seal reaches the core as null: nothing runs, the member is told.
    const { command = null, channelId, origin } = submitted ?? {};
    const person = await profiles.lookup(client, team, body.user.id, body.user.name);
    const requestId = "trigger_id" in body ? body.trigger_id : view.id;
    const reply = await options.core.execute({ ...envelope(person, channelId, command), requestId });
    // The channel goes with answers read back, for their confirm (form-review.ts).
    await answer(client, reply, person, channelId ? { channelId } : {});
    clock.replied("view");
    if ((reply.settled || reply.shared) && origin) {
      // The modal does not carry the message's blocks: settle over what Slack has.
      await settle(client, reply, { ...origin, blocks: (await messageBlocks(client, origin)) ?? [] });
    }
  });

  // A topics list's type-ahead: the program's topics (its organizers' edits included) for what is
  // typed, in the form's language, at most Slack's 100 options; one indexed read, well within Slack's
  // 3 seconds.
  app.options(TOPICS_ACTION, async ({ ack, body }) => {
    const action = "action_id" in body ? String(body.action_id) : "";
    const language = TOPICS_ACTION.exec(action)?.[1] === "en" ? "en" : "id";
    const query = "value" in body ? String(body.value ?? "") : "";
    const sealed = "view" in body ? body.view?.private_metadata : undefined;
    const channelId = sealed ? formChannel(sealed, formKey) : undefined;
    const tenantId = body.team?.id ?? body.user.team_id ?? "";
    const suggestions = await options.core.suggestTopics({
      platform: "slack",
      tenantId,
      ...(channelId ? { channelId } : {}),
      query,
      language,
    });
    await ack({
      options: suggestions.map((s) => ({
        text: { type: "plain_text" as const, text: truncate(s.label, SLACK_LIMITS.optionText) },
        value: s.label.slice(0, SLACK_LIMITS.optionValue),
      })),
    });
  });

  // App Home: the member's status, goals and progress, private journal; organizers also their programs.
  app.event("app_home_opened", async ({ event, body, client, context }) => {
    if (event.tab !== "home") return;
    if (!(await claim(`slack:event:${body.event_id}`))) return;
    const person = await profiles.lookup(client, context.teamId ?? body.team_id, event.user, event.user);
    const home = await options.core.execute(envelope(person, undefined, { type: "home" }));
    const blocks = home.messages.flatMap((m, i) => [...(i > 0 ? [{ type: "divider" as const }] : []), ...m.blocks]);
    await client.views.publish({
      user_id: event.user,
      view: { type: "home", blocks: renderMessage({ blocks }, SLACK_LIMITS.blocksPerView).blocks },
    });
  });

  // Someone joined a program channel: a welcome only they see (with the join button while sign-ups are open).
  app.event("member_joined_channel", async ({ event, body, client, context }) => {
    if (event.user === context.botUserId) return;
    if (!(await claim(`slack:event:${body.event_id}`))) return;
    const person = await profiles.lookup(client, context.teamId ?? body.team_id, event.user, event.user);
    const reply = await options.core.execute(envelope(person, event.channel, { type: "welcome" }));
    for (const m of reply.messages) {
      await client.chat.postEphemeral({ channel: event.channel, user: event.user, ...renderMessage(m) });
    }
  });

  // Uninstalled, or the bot's token revoked: the installation (tokens included) is deleted, and the
  // workspace's data is marked for deletion in 30 days unless the app is installed again. Organizers
  // cannot be told now (Slack revoked the token before saying so): they hear it on a reinstall.
  const forget = async (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) => {
    if (options.auth.kind === "oauth")
      await options.auth.installations.deleteInstallation({
        teamId: context.teamId,
        enterpriseId: context.enterpriseId,
        isEnterpriseInstall: context.isEnterpriseInstall ?? false,
      });
    const team = context.teamId;
    if (team) await options.core.spaceLeft({ platform: "slack", tenantId: team, space: team, organizersReachable: false });
  };
  app.event("app_uninstalled", async ({ context }) => forget(context));
  app.event("tokens_revoked", async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(context);
  });

  app.error(async (error) => {
    options.onError?.(error);
  });

  if (options.transport.kind === "socket") {
    const onConnection = options.onConnection;
    if (onConnection && receiver instanceof SocketModeReceiver) {
      // The client reconnects by itself after a pause (no state event on the drop itself: its 'close').
      const socket = receiver.client;
      let up = false;
      const set = (connected: boolean) => {
        if (connected === up) return;
        up = connected;
        onConnection(connected);
      };
      socket.on("connected", () => set(true));
      for (const down of ["close", "reconnecting", "disconnected"]) socket.on(down, () => set(false));
    }
    await app.start();
    return { port: null, stop: () => app.stop().then(() => undefined) };
  }
  const server = await app.start(options.transport.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.transport.port;
  return { port, stop: () => app.stop().then(() => undefined) };
}
