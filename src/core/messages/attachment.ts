/**
 * A file that goes with a message (the member's data export, an organizer's CSV). It travels in
 * the outbox row's message like any other part of it, so whatever protects
 * the message at rest protects the file too; each platform's sender delivers
 * it its own way (Slack: an upload into the DM; Discord: an attachment;
 * console: a file under DATA_DIR/exports).
 */
export interface Attachment {
  /** The file's name as the reader sees it: letters, digits, dots, dashes and underscores only. */
  name: string;
  mime: "application/json" | "text/plain" | "text/csv";
  /** The content as UTF-8 text (JSON here): a row's message is JSON, so bytes would need encoding. */
  text: string;
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
export const attachmentBytes = (attachment: Attachment): number => new TextEncoder().encode(attachment.text).length;
