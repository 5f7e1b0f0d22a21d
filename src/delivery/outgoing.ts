/**
 * A committed outbox row as a platform's Sender receives it: the neutral
 * message and where it goes, already resolved to the platform's own ids.
 */
import type { Audience, Platform } from "../core/domain";
import type { Message } from "../core/messages/message";

/** Where a message goes, in the platform's own ids. */
export type Target =
  | { kind: "dm"; userId: string }
  /** `channelId`: the channel of the program the message is for, where a platform opens the pair's conversation (Discord). */
  | { kind: "group"; pairingId: string; userIds: string[]; channelId?: string }
  | { kind: "channel"; channelId: string };

export interface Outgoing {
  id: number;
  key: string;
  platform: Platform;
  tenantId: string;
  tenantExternalId: string;
  audience: Audience;
  target: Target;
  /**
   * What to send. `message.attachment` is a file to go with it (a member's data export): only ever
   * for a DM; a sender refuses one for any other target rather than show it to more people.
   */
  message: Message;
  attempts: number;
  conversation: string;
  /** The program the message was sent for (fallback channel), if known. */
  programId: string | null;
  /** A channel message standing in for an undeliverable DM: the member it tries to reach. */
  reachMemberId: string | null;
  /** The member's DMs are known to be closed: do not try. */
  dmBlocked: boolean;
  /** The platform event whose command wrote the row (a Slack trigger id, a Discord interaction id), for the logs. */
  requestId?: string | null;
  /** Until when this dispatcher holds the row; after that another may send it. */
  leaseUntil: Date;
}
