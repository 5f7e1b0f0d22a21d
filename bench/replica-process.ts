/**
 * One replica of the bot as its own process (tests/reliability/replica.ts),
 * for the benches that measure several replicas against one PostgreSQL: it
 * waits for "go" on stdin, prints "ready" when set up and a "stopped k=v ..."
 * line on SIGTERM. Shared by the delivery and latency benches.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ReplicaProcess {
  readonly lines: string[] = [];
  private readonly waiters: Array<() => void> = [];

  private constructor(
    readonly worker: string,
    readonly child: ChildProcess,
  ) {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      this.lines.push(line);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** `env` adds to (and may override) WORKER, WAIT_FOR_GO and the parent's environment. */
  static start(worker: string, env: Record<string, string>): ReplicaProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/reliability/replica.ts"], {
      cwd: ROOT,
      env: { ...process.env, WORKER: worker, WAIT_FOR_GO: "1", ...env },
      stdio: ["pipe", "pipe", "inherit"],
    });
    return new ReplicaProcess(worker, child);
  }

  /** The first line starting with `prefix`, waiting up to `timeoutMs` for it. */
  async line(prefix: string, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find((l) => l.startsWith(prefix));
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`replica ${this.worker} exited (${this.child.exitCode})`);
      if (Date.now() > deadline) throw new Error(`replica ${this.worker}: no "${prefix}" line`);
      await Promise.race([new Promise<void>((resolve) => this.waiters.push(resolve)), sleep(200)]);
    }
  }

  go(): void {
    this.child.stdin?.write("go\n");
  }

  /** SIGTERM, then the numbers of its "stopped" line by name (NaN for a name it did not print). */
  async stop<K extends string>(...names: K[]): Promise<Record<K, number>> {
    const closed = once(this.child, "close");
    this.child.kill("SIGTERM");
    await closed;
    const line = this.lines.find((l) => l.startsWith("stopped")) ?? "";
    const field = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(line)?.[1] ?? Number.NaN);
    return Object.fromEntries(names.map((n) => [n, field(n)])) as Record<K, number>;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }
}
