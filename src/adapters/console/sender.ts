/**
 * The console's Sender: an outbox row becomes an entry of the simulated
 * workspace, in the conversation its target names. A row delivered twice
 * (a retry after a lost acknowledgement) is shown once: the idempotency key
 * decides, as it must on every platform.
 */
import type { Message } from "../../core/messages/message";
import type { Sender } from "../../delivery/sender";

/** Where a delivered message lands: the workspace's DM, pair room or channel. */
export interface ConsoleDestination {
  where: "dm" | "pair" | "channel";
  conversation: string;
  visibleTo: ReadonlySet<string> | "everyone";
  inChannel: boolean;
}

export function consoleSender(show: (to: ConsoleDestination, message: Message) => void): Sender {
  const delivered = new Set<string>();
  return {
    async send(out) {
      const platformMessageId = `console-${out.id}`;
      if (delivered.has(out.key)) return { platformMessageId };
      delivered.add(out.key);
      const t = out.target;
      if (t.kind === "dm")
        show({ where: "dm", conversation: `dm:${t.userId}`, visibleTo: new Set([t.userId]), inChannel: false }, out.message);
      else if (t.kind === "group")
        show(
          { where: "pair", conversation: `pair:${t.pairingId}`, visibleTo: new Set(t.userIds), inChannel: false },
          out.message,
        );
      else show({ where: "channel", conversation: `#${t.channelId}`, visibleTo: "everyone", inChannel: true }, out.message);
      return { platformMessageId };
    },
  };
}
