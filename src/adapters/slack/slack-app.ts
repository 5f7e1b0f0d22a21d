/**
 * Slack through @slack/bolt, HTTP mode: slash commands, button presses and
 * modal submissions at /slack/events (every request's signature verified by
 * Bolt), turned into the core's commands. Each request is acknowledged first;
 * replies go back ephemerally (response_url), forms open as modals, and what
 * a modal's submission answers arrives as a DM. No business rules here.
 */
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Envelope } from "../../core/commands";
import type { Core } from "../../core/core";
import type { Reply } from "../../core/messages";
import { commandFromText } from "../../core/slash";
import {
  commandFromSubmission,
  decodeButton,
  FORM_CALLBACK_ID,
  renderMessage,
  renderModal,
  SLACK_LIMITS,
  settledBlocks,
  type ViewState,
} from "./block-kit";

export interface SlackAppOptions {
  core: Core;
  signingSecret: string;
  botToken: string;
  /** The Web API base URL (GovSlack, a proxy, or a test's fake server). */
  apiUrl?: string;
  port: number;
  /** Called with unexpected errors; never with private text. */
  onError?: (error: unknown) => void;
}

export interface SlackApp {
  client: WebClient;
  port: number;
  stop(): Promise<void>;
}

interface Person {
  team: string;
  user: string;
  name: string;
}

/** DMs and group DMs are not program channels: a command there has no channel. */
function programChannel(id: string | undefined, name: string | undefined): string | undefined {
  if (!id) return undefined;
  if (id.startsWith("D") || name === "directmessage" || name?.startsWith("mpdm-")) return undefined;
  return id;
}

function envelope(person: Person, channelId: string | undefined, command: unknown): Envelope {
  return {
    actor: { platform: "slack", tenantId: person.team, userId: person.user, displayName: person.name || person.user },
    ...(channelId ? { channelId } : {}),
    command,
  };
}

export async function startSlackApp(options: SlackAppOptions): Promise<SlackApp> {
  const receiver = new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: "/slack/events" });
  const app = new App({
    token: options.botToken,
    receiver,
    // Skips auth.test at start: the bot's own ids are not needed for slash commands and interactions.
    botId: "B_SEBAYA",
    botUserId: "U_SEBAYA",
    logLevel: LogLevel.ERROR,
    clientOptions: {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      // 429s come back to the dispatcher, which reschedules instead of blocking.
      rejectRateLimitedCalls: true,
    },
  });
  const client = app.client;

  /** A settled question in a DM: its buttons give way to the answer (a shared message keeps them for the others). */
  async function settle(reply: Reply, origin: { channel: string; ts: string; blocks?: KnownBlock[] } | undefined): Promise<void> {
    if (!reply.settled || !origin?.channel.startsWith("D")) return;
    const blocks = settledBlocks(origin.blocks ?? [], reply.messages[0]);
    await client.chat.update({
      channel: origin.channel,
      ts: origin.ts,
      text: renderMessage(reply.messages[0] ?? { blocks: [] }).text,
      blocks,
    });
  }

  /** Replies are ephemeral where the person acted; a form opens as a modal; without either, a DM. */
  async function answer(
    reply: Reply,
    person: Person,
    where: {
      respond?: (m: Record<string, unknown>) => Promise<unknown>;
      triggerId?: string;
      channelId?: string;
      origin?: { channel: string; ts: string };
    },
  ): Promise<void> {
    if (reply.form && where.triggerId) {
      await client.views.open({
        trigger_id: where.triggerId,
        view: renderModal(reply.form, { channelId: where.channelId, origin: where.origin }),
      });
    }
    for (const m of reply.messages) {
      const rendered = renderMessage(m);
      if (where.respond) await where.respond({ response_type: "ephemeral", replace_original: false, ...rendered });
      else await client.chat.postMessage({ channel: person.user, ...rendered });
    }
  }

  app.command("/mentoring", async ({ command, ack, respond }) => {
    await ack();
    const person = { team: command.team_id, user: command.user_id, name: command.user_name };
    const channelId = programChannel(command.channel_id, command.channel_name);
    const reply = await options.core.execute(envelope(person, channelId, commandFromText(command.text ?? "")));
    await answer(reply, person, { respond, triggerId: command.trigger_id, ...(channelId ? { channelId } : {}) });
  });

  app.action(/^sebaya:/, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== "block_actions") return;
    const value =
      action.type === "button" ? action.value : action.type === "static_select" ? action.selected_option?.value : undefined;
    if (!value) return;
    const payload = decodeButton(value);
    const person = { team: body.team?.id ?? body.user.team_id ?? "", user: body.user.id, name: body.user.name ?? body.user.id };
    const channelId = programChannel(body.channel?.id, body.channel?.name);
    const reply = await options.core.execute(envelope(person, channelId, payload.command));
    const origin =
      body.channel?.id && body.message?.ts
        ? { channel: body.channel.id, ts: body.message.ts, blocks: (body.message.blocks ?? []) as KnownBlock[] }
        : undefined;
    await answer(reply, person, {
      respond,
      triggerId: body.trigger_id,
      ...(channelId ? { channelId } : {}),
      ...(origin ? { origin: { channel: origin.channel, ts: origin.ts } } : {}),
    });
    await settle(reply, origin);
  });

  app.view(FORM_CALLBACK_ID, async ({ ack, view, body }) => {
    await ack();
    const { command, channelId, origin } = commandFromSubmission(view.private_metadata, view.state as ViewState);
    const person = { team: body.team?.id ?? body.user.team_id ?? "", user: body.user.id, name: body.user.name };
    const reply = await options.core.execute(envelope(person, channelId, command));
    await answer(reply, person, {});
    if (reply.settled && origin) {
      // The modal does not carry the message's blocks: fetch them by settling over what Slack has.
      const history = await client.conversations.history({
        channel: origin.channel,
        latest: origin.ts,
        inclusive: true,
        limit: 1,
      });
      const blocks = (history.messages?.[0]?.blocks ?? []) as KnownBlock[];
      await settle(reply, { ...origin, blocks });
    }
  });

  // App Home: the member's own status (program, round, pairing, next session, break) and the help.
  // Slack retries events it thinks were missed; publishing the same view twice is harmless.
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== "home") return;
    const team = (body as { team_id?: string }).team_id ?? "";
    const person = { team, user: event.user, name: event.user };
    const status = await options.core.execute(envelope(person, undefined, { type: "status" }));
    const help = await options.core.execute(envelope(person, undefined, { type: "help" }));
    const blocks = [...status.messages, ...help.messages].flatMap((m, i) => [
      ...(i > 0 ? [{ type: "divider" as const }] : []),
      ...m.blocks,
    ]);
    await client.views.publish({
      user_id: event.user,
      view: { type: "home", blocks: renderMessage({ blocks }, SLACK_LIMITS.blocksPerView).blocks },
    });
  });

  app.error(async (error) => {
    options.onError?.(error);
  });

  const server = await app.start(options.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    client,
    port,
    stop: () => app.stop().then(() => undefined),
  };
}
