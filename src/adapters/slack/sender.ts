/**
 * Delivers outbox rows to Slack: a DM or a pair's group DM is opened with
 * conversations.open (all members at once: one group DM per pair or trio),
 * then chat.postMessage with the Block Kit rendering; a message with a file
 * (a member's data export, DMs only) is one files.uploadV2 into the DM, the
 * blocks as the file's message. Slack's answers become
 * DeliveryFailure kinds so the dispatcher can retry, wait or fall back.
 */
import { ErrorCode } from "@slack/web-api";
import { attachmentData } from "../../core/messages/attachment";
import { attachmentToSend } from "../../delivery/attachment-target";
import { DeliveryFailure } from "../../delivery/delivery-failure";
import type { Outgoing } from "../../delivery/outgoing";
import type { Sender } from "../../delivery/sender";
import { renderMessage } from "./render";
import type { WorkspaceClients } from "./workspace-clients";

/** Slack's image alt text holds 1000 characters; the full text is in the message beside it. */
const ALT_MAX = 1000;
const truncateAlt = (alt: string): string => (alt.length > ALT_MAX ? `${alt.slice(0, ALT_MAX - 1)}…` : alt);

/** Slack error codes that mean the member cannot get a DM from the bot. */
const DM_CLOSED = new Set(["cannot_dm_bot", "messages_tab_disabled", "user_disabled", "restricted_action"]);
/** Codes retrying cannot fix. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "users_not_found",
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "missing_scope",
  "msg_too_long",
  "invalid_blocks",
  "too_many_users",
]);

interface SlackError {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
  statusCode?: number;
}

export function slackFailure(error: unknown, scope: "tenant" | "conversation"): DeliveryFailure {
  const e = error as SlackError;
  if (e.code === ErrorCode.RateLimitedError)
    return new DeliveryFailure("rate-limited", "ratelimited", (e.retryAfter ?? 1) * 1000, scope);
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? "unknown";
    if (DM_CLOSED.has(code)) return new DeliveryFailure("dm-closed", code);
    if (PERMANENT.has(code)) return new DeliveryFailure("permanent", code);
    return new DeliveryFailure("transient", code);
  }
  if (e.code === ErrorCode.HTTPError && e.statusCode !== undefined && e.statusCode < 500 && e.statusCode !== 408)
    return new DeliveryFailure("permanent", `http ${e.statusCode}`);
  return new DeliveryFailure("transient", e.code ?? "error");
}

export function slackSender(clients: WorkspaceClients): Sender {
  return {
    async send(out: Outgoing) {
      const client = await clients.forTeam(out.tenantExternalId);
      // Uninstalled from that workspace: nothing can reach it any more.
      if (!client) throw new DeliveryFailure("permanent", "not_installed");
      const attachment = await attachmentToSend(out);
      let channel: string;
      if (out.target.kind === "channel") {
        channel = out.target.channelId;
      } else {
        const users = out.target.kind === "dm" ? out.target.userId : out.target.userIds.join(",");
        try {
          const opened = await client.conversations.open({ users });
          channel = opened.channel?.id as string;
        } catch (error) {
          throw slackFailure(error, "tenant");
        }
      }
      const { text, blocks } = renderMessage(out.message);
      if (attachment) {
        try {
          // getUploadURLExternal, the upload, then completeUploadExternal shares it into the DM with the blocks.
          const uploaded = await client.filesUploadV2({
            channel_id: channel,
            file: Buffer.from(attachmentData(attachment)),
            filename: attachment.name,
            title: attachment.name,
            ...(attachment.mime === "image/png" ? { alt_text: truncateAlt(attachment.alt) } : {}),
            blocks,
          });
          const fileId = uploaded.files?.[0]?.files?.[0]?.id ?? "";
          return { platformMessageId: `${channel}:${fileId}` };
        } catch (error) {
          throw slackFailure(error, "conversation");
        }
      }
      try {
        const posted = await client.chat.postMessage({ channel, text, blocks, unfurl_links: false });
        return { platformMessageId: `${channel}:${posted.ts ?? ""}` };
      } catch (error) {
        throw slackFailure(error, "conversation");
      }
    },
  };
}
