/**
 * AES-256-GCM over bytes, the one sealed form at rest: version byte, 12-byte
 * IV, 16-byte tag, ciphertext. A wrong key, a tampered byte or a different
 * `aad` (what the bytes are bound to, e.g. their tenant) fails to open
 * instead of yielding garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** 32 bytes as hex (64 chars) or base64 (44 chars); anything else is refused. */
export function parseKey(encoded: string): Buffer {
  const trimmed = encoded.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== KEY_BYTES) throw new Error("the encryption key must be 32 bytes (base64 or hex)");
  return key;
}

export class SecretBox {
  constructor(private readonly key: Uint8Array) {
    if (key.length !== KEY_BYTES) throw new Error("a sealing key is 32 bytes");
  }

  seal(plain: Uint8Array, aad?: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    if (aad !== undefined) cipher.setAAD(Buffer.from(aad, "utf8"));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  /** Throws when the key, the bytes or the aad are not the ones it was sealed with. */
  open(sealed: Uint8Array, aad?: string): Buffer {
    const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (data[0] !== VERSION || data.length < 1 + IV_BYTES + TAG_BYTES) throw new Error("unknown sealed format");
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
    if (aad !== undefined) decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }
}
