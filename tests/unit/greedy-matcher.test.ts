import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greedyMatcher } from "../../src/core/matching/greedy-matcher";
import { seededRandom, shuffled } from "../../src/core/matching/random";
import { scorePair } from "../../src/core/matching/score";
import { coveredTopics, normalizeTopic, sharedTopics, topicsMatch } from "../../src/core/matching/topics";
import { type Candidate, type CandidateProfile, type MatchInput, type MatchResult, pairKey } from "../../src/core/matching/types";
import { DEFAULT_WEIGHTS } from "../../src/core/matching/weights";

const VOCAB = ["python", "public speaking", "design", "sql", "leadership", "testing", "writing", "ux research"];
const TEAMS = ["Data", "Ops", "Design", "Sales"];

function profile(p: Partial<CandidateProfile> = {}): CandidateProfile {
  return { expertise: [], goals: [], interests: [], team: "Same", timezone: "Asia/Jakarta", ...p };
}

function cand(memberId: string, p: Partial<CandidateProfile> = {}, slots = 1): Candidate {
  return { memberId, profile: profile(p), slots };
}

function input(candidates: Candidate[], opts: { excluded?: string[]; previous?: string[]; seed?: number } = {}): MatchInput {
  return {
    candidates,
    excluded: new Set(opts.excluded ?? []),
    history: new Map((opts.previous ?? []).map((k) => [k, 1])),
    seed: opts.seed ?? 42,
  };
}

const pairsOf = (ids: readonly string[]) => {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) out.push(pairKey(ids[i] as string, ids[j] as string));
  return out;
};

// ---------------------------------------------------------------- generators

const topicSet = fc.subarray(VOCAB, { maxLength: 3 });
const profileArb = fc.record({
  expertise: topicSet,
  goals: topicSet,
  interests: topicSet,
  team: fc.constantFrom(...TEAMS),
  timezone: fc.constant("Asia/Jakarta"),
});

const pairArb = (n: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => pairKey(`m${a}`, `m${b}`));

const instanceArb = (opts: { slots?: fc.Arbitrary<number>; withExcluded?: boolean } = {}) =>
  fc.integer({ min: 2, max: 30 }).chain((n) =>
    fc.record({
      candidates: fc
        .array(fc.tuple(profileArb, opts.slots ?? fc.integer({ min: 1, max: 3 })), { minLength: n, maxLength: n })
        .map((rows) => rows.map(([p, slots], i): Candidate => ({ memberId: `m${i}`, profile: p, slots }))),
      excluded: opts.withExcluded === false ? fc.constant<string[]>([]) : fc.array(pairArb(n), { maxLength: n }),
      previous: fc.array(pairArb(n), { maxLength: 2 * n }),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
    }),
  );

type Instance = { candidates: Candidate[]; excluded: string[]; previous: string[]; seed: number };
const toInput = (i: Instance): MatchInput => input(i.candidates, i);

/** Every hard rule a matching result must keep, whatever the scores. */
function checkHardRules(inst: Instance, result: MatchResult): void {
  const ids = inst.candidates.map((c) => c.memberId);
  const known = new Set(ids);
  const excluded = new Set(inst.excluded);
  const seenPairs = new Set<string>();
  let trios = 0;

  for (const group of result.groups) {
    expect([2, 3]).toContain(group.memberIds.length);
    if (group.memberIds.length === 3) trios++;
    // Only candidates, nobody twice in one group (which also rules out self-pairs).
    for (const m of group.memberIds) expect(known.has(m)).toBe(true);
    expect(new Set(group.memberIds).size).toBe(group.memberIds.length);
    for (const key of pairsOf(group.memberIds)) {
      const [a, b] = key.split("|");
      expect(a).not.toBe(b);
      expect(excluded.has(key), `excluded pair ${key} grouped`).toBe(false);
      expect(seenPairs.has(key), `pair ${key} in two groups`).toBe(false);
      seenPairs.add(key);
    }
  }
  // Only the first pass may add an odd member to a pair.
  expect(trios).toBeLessThanOrEqual(1);

  // unmatched is exactly the candidates in no group, in input order.
  const grouped = new Set(result.groups.flatMap((g) => g.memberIds));
  expect(result.unmatched).toEqual(ids.filter((m) => !grouped.has(m)));

  // Nobody gets more partners than they asked for, except a one-slot member joining the trio.
  const partners = new Map<string, number>();
  for (const g of result.groups) for (const m of g.memberIds) partners.set(m, (partners.get(m) ?? 0) + g.memberIds.length - 1);
  for (const c of inst.candidates) expect(partners.get(c.memberId) ?? 0).toBeLessThanOrEqual(Math.max(c.slots, 2));

  // The reported score is the sum of its pairs' weights (a repeat costs 1000).
  const byId = new Map(inst.candidates.map((c) => [c.memberId, c]));
  const previous = new Set(inst.previous);
  for (const g of result.groups) {
    const expected = pairsOf(g.memberIds).reduce((sum, key) => {
      const [a, b] = key.split("|") as [string, string];
      const pa = byId.get(a)?.profile as CandidateProfile;
      const pb = byId.get(b)?.profile as CandidateProfile;
      return sum + scorePair(pa, pb).score - (previous.has(key) ? 1000 : 0);
    }, 0);
    expect(g.score).toBe(expected);
  }

  // Maximal: no two members who still have room could have been paired.
  const left = inst.candidates.filter((c) => (partners.get(c.memberId) ?? 0) < c.slots).map((c) => c.memberId);
  for (const key of pairsOf(left)) expect(excluded.has(key) || seenPairs.has(key), `${key} left unpaired`).toBe(true);
}

// ---------------------------------------------------------------- properties

describe("greedyMatcher: hard rules (property based)", () => {
  it("holds every hard rule on random instances", () => {
    fc.assert(
      fc.property(instanceArb(), (inst) => {
        checkHardRules(inst, greedyMatcher(toInput(inst)));
      }),
      { numRuns: 400 },
    );
  });

  it("with one slot each and no exclusions, everyone is matched; an odd count gives exactly one trio", () => {
    fc.assert(
      fc.property(instanceArb({ slots: fc.constant(1), withExcluded: false }), (inst) => {
        const result = greedyMatcher(toInput(inst));
        checkHardRules(inst, result);
        const n = inst.candidates.length;
        expect(result.unmatched).toEqual([]);
        const sizes = result.groups.map((g) => g.memberIds.length);
        expect(sizes.filter((s) => s === 3)).toHaveLength(n % 2);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
        expect(result.groups).toHaveLength(Math.floor(n / 2));
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic: the same input and seed give the same result", () => {
    fc.assert(
      fc.property(instanceArb(), (inst) => {
        expect(greedyMatcher(toInput(inst))).toEqual(greedyMatcher(toInput(inst)));
      }),
      { numRuns: 200 },
    );
  });

  it("an earlier pair is only repeated when neither member could get a fresh partner instead", () => {
    // Any fresh pair outranks any repeat, so two repeat pairs {a,b} and {c,d} can only both exist
    // when a-c, a-d, b-c and b-d are all earlier pairs too.
    fc.assert(
      fc.property(instanceArb({ slots: fc.constant(1), withExcluded: false }), (inst) => {
        const result = greedyMatcher(toInput(inst));
        const previous = new Set(inst.previous);
        const repeats = result.groups.filter(
          (g) => g.memberIds.length === 2 && previous.has(pairKey(g.memberIds[0] as string, g.memberIds[1] as string)),
        );
        for (let i = 0; i < repeats.length; i++)
          for (let j = i + 1; j < repeats.length; j++)
            for (const a of repeats[i]?.memberIds ?? [])
              for (const b of repeats[j]?.memberIds ?? []) expect(previous.has(pairKey(a, b)), `${a}-${b} was fresh`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- examples

describe("greedyMatcher: examples", () => {
  it("a single candidate is unmatched", () => {
    expect(greedyMatcher(input([cand("a")]))).toEqual({ groups: [], unmatched: ["a"] });
  });

  it("no candidates, no groups", () => {
    expect(greedyMatcher(input([]))).toEqual({ groups: [], unmatched: [] });
  });

  it("two candidates are one pair", () => {
    const result = greedyMatcher(input([cand("a"), cand("b")]));
    expect(result.groups).toHaveLength(1);
    expect([...(result.groups[0]?.memberIds ?? [])].sort()).toEqual(["a", "b"]);
    expect(result.unmatched).toEqual([]);
  });

  it("three candidates make one trio", () => {
    const result = greedyMatcher(input([cand("a"), cand("b"), cand("c")]));
    expect(result.groups).toHaveLength(1);
    expect([...(result.groups[0]?.memberIds ?? [])].sort()).toEqual(["a", "b", "c"]);
    expect(result.unmatched).toEqual([]);
  });

  it("an excluded pair is never grouped, even if that leaves someone out", () => {
    const result = greedyMatcher(input([cand("a"), cand("b")], { excluded: [pairKey("a", "b")] }));
    expect(result).toEqual({ groups: [], unmatched: ["a", "b"] });
  });

  it("the odd member does not join a group containing someone they are excluded from", () => {
    for (let seed = 0; seed < 20; seed++) {
      const result = greedyMatcher(
        input([cand("a"), cand("b"), cand("c")], { excluded: [pairKey("a", "c"), pairKey("b", "c")], seed }),
      );
      expect(result.groups.map((g) => [...g.memberIds].sort())).toEqual([["a", "b"]]);
      expect(result.unmatched).toEqual(["c"]);
    }
  });

  it("previous pairs are avoided when another option exists (A-B and C-D met before)", () => {
    const people = [cand("A"), cand("B"), cand("C"), cand("D")];
    const previous = [pairKey("A", "B"), pairKey("C", "D")];
    for (let seed = 0; seed < 50; seed++) {
      const result = greedyMatcher(input(people, { previous, seed }));
      const keys = result.groups.flatMap((g) => pairsOf(g.memberIds));
      expect(keys).toHaveLength(2);
      expect(keys).not.toContain(pairKey("A", "B"));
      expect(keys).not.toContain(pairKey("C", "D"));
      expect(result.unmatched).toEqual([]);
    }
  });

  it("previous pairs are avoided even when they would score best", () => {
    const people = [
      cand("A", { expertise: ["sql"], goals: ["design"] }),
      cand("B", { expertise: ["design"], goals: ["sql"] }),
      cand("C"),
      cand("D"),
    ];
    // A and B would be a perfect two-way exchange, but they met before.
    expect(scorePair(people[0]?.profile as CandidateProfile, people[1]?.profile as CandidateProfile).score).toBeGreaterThan(0);
    const result = greedyMatcher(input(people, { previous: [pairKey("A", "B")] }));
    expect(result.groups.flatMap((g) => pairsOf(g.memberIds))).not.toContain(pairKey("A", "B"));
  });

  it("a previous pair is used when nothing else is left", () => {
    const result = greedyMatcher(input([cand("a"), cand("b")], { previous: [pairKey("a", "b")] }));
    expect(result.groups).toHaveLength(1);
    // The repeat penalty, plus the bonus for fully overlapping working hours (same zone).
    expect(result.groups[0]?.score).toBe(-1000 + 2);
  });

  it("the strongest pairs are formed first", () => {
    const people = [
      cand("A", { expertise: ["sql"], goals: ["design"] }),
      cand("B"),
      cand("C", { expertise: ["design"], goals: ["sql"] }),
      cand("D"),
    ];
    for (let seed = 0; seed < 20; seed++) {
      const result = greedyMatcher(input(people, { seed }));
      expect(result.groups.map((g) => [...g.memberIds].sort().join("-")).sort()).toEqual(["A-C", "B-D"]);
    }
  });

  it("a member with more slots can be in several groups, each with a different partner", () => {
    // Four people who each want three partners: everyone meets everyone once, in pairs.
    const result = greedyMatcher(input([cand("hub", {}, 3), cand("x", {}, 3), cand("y", {}, 3), cand("z", {}, 3)]));
    expect(result.groups).toHaveLength(6);
    for (const g of result.groups) expect(g.memberIds).toHaveLength(2);
    const withHub = result.groups.filter((g) => g.memberIds.includes("hub"));
    const partnersOfHub = withHub.flatMap((g) => g.memberIds.filter((m) => m !== "hub"));
    expect(partnersOfHub.sort()).toEqual(["x", "y", "z"]);
    expect(result.unmatched).toEqual([]);

    // A one-slot member is in one group only.
    const single = greedyMatcher(input([cand("hub", {}, 3), cand("x"), cand("y"), cand("z")]));
    for (const m of ["x", "y", "z"]) expect(single.groups.filter((g) => g.memberIds.includes(m))).toHaveLength(1);
  });

  it("different seeds can give different (but valid) results", () => {
    const people = Array.from({ length: 8 }, (_, i) => cand(`p${i}`));
    const results = new Set(
      Array.from({ length: 20 }, (_, seed) => JSON.stringify(greedyMatcher(input(people, { seed })).groups)),
    );
    expect(results.size).toBeGreaterThan(1);
  });
});

// ---------------------------------------------------------------- topics and scores

describe("topics", () => {
  it("normalizes case, spacing and compatibility characters", () => {
    expect(normalizeTopic("  Public   Speaking ")).toBe("public speaking");
    expect(normalizeTopic("ＰＹＴＨＯＮ")).toBe("python");
    expect(normalizeTopic("a\t\nb")).toBe("a b");
  });

  it("matches regardless of case and spacing", () => {
    expect(topicsMatch("  Public   Speaking", "public speaking")).toBe(true);
    expect(topicsMatch("SQL", "sql")).toBe(true);
    expect(topicsMatch("AI", "ai")).toBe(true);
  });

  it("matches a whole-word phrase contained in the other, either way round", () => {
    expect(topicsMatch("speaking", "public speaking")).toBe(true);
    expect(topicsMatch("Public Speaking", "speaking")).toBe(true);
    expect(topicsMatch("data", "big data analysis")).toBe(true);
    expect(topicsMatch("data analysis", "big data analysis")).toBe(true);
  });

  it("does not match partial words", () => {
    expect(topicsMatch("speak", "public speaking")).toBe(false);
    expect(topicsMatch("lic spe", "public speaking")).toBe(false);
    expect(topicsMatch("java", "javascript")).toBe(false);
    expect(topicsMatch("design", "designing")).toBe(false);
  });

  it("does not match very short topics inside longer ones", () => {
    expect(topicsMatch("ai", "ai ethics")).toBe(false);
    expect(topicsMatch("ux", "ux research")).toBe(false);
  });

  it("unrelated topics do not match", () => {
    expect(topicsMatch("python", "sql")).toBe(false);
  });

  it("coveredTopics returns the wanted topics as the wanter wrote them", () => {
    expect(coveredTopics(["python", "Public Speaking"], ["speaking", "SQL", "PYTHON"])).toEqual(["speaking", "PYTHON"]);
    expect(coveredTopics([], ["x"])).toEqual([]);
  });

  it("sharedTopics returns the first list's topics that meet the second", () => {
    expect(sharedTopics(["Hiking", "chess"], ["hiking trips", "go"])).toEqual(["Hiking"]);
  });
});

describe("scorePair", () => {
  const giver = profile({ expertise: ["sql"], goals: ["design"], team: "Data" });
  const learner = profile({ expertise: ["testing"], goals: ["sql"], team: "Data" });
  const exchanger = profile({ expertise: ["design"], goals: ["sql"], team: "Data" });

  it("a two-way exchange scores higher than a one-way one", () => {
    const oneWay = scorePair(giver, learner);
    const twoWay = scorePair(giver, exchanger);
    expect(twoWay.score).toBeGreaterThan(oneWay.score);
    // Both directions plus the two-way bonus: 3 * (1 + 1 + 1), against 3 * 1; +2 for a shared working day.
    expect(oneWay.score).toBe(3 + 2);
    expect(twoWay.score).toBe(9 + 2);
  });

  it("explains every term", () => {
    const a = profile({ expertise: ["sql"], goals: ["design"], interests: ["chess", "music"], team: "Data" });
    const b = profile({ expertise: ["Design"], goals: ["SQL"], interests: ["Music"], team: "Ops" });
    const { score, reasons } = scorePair(a, b);
    expect(reasons).toEqual([
      { kind: "gives", giver: "a", topics: ["SQL"] },
      { kind: "gives", giver: "b", topics: ["design"] },
      { kind: "interests", topics: ["music"] },
      { kind: "teams", teams: ["Data", "Ops"] },
    ]);
    expect(score).toBe(9 + 1 + 1 + 2);
  });

  it("the same team, however written, is not cross-team", () => {
    const a = profile({ team: "Data " });
    const b = profile({ team: " data" });
    expect(scorePair(a, b)).toEqual({ score: 2, reasons: [] });
    expect(scorePair(a, profile({ team: "Ops" })).score).toBe(1 + 2);
  });

  it("property: the score is symmetric; in one zone it is the shared-day bonus plus explained terms", () => {
    fc.assert(
      fc.property(profileArb, profileArb, (a, b) => {
        const ab = scorePair(a, b);
        expect(ab.score).toBe(scorePair(b, a).score);
        expect(ab.score).toBeGreaterThanOrEqual(2);
        expect(ab.score === 2).toBe(ab.reasons.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it("working hours: full overlap earns the bonus, partial a share, none a penalty", () => {
    const at = new Date("2026-12-01T00:00:00Z");
    const jakarta = profile({ timezone: "Asia/Jakarta" });
    // WIT is two hours ahead: 6 of 8 working hours overlap.
    expect(scorePair(jakarta, profile({ timezone: "Asia/Jayapura" }), { at }).score).toBeCloseTo((2 * 6) / 8);
    // New York is 12 hours behind: no overlap in a 09:00-17:00 day.
    expect(scorePair(jakarta, profile({ timezone: "America/New_York" }), { at }).score).toBe(-10);
  });

  it("history: a repeat costs less the older it is; fairness adds per priority member", () => {
    const a = profile();
    expect(scorePair(a, a, { roundsAgo: 1 }).score).toBe(2 - 30);
    expect(scorePair(a, a, { roundsAgo: 3 }).score).toBe(2 - 10);
    expect(scorePair(a, a, { priorities: 2 }).score).toBe(2 + 4);
  });

  it("team policy: prefer the same team, or ignore teams", () => {
    const data = profile({ team: "Data" });
    const ops = profile({ team: "Ops" });
    const same = { ...DEFAULT_WEIGHTS, teamPolicy: "same" as const };
    const ignore = { ...DEFAULT_WEIGHTS, teamPolicy: "ignore" as const };
    expect(scorePair(data, data, { weights: same }).score).toBe(3);
    expect(scorePair(data, ops, { weights: same }).score).toBe(2);
    expect(scorePair(data, ops, { weights: ignore }).score).toBe(2);
  });

  it("synonyms: Indonesian and English names of a topic meet", () => {
    const a = profile({ expertise: ["Analisis Data"], goals: ["berbicara di depan umum"] });
    const b = profile({ expertise: ["public speaking"], goals: ["data analysis"] });
    expect(scorePair(a, b).reasons.filter((r) => r.kind === "gives")).toHaveLength(2);
  });
});

describe("random", () => {
  it("the same seed gives the same sequence, in [0, 1)", () => {
    const a = seededRandom(123);
    const b = seededRandom(123);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(new Set(xs).size).toBeGreaterThan(95);
  });

  it("different seeds give different sequences", () => {
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });

  it("shuffled is a permutation and leaves its input alone", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const copy = [...items];
        const out = shuffled(items, seededRandom(seed));
        expect(items).toEqual(copy);
        expect([...out].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
        expect(shuffled(items, seededRandom(seed))).toEqual(out);
      }),
    );
  });

  it("shuffled actually reorders", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffled(items, seededRandom(7))).not.toEqual(items);
  });
});
