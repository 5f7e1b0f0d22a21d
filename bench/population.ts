/**
 * A realistic, seeded population for the matching benchmark, and a history of
 * earlier rounds.
 *
 * - Teams: between 8 and 40, sizes skewed (a few big teams, many small ones).
 *   Each team belongs to a domain (engineering, data, design, ...) and has a
 *   small set of skills its members tend to share.
 * - Skills: a vocabulary of a few hundred (domain skills, general skills and
 *   compounds such as "kubernetes security"), popularity Zipf-like inside each
 *   list. Expertise comes mostly from the member's team and domain; goals
 *   mostly from general skills and other domains, so that many goals meet
 *   someone else's expertise.
 * - Interests: clusters of hobbies; a member shares 1-3 interests of their
 *   cluster (sometimes two clusters).
 * - Spelling: Indonesian/English synonyms from synonyms.ts mixed in, plus
 *   case, spacing and punctuation noise that normalizeTopic removes.
 * - Time zones: mostly Asia/Jakarta, Asia/Makassar, Asia/Jayapura, a few in
 *   Singapore, Tokyo, Sydney, London and New York.
 * - Partners wanted: mostly 1, some 2 or 3.
 *
 * Everything comes from one seed (seededRandom), so every contender and every
 * child process rebuilds exactly the same population.
 */
import { seededRandom } from "../src/core/matching/random";
import { normalizeTopic } from "../src/core/matching/topics";
import { type Candidate, type Matcher, type MatchInput, type MatchResult, pairKey } from "../src/core/matching/types";

type Random = () => number;

// ------------------------------------------------------------------ vocabulary

const GENERAL = [
  "communication",
  "leadership",
  "public speaking",
  "project management",
  "time management",
  "writing",
  "negotiation",
  "people management",
  "career development",
  "mentoring",
  "english",
  "stakeholder management",
  "presentation design",
  "critical thinking",
  "conflict resolution",
  "coaching",
  "product management",
  "data analysis",
  "excel",
  "facilitation",
  "decision making",
  "hiring",
  "giving feedback",
  "storytelling",
  "budgeting",
  "remote work",
  "prioritization",
  "okrs",
  "change management",
  "networking",
];

const DOMAINS: Record<string, string[]> = {
  Engineering: [
    "programming",
    "typescript",
    "javascript",
    "react",
    "node.js",
    "go",
    "python",
    "java",
    "kotlin",
    "swift",
    "flutter",
    "sql",
    "postgresql",
    "system design",
    "code review",
    "testing",
    "kubernetes",
    "docker",
    "aws",
    "google cloud",
    "ci/cd",
    "microservices",
    "graphql",
    "rest api design",
    "security",
    "observability",
    "performance tuning",
    "android",
    "ios",
    "rust",
    "terraform",
    "linux",
    "git",
    "debugging",
    "distributed systems",
    "web accessibility",
  ],
  Data: [
    "data analysis",
    "sql",
    "python",
    "machine learning",
    "artificial intelligence",
    "statistics",
    "data visualization",
    "tableau",
    "power bi",
    "data engineering",
    "dbt",
    "airflow",
    "spark",
    "bigquery",
    "a/b testing",
    "forecasting",
    "deep learning",
    "nlp",
    "computer vision",
    "experiment design",
    "pandas",
    "r",
    "causal inference",
    "recommendation systems",
    "data governance",
    "llm prompting",
  ],
  Design: [
    "design",
    "ux research",
    "figma",
    "ui design",
    "interaction design",
    "visual design",
    "design systems",
    "prototyping",
    "usability testing",
    "illustration",
    "motion design",
    "ux writing",
    "information architecture",
    "branding",
    "typography",
    "service design",
    "accessibility design",
    "user interviews",
    "journey mapping",
    "design critique",
  ],
  Product: [
    "product management",
    "roadmapping",
    "product discovery",
    "user stories",
    "product analytics",
    "pricing",
    "go-to-market",
    "market research",
    "competitive analysis",
    "okrs",
    "agile",
    "scrum",
    "jira",
    "requirements writing",
    "growth",
    "product strategy",
    "b2b saas",
    "platform products",
  ],
  Marketing: [
    "marketing",
    "digital marketing",
    "seo",
    "content marketing",
    "social media",
    "copywriting",
    "email marketing",
    "performance marketing",
    "google ads",
    "brand strategy",
    "community building",
    "influencer marketing",
    "public relations",
    "event organizing",
    "video editing",
    "photography",
    "marketing analytics",
    "crm",
  ],
  Sales: [
    "sales",
    "negotiation",
    "account management",
    "b2b sales",
    "cold outreach",
    "sales forecasting",
    "customer success",
    "salesforce",
    "partnerships",
    "pitching",
    "key accounts",
    "lead generation",
    "contract negotiation",
    "business development",
    "customer service",
  ],
  Finance: [
    "finance",
    "accounting",
    "financial modeling",
    "budgeting",
    "tax",
    "audit",
    "excel",
    "fp&a",
    "treasury",
    "payroll",
    "investor relations",
    "valuation",
    "cost control",
    "procurement",
    "risk management",
    "compliance",
    "ifrs",
  ],
  People: [
    "people management",
    "hiring",
    "interviewing",
    "onboarding",
    "learning and development",
    "compensation",
    "employee engagement",
    "performance reviews",
    "coaching",
    "mentoring",
    "diversity and inclusion",
    "labor law",
    "organizational design",
    "wellbeing",
    "culture",
  ],
  Operations: [
    "operations",
    "logistics",
    "supply chain",
    "process improvement",
    "lean",
    "six sigma",
    "vendor management",
    "customer service",
    "quality assurance",
    "inventory",
    "warehouse management",
    "fleet management",
    "project management",
    "sop writing",
    "incident management",
  ],
  Legal: [
    "contract drafting",
    "compliance",
    "data privacy",
    "corporate law",
    "intellectual property",
    "employment law",
    "regulatory affairs",
    "legal research",
    "risk management",
    "policy writing",
  ],
};

/** Compounds made from a domain skill and a focus: "kubernetes security", "sql performance". */
const FOCUS = ["fundamentals", "at scale", "for managers", "security", "performance", "architecture", "automation"];

const DOMAIN_NAMES = Object.keys(DOMAINS);

const INTEREST_CLUSTERS: string[][] = [
  ["coffee", "cooking", "baking", "street food", "tea", "wine tasting", "kuliner"],
  ["running", "cycling", "hiking", "climbing", "camping", "diving", "surfing", "marathon"],
  ["books", "writing poetry", "film", "theatre", "museums", "history", "podcasts"],
  ["music", "guitar", "karaoke", "piano", "concerts", "k-pop", "jazz"],
  ["football", "badminton", "futsal", "basketball", "tennis", "volleyball", "padel"],
  ["games", "board games", "chess", "anime", "esports", "tabletop rpg"],
  ["gardening", "photography", "batik", "painting", "knitting", "pottery"],
  ["parenting", "pets", "cats", "dogs", "home cooking", "interior design"],
  ["travel", "languages", "backpacking", "scuba", "road trips", "japanese"],
  ["3d printing", "home automation", "open source", "mechanical keyboards", "robotics", "electronics"],
  ["yoga", "meditation", "gym", "pilates", "healthy eating", "sleep"],
  ["investing", "crypto", "personal finance", "startups", "side projects"],
];

/**
 * Other spellings of canonical topics, copied from synonyms.ts; a variant is
 * used only while normalizeTopic still maps it to its canonical form.
 */
const VARIANTS_RAW: Record<string, string[]> = {
  "public speaking": ["berbicara di depan umum", "presentasi", "presentations"],
  "data analysis": ["analisis data", "data analytics", "analitik data"],
  leadership: ["kepemimpinan", "memimpin tim", "leading teams"],
  "project management": ["manajemen proyek"],
  "product management": ["manajemen produk"],
  "time management": ["manajemen waktu"],
  "people management": ["manajemen orang", "managing people"],
  marketing: ["pemasaran"],
  "digital marketing": ["pemasaran digital"],
  sales: ["penjualan"],
  negotiation: ["negosiasi"],
  communication: ["komunikasi"],
  writing: ["menulis", "penulisan"],
  design: ["desain"],
  "ux research": ["riset ux", "user research", "riset pengguna"],
  programming: ["pemrograman", "coding", "ngoding"],
  "machine learning": ["pembelajaran mesin"],
  "artificial intelligence": ["kecerdasan buatan"],
  finance: ["keuangan"],
  accounting: ["akuntansi"],
  "career development": ["pengembangan karier", "pengembangan karir", "career growth"],
  mentoring: ["bimbingan"],
  "customer service": ["layanan pelanggan"],
  english: ["bahasa inggris"],
  coffee: ["kopi"],
  books: ["buku", "reading", "membaca"],
  photography: ["fotografi"],
  music: ["musik"],
  running: ["lari"],
  cooking: ["memasak", "masak"],
  travel: ["traveling", "jalan-jalan", "wisata"],
  football: ["sepak bola", "soccer"],
  badminton: ["bulu tangkis"],
  gardening: ["berkebun"],
  games: ["gaming", "main game"],
};

const VARIANTS = new Map<string, string[]>();
for (const [canonical, list] of Object.entries(VARIANTS_RAW)) {
  const target = normalizeTopic(canonical);
  const ok = list.filter((v) => normalizeTopic(v) === target);
  if (ok.length) VARIANTS.set(canonical, ok);
}

const ZONES: Array<[string, number]> = [
  ["Asia/Jakarta", 0.55],
  ["Asia/Makassar", 0.17],
  ["Asia/Jayapura", 0.08],
  ["Asia/Singapore", 0.06],
  ["Asia/Tokyo", 0.04],
  ["Australia/Sydney", 0.04],
  ["Europe/London", 0.03],
  ["America/New_York", 0.03],
];

// ------------------------------------------------------------------ sampling

/** Cumulative Zipf weights 1/(rank+1)^s over `size` items. */
function zipf(size: number, s: number): Float64Array {
  const cum = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) {
    total += 1 / (r + 1) ** s;
    cum[r] = total;
  }
  for (let r = 0; r < size; r++) cum[r] = (cum[r] as number) / total;
  return cum;
}

function pickCum(cum: Float64Array, random: Random): number {
  const x = random();
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pickWeighted<T>(items: ReadonlyArray<readonly [T, number]>, random: Random): T {
  let x = random() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) {
    x -= w;
    if (x <= 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)] as T;

function shuffledCopy<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A list in a random popularity order, sampled Zipf-like. */
class Popularity {
  readonly items: string[];
  private readonly cum: Float64Array;
  constructor(items: readonly string[], random: Random, s = 1) {
    this.items = shuffledCopy(items, random);
    this.cum = zipf(this.items.length, s);
  }
  draw(random: Random): string {
    return this.items[pickCum(this.cum, random)] as string;
  }
}

/** How a member writes a topic: sometimes a synonym, sometimes with case, spacing or punctuation noise. */
function spell(topic: string, random: Random): string {
  let out = topic;
  const variants = VARIANTS.get(topic);
  if (variants && random() < 0.3) out = pick(variants, random);
  const r = random();
  if (r < 0.15) out = out.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  else if (r < 0.2) out = out.toUpperCase();
  else if (r < 0.25) out = out.charAt(0).toUpperCase() + out.slice(1);
  if (random() < 0.08) out = ` ${out.replace(/ /g, "  ")} `;
  if (random() < 0.04) out = `${out}.`;
  return out;
}

// ------------------------------------------------------------------ population

export interface PopulationOptions {
  seed: number;
  /** Everyone wants exactly one partner (default: mostly 1, some 2 or 3). */
  singleSlot?: boolean;
}

export interface PopulationSummary {
  members: number;
  teams: number;
  vocabulary: number;
  meanGoals: number;
  meanExpertise: number;
  slots: Record<number, number>;
  zones: Record<string, number>;
}

export function makePopulation(n: number, options: PopulationOptions): Candidate[] {
  const random = seededRandom(options.seed);

  // Skill lists in a random popularity order; compounds live in their domain.
  const general = new Popularity(GENERAL, random);
  const domainSkills = new Map<string, Popularity>();
  for (const name of DOMAIN_NAMES) {
    const base = DOMAINS[name] as string[];
    const compounds = base.slice(0, 12).flatMap((skill) => (random() < 0.6 ? [`${skill} ${pick(FOCUS, random)}`] : []));
    domainSkills.set(name, new Popularity([...base, ...compounds], random));
  }
  const domainPopularity = zipf(DOMAIN_NAMES.length, 0.7);
  const orderedDomains = shuffledCopy(DOMAIN_NAMES, random);

  // Teams: count grows with n, sizes skewed.
  const teamCount = Math.max(8, Math.min(40, Math.round(n / 50)));
  const teams = Array.from({ length: teamCount }, (_, t) => {
    const domain =
      t < orderedDomains.length ? (orderedDomains[t] as string) : (orderedDomains[pickCum(domainPopularity, random)] as string);
    const skills = domainSkills.get(domain) as Popularity;
    const shared = new Set<string>();
    while (shared.size < 6 + Math.floor(random() * 5)) shared.add(skills.draw(random));
    const home = random() < 0.7 ? "Asia/Jakarta" : pickWeighted(ZONES, random);
    return {
      name: `${domain} ${String.fromCharCode(65 + (t % 26))}${t >= 26 ? Math.floor(t / 26) : ""}`,
      domain,
      shared: [...shared],
      home,
    };
  });
  const teamSize = zipf(teamCount, 0.9);
  const teamOrder = shuffledCopy(
    teams.map((_, t) => t),
    random,
  );

  const clusters = INTEREST_CLUSTERS.map((c) => new Popularity(c, random, 0.8));

  const candidates: Candidate[] = [];
  const width = String(n - 1).length;
  for (let i = 0; i < n; i++) {
    const team = teams[teamOrder[pickCum(teamSize, random)] as number] as (typeof teams)[number];
    const own = domainSkills.get(team.domain) as Popularity;
    const otherDomain = () => domainSkills.get(orderedDomains[pickCum(domainPopularity, random)] as string) as Popularity;

    // Expertise: team-shared skills, the domain, general skills, now and then another domain.
    const expertise = new Set<string>();
    const expertiseCount = 2 + Math.floor(random() * 4);
    for (let guard = 0; expertise.size < expertiseCount && guard < 50; guard++) {
      const r = random();
      expertise.add(
        r < 0.4
          ? pick(team.shared, random)
          : r < 0.65
            ? own.draw(random)
            : r < 0.9
              ? general.draw(random)
              : otherDomain().draw(random),
      );
    }
    // Goals: general skills, other domains, deeper in one's own; never one's own expertise.
    const goals = new Set<string>();
    const goalCount = pickWeighted(
      [
        [1, 0.3],
        [2, 0.35],
        [3, 0.25],
        [4, 0.1],
      ],
      random,
    );
    for (let guard = 0; goals.size < goalCount && guard < 50; guard++) {
      const r = random();
      const g = r < 0.45 ? general.draw(random) : r < 0.8 ? otherDomain().draw(random) : own.draw(random);
      if (!expertise.has(g)) goals.add(g);
    }
    // Interests: one cluster, sometimes two; 1-3 interests.
    const mine = [pick(clusters, random)];
    if (random() < 0.2) mine.push(pick(clusters, random));
    const interests = new Set<string>();
    const interestCount = 1 + Math.floor(random() * 3);
    for (let guard = 0; interests.size < interestCount && guard < 30; guard++) interests.add(pick(mine, random).draw(random));

    const timezone = random() < 0.5 ? team.home : pickWeighted(ZONES, random);
    const slots = options.singleSlot ? 1 : random() < 0.86 ? 1 : random() < 0.8 ? 2 : 3;
    const r = random();
    const teamName = r < 0.04 ? `${team.name.toLowerCase()} ` : r < 0.06 ? team.name.toUpperCase() : team.name;

    candidates.push({
      memberId: `m${String(i).padStart(width, "0")}`,
      profile: {
        expertise: [...expertise].map((t) => spell(t, random)),
        goals: [...goals].map((t) => spell(t, random)),
        interests: [...interests].map((t) => spell(t, random)),
        team: teamName,
        timezone,
      },
      slots,
    });
  }
  return candidates;
}

export function summarize(candidates: readonly Candidate[]): PopulationSummary {
  const teams = new Set(candidates.map((c) => c.profile.team.trim().toLowerCase()));
  const vocabulary = new Set(
    candidates.flatMap((c) => [...c.profile.expertise, ...c.profile.goals].map((t) => normalizeTopic(t))),
  );
  const slots: Record<number, number> = {};
  const zones: Record<string, number> = {};
  for (const c of candidates) {
    slots[c.slots] = (slots[c.slots] ?? 0) + 1;
    zones[c.profile.timezone] = (zones[c.profile.timezone] ?? 0) + 1;
  }
  const mean = (f: (c: Candidate) => number) => candidates.reduce((s, c) => s + f(c), 0) / Math.max(1, candidates.length);
  return {
    members: candidates.length,
    teams: teams.size,
    vocabulary: vocabulary.size,
    meanGoals: mean((c) => c.profile.goals.length),
    meanExpertise: mean((c) => c.profile.expertise.length),
    slots,
    zones,
  };
}

/** A short fingerprint, so the benchmark can check that every process built the same input. */
export function fingerprint(candidates: readonly Candidate[], excluded: ReadonlySet<string> = new Set()): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  };
  for (const c of candidates) add(JSON.stringify(c));
  for (const k of [...excluded].sort()) add(k);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** "Do not pair me with" lists: about `perMember` random exclusions per member (0 = every pair allowed). */
export function makeExclusions(candidates: readonly Candidate[], perMember: number, seed: number): Set<string> {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const out = new Set<string>();
  const n = candidates.length;
  const count = Math.round((perMember * n) / 2);
  for (let guard = 0; out.size < count && guard < count * 10; guard++) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a !== b) out.add(pairKey((candidates[a] as Candidate).memberId, (candidates[b] as Candidate).memberId));
  }
  return out;
}

// ------------------------------------------------------------------ history

/** Every pair inside a group (a trio has three). */
export function groupPairs(memberIds: readonly string[]): string[] {
  const out: string[] = [];
  for (let x = 0; x < memberIds.length; x++) {
    for (let y = x + 1; y < memberIds.length; y++) out.push(pairKey(memberIds[x] as string, memberIds[y] as string));
  }
  return out;
}

export interface SimulatedRounds {
  /** pairKey -> rounds ago (1 = the last simulated round), as MatchInput.history wants it. */
  history: Map<string, number>;
  /** Per round: pairs formed, and how many of them had been together in an earlier round. */
  rounds: Array<{ pairs: number; repeats: number; ms: number }>;
  /** Members with fairness priority after the last round (in a trio or unmatched). */
  priority: Set<string>;
}

/**
 * Runs `rounds` rounds with `matcher` on the same members, feeding each
 * round's pairs into the next round's history (and trio/unmatched members
 * into its fairness priority), and counts the pairs that had met before.
 */
export async function simulateRounds(
  base: MatchInput,
  matcher: Matcher | ((input: MatchInput) => Promise<MatchResult>),
  rounds: number,
  options: { history?: ReadonlyMap<string, number>; onRound?: (round: number) => void } = {},
): Promise<SimulatedRounds> {
  let history = new Map(options.history ?? []);
  let priority = new Set<string>();
  const out: SimulatedRounds["rounds"] = [];
  for (let r = 0; r < rounds; r++) {
    const input: MatchInput = {
      ...base,
      candidates: base.candidates.map((c) => (priority.has(c.memberId) ? { ...c, priority: true } : { ...c, priority: false })),
      history,
      seed: base.seed + 1000 * (r + 1),
    };
    const t0 = performance.now();
    const result = await matcher(input);
    const ms = performance.now() - t0;
    let pairs = 0;
    let repeats = 0;
    const next = new Map<string, number>();
    for (const [key, ago] of history) next.set(key, ago + 1);
    for (const group of result.groups) {
      for (const key of groupPairs(group.memberIds)) {
        pairs++;
        if (history.has(key)) repeats++;
        next.set(key, 1);
      }
    }
    out.push({ pairs, repeats, ms });
    priority = new Set([...result.groups.filter((g) => g.memberIds.length > 2).flatMap((g) => g.memberIds), ...result.unmatched]);
    history = next;
    options.onRound?.(r + 1);
  }
  return { history, rounds: out, priority };
}

// ------------------------------------------------------------------ populations people actually produce (issue 13)

/** The benchmark's populations: the generator above, or what real programs look like. */
export const POPULATION_KINDS = ["default", "realistic", "identical"] as const;
export type PopulationKind = (typeof POPULATION_KINDS)[number];

/** Topics a crowd piles onto: realistic goals lean on these. */
const HOT_GOALS = ["leadership", "machine learning", "public speaking", "system design", "product management"];

/**
 * A whole run's input for a population kind, `n` members in the run:
 *
 * - default: makePopulation, nothing excluded, no history.
 * - realistic: skewed popularity (half the goals are one of five hot topics), one team holding 40% of
 *   the members, a quarter of the members copying one of six template profiles (one with empty lists,
 *   one with topics nobody else has), partners wanted 0-3 (0: not in the run, so left out), about
 *   two past partners each (1-6 rounds ago) and about one "do not pair" entry per member.
 * - identical: every member the same profile (same team, zone and lists): every pair weighs the same.
 */
export function makeRun(
  n: number,
  kind: PopulationKind,
  options: PopulationOptions & { exclusions?: number },
): { candidates: Candidate[]; excluded: Set<string>; history: Map<string, number> } {
  const exclusionsOf = (candidates: Candidate[], perMember: number) =>
    perMember > 0 ? makeExclusions(candidates, perMember, options.seed) : new Set<string>();
  if (kind === "default") {
    const candidates = makePopulation(n, options);
    return { candidates, excluded: exclusionsOf(candidates, options.exclusions ?? 0), history: new Map() };
  }
  const random = seededRandom(options.seed ^ 0x2545f491);
  if (kind === "identical") {
    const [first] = makePopulation(1, options);
    const profile = (first as Candidate).profile;
    const width = String(n - 1).length;
    const candidates = Array.from({ length: n }, (_, i) => ({
      memberId: `m${String(i).padStart(width, "0")}`,
      profile,
      slots: options.singleSlot ? 1 : random() < 0.86 ? 1 : random() < 0.8 ? 2 : 3,
    }));
    return { candidates, excluded: exclusionsOf(candidates, options.exclusions ?? 0), history: new Map() };
  }
  // realistic: generate more than n (some want no partner this time), then keep n who do.
  const raw = makePopulation(Math.ceil(n / 0.88) + 8, options);
  const dominant = (raw[0] as Candidate).profile.team;
  const templates = [raw[1], raw[2], raw[3], raw[4]].map((c) => (c as Candidate).profile);
  templates.push({ expertise: [], goals: [], interests: [], team: dominant, timezone: "Asia/Jakarta" });
  templates.push({
    expertise: ["tenun ikat", "gamelan tuning"],
    goals: ["batik canting", "wayang carving"],
    interests: ["layangan"],
    team: dominant,
    timezone: "Asia/Makassar",
  });
  const candidates: Candidate[] = [];
  for (const c of raw) {
    const r = random();
    const slots = r < 0.12 ? 0 : options.singleSlot ? 1 : r < 0.76 ? 1 : r < 0.9 ? 2 : 3;
    if (slots === 0) continue;
    let profile = c.profile;
    if (random() < 0.25) {
      profile = templates[Math.floor(random() * templates.length)] as Candidate["profile"];
    } else {
      const goals = profile.goals.map((g) =>
        random() < 0.5 ? (HOT_GOALS[Math.floor(random() ** 2 * HOT_GOALS.length)] as string) : g,
      );
      profile = { ...profile, goals: [...new Set(goals)], team: random() < 0.4 ? dominant : profile.team };
    }
    candidates.push({ ...c, memberId: `m${String(candidates.length).padStart(String(n - 1).length, "0")}`, profile, slots });
    if (candidates.length === n) break;
  }
  const history = new Map<string, number>();
  for (let i = 0; i < candidates.length; i++) {
    const past = Math.floor(random() * 5);
    for (let k = 0; k < past; k++) {
      const j = Math.floor(random() * candidates.length);
      if (j === i) continue;
      history.set(
        pairKey((candidates[i] as Candidate).memberId, (candidates[j] as Candidate).memberId),
        1 + Math.floor(random() * 6),
      );
    }
  }
  return { candidates, excluded: exclusionsOf(candidates, Math.max(1, options.exclusions ?? 0)), history };
}
