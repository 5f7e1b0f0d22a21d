/**
 * The large-program path (src/core/matching/large), forced on small programs with
 * `fullCheckLimit: 0` and checked against the exact path (itself held to brute force and
 * edmonds-blossom in optimal-matcher.test.ts) and a plain greedy matching over every pair:
 * never below greedy, never above the optimum, and a bound that holds the optimum, also with
 * an odd number of members and on crowds of identical profiles.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greedyInto } from "../../src/core/matching/large/greedy";
import { matchWithStats } from "../../src/core/matching/optimal-matcher";
import { type Pool, preparePool } from "../../src/core/matching/pool";
import { type Candidate, type CandidateProfile, type MatchInput, pairKey } from "../../src/core/matching/types";

const SKILLS = ["sql", "design", "public speaking", "go", "sales", "leadership", "analisis data", "data analysis", "ux research"];
const ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/London"];
const AT = new Date("2026-12-01T00:00:00Z");

const profileArb: fc.Arbitrary<CandidateProfile> = fc.record({
  expertise: fc.subarray(SKILLS, { maxLength: 3 }),
  goals: fc.subarray(SKILLS, { maxLength: 3 }),
  interests: fc.subarray(["kopi", "coffee", "buku", "music", "running"], { maxLength: 2 }),
  team: fc.constantFrom("A", "B", "C"),
  timezone: fc.constantFrom(...ZONES),
});

/**
 * Programs as people make them: a few template profiles that many members copy (crowds, some with
 * empty lists), the rest their own; a few "do not pair" entries and past partners.
 */
const programArb = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) =>
    fc.record({
      templates: fc.array(profileArb, { minLength: 1, maxLength: 4 }),
      own: fc.array(fc.option(profileArb, { freq: 2 }), { minLength: n, maxLength: n }),
      choice: fc.array(fc.nat(3), { minLength: n, maxLength: n }),
      priority: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      excluded: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n }),
      history: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 4 })), { maxLength: n }),
      seed: fc.nat(),
    }),
  );

function toInput(p: {
  templates: CandidateProfile[];
  own: Array<CandidateProfile | null>;
  choice: number[];
  priority: boolean[];
  excluded: Array<[number, number]>;
  history: Array<[number, number, number]>;
  seed: number;
}): MatchInput {
  const candidates: Candidate[] = p.own.map((own, i) => ({
    memberId: `m${i}`,
    slots: 1,
    priority: p.priority[i] === true,
    profile: own ?? (p.templates[(p.choice[i] ?? 0) % p.templates.length] as CandidateProfile),
  }));
  return {
    candidates,
    excluded: new Set(p.excluded.filter(([a, b]) => a !== b).map(([a, b]) => pairKey(`m${a}`, `m${b}`))),
    history: new Map(p.history.filter(([a, b]) => a !== b).map(([a, b, ago]) => [pairKey(`m${a}`, `m${b}`), ago])),
    seed: p.seed,
    at: AT,
  };
}

/** The greedy matching over every allowed pair (heaviest first): pairs and total. */
function fullGreedy(pool: Pool): { pairs: number; total: number } {
  const u: number[] = [];
  const v: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < pool.n; i++)
    for (let j = i + 1; j < pool.n; j++) {
      const wij = pool.weight(i, j);
      if (wij === null) continue;
      u.push(i);
      v.push(j);
      w.push(wij);
    }
  const mate = new Int32Array(pool.n).fill(-1);
  const total = greedyInto(mate, Int32Array.from(u), Int32Array.from(v), Int32Array.from(w));
  return { pairs: mate.filter((x, i) => x > i).length, total };
}

describe("the large-program path", () => {
  it("is never below greedy nor above the optimum, and its bound holds the optimum (up to 300 members)", () => {
    fc.assert(
      fc.property(programArb(13, 300), (program) => {
        const input = toInput(program);
        const pool = preparePool(input);
        const exact = matchWithStats(input).stats;
        expect(exact.path).toBe("exact");
        expect(exact.exact).toBe(true);
        const large = matchWithStats(input, { fullCheckLimit: 0 }).stats;
        expect(large.path).toBe("large");
        expect(large.total).toBeLessThanOrEqual(exact.total);
        // Its own greedy start is a floor: never fewer pairs, and with as many, never less weight (with
        // more pairs it may weigh less: more people matched comes first, and the extra pairs may be weak).
        expect(large.pairs).toBeGreaterThanOrEqual(large.greedyPairs as number);
        if (large.pairs === large.greedyPairs) expect(large.total).toBeGreaterThanOrEqual(large.greedyTotal as number);
        // And so is the greedy matching over every pair, whenever that one is as large.
        const greedy = fullGreedy(pool);
        if (large.boundMethod !== "none (not every member could be matched)") {
          if (greedy.pairs * 2 >= pool.n - 1) expect(large.total).toBeGreaterThanOrEqual(greedy.total);
          expect(large.upperBound).toBeGreaterThanOrEqual(exact.total);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("proves a tight bound with an odd number of members (no ghost-sized artefact)", () => {
    fc.assert(
      fc.property(programArb(41, 161), (program) => {
        const input = toInput({ ...program, own: program.own.length % 2 ? program.own : [...program.own, null] });
        expect(input.candidates.length % 2).toBe(1);
        const exact = matchWithStats(input).stats;
        const large = matchWithStats(input, { fullCheckLimit: 0 }).stats;
        if (large.boundMethod === "none (not every member could be matched)") return;
        expect(large.upperBound).toBeGreaterThanOrEqual(exact.total);
        // Before the ghost, an odd count put about half the cardinality shift (10^5 and more) into the bound.
        expect(large.upperBound - exact.total).toBeLessThan(Math.max(200, 0.25 * Math.abs(exact.total)));
      }),
      { numRuns: 25 },
    );
  });

  it("matches a crowd of 2,001 identical profiles perfectly and proves it exactly", () => {
    const profile: CandidateProfile = {
      expertise: ["go"],
      goals: ["design"],
      interests: ["kopi"],
      team: "A",
      timezone: "Asia/Jakarta",
    };
    const candidates: Candidate[] = Array.from({ length: 2001 }, (_, i) => ({ memberId: `m${i}`, slots: 1, profile }));
    const input: MatchInput = { candidates, excluded: new Set(), history: new Map(), seed: 5, at: AT };
    const pool = preparePool(input);
    const each = pool.weight(0, 1) as number;
    const { stats, result } = matchWithStats(input, { fullCheckLimit: 0 });
    expect(stats.path).toBe("large");
    expect(stats.total).toBe(1000 * each);
    expect(stats.upperBound).toBe(stats.total);
    expect(stats.exact).toBe(true);
    // Everyone placed: 999 pairs and one trio.
    expect(result.groups.filter((g) => g.memberIds.length === 3)).toHaveLength(1);
    expect(result.unmatched).toHaveLength(0);
  });

  it("falls back to weighing the unrelated pairs one by one when the team and zone classes are too many for a table", () => {
    // Every member on a team of their own: more classes than the ceiling table holds.
    const candidates: Candidate[] = Array.from({ length: 2100 }, (_, i) => ({
      memberId: `m${i}`,
      slots: 1,
      profile: {
        expertise: [SKILLS[i % SKILLS.length] as string],
        goals: [SKILLS[(i * 7 + 3) % SKILLS.length] as string],
        interests: i % 3 === 0 ? ["kopi"] : [],
        team: `T${i}`,
        timezone: ZONES[i % ZONES.length] as string,
      },
    }));
    const input: MatchInput = { candidates, excluded: new Set(), history: new Map(), seed: 3, at: AT };
    expect(preparePool(input).unrelatedClasses().ceiling).toBeNull();
    const exact = matchWithStats(input).stats;
    expect(exact.path).toBe("exact");
    const large = matchWithStats(input, { fullCheckLimit: 0 }).stats;
    expect(large.path).toBe("large");
    expect(large.total).toBeLessThanOrEqual(exact.total);
    expect(large.upperBound).toBeGreaterThanOrEqual(exact.total);
    expect(large.pairs).toBeGreaterThanOrEqual(large.greedyPairs as number);
    if (large.pairs === large.greedyPairs) expect(large.total).toBeGreaterThanOrEqual(large.greedyTotal as number);
  });

  it("may weigh less than its greedy start when it pairs more members (the case fast-check found)", () => {
    const none = { expertise: [], goals: [], interests: [] };
    const program: Parameters<typeof toInput>[0] = {
      templates: [{ ...none, team: "A", timezone: "Asia/Jakarta" }],
      own: [
        null,
        { ...none, team: "A", timezone: "Europe/London" },
        null,
        { ...none, expertise: ["ux research"], team: "B", timezone: "Asia/Jakarta" },
        null,
        null,
        { ...none, expertise: ["public speaking"], goals: ["analisis data"], team: "A", timezone: "Asia/Jakarta" },
        null,
        null,
        null,
        { ...none, goals: ["design"], team: "A", timezone: "Asia/Jakarta" },
        { ...none, goals: ["public speaking"], team: "A", timezone: "Asia/Jayapura" },
        { ...none, team: "A", timezone: "Asia/Jayapura" },
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      choice: Array(20).fill(0),
      priority: Array.from({ length: 20 }, (_, i) => i === 15),
      excluded: [[12, 1]],
      history: [],
      seed: 0,
    };
    const input = toInput(program);
    const exact = matchWithStats(input).stats;
    const large = matchWithStats(input, { fullCheckLimit: 0 }).stats;
    // The optimum itself weighs less than the greedy start, which leaves members out.
    expect(large.greedyTotal).toBeGreaterThan(exact.total);
    expect(large.pairs).toBeGreaterThan(large.greedyPairs as number);
    expect(large.total).toBe(exact.total);
  });
});
