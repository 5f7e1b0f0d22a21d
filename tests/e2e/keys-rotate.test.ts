/**
 * `npm run keys:rotate` as its own process: the database moves to
 * SEBAYA_ENCRYPTION_KEY_NEW in one step and the private text reads back under
 * the new key only; a current key that is not the database's changes nothing.
 * Embedded: the key file made at the first start then holds the new key.
 * Server: the keys come from the environment.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/app";
import type { Connection } from "../../src/store/connect";
import { masterKeySource } from "../../src/store/sealing/master-key";
import { WrongMasterKey } from "../../src/store/sealing/vault";
import { Harness, replyText, submit } from "../support/harness";
import { ROOT } from "../support/main-process";
import { createServerDatabase, testDbKind } from "../support/test-db";
import { TEST_MASTER_KEY } from "../support/test-keys";

const NOTE = "PLANT-ROTATE-4242: still mine after the new key";
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function rotate(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/store/keys-rotate-cli.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

/** Where the database is, and the environment a process needs to find it and its current key. */
async function database(): Promise<{ connection: Connection; env: Record<string, string>; dataDir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "sebaya-rotate-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const dataDir = join(dir, "data");
  if (testDbKind() === "postgres") {
    const server = await createServerDatabase();
    cleanups.push(server.drop);
    return {
      connection: { kind: "postgres", url: server.url, poolSize: 2 },
      env: { DATABASE_URL: server.url, SEBAYA_ENCRYPTION_KEY: TEST_MASTER_KEY, DATA_DIR: dataDir },
      dataDir,
    };
  }
  return { connection: { kind: "pglite", dataDir }, env: { DATA_DIR: dataDir }, dataDir };
}

describe("npm run keys:rotate", () => {
  it("moves every key to the new master key; the journal reads back under it, and not under the old one", async () => {
    const { connection, env, dataDir } = await database();
    const current = masterKeySource(env.SEBAYA_ENCRYPTION_KEY, dataDir);
    const first = await openDatabase(connection, current);
    const h = new Harness(first);
    await h.matchedPair();
    await h.run("ani", submit({ type: "journal.write" }, { text: NOTE }), { channel: null });
    await first.close();

    // A current key that is not the database's: refused, nothing changed.
    const refused = await rotate({
      ...env,
      SEBAYA_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      SEBAYA_ENCRYPTION_KEY_NEW: randomBytes(32).toString("base64"),
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/^sebaya: keys:rotate failed, nothing changed: the master key .* does not open/);

    const next = randomBytes(32).toString("base64");
    const rotated = await rotate({ ...env, SEBAYA_ENCRYPTION_KEY_NEW: next });
    expect(rotated.output).toContain("moved to the new master key: 1 tenant key(s) and 0 Slack installation(s) rewrapped");
    expect(rotated.code).toBe(0);

    let after: Awaited<ReturnType<typeof openDatabase>>;
    if (connection.kind === "pglite") {
      // The key file holds the new key, still owner-only; a plain restart reads on.
      const file = join(dataDir, "encryption.key");
      expect(readFileSync(file, "utf8").trim()).toBe(next);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      after = await openDatabase(connection, masterKeySource(undefined, dataDir));
    } else {
      await expect(openDatabase(connection, { key: TEST_MASTER_KEY })).rejects.toBeInstanceOf(WrongMasterKey);
      after = await openDatabase(connection, { key: next });
    }
    try {
      const notes = replyText(await new Harness(after).run("ani", { type: "journal.read" }, { channel: null }));
      expect(notes).toContain(NOTE);
    } finally {
      await after.close();
    }
  }, 120_000);
});
