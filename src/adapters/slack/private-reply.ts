/**
 * A reply only the person who acted sees. Through the request's response_url
 * when that is Slack's (response-url.ts); otherwise that URL is never
 * followed: the reply goes through the Web API instead, as an ephemeral
 * message in the channel they acted in, or as a DM from the bot when there is
 * no channel or the bot cannot post there.
 */
import type { RespondFn } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Requester } from "./requester";
import { isSlackResponseUrl } from "./response-url";

export interface Rendered {
  text: string;
  blocks: KnownBlock[];
}

export type PrivateReply = (message: Rendered) => Promise<void>;

export interface ReplyRules {
  /** The configured Web API base URL: its host may serve response_urls too (GovSlack, a proxy, a fake). */
  apiUrl?: string | undefined;
  /** Told once per request whose response_url is not followed; only that it happened. */
  onRefused: () => void;
}

export function privateReply(client: WebClient, to: Requester, respond: RespondFn | undefined, rules: ReplyRules): PrivateReply {
  const viaUrl = respond !== undefined && isSlackResponseUrl(to.responseUrl, rules.apiUrl);
  if (to.responseUrl !== undefined && !viaUrl) rules.onRefused();
  return async (message) => {
    if (viaUrl) {
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
      return;
    }
    if (!to.user) return;
    if (to.channel) {
      try {
        await client.chat.postEphemeral({ channel: to.channel, user: to.user, ...message });
        return;
      } catch {
        // The bot is not in that channel (or it is a DM between two people): a DM reaches them instead.
      }
    }
    await client.chat.postMessage({ channel: to.user, ...message });
  };
}
