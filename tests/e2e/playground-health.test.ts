/**
 * The playground (`npm start` with no tokens) answers /healthz, /readyz and
 * /metrics on PORT only when PORT is set in its environment, as the Docker
 * image sets it for its HEALTHCHECK; without PORT it listens on no port at
 * all (read from /proc: the sockets the process holds in the LISTEN state).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { processDatabase, ROOT } from "../support/main-process";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The playground as `npm start` runs it, its stdin held open (a closed stdin ends it). */
function startPlayground(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  cleanups.push(async () => {
    child.stdin?.end(); // the playground's own way out: the end of its input
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  return { child, output: () => output };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The TCP ports this process listens on (Linux): its socket inodes that /proc/net/tcp{,6} list as LISTEN. */
function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const row of readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = row.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT, st 0A is LISTEN, the inode is the tenth column.
      if (cols[3] === "0A" && inodes.has(cols[9] ?? "")) ports.push(Number.parseInt(cols[1]?.split(":")[1] ?? "", 16));
    }
  }
  return ports;
}

const prompt = (output: string) => /\] > $/.test(output);

describe.runIf(process.platform === "linux")("the playground's health routes", () => {
  it("with PORT set: /healthz and /readyz answer 200 there, /metrics has the queue gauges", async () => {
    const port = await freePort();
    const { child, output } = startPlayground({ ...(await processDatabase("playground-health", cleanups)), PORT: String(port) });
    await waitFor(() => prompt(output()), "the playground's prompt");
    const alive = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(alive.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok" } });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain("sebaya_outbox_pending ");
    expect(listeningPorts(child.pid as number)).toEqual([port]);
  }, 90_000);

  it("without PORT: the playground runs and listens on no port", async () => {
    const { child, output } = startPlayground(await processDatabase("playground-health", cleanups));
    await waitFor(() => prompt(output()), "the playground's prompt");
    expect(listeningPorts(child.pid as number)).toEqual([]);
    expect(output()).not.toContain("health and metrics listening");
  }, 90_000);
});
