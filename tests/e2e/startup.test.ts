/**
 * `npm start` as a person would run it: the real process, a piped terminal
 * session, the embedded database in a data folder (or, in the server
 * project, DATABASE_URL), and one-line configuration errors.
 */

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerDatabase, testDbKind } from "../support/test-db";
import { TEST_MASTER_KEY } from "../support/test-keys";

const ROOT = join(import.meta.dirname, "../..");

function runMain(
  env: Record<string, string>,
  input: string,
  entry = "src/main.ts",
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

let dataDir: string;
let env: Record<string, string>;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sebaya-start-"));
  if (testDbKind() === "postgres") {
    const server = await createServerDatabase();
    drop = server.drop;
    env = { DATABASE_URL: server.url, SEBAYA_ENCRYPTION_KEY: TEST_MASTER_KEY };
  } else {
    env = { DATA_DIR: dataDir };
  }
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await drop?.();
});

describe("npm start (the console playground)", () => {
  it("plays a session from a piped terminal, answers bad input with help, and keeps data across restarts", async () => {
    const first = await runMain(
      { ...env, DEFAULT_LANGUAGE: "en" },
      [
        "/mentoring setup Kopi Belajar",
        "/mentoring open",
        ":as ani",
        ":press 1",
        "SQL, public speaking",
        "leadership",
        "",
        "Data",
        "2",
        "2",
        "1",
        "this is not a command",
        ":press 42",
        ":advance soon",
        "/mentoring frobnicate",
        ":quit",
      ].join("\n"),
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Sebaya playground");
    expect(first.stdout).toContain("Program mentoring “Kopi Belajar” sudah disiapkan");
    expect(first.stdout).toContain("Formulir: Ikut mentoring sebaya.");
    // Ani chose English and WITA in the form.
    expect(first.stdout).toContain("You’re in round 1!");
    expect(first.stdout).toContain("I didn’t understand that.");
    expect(first.stdout).toContain("There is no button 42 on your screen.");
    expect(first.stdout).toContain("Give a duration like 30m");
    expect(first.stdout).toContain("I don’t know that command.");
    expect(first.stderr).toBe("");

    const second = await runMain({ ...env, DEFAULT_LANGUAGE: "en" }, [":as ani", "/mentoring status", ":quit"].join("\n"));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Program: Kopi Belajar");
    expect(second.stdout).toContain("Round: 1 (sign-ups open)");
    // Two real processes, each opening its database: generous on a busy 2-core machine.
  }, 120_000);

  it("stops with one line naming a bad variable, without its value or a stack trace", async () => {
    const secret = "mysql://user:hunter2@db.example/x";
    const result = await runMain({ DATABASE_URL: secret }, "");
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("DATABASE_URL");
    expect(lines[0]).toContain("postgres://");
    expect(result.stderr).not.toContain("hunter2");
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it("names DATABASE_URL (where, never the password) when the server cannot be reached", async () => {
    const result = await runMain({ DATABASE_URL: "postgres://sebaya:hunter2@127.0.0.1:1/sebaya" }, ":quit\n");
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^sebaya: cannot reach the PostgreSQL server DATABASE_URL names \(127\.0\.0\.1:1\/sebaya\): .*ECONNREFUSED/,
    );
    expect(result.stderr).not.toContain("hunter2");
    expect(result.stderr).not.toContain("migration unknown");
  });

  it("npm run migrate says which migrations it applied to a new database, then that nothing is left", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "sebaya-migrate-"));
    const server = testDbKind() === "postgres" ? await createServerDatabase() : undefined;
    const target: Record<string, string> = server ? { DATABASE_URL: server.url } : { DATA_DIR: join(fresh, "data") };
    try {
      const first = await runMain(target, "", "src/store/migrate-cli.ts");
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(
        /^sebaya: applied \d+ migrations to the (embedded database in DATA_DIR|PostgreSQL server DATABASE_URL names) \(.+\): 0001_initial, 0002_matching/,
      );
      expect(first.stdout).not.toContain("up to date");
      const again = await runMain(target, "", "src/store/migrate-cli.ts");
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("is up to date; no migration to apply");
      expect(`${first.stdout}${again.stdout}${first.stderr}`).not.toContain("sebaya:sebaya@");
    } finally {
      rmSync(fresh, { recursive: true, force: true });
      await server?.drop();
    }
  }, 120_000);
});
