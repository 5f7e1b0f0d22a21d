/**
 * The master key: from SEBAYA_ENCRYPTION_KEY, or a key file made once in
 * DATA_DIR (owner-only) and reused; sealed values bound to what they are;
 * the bounded key cache.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BoundedCache } from "../../src/store/sealing/bounded-cache";
import { loadMasterKey, masterKeyNotices, masterKeySource, replaceKeyFile } from "../../src/store/sealing/master-key";
import { SecretBox } from "../../src/store/sealing/secret-box";

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), "sebaya-key-"));
  folders.push(dir);
  return join(dir, "data");
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the master key", () => {
  it("comes from SEBAYA_ENCRYPTION_KEY when set, and no file is made", () => {
    const dataDir = folder();
    const hex = randomBytes(32).toString("hex");
    const key = loadMasterKey(masterKeySource(hex, dataDir));
    expect(key.source).toBe("environment");
    expect(key.key.toString("hex")).toBe(hex);
    expect(() => statSync(join(dataDir, "encryption.key"))).toThrow();
    expect(masterKeyNotices(key, true)).toEqual([]);
  });

  it("is made once in DATA_DIR, owner-only, and reused on every later start", () => {
    const dataDir = folder();
    const first = loadMasterKey(masterKeySource(undefined, dataDir));
    const path = join(dataDir, "encryption.key");
    expect(first.source).toBe("file");
    expect(first.file).toEqual({ path, created: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = loadMasterKey(masterKeySource(undefined, dataDir));
    expect(second.file).toEqual({ path, created: false });
    expect(second.key.equals(first.key)).toBe(true);
    expect(readFileSync(path, "utf8").trim()).toBe(first.key.toString("base64"));
    // Nothing else is left beside it (the temporary file is gone).
    expect(statSync(dataDir).isDirectory()).toBe(true);
  });

  it("keeps a key file another process made first, and refuses one that holds no key", () => {
    const dataDir = folder();
    loadMasterKey(masterKeySource(undefined, dataDir)); // makes the folder
    const path = join(dataDir, "encryption.key");
    const theirs = randomBytes(32);
    replaceKeyFile(path, theirs);
    expect(loadMasterKey({ keyFile: path }).key.equals(theirs)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(path, "not a key\n");
    expect(() => loadMasterKey({ keyFile: path })).toThrow(/does not hold a 32-byte key/);
  });

  it("is not made by keys:rotate (create: false)", () => {
    const dataDir = folder();
    expect(() => loadMasterKey(masterKeySource(undefined, dataDir), { create: false })).toThrow(/no master key/);
  });

  it("warns when a server database's key is one process's file", () => {
    const made = { source: "file" as const, file: { path: "/data/encryption.key", created: true } };
    expect(masterKeyNotices(made, false)).toEqual([
      expect.objectContaining({ level: "info", message: expect.stringMatching(/back it up/) }),
    ]);
    expect(masterKeyNotices(made, true).map((n) => n.level)).toEqual(["warn", "warn"]);
    expect(masterKeyNotices({ source: "file", file: { path: "/d/k", created: false } }, true)[0]?.message).toMatch(
      /set SEBAYA_ENCRYPTION_KEY/,
    );
  });
});

describe("SecretBox", () => {
  it("binds a sealed value to its aad: a wrapped key moved to another tenant does not open", () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal(Buffer.from("data key"), "tenant_keys:A");
    expect(box.open(sealed, "tenant_keys:A").toString()).toBe("data key");
    expect(() => box.open(sealed, "tenant_keys:B")).toThrow();
  });
});

describe("BoundedCache", () => {
  it("drops the least recently used entry past its limit", () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });
});
