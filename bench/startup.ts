/**
 * npm run bench:startup: how long `npm start` takes to the playground's first
 * prompt, and its peak memory (peak RSS, VmHWM) by then, on a new data folder,
 * on a warm one (the same folder again), and on the PostgreSQL server, side by
 * side with the figures issue 12 reported before the start-up work.
 *
 * What runs is `npm start` itself (npm, then the script: `node --import tsx
 * src/main.ts`, as the Dockerfile runs it), with no platform settings, so the
 * playground opens; the bench types :quit at the first prompt. Peak RSS is the
 * largest of the processes npm started (the playground's own node); npm
 * itself holds about 60 MB more beside it.
 *
 *   npm run bench:startup
 *   npm run bench:startup -- --runs 5
 *
 * Flags: --runs N warm starts per database (default 3; new folders: 2)
 *        --root DIR (another checkout to start instead of this one, with its node_modules)
 *        --out FILE (Markdown copy; default bench/startup-results.md; "none" to skip)
 *
 * Database for (c): BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test; a fresh database, dropped at the end.
 * Unreachable, that row says skipped.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Column, fixed, int, markdownTable, type Row, textTable } from "./table";

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    root: { type: "string", default: fileURLToPath(new URL("..", import.meta.url)) },
    out: { type: "string", default: fileURLToPath(new URL("./startup-results.md", import.meta.url)) },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (flags.help) {
  console.info("npm run bench:startup -- [--runs N] [--root DIR] [--out FILE|none]");
  process.exit(0);
}
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive integer, got ${flags.runs}`);

/** The checkout to start: this one, or another (e.g. the code before, for figures on the same machine at the same moment). */
const ROOT = flags.root;
const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PROMPT = "] > ";
const TIMEOUT_MS = 180_000;

interface Start {
  /** From spawning the process to the first prompt on its stdout. */
  ms: number;
  /** Peak resident memory of the process by the first prompt (VmHWM). */
  peakMb: number;
}

/** Peak RSS so far of a live process, from /proc (Linux); NaN elsewhere. */
function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** The processes `pid` started, and theirs (Linux /proc). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (listed) children = children.concat(listed.split(/\s+/).map(Number));
    }
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

/** The largest peak RSS among the processes npm started (the playground's node), else npm's own. */
const treePeakMb = (pid: number) =>
  Math.max(
    ...descendants(pid)
      .map(peakRssMb)
      .filter((x) => !Number.isNaN(x)),
    0,
  ) || peakRssMb(pid);

function start(env: Record<string, string>): Promise<Start> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const child = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir(), DEFAULT_LANGUAGE: "en", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let result: Start | undefined;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no prompt within ${TIMEOUT_MS / 1000} s: ${err.trim()}`));
    }, TIMEOUT_MS);
    child.stdout.on("data", (d) => {
      out += d;
      if (result || !out.includes(PROMPT) || child.pid === undefined) return;
      result = { ms: performance.now() - began, peakMb: treePeakMb(child.pid) };
      child.stdin.end(":quit\n");
    });
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (result && code === 0) resolve(result);
      else reject(new Error(`npm start ended (${code}) ${result ? "after" : "before"} its prompt: ${err.trim()}`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

interface Case {
  name: string;
  baseline: string;
  baselineMb: string;
  target: string;
  starts: Start[] | string;
}

function seconds(starts: Start[]): string {
  const ms = starts.map((s) => s.ms / 1000);
  const spread = starts.length > 1 ? ` (${fixed(Math.min(...ms), 1)}–${fixed(Math.max(...ms), 1)})` : "";
  return `${fixed(median(ms), 1)} s${spread}`;
}

// ------------------------------------------------------------------ (a) and (b): the embedded database
const cases: Case[] = [];
const folders: string[] = [];
const fresh: Start[] = [];
let warmFolder = "";
for (let i = 0; i < Math.min(2, runs); i++) {
  const dir = mkdtempSync(join(tmpdir(), "sebaya-startup-"));
  folders.push(dir);
  warmFolder = join(dir, "data");
  fresh.push(await start({ DATA_DIR: warmFolder }));
  console.info(`new folder: ${fixed((fresh.at(-1) as Start).ms / 1000, 1)} s`);
}
cases.push({ name: "(a) new data folder", baseline: "28 s", baselineMb: "953 MB", target: "< 10 s, < 300 MB", starts: fresh });
const warm: Start[] = [];
for (let i = 0; i < runs; i++) {
  warm.push(await start({ DATA_DIR: warmFolder }));
  console.info(`warm folder: ${fixed((warm.at(-1) as Start).ms / 1000, 1)} s`);
}
cases.push({
  name: "(b) warm data folder",
  baseline: "5.6–7.8 s",
  baselineMb: "473 MB",
  target: "< 3 s, < 300 MB",
  starts: warm,
});
for (const dir of folders) rmSync(dir, { recursive: true, force: true });

// ------------------------------------------------------------------ (c): the PostgreSQL server
const name = `sebaya_startup_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const admin = async (statement: string) => {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
};
let server: Start[] | string;
try {
  await admin(`create database ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  try {
    // The first start migrates the new database; the ones measured find it up to date.
    await start({ DATABASE_URL: url.toString() });
    server = [];
    for (let i = 0; i < runs; i++) {
      server.push(await start({ DATABASE_URL: url.toString() }));
      console.info(`PostgreSQL: ${fixed((server.at(-1) as Start).ms / 1000, 1)} s`);
    }
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
} catch (error) {
  server = `skipped (${error instanceof Error ? error.message : String(error)})`;
}
cases.push({ name: "(c) PostgreSQL server", baseline: "2.8 s", baselineMb: "215 MB", target: "", starts: server });

// ------------------------------------------------------------------ the table
const columns: Column[] = [
  { header: "npm start, to the first prompt", align: "left" },
  { header: "before: time", align: "right" },
  { header: "before: peak RSS", align: "right" },
  { header: "now: time (median, min–max)", align: "right" },
  { header: "now: peak RSS (max)", align: "right" },
  { header: "target", align: "left" },
];
const rows: Row[] = cases.map((c) =>
  typeof c.starts === "string"
    ? [c.name, c.baseline, c.baselineMb, c.starts]
    : [c.name, c.baseline, c.baselineMb, seconds(c.starts), `${int(Math.max(...c.starts.map((s) => s.peakMb)))} MB`, c.target],
);
const load = os.loadavg().map((l) => fixed(l, 1));
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${int(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${load.join(" / ")} (1 / 5 / 15 min) at the end`;
console.info(`\n${textTable(columns, rows)}\n\n${machine}`);
if (flags.out !== "none") {
  const previous = (() => {
    try {
      return readFileSync(flags.out, "utf8");
    } catch {
      return "";
    }
  })();
  // The notes below the measured table (where the time and memory went) are kept as written.
  const notes = previous.includes("\n## ") ? previous.slice(previous.indexOf("\n## ")) : "";
  const header = `# Start-up: npm start to the first prompt\n\n\`npm run bench:startup\` (bench/startup.ts), ${new Date().toISOString().slice(0, 16)} UTC.\n${machine}.\n\n`;
  writeFileSync(flags.out, `${header}${markdownTable(columns, rows)}\n${notes}`);
}
