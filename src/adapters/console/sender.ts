/**
 * The console's Sender: an outbox row becomes an entry of the simulated
 * workspace, in the conversation its target names. A row delivered twice
 * (a retry after a lost acknowledgement) is shown once: the idempotency key
 * decides, as it must on every platform. A DM's file is written where
 * `saveFile` says and the DM shows its path instead.
 */
import type { FileAttachment as Attachment } from "../../core/messages/attachment";
import type { Message } from "../../core/messages/message";
import { attachmentToSend } from "../../delivery/attachment-target";
import type { Sender } from "../../delivery/sender";

/** Where a delivered message lands: the workspace's DM, pair room or channel. */
export interface ConsoleDestination {
  where: "dm" | "pair" | "channel";
  conversation: string;
  visibleTo: ReadonlySet<string> | "everyone";
  inChannel: boolean;
}

/**
 * `saveFile`: where a DM's file (a member's data export) is written; returns its path, which the
 * DM shows in place of the file.
 */
export function consoleSender(
  show: (to: ConsoleDestination, message: Message) => void,
  saveFile?: (userId: string, attachment: Attachment) => string,
): Sender {
  const delivered = new Set<string>();
  return {
    async send(out) {
      const platformMessageId = `console-${out.id}`;
      if (delivered.has(out.key)) return { platformMessageId };
      delivered.add(out.key);
      const t = out.target;
      const attachment = await attachmentToSend(out);
      if (t.kind === "dm") {
        const { attachment: _file, ...shown } = out.message;
        if (attachment && saveFile) {
          const path = saveFile(t.userId, attachment);
          shown.blocks = [...shown.blocks, { type: "text", text: `📎 ${path}` }];
        }
        show({ where: "dm", conversation: `dm:${t.userId}`, visibleTo: new Set([t.userId]), inChannel: false }, shown);
      } else if (t.kind === "group")
        show(
          { where: "pair", conversation: `pair:${t.pairingId}`, visibleTo: new Set(t.userIds), inChannel: false },
          out.message,
        );
      else show({ where: "channel", conversation: `#${t.channelId}`, visibleTo: "everyone", inChannel: true }, out.message);
      return { platformMessageId };
    },
  };
}
