/** Secrets at rest: sealed with AES-256-GCM; a wrong key or a changed byte fails to open. */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TokenCipher } from "../../src/store/token-cipher";

const KEY = randomBytes(32);

describe("TokenCipher", () => {
  it("opens what it sealed, and the sealed bytes never contain the token", () => {
    const cipher = TokenCipher.fromKey(KEY.toString("base64"));
    const sealed = cipher.seal('{"bot":{"token":"xoxb-secret-123"}}');
    expect(sealed.toString("latin1")).not.toContain("xoxb");
    expect(cipher.open(sealed)).toBe('{"bot":{"token":"xoxb-secret-123"}}');
    // A fresh IV each time: the same token never seals to the same bytes.
    expect(cipher.seal("same").equals(cipher.seal("same"))).toBe(false);
  });

  it("accepts the key as hex too", () => {
    const hex = TokenCipher.fromKey(KEY.toString("hex"));
    const b64 = TokenCipher.fromKey(KEY.toString("base64"));
    expect(hex.open(b64.seal("x"))).toBe("x");
  });

  it("refuses a wrong key, a tampered row and a short key", () => {
    const sealed = TokenCipher.fromKey(KEY.toString("base64")).seal("xoxb-secret");
    expect(() => TokenCipher.fromKey(randomBytes(32).toString("base64")).open(sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => TokenCipher.fromKey(KEY.toString("base64")).open(tampered)).toThrow();
    expect(() => TokenCipher.fromKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
