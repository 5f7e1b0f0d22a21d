/**
 * The console's way to hand a member a file (their data export, an organizer's chart): written
 * under DATA_DIR/exports, readable by the owner of the process alone, its
 * path printed in the member's DM. The file never goes into the playground's
 * saved history; only the line naming it does.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type FileAttachment as Attachment, attachmentData } from "../../core/messages/attachment";

/** Where exports go when no folder is given: DATA_DIR's default, as config.ts has it. */
export const DEFAULT_EXPORTS_DIR = join("data", "exports");

/** Writes the file for `userId` (named for them, so two people's files never meet) and returns its absolute path. */
export function saveExport(dir: string, userId: string, attachment: Attachment): string {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  const safeUser = userId.replace(/[^A-Za-z0-9_-]/g, "_");
  const path = join(folder, `${safeUser}-${attachment.name}`);
  writeFileSync(path, attachmentData(attachment), { mode: 0o600 });
  // An older file of the same name keeps its mode through writeFileSync: set it again.
  chmodSync(path, 0o600);
  return path;
}
