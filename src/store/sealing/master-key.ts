/**
 * The master key: it wraps every tenant's data key (and seals Slack
 * installations). From SEBAYA_ENCRYPTION_KEY when set; otherwise from a file
 * in DATA_DIR, made once on the first start so the two-command start needs no
 * setup. Losing that file loses the private text sealed under it.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { KEY_BYTES, parseKey } from "./secret-box";

export const KEY_FILE_NAME = "encryption.key";

/** Where the master key comes from: the environment, or the key file (made when missing). */
export type MasterKeySource = { key: string } | { keyFile: string };

export interface MasterKey {
  key: Buffer;
  /** Said in the start-up log: a key file on a server database must be shared by every replica. */
  source: "environment" | "file";
  /** The key file, and whether this start made it. */
  file?: { path: string; created: boolean };
}

export function masterKeySource(encoded: string | undefined, dataDir: string): MasterKeySource {
  return encoded ? { key: encoded } : { keyFile: join(dataDir, KEY_FILE_NAME) };
}

/** `create: false` (keys:rotate) refuses a missing key file instead of making one. */
export function loadMasterKey(source: MasterKeySource, options: { create?: boolean } = {}): MasterKey {
  if ("key" in source) return { key: parseKey(source.key), source: "environment" };
  const path = source.keyFile;
  if (options.create === false && !existsSync(path))
    throw new Error(`no master key: SEBAYA_ENCRYPTION_KEY is unset and there is no key file at ${path}`);
  const created = createKeyFile(path);
  let key: Buffer;
  try {
    key = parseKey(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`the key file ${path} does not hold a 32-byte key (base64 or hex)`, { cause: error });
  }
  return { key, source: "file", file: { path, created } };
}

/** Puts `key` in the key file in place of the old one, in one step (keys:rotate, when the key lives there). */
export function replaceKeyFile(path: string, key: Uint8Array): void {
  const temporary = writePrivateFile(path, `${Buffer.from(key).toString("base64")}\n`);
  renameSync(temporary, path);
}

/** A new owner-only file beside `path` holding `content`, synced; its name is returned. */
function writePrivateFile(path: string, content: string): string {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(temporary, "wx", 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temporary;
}

/**
 * Writes a new key to `path` unless one is there. The key goes to a private
 * temporary file first and is linked into place (link fails if the name
 * exists): two processes starting at once agree on one key, and nobody ever
 * reads a half-written file.
 */
function createKeyFile(path: string): boolean {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = writePrivateFile(path, `${randomBytes(KEY_BYTES).toString("base64")}\n`);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/** What the start-up log says about the key: loud when a server database's key lives in one process's folder. */
export function masterKeyNotices(
  masterKey: Pick<MasterKey, "source" | "file">,
  serverDatabase: boolean,
): Array<{ level: "warn" | "info"; message: string; keyFile?: string }> {
  const file = masterKey.file;
  if (masterKey.source === "environment" || !file) return [];
  const notices: Array<{ level: "warn" | "info"; message: string; keyFile?: string }> = [];
  if (file.created)
    notices.push({
      level: serverDatabase ? "warn" : "info",
      message: "made a new encryption key for members' private text: back it up; losing it loses that text",
      keyFile: file.path,
    });
  if (serverDatabase)
    notices.push({
      level: "warn",
      message:
        "SEBAYA_ENCRYPTION_KEY is unset: private text on the PostgreSQL server is sealed under this process's key file; every process using the database needs the same key, so set SEBAYA_ENCRYPTION_KEY (README: Privacy)",
      keyFile: file.path,
    });
  return notices;
}
