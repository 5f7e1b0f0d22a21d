/**
 * `src/main.ts` as its own process, the way `npm start` runs it: a clean
 * environment plus `env`, its output collected, and a stop that sends SIGTERM
 * (the graceful shutdown) and kills it only if it has not exited in 10 s.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServerDatabase, testDbKind } from "./test-db";
import { TEST_MASTER_KEY } from "./test-keys";

export const ROOT = join(import.meta.dirname, "../..");

export interface MainProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function startMain(env: Record<string, string>, logLevel = "warn"): MainProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: logLevel, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/**
 * The database a process under test opens: a fresh server database when the
 * suite runs on PostgreSQL, else an embedded data folder; `cleanups` gets
 * what removes it.
 */
export async function processDatabase(
  label: string,
  cleanups: Array<() => Promise<void> | void>,
): Promise<Record<string, string>> {
  if (testDbKind() === "postgres") {
    const server = await createServerDatabase();
    cleanups.push(server.drop);
    // A server database's processes share the master key (none is made in a folder for them).
    return { DATABASE_URL: server.url, SEBAYA_ENCRYPTION_KEY: TEST_MASTER_KEY };
  }
  const dir = mkdtempSync(join(tmpdir(), `sebaya-${label}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { DATA_DIR: dir };
}
