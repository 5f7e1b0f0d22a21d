/**
 * The production build as the image runs it: `npm run build`'s bundle,
 * started with plain node (no tsx). The bundle is made once, by the same
 * esbuild command as package.json's build (written under node_modules/.cache
 * so the packages resolve as from dist/). It plays the console playground from
 * a pipe (the migrations run from the bundle), and it runs the Slack app over
 * HTTP against the fake Slack: a signed slash command is answered, and SIGTERM
 * shuts it down cleanly (exit 0, after "stopped").
 */

import { execFile, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack";
import { processDatabase } from "../support/main-process";
import { testDbKind } from "../support/test-db";

const ROOT = join(import.meta.dirname, "../..");
const SECRET = "build-test-signing-secret";
let outdir: string;
const cleanups: Array<() => Promise<void> | void> = [];

/** package.json's esbuild step, writing to `dir` instead of dist/ (the type check is `npm run typecheck`'s). */
async function bundle(dir: string): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const step =
    pkg.scripts.build
      ?.split("&&")
      .map((s) => s.trim())
      .find((s) => s.startsWith("esbuild ")) ?? "";
  expect(step).toContain("--outdir=dist");
  const args = step
    .split(/\s+/)
    .slice(1)
    .map((a) => (a === "--outdir=dist" ? `--outdir=${dir}` : a));
  await promisify(execFile)(join(ROOT, "node_modules/.bin/esbuild"), args, { cwd: ROOT });
}

const database = () => processDatabase("build", cleanups);

function startBuilt(env: Record<string, string>, stdin: "pipe" | "ignore" = "ignore") {
  const child = spawn(process.execPath, [join(outdir, "main.js")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: [stdin, "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const closed = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return { child, closed, output: () => output };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

async function waitFor(check: () => boolean, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not within ${ms} ms: ${what}`);
}

beforeAll(async () => {
  outdir = join(ROOT, "node_modules/.cache", `sebaya-build-test-${process.pid}-${testDbKind()}`);
  mkdirSync(outdir, { recursive: true });
  await bundle(outdir);
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  rmSync(outdir, { recursive: true, force: true });
});

describe("the production build (node dist/main.js)", () => {
  it("plays the console playground from a pipe, with no tsx and the migrations from the bundle", async () => {
    const { child, closed, output } = startBuilt({ ...(await database()), DEFAULT_LANGUAGE: "en" }, "pipe");
    child.stdin?.end(["/mentoring setup Kopi Belajar", "/mentoring open", ":quit", ""].join("\n"));
    expect(await closed).toBe(0);
    expect(output()).toContain("Kopi Belajar");
    expect(output()).not.toMatch(/could not start|Cannot find|ERR_/);
  }, 90_000);

  it("runs the Slack app over HTTP: a signed slash command is answered; SIGTERM stops it cleanly", async () => {
    const slack = new FakeSlack();
    await slack.start();
    cleanups.push(() => slack.stop());
    const port = await freePort();
    const { child, closed, output } = startBuilt({
      ...(await database()),
      SLACK_BOT_TOKEN: "xoxb-build-test",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${slack.url}api/`,
      PORT: String(port),
      LOG_LEVEL: "info",
    });
    await waitFor(() => output().includes("/slack/events"), "the Slack app listening", 60_000);

    const body = new URLSearchParams({
      command: "/mentoring",
      text: "help",
      team_id: "T-BUILD",
      user_id: "U-BUILD",
      user_name: "builder",
      channel_id: "C-BUILD",
      channel_name: "general",
      trigger_id: "trigger-build-1",
      response_url: `${slack.url}respond/1`,
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": signature,
      },
      body,
    });
    expect(response.status).toBe(200);
    await waitFor(() => slack.calls.some((c) => c.method.startsWith("respond/")), "the answer to /mentoring help", 15_000);

    child.kill("SIGTERM");
    expect(await closed).toBe(0);
    expect(output()).toContain("shutting down");
    expect(output()).toMatch(/"msg":"stopped"/);
    expect(output()).not.toContain("xoxb-build-test");
  }, 120_000);
});
