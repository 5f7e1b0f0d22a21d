/**
 * npm run bench:matching (a step of it): goal coverage on populations people
 * produce (issue 13, item 6). Intakes are free text in both languages: the
 * labelled phrases people wrote (tests/fixtures/topic-phrases.tsv) and
 * vocabulary names and aliases with typos, decorations and several skills in
 * one item; popularity is skewed, one team holds 40% of members, one member
 * in ten copies someone else's profile.
 *
 * Goal coverage: the share of members whose group has someone offering one of
 * their goals, judged by what the phrases really mean (their labelled
 * topics), not by what either matcher read. Compared:
 * - before: the matcher and intake splitting of the last commit before issue
 *   13 (extracted with `git archive`, run as it was);
 * - Sebaya: today's matcher and splitting;
 * - best achievable: a maximum-weight matching on true coverage itself (an
 *   upper bound: it ignores every other concern, team, zone and the trio).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { splitList } from "../src/core/forms/text-list";
import { maxWeightMatching } from "../src/core/matching/max-weight-matching";
import { optimalMatcher } from "../src/core/matching/optimal-matcher";
import { seededRandom } from "../src/core/matching/random";
import { DEFAULT_VOCABULARY } from "../src/core/matching/topic-reading";
import type { Candidate, Matcher, MatchResult } from "../src/core/matching/types";
import { DEFAULT_WEIGHTS, type MatchingWeights } from "../src/core/matching/weights";
import { type Labelled, loadLabelled } from "./topic-understanding";

/** The last commit before issue 13 changed how intakes are read and matched. */
export const BEFORE_COMMIT = "28feb18^";
const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface Item {
  text: string;
  topics: string[];
}

interface Person {
  id: string;
  expertise: Item[];
  goals: Item[];
  interests: string[];
  team: string;
  timezone: string;
}

const DECORATIONS = ["for beginners", "untuk pemula", "lanjutan", "basics", "di kantor", "for my team", "praktis", "in practice"];
const INTERESTS = ["kopi", "coffee", "buku", "running", "musik", "badminton", "travel"];

/** A Zipf-like draw over `count` ranks: rank r with weight 1 / (r + 1)^s. */
function zipf(count: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 0; r < count; r++) {
    sum += 1 / (r + 1) ** s;
    cumulative.push(sum);
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** One letter swapped with its neighbour, as hurried typing does. */
function typo(word: string, random: () => number): string {
  if (word.length < 6) return word;
  const k = 1 + Math.floor(random() * (word.length - 3));
  return word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2);
}

export function makePeople(n: number, seed: number, labelled: readonly Labelled[]): Person[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  // Popularity: a fixed shuffled order of the vocabulary, drawn Zipf-like.
  const topics = [...DEFAULT_VOCABULARY.topics].sort((a, b) => a.id.localeCompare(b.id));
  for (let i = topics.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [topics[i], topics[j]] = [topics[j] as (typeof topics)[number], topics[i] as (typeof topics)[number]];
  }
  const rank = zipf(topics.length, 1.1, random);
  const phrasesOf = new Map<string, string[]>();
  for (const l of labelled)
    if (l.topics.length === 1) phrasesOf.set(l.topics[0] as string, [...(phrasesOf.get(l.topics[0] as string) ?? []), l.phrase]);

  const write = (id: string): string => {
    const topic = DEFAULT_VOCABULARY.topics.find((t) => t.id === id);
    const people = phrasesOf.get(id);
    if (people && random() < 0.5) return pick(people);
    const names = topic ? [topic.label.en, topic.label.id, ...topic.aliases] : [id];
    let text = pick(names);
    if (random() < 0.3) text = text.toLowerCase();
    if (random() < 0.15)
      text = text
        .split(" ")
        .map((w) => typo(w, random))
        .join(" ");
    if (random() < 0.3) text = `${text} ${pick(DECORATIONS)}`;
    return text;
  };
  const items = (count: number, avoid: ReadonlySet<string>, combine: boolean): Item[] => {
    const chosen = new Set<string>();
    while (chosen.size < count) {
      const t = topics[rank()]?.id as string;
      if (!avoid.has(t)) chosen.add(t);
    }
    const ids = [...chosen];
    // Several skills in one item, as people write them: "A (B, C)" or "A dan B".
    if (combine && ids.length >= 2 && random() < 0.4) {
      const [a, ...rest] = ids as [string, ...string[]];
      const text =
        random() < 0.5
          ? `${write(a)} (${rest.map(write).join(", ")})`
          : `${write(a)} ${pick(["dan", "and", "&"])} ${rest.map(write).join(" ")}`;
      return [{ text, topics: ids }];
    }
    return ids.map((id) => ({ text: write(id), topics: [id] }));
  };

  const teams = Array.from({ length: 14 }, (_, k) => `Team ${k + 1}`);
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const id = `m${i}`;
    // One in ten copies someone's profile: colleagues fill the intake alike.
    const model = i > 10 && random() < 0.1 ? people[Math.floor(random() * people.length)] : undefined;
    if (model) {
      people.push({ ...model, id });
      continue;
    }
    const expertise = items(1 + Math.floor(random() * 3), new Set(), true);
    const goals = items(1 + Math.floor(random() * 2), new Set(expertise.flatMap((e) => e.topics)), false);
    people.push({
      id,
      expertise,
      goals,
      interests: Array.from({ length: Math.floor(random() * 3) }, () => pick(INTERESTS)),
      team: random() < 0.4 ? "Sales" : pick(teams),
      timezone: random() < 0.7 ? "Asia/Jakarta" : random() < 0.67 ? "Asia/Makassar" : "Asia/Jayapura",
    });
  }
  return people;
}

/** What a member typed into each field, one line; each version splits it its own way. */
const typed = (items: readonly Item[]) => items.map((i) => i.text).join(", ");

function candidates(people: readonly Person[], split: (text: string) => string[]): Candidate[] {
  return people.map((p) => ({
    memberId: p.id,
    slots: 1,
    profile: {
      expertise: split(typed(p.expertise)),
      goals: split(typed(p.goals)),
      interests: p.interests,
      team: p.team,
      timezone: p.timezone,
    },
  }));
}

/** Does `giver` offer one of `learner`'s goals, by what the phrases mean? */
function covers(giver: Person, learner: Person): boolean {
  const offered = new Set(giver.expertise.flatMap((e) => e.topics));
  return learner.goals.some((g) => g.topics.some((t) => offered.has(t)));
}

export function coverage(people: readonly Person[], result: MatchResult): number {
  const byId = new Map(people.map((p) => [p.id, p]));
  let covered = 0;
  for (const g of result.groups) {
    const members = g.memberIds.map((id) => byId.get(id) as Person);
    for (const m of members) if (members.some((o) => o !== m && covers(o, m))) covered++;
  }
  return covered / people.length;
}

/**
 * The most members a matching can cover. With `everyone`, among the matchings that pair as many members
 * as possible, as Sebaya must (nobody is left out to cover someone else); it still ignores teams, zones
 * and the odd member's trio.
 */
export function bestCoverage(people: readonly Person[], everyone = false): number {
  const eu: number[] = [];
  const ev: number[] = [];
  const ew: number[] = [];
  for (let i = 0; i < people.length; i++)
    for (let j = i + 1; j < people.length; j++) {
      const w =
        Number(covers(people[i] as Person, people[j] as Person)) + Number(covers(people[j] as Person, people[i] as Person));
      // Everyone paired: every pair is an edge, the uncovering ones of weight 0.
      if (w > 0 || everyone) {
        eu.push(i);
        ev.push(j);
        ew.push(w);
      }
    }
  const { total } = maxWeightMatching(people.length, Int32Array.from(eu), Int32Array.from(ev), Int32Array.from(ew), {
    maxCardinality: everyone,
  });
  return total / people.length;
}

/** The matcher as it was before issue 13, run from its own sources. */
async function beforeMatcher(): Promise<{ matcher: Matcher; split: (text: string) => string[]; commit: string }> {
  const commit = execFileSync("git", ["rev-parse", "--short", BEFORE_COMMIT], { cwd: ROOT, encoding: "utf8" }).trim();
  // Inside node_modules so that the old sources resolve their packages from this checkout.
  const dir = join(ROOT, "node_modules", ".cache", "sebaya-before", commit);
  if (!existsSync(join(dir, "src"))) {
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync("git", ["archive", "--format=tar", commit, "src"], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
  }
  const module = (await import(pathToFileURL(join(dir, "src/core/matching/optimal-matcher.ts")).href)) as {
    optimalMatcher: Matcher;
  };
  // Before issue 13 the intake split every field at commas, semicolons and new lines (commands.ts).
  const split = (text: string) =>
    text
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return { matcher: module.optimalMatcher, split, commit };
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main() {
  const labelled = loadLabelled();
  const before = await beforeMatcher();
  const rows: string[] = [];
  for (const [n, seed] of [
    [1_000, 1],
    [2_000, 2],
  ] as const) {
    const people = makePeople(n, seed, labelled);
    const run = (matcher: Matcher, split: (t: string) => string[], weights: MatchingWeights = DEFAULT_WEIGHTS) =>
      coverage(
        people,
        matcher({ candidates: candidates(people, split), excluded: new Set(), history: new Map(), seed, weights }),
      );
    const was = run(before.matcher, before.split);
    const now = run(optimalMatcher, splitList);
    // What the other concerns cost: teams, working hours and interests weighed at nothing.
    const goalsOnly = run(optimalMatcher, splitList, { ...DEFAULT_WEIGHTS, interest: 0, team: 0, timezone: 0, noOverlap: 0 });
    const best = bestCoverage(people);
    rows.push(
      `| ${n.toLocaleString("en")} | ${percent(was)} | ${percent(now)} | ${percent(goalsOnly)} | ${percent(best)} | ${percent(now / was - 1)} | ${(100 * (best - now)).toFixed(1)} pt |`,
    );
  }
  console.log(`\n## Goal coverage on free-text populations (before = ${before.commit}, the matcher before issue 13)\n`);
  console.log("| members | before | Sebaya | Sebaya, goals only | best achievable | Sebaya vs before | gap to best |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(r);
  console.log(
    "\nCoverage: members whose group holds someone offering one of their goals, judged by the phrases' labelled topics. " +
      "Goals only: the program's weights for teams, working hours and interests set to 0. " +
      "Best achievable: a maximum-weight matching on that coverage alone (an upper bound; it ignores teams, zones and the odd member's trio).",
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
