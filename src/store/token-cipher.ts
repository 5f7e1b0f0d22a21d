/**
 * Secrets at rest (Slack installations: bot tokens, refresh tokens): sealed
 * with AES-256-GCM under the master key (SEBAYA_ENCRYPTION_KEY, 32 bytes as
 * base64 or hex). The sealed form is SecretBox's; a wrong key or a tampered
 * row fails to open instead of yielding garbage.
 */
import { parseKey, SecretBox } from "./sealing/secret-box";

export class TokenCipher {
  private constructor(private readonly box: SecretBox) {}

  /** Accepts 32 bytes as base64 (44 chars) or hex (64 chars); anything else is refused. */
  static fromKey(encoded: string): TokenCipher {
    return new TokenCipher(new SecretBox(parseKey(encoded)));
  }

  seal(plain: string): Buffer {
    return this.box.seal(Buffer.from(plain, "utf8"));
  }

  open(sealed: Uint8Array): string {
    return this.box.open(sealed).toString("utf8");
  }
}
