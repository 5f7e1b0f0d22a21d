/**
 * A file that goes with a message (a member's data export, an organizer's chart or CSV). It travels in
 * the outbox row's message like any other part of it, so whatever protects
 * the message at rest protects the file too; each platform's sender delivers
 * it its own way (Slack: an upload into the DM; Discord: an attachment;
 * console: a file under DATA_DIR/exports). Also a pairing's calendar invite (issue 18).
 */
import type { CalendarInvite } from "../calendar/calendar-invite";
import type { ChartDocument } from "../charts/chart-document";

export type Attachment = FileAttachment | CalendarAttachment | ChartAttachment;

/** A file as sent: text or an image. */
export type FileAttachment = TextAttachment | ImageAttachment;

export interface TextAttachment {
  /** The file's name as the reader sees it: letters, digits, dots, dashes and underscores only. */
  name: string;
  mime: "application/json" | "text/plain" | "text/calendar" | "text/csv";
  /** The content as UTF-8 text (JSON here): a row's message is JSON, so bytes would need encoding. */
  text: string;
}

/** An image (a chart): its bytes in base64, since a row's message is JSON. */
export interface ImageAttachment {
  name: string;
  mime: "image/png";
  base64: string;
  /** The picture in words, for screen readers. */
  alt: string;
}

/**
 * A calendar invite (issue 18), kept as data in the row: delivery writes the `.ics` file from it
 * (`src/calendar/`), so the core needs no iCalendar library.
 */
export interface CalendarAttachment {
  name: string;
  mime: "text/calendar";
  calendar: CalendarInvite;
}

/**
 * An organizer's chart (issue 17), kept as data in the row like an invite: delivery draws the PNG
 * from it (`src/charts/`), so neither the core nor the transaction that enqueues it waits for
 * Vega and resvg, and a job (a round's retrospective) can send one as easily as a command.
 */
export interface ChartAttachment {
  name: string;
  mime: "image/png";
  chart: ChartDocument;
  /** The picture in words, for screen readers. */
  alt: string;
}

/**
 * The largest file Sebaya sends: below Discord's 10 MiB for a bot's message
 * (Slack takes up to 1 GB), so every platform can deliver what one can.
 */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Whether a name is safe as a file name everywhere (no path, no spaces, no leading dot). */
export const isSafeAttachmentName = (name: string): boolean => SAFE_NAME.test(name) && !name.includes("..");

/** The file's size in bytes as sent. */
export function attachmentBytes(attachment: FileAttachment): number {
  if (attachment.mime !== "image/png") return new TextEncoder().encode(attachment.text).length;
  const b64 = attachment.base64;
  const padding = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

/** The file's bytes as sent. */
export const attachmentData = (attachment: FileAttachment): Uint8Array =>
  attachment.mime === "image/png" ? Buffer.from(attachment.base64, "base64") : new TextEncoder().encode(attachment.text);
