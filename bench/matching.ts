/**
 * npm run bench:matching: Sebaya's matcher against edmonds-blossom, a greedy
 * baseline and a random shuffle, on the same seeded populations; one table.
 *
 *   npm run bench:matching                               # 1,000 / 2,000 / 20,000 members
 *   npm run bench:matching -- --sizes 200,1000           # other sizes
 *   npm run bench:matching -- --only sebaya,greedy       # some contenders
 *   npm run bench:matching -- --with-slow                # edmonds-blossom at 2,000 too (~150-300 s)
 *   npm run bench:matching -- --skip-blossom-above 500   # edmonds-blossom only up to 500 members
 *
 * Flags: --sizes a,b,c  --only k,k (sebaya, blossom, greedy, random)
 *        --with-slow  --skip-blossom-above N (default 1000, 2000 with --with-slow)
 *        --repeat-rounds R (default 12; 0 = none)  --repeat-size N (default 1000)
 *        --seed S (default 1)  --single-slot (everyone wants one partner)
 *        --exclusions K (about K "do not pair" entries per member; default 0)
 *        --out FILE (Markdown copy; default bench/results.md; "none" to skip)
 *        --in-process (no child processes; peak memory is then not per contender)
 *        --sebaya-module FILE (another copy of optimal-matcher.ts, e.g. an older version)
 *
 * Every contender runs in its own child process (same seed, so the same
 * population; the fingerprints are checked), after a warm-up run on a small
 * population, so that peak memory is the child's own: process.resourceUsage()
 * .maxRSS right after the timed runs (it includes Node, tsx and the population,
 * as the "RSS before the timed runs" footnote shows; the parent also samples
 * the child's VmRSS every 100 ms as a cross-check). Runs under one second are repeated
 * five times and the median is shown.
 */
import { fork } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type Pool, preparePool } from "../src/core/matching/pool";
import { coveredTopics } from "../src/core/matching/topics";
import type { MatchInput, MatchResult } from "../src/core/matching/types";
import {
  CONTENDER_KEYS,
  type Contender,
  type ContenderKey,
  loadSebaya,
  OPTIMAL_MATCHER,
  type RunOutput,
  type SebayaStats,
  simpleContender,
} from "./contenders";
import { fingerprint, groupPairs, makeRun, POPULATION_KINDS, type PopulationKind, simulateRounds, summarize } from "./population";
import { type Column, fixed, int, markdownTable, percent, type Row, textTable } from "./table";

// ------------------------------------------------------------------ options

const { values: flags } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,2000,20000" },
    populations: { type: "string", default: "default" },
    only: { type: "string", default: CONTENDER_KEYS.join(",") },
    "with-slow": { type: "boolean", default: false },
    "skip-blossom-above": { type: "string" },
    "repeat-rounds": { type: "string", default: "12" },
    "repeat-size": { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    "single-slot": { type: "boolean", default: false },
    exclusions: { type: "string", default: "0" },
    out: { type: "string", default: fileURLToPath(new URL("./results.md", import.meta.url)) },
    "in-process": { type: "boolean", default: false },
    "sebaya-module": { type: "string", default: OPTIMAL_MATCHER },
    worker: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const num = (name: string, raw: string | undefined): number => {
  const x = Number(raw);
  if (raw === undefined || !Number.isFinite(x) || x < 0) throw new Error(`--${name} wants a number, got ${raw}`);
  return x;
};

/** edmonds-blossom at 1,000 members on this kind of population (for the estimates of skipped runs). */
const BLOSSOM_1000_MS = 19_000;

interface Job {
  population: PopulationKind;
  size: number;
  key: ContenderKey;
  seed: number;
  singleSlot: boolean;
  exclusions: number;
  repeatRounds: number;
  sebayaModule: string;
}

interface JobResult {
  key: ContenderKey;
  label: string;
  fingerprint: string;
  ms: number;
  runs: number[];
  phases: Record<string, number>;
  firstPassTotal: number;
  firstPassPairs?: number;
  firstPassEstimated: boolean;
  firstPassCheck?: string;
  total: number;
  groups: number;
  trios: number;
  crossTeam: number;
  goalCoverage: number;
  leftOut: number;
  peakRssMB: number;
  /** The parent's own samples of the child's VmRSS (every 100 ms) up to the end of the timed runs. */
  sampledRssMB?: number;
  baseRssMB: number;
  stats?: SebayaStats;
  violations: string[];
  repeats?: { repeats: number; pairs: number; ms: number; perRound: number[] };
}

// ------------------------------------------------------------------ measuring one result

/**
 * The first pass's pair weights, read from the groups: the longest prefix of
 * groups with no member twice, and in a trio only its first two members
 * (the third is the odd member who joined). Used for matchers without stats.
 */
function firstPassFromGroups(result: MatchResult, pool: Pool, index: Map<string, number>): number {
  const seen = new Set<string>();
  let total = 0;
  for (const g of result.groups) {
    if (g.memberIds.some((id) => seen.has(id))) break;
    for (const id of g.memberIds) seen.add(id);
    const [a, b] = g.memberIds;
    if (a !== undefined && b !== undefined) total += pool.weight(index.get(a) as number, index.get(b) as number) ?? 0;
  }
  return total;
}

function measure(input: MatchInput, pool: Pool, result: MatchResult) {
  const index = new Map(pool.ids.map((id, i) => [id, i]));
  const byId = new Map(input.candidates.map((c) => [c.memberId, c]));
  const violations: string[] = [];
  let total = 0;
  let crossTeam = 0;
  let trios = 0;
  const partners = new Map<string, Set<string>>();
  const groupsOf = new Map<string, number>();
  const roundPairs = new Set<string>();
  for (const g of result.groups) {
    if (g.memberIds.length > 2) trios++;
    if (g.memberIds.length < 2 || g.memberIds.length > 3) violations.push(`group of ${g.memberIds.length}`);
    const teams = new Set(g.memberIds.map((id) => byId.get(id)?.profile.team.trim().toLowerCase()));
    if (teams.size > 1) crossTeam++;
    for (const id of g.memberIds) {
      if (!index.has(id)) violations.push(`unknown member ${id}`);
      groupsOf.set(id, (groupsOf.get(id) ?? 0) + 1);
      const mine = partners.get(id) ?? new Set<string>();
      for (const other of g.memberIds) if (other !== id) mine.add(other);
      partners.set(id, mine);
    }
    for (const key of groupPairs(g.memberIds)) {
      if (roundPairs.has(key)) violations.push(`pair twice in a round: ${key}`);
      roundPairs.add(key);
      const [a, b] = key.split("|") as [string, string];
      const w = a === b ? null : pool.weight(index.get(a) as number, index.get(b) as number);
      if (w === null) violations.push(`excluded pair matched: ${key}`);
      else total += w;
    }
  }
  for (const [id, count] of groupsOf) {
    if (count > (byId.get(id)?.slots ?? 0)) violations.push(`${id} in ${count} groups, wants ${byId.get(id)?.slots}`);
  }
  const unmatched = new Set(result.unmatched);
  for (const c of input.candidates) {
    if (!groupsOf.has(c.memberId) && !unmatched.has(c.memberId)) violations.push(`${c.memberId} neither matched nor unmatched`);
  }

  // Goal coverage: each member's goals that some partner's expertise covers (coveredTopics), over all goals.
  let goals = 0;
  let covered = 0;
  for (const c of input.candidates) {
    goals += c.profile.goals.length;
    const mine = partners.get(c.memberId);
    if (!mine?.size) continue;
    const offered = [...mine].flatMap((id) => byId.get(id)?.profile.expertise ?? []);
    covered += coveredTopics(offered, c.profile.goals).length;
  }
  return {
    total,
    groups: result.groups.length,
    trios,
    crossTeam: result.groups.length ? crossTeam / result.groups.length : 0,
    goalCoverage: goals ? covered / goals : 0,
    leftOut: input.candidates.filter((c) => !groupsOf.has(c.memberId)).length,
    violations: [...new Set(violations)].slice(0, 5),
    firstPass: firstPassFromGroups(result, pool, index),
  };
}

// ------------------------------------------------------------------ one contender, one size (child process)

function buildInput(job: Pick<Job, "population" | "size" | "seed" | "singleSlot" | "exclusions">): MatchInput {
  const run = makeRun(job.size, job.population, { seed: job.seed, singleSlot: job.singleSlot, exclusions: job.exclusions });
  return { ...run, seed: job.seed };
}

async function contenderFor(key: ContenderKey, sebayaModule: string): Promise<Contender> {
  return key === "sebaya" ? loadSebaya(sebayaModule) : simpleContender(key);
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;

async function runJob(job: Job): Promise<JobResult> {
  const contender = await contenderFor(job.key, job.sebayaModule);
  const input = buildInput(job);
  // Warm-up (JIT) on a small population of another seed.
  contender.run(
    buildInput({
      population: job.population,
      size: 300,
      seed: job.seed + 7,
      singleSlot: job.singleSlot,
      exclusions: job.exclusions,
    }),
  );
  (globalThis as { gc?: () => void }).gc?.();
  const baseRssMB = mb(process.memoryUsage().rss);

  const timed: Array<{ ms: number; phases: Record<string, number> }> = [];
  let output: RunOutput | undefined;
  do {
    const t0 = performance.now();
    const out = contender.run(input);
    timed.push({ ms: performance.now() - t0, phases: out.phases ?? {} });
    output ??= out;
  } while ((timed[0]?.ms as number) < 1000 && timed.length < 5);
  const peakRssMB = maxRssMB();
  process.send?.({ timedDone: true });
  const runs = timed.map((t) => t.ms);
  const median = [...timed].sort((a, b) => a.ms - b.ms)[Math.floor(timed.length / 2)] as (typeof timed)[number];
  const ms = median.ms;

  const pool = preparePool(input);
  const m = measure(input, pool, output.result);
  let firstPassCheck: string | undefined;
  if (output.firstPassTotal !== undefined && output.stats && m.firstPass !== output.firstPassTotal) {
    firstPassCheck = `stats.total ${int(output.firstPassTotal)} but the first-pass groups weigh ${int(m.firstPass)}`;
  }

  let repeats: JobResult["repeats"];
  if (job.repeatRounds > 0) {
    const sim = await simulateRounds(input, (i) => contender.run(i).result, job.repeatRounds, {
      onRound: (r) => process.stderr.write(r === job.repeatRounds ? ` ${r}\n` : ` ${r}`),
    });
    repeats = {
      perRound: sim.rounds.map((r) => r.repeats),
      repeats: sim.rounds.reduce((s, r) => s + r.repeats, 0),
      pairs: sim.rounds.reduce((s, r) => s + r.pairs, 0),
      ms: sim.rounds.reduce((s, r) => s + r.ms, 0),
    };
  }

  return {
    key: job.key,
    label: contender.label,
    fingerprint: fingerprint(input.candidates, input.excluded),
    ms,
    runs,
    phases: median.phases,
    firstPassTotal: output.firstPassTotal ?? m.firstPass,
    ...(output.firstPassPairs !== undefined ? { firstPassPairs: output.firstPassPairs } : {}),
    firstPassEstimated: output.firstPassTotal === undefined,
    ...(firstPassCheck ? { firstPassCheck } : {}),
    total: m.total,
    groups: m.groups,
    trios: m.trios,
    crossTeam: m.crossTeam,
    goalCoverage: m.goalCoverage,
    leftOut: m.leftOut,
    peakRssMB,
    baseRssMB,
    ...(output.stats ? { stats: output.stats } : {}),
    violations: m.violations,
    ...(repeats ? { repeats } : {}),
  };
}

const SELF = fileURLToPath(import.meta.url);

function runInChild(job: Job): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, ["--worker", JSON.stringify(job)], {
      execArgv: [...process.execArgv, "--expose-gc", "--max-old-space-size=8192"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: JobResult | undefined;
    // A second opinion on peak memory: the child's VmRSS from /proc, sampled until its timed runs end.
    let sampled = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        sampled = Math.max(sampled, kb / 1024);
      } catch {
        // No /proc (not Linux) or the child is gone.
      }
    };
    const sampler = setInterval(sample, 100);
    child.on("message", (message) => {
      if ((message as { timedDone?: boolean }).timedDone) {
        sample();
        clearInterval(sampler);
      } else {
        result = message as JobResult;
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearInterval(sampler);
      if (result && sampled > 0) result.sampledRssMB = sampled;
      if (result) resolve(result);
      else reject(new Error(`child for ${job.key} at ${job.size} ended with ${signal ?? `code ${code}`}`));
    });
  });
}

// ------------------------------------------------------------------ the whole run

type Cell = { job: Job; result?: JobResult; skipped?: string; error?: string; repeatsSkipped?: boolean };

function commandLine(): string {
  const args = process.argv.slice(2).join(" ");
  const script = process.env.npm_lifecycle_event;
  if (script === "bench" || script === "bench:matching") return `npm run ${script}${args ? ` -- ${args}` : ""}`;
  return `npx tsx bench/matching.ts${args ? ` ${args}` : ""}`;
}

function secondsOrHours(ms: number): string {
  if (ms < 120_000) return `≈${Math.round(ms / 1000)} s`;
  if (ms < 7_200_000) return `≈${Math.round(ms / 60_000)} min`;
  return `≈${Math.round(ms / 3_600_000)} h`;
}

async function main(): Promise<void> {
  if (flags.help) {
    const doc = readFileSync(SELF, "utf8").split("*/")[0] ?? "";
    console.log(doc.replace(/^\/\*\*\n?/, "").replace(/^ \* ?/gm, ""));
    return;
  }
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const sizes = (flags.sizes as string).split(",").map((s) => num("sizes", s.trim().replace(/_/g, "")));
  const only = (flags.only as string).split(",").map((s) => s.trim().toLowerCase());
  for (const k of only) if (!CONTENDER_KEYS.includes(k as ContenderKey)) throw new Error(`--only: unknown contender ${k}`);
  const keys = CONTENDER_KEYS.filter((k) => only.includes(k));
  const withSlow = flags["with-slow"] as boolean;
  const blossomMax =
    flags["skip-blossom-above"] !== undefined ? num("skip-blossom-above", flags["skip-blossom-above"]) : withSlow ? 2000 : 1000;
  const repeatRounds = num("repeat-rounds", flags["repeat-rounds"]);
  const repeatSize = num("repeat-size", flags["repeat-size"]);
  const seed = num("seed", flags.seed);
  const singleSlot = flags["single-slot"] as boolean;
  const exclusions = num("exclusions", flags.exclusions);
  const inProcess = flags["in-process"] as boolean;
  const populations = (flags.populations as string).split(",").map((s) => s.trim().toLowerCase() as PopulationKind);
  for (const p of populations) if (!POPULATION_KINDS.includes(p)) throw new Error(`--populations: unknown kind ${p}`);

  const sebayaModule = flags["sebaya-module"] as string;
  // Fail early, before any long run, if the module to measure is unusable.
  if (keys.includes("sebaya")) await loadSebaya(sebayaModule);

  const cells: Cell[][] = [];
  const populationLines: string[] = [];
  // The largest edmonds-blossom run so far, for the O(n³) estimates of skipped ones.
  let blossomRef = { size: 1000, ms: BLOSSOM_1000_MS };
  for (const [population, size] of populations.flatMap((p) => sizes.map((n) => [p, n] as const))) {
    const input = buildInput({ population, size, seed, singleSlot, exclusions });
    const s = summarize(input.candidates);
    const pool = preparePool(input);
    const sample = Math.min(size, 200);
    let related = 0;
    for (let i = 0; i < sample; i++) related += pool.related(i).length;
    populationLines.push(
      `${population}, ${int(size)} members: ${s.teams} teams, ${s.vocabulary} distinct skills, ${fixed(s.meanExpertise, 1)} expertise and ${fixed(s.meanGoals, 1)} goals each, ` +
        `partners wanted 1/2/3: ${int(s.slots[1] ?? 0)}/${int(s.slots[2] ?? 0)}/${int(s.slots[3] ?? 0)}, ` +
        `${percent((s.zones["Asia/Jakarta"] ?? 0) / size, 0)} in Asia/Jakarta, ` +
        `pool.related() lists ${percent(related / sample / Math.max(1, size - 1), 0)} of the others (sampled), ` +
        `${int(input.excluded.size)} excluded pairs, fingerprint ${fingerprint(input.candidates, input.excluded)}`,
    );

    const row: Cell[] = [];
    for (const key of keys) {
      const job: Job = {
        population,
        size,
        key,
        seed,
        singleSlot,
        exclusions,
        repeatRounds: size === repeatSize ? repeatRounds : 0,
        sebayaModule,
      };
      const cell: Cell = { job };
      row.push(cell);
      if (key === "blossom" && size > blossomMax) {
        const estimate = blossomRef.ms * (size / blossomRef.size) ** 3;
        cell.skipped =
          flags["skip-blossom-above"] !== undefined
            ? `skipped (${secondsOrHours(estimate)}; above --skip-blossom-above ${int(blossomMax)})`
            : size <= 2000 && !withSlow
              ? `skipped (${secondsOrHours(estimate)}; run with --with-slow)`
              : `skipped (${secondsOrHours(estimate)}, O(n³))`;
        continue;
      }
      if (key === "blossom" && job.repeatRounds > 0 && size > 500 && !withSlow) {
        job.repeatRounds = 0;
        cell.repeatsSkipped = true;
      }
      process.stderr.write(`[${int(size)}] ${key}${job.repeatRounds ? ` (+${job.repeatRounds} rounds)` : ""} …`);
      const t0 = performance.now();
      try {
        cell.result = inProcess ? await runJob(job) : await runInChild(job);
        if (key === "blossom" && (size >= blossomRef.size || blossomRef.ms === BLOSSOM_1000_MS))
          blossomRef = { size, ms: cell.result.ms };
        process.stderr.write(
          `${job.repeatRounds ? "   " : ""} ${int(cell.result.ms)} ms (job ${fixed((performance.now() - t0) / 1000, 1)} s)\n`,
        );
      } catch (error) {
        cell.error = (error as Error).message;
        process.stderr.write(` failed: ${cell.error}\n`);
      }
    }
    cells.push(row);
  }

  // ---------------------------------------------------------------- the table
  const columns: Column[] = [
    { header: "population, members", align: "left" },
    { header: "contender", align: "left" },
    { header: "time ms", align: "right" },
    { header: "total weight", align: "right" },
    { header: "1st pass", align: "right" },
    { header: "% of optimum", align: "right" },
    { header: `repeats/${repeatRounds} rds`, align: "right" },
    { header: "cross-team", align: "right" },
    { header: "goals covered", align: "right" },
    { header: "left out", align: "right" },
    { header: "peak RSS MB", align: "right" },
  ];
  const rows: Row[] = [];
  const notes: string[] = [];
  const summaryLines: string[] = [];
  for (const row of cells) {
    const size = (row[0] as Cell).job.size;
    const population = (row[0] as Cell).job.population;
    const where = `${population}, ${int(size)}`;
    const blossom = row.find((c) => c.job.key === "blossom")?.result;
    const seb = row.find((c) => c.job.key === "sebaya")?.result;
    const bound = seb?.stats && Number.isFinite(seb.stats.upperBound) ? seb.stats.upperBound : undefined;
    const optimum = blossom ? blossom.firstPassTotal : bound;
    const optimumFrom = blossom
      ? "edmonds-blossom's first-pass total"
      : bound !== undefined
        ? "Sebaya's proven upper bound"
        : undefined;
    notes.push(
      optimumFrom
        ? `${where} members: optimum = ${optimumFrom}, ${int(optimum as number)}.`
        : `${where} members: no optimum known (neither edmonds-blossom nor Sebaya's bound).`,
    );
    if (rows.length) rows.push("rule");
    row.forEach((cell, k) => {
      const name = cell.result?.label ?? labelOf(cell.job.key);
      const first = k === 0 ? where : "";
      const r = cell.result;
      if (!r) {
        rows.push([first, name, cell.skipped ?? `failed: ${cell.error ?? "?"}`]);
        return;
      }
      const pct = optimum !== undefined && optimum !== 0 ? `${fixed((100 * r.firstPassTotal) / optimum, 2)}%` : "–";
      const reps = r.repeats
        ? int(r.repeats.repeats)
        : cell.repeatsSkipped
          ? "--with-slow"
          : cell.job.size === repeatSize && repeatRounds > 0
            ? "n/a"
            : "–";
      rows.push([
        first,
        name,
        int(r.ms),
        int(r.total),
        `${int(r.firstPassTotal)}${r.firstPassEstimated ? "~" : ""}`,
        pct,
        reps,
        percent(r.crossTeam),
        percent(r.goalCoverage),
        int(r.leftOut),
        int(r.peakRssMB),
      ]);
      const detail: string[] = [];
      if (r.key === "blossom") {
        detail.push(
          `graph building ${int((r.phases.pool ?? 0) + (r.phases.build ?? 0))} ms (pool ${int(r.phases.pool ?? 0)}), matching call ${int(r.phases.match ?? 0)} ms`,
        );
      }
      if (r.stats) {
        const gap = r.stats.upperBound > 0 ? (100 * (r.stats.upperBound - r.stats.total)) / r.stats.upperBound : 0;
        detail.push(
          `stats.total ${int(r.stats.total)}, upper bound ${Number.isFinite(r.stats.upperBound) ? int(r.stats.upperBound) : "none"} ` +
            `(${r.stats.boundMethod}), gap ${fixed(gap, 3)}%, exact: ${r.stats.exact ? "yes" : "no"}`,
        );
      }
      if (cell.repeatsSkipped) {
        detail.push(
          `its ${repeatRounds} rounds skipped (${secondsOrHours(r.ms * repeatRounds)} at this speed; run with --with-slow)`,
        );
      }
      if (r.repeats)
        detail.push(
          `${int(r.repeats.repeats)} repeat pairs among ${int(r.repeats.pairs)} in ${repeatRounds} rounds, per round ${r.repeats.perRound.join(" ")} (${int(r.repeats.ms / 1000)} s)`,
        );
      if (r.runs.length > 1) detail.push(`median of ${r.runs.length} runs`);
      detail.push(`${int(r.groups)} groups, ${r.trios} trio${r.trios === 1 ? "" : "s"}`);
      detail.push(
        `RSS before the timed runs ${int(r.baseRssMB)} MB` +
          (r.sampledRssMB !== undefined ? `, highest VmRSS sampled by the parent ${int(r.sampledRssMB)} MB` : ""),
      );
      if (r.firstPassCheck) detail.push(`CHECK: ${r.firstPassCheck}`);
      if (r.violations.length) detail.push(`HARD-RULE VIOLATIONS: ${r.violations.join("; ")}`);
      notes.push(`  ${name}: ${detail.join("; ")}.`);
    });
    const prints = new Set(row.flatMap((c) => (c.result ? [c.result.fingerprint] : [])));
    if (prints.size > 1)
      notes.push(`  WARNING: the contenders did not get the same input (fingerprints ${[...prints].join(", ")}).`);

    if (seb && blossom) {
      const times = (ratio: number) =>
        ratio >= 1 ? `${fixed(ratio, ratio < 10 ? 1 : 0)}× faster` : `${fixed(1 / ratio, 1 / ratio < 10 ? 1 : 0)}× slower`;
      const speed = blossom.ms / seb.ms;
      const matchOnly = (blossom.phases.match ?? blossom.ms) / seb.ms;
      const same = seb.firstPassTotal === blossom.firstPassTotal;
      summaryLines.push(
        `Sebaya vs edmonds-blossom at ${where} members: ${times(speed)} ` +
          `(${int(seb.ms)} ms vs ${int(blossom.ms)} ms; ${times(matchOnly)} than the matching call alone). ` +
          `First-pass totals ${same ? "equal" : "DIFFER"}: ${int(seb.firstPassTotal)} vs ${int(blossom.firstPassTotal)}` +
          `${seb.firstPassEstimated ? " (Sebaya's read from its groups)" : ""}; ` +
          `totals with trios and later passes: ${int(seb.total)} vs ${int(blossom.total)}${seb.total === blossom.total ? " (equal)" : ""}.`,
      );
    }
    if (seb?.stats && !blossom) {
      const gap = seb.stats.upperBound > 0 ? (100 * (seb.stats.upperBound - seb.stats.total)) / seb.stats.upperBound : 0;
      summaryLines.push(
        `Sebaya at ${where} members: first-pass total ${int(seb.stats.total)}, proven upper bound ${Number.isFinite(seb.stats.upperBound) ? int(seb.stats.upperBound) : "none"} ` +
          `(${seb.stats.boundMethod}), gap ${fixed(gap, 3)}%.`,
      );
    }
  }

  // ---------------------------------------------------------------- Sebaya against greedy and its bound (issue 13)
  const pathColumns: Column[] = [
    { header: "population", align: "left" },
    { header: "members", align: "right" },
    { header: "path", align: "left" },
    { header: "total", align: "right" },
    { header: "greedy total", align: "right" },
    { header: "vs greedy", align: "right" },
    { header: "bound", align: "right" },
    { header: "gap to bound", align: "right" },
    { header: "time s", align: "right" },
    { header: "peak MB", align: "right" },
  ];
  const pathRows: Row[] = [];
  for (const row of cells) {
    const seb = row.find((c) => c.job.key === "sebaya");
    const greedy = row.find((c) => c.job.key === "greedy")?.result;
    if (!seb) continue;
    const { population, size } = seb.job;
    const r = seb.result;
    if (!r?.stats) {
      pathRows.push([population, int(size), seb.error ? `failed: ${seb.error}` : "–"]);
      continue;
    }
    const bound = Number.isFinite(r.stats.upperBound) ? r.stats.upperBound : undefined;
    // Without the greedy contender: the large path's own greedy start (marked *), the floor it keeps.
    const own = typeof r.stats.greedyTotal === "number" ? r.stats.greedyTotal : undefined;
    const greedyTotal = greedy?.firstPassTotal ?? own;
    const greedyPairs = greedy ? greedy.firstPassPairs : r.stats.greedyPairs;
    // More pairs may weigh less (more people matched comes first): a percentage alone would mislead.
    const morePairs = greedyPairs !== undefined && r.firstPassPairs !== undefined ? r.firstPassPairs - greedyPairs : 0;
    pathRows.push([
      population,
      int(size),
      String(r.stats.path ?? "?"),
      int(r.firstPassTotal),
      greedyTotal === undefined ? "–" : `${int(greedyTotal)}${greedy ? "" : "*"}`,
      greedyTotal
        ? `${r.firstPassTotal >= greedyTotal ? "+" : ""}${fixed((100 * r.firstPassTotal) / greedyTotal - 100, 2)}%${
            morePairs !== 0 ? ` (${morePairs > 0 ? "+" : ""}${int(morePairs)} pairs)` : ""
          }`
        : "–",
      bound !== undefined ? int(bound) : "none",
      bound !== undefined && bound !== 0 ? `${fixed((100 * (bound - r.firstPassTotal)) / Math.abs(bound), 3)}%` : "–",
      fixed(r.ms / 1000, 2),
      int(r.peakRssMB),
    ]);
  }
  const pathLegend = [
    "Sebaya against greedy and its bound: total and greedy total are first-pass pair totals (the one maximum-cardinality matching);",
    "greedy total: the greedy contender (heaviest pair first over every pair); * = not run, the large path's own greedy start instead.",
    "vs greedy: (+N pairs) when Sebaya paired more members than greedy did; the totals then weigh different numbers of pairs.",
    "bound = Sebaya's proven upper bound on any maximum-cardinality matching; gap = (bound − total) ÷ bound; time = the whole matcher call (all passes).",
  ];

  const cpus = os.cpus();
  const env =
    `Command: ${commandLine()} · Node ${process.version} · CPU: ${cpus[0]?.model ?? "unknown"} (${cpus.length} cores) · ` +
    `load average ${fixed(loadAtStart, 1)} at start, ${fixed(os.loadavg()[0] ?? 0, 1)} at end · ${new Date().toISOString().replace(/\.\d+Z$/, "Z")} · seed ${seed}`;
  const header = [
    "Weights are the pool's integers (tenths of a score point), summed over every pair inside every group (a trio counts three pairs).",
    "% of optimum = first-pass pair total ÷ edmonds-blossom's first-pass total where it ran, else ÷ Sebaya's proven upper bound.",
    `Time: the matcher call, median of 5 when under 1 s. Repeats: ${repeatRounds} rounds with the same contender at ${int(repeatSize)} members, history fed forward.`,
    "Peak RSS: each contender in its own child process, its process.resourceUsage().maxRSS after the timed runs (includes Node, tsx and the population).",
  ];
  const legend = [
    "total weight: every group, with the odd member's trio and the later passes for members who want 2-3 partners.",
    "1st pass: the one maximum-cardinality matching that the optimum and the bound refer to (~ = read from the groups).",
    "cross-team: groups whose members are not all from one team. goals covered: learning goals met by a partner's expertise (coveredTopics).",
  ];
  const text = [
    "",
    "Matching benchmark",
    env,
    ...header,
    "",
    textTable(columns, rows),
    "",
    ...pathLegend,
    textTable(pathColumns, pathRows),
    "",
    ...legend,
    ...populationLines.map((l) => `Population, ${l}.`),
    ...notes,
    "",
    ...summaryLines,
    `Whole run: ${fixed((performance.now() - started) / 1000, 1)} s.`,
  ].join("\n");
  console.log(text);

  const out = flags.out as string;
  if (out && out !== "none") {
    const md = [
      "# Matching benchmark",
      "",
      env.replace(/^Command: (.*?) ·/, "Command: `$1` ·"),
      "",
      ...header.map((h) => `${h}  `),
      "",
      markdownTable(columns, rows),
      "",
      ...pathLegend.map((l) => `${l}  `),
      "",
      markdownTable(pathColumns, pathRows),
      "",
      ...legend.map((l) => `- ${l}`),
      ...populationLines.map((l) => `- Population, ${l}.`),
      ...notes.map((n) => (n.startsWith("  ") ? `  - ${n.trim()}` : `- ${n}`)),
      "",
      ...summaryLines.map((l) => `${l}  `),
      `Whole run: ${fixed((performance.now() - started) / 1000, 1)} s.`,
      "",
    ].join("\n");
    writeFileSync(out, md);
    console.log(`(Markdown written to ${out})`);
  }
}

function labelOf(key: ContenderKey): string {
  return key === "sebaya" ? "Sebaya" : simpleContender(key).label;
}

if (flags.worker) {
  runJob(JSON.parse(flags.worker) as Job).then(
    (result) => {
      if (process.send) process.send(result, () => process.exit(0));
      else console.log(JSON.stringify(result));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
