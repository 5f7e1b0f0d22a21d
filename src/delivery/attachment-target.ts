/** The one rule every sender applies to a file: it goes to one member's DM, never anywhere shared. */
import { icsFile } from "../calendar/ics-file";
import { lazyChartRenderer } from "../charts/lazy-chart-renderer";
import type { Attachment, FileAttachment } from "../core/messages/attachment";
import { ATTACHMENT_MAX_BYTES, attachmentBytes, isSafeAttachmentName } from "../core/messages/attachment";
import { DeliveryFailure } from "./delivery-failure";
import type { Outgoing } from "./outgoing";

/** Vega-Lite and resvg, loaded on the first chart only: most processes never draw one. */
const charts = lazyChartRenderer();

/** The file a row's attachment stands for: an invite or a chart is written here, from the row's data. */
async function fileOf(attachment: Attachment): Promise<FileAttachment> {
  if ("calendar" in attachment) return icsFile(attachment.name, attachment.calendar);
  if ("chart" in attachment) {
    const png = await charts.png(attachment.chart);
    return { name: attachment.name, mime: "image/png", base64: Buffer.from(png).toString("base64"), alt: attachment.alt };
  }
  return attachment;
}

/**
 * The row's attachment when it may be sent, as the file to send (fileOf); none when the row has none. Throws a permanent failure for a file
 * addressed to a group or a channel, too large, or badly named: retrying would not change that,
 * and showing a member's data to others would be worse than not sending it.
 */
export async function attachmentToSend(out: Outgoing): Promise<FileAttachment | null> {
  const attachment = out.message.attachment;
  if (!attachment) return null;
  if (out.target.kind !== "dm") throw new DeliveryFailure("permanent", "attachment outside a DM");
  if (!isSafeAttachmentName(attachment.name)) throw new DeliveryFailure("permanent", "attachment name");
  const file = await fileOf(attachment);
  if (attachmentBytes(file) > ATTACHMENT_MAX_BYTES) throw new DeliveryFailure("permanent", "attachment too large");
  return file;
}
