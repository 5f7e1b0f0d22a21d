/** The one rule every sender applies to a file: it goes to one member's DM, never anywhere shared. */
import { icsFile } from "../calendar/ics-file";
import type { FileAttachment } from "../core/messages/attachment";
import { ATTACHMENT_MAX_BYTES, attachmentBytes, isSafeAttachmentName } from "../core/messages/attachment";
import { DeliveryFailure } from "./delivery-failure";
import type { Outgoing } from "./outgoing";

/**
 * The row's attachment when it may be sent, as the file to send (a calendar invite is written
 * here, from the row's data); none when the row has none. Throws a permanent failure for a file
 * addressed to a group or a channel, too large, or badly named: retrying would not change that,
 * and showing a member's data to others would be worse than not sending it.
 */
export function attachmentToSend(out: Outgoing): FileAttachment | null {
  const attachment = out.message.attachment;
  if (!attachment) return null;
  if (out.target.kind !== "dm") throw new DeliveryFailure("permanent", "attachment outside a DM");
  if (!isSafeAttachmentName(attachment.name)) throw new DeliveryFailure("permanent", "attachment name");
  const file = "calendar" in attachment ? icsFile(attachment.name, attachment.calendar) : attachment;
  if (attachmentBytes(file) > ATTACHMENT_MAX_BYTES) throw new DeliveryFailure("permanent", "attachment too large");
  return file;
}
