/**
 * Secrets at rest (Slack installations: bot tokens, refresh tokens): sealed
 * with AES-256-GCM under a key from the environment (SEBAYA_ENCRYPTION_KEY,
 * 32 bytes as base64 or hex). The sealed form is version byte, 12-byte IV,
 * 16-byte tag, ciphertext; a wrong key or a tampered row fails to open
 * instead of yielding garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class TokenCipher {
  private constructor(private readonly key: Buffer) {}

  /** Accepts 32 bytes as base64 (44 chars) or hex (64 chars); anything else is refused. */
  static fromKey(encoded: string): TokenCipher {
    const key = /^[0-9a-f]{64}$/i.test(encoded) ? Buffer.from(encoded, "hex") : Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new Error("the encryption key must be 32 bytes (base64 or hex)");
    return new TokenCipher(key);
  }

  seal(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Uint8Array): string {
    const data = Buffer.from(sealed);
    if (data[0] !== VERSION) throw new Error("unknown sealed format");
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  }
}
