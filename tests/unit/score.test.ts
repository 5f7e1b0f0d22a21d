/** Scoring, topic matching and the seeded random source: the matcher's pure building blocks. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom, shuffled } from "../../src/core/matching/random";
import { scorePair } from "../../src/core/matching/score";
import { coveredTopics, normalizeTopic, sharedTopics, topicsMatch } from "../../src/core/matching/topics";
import type { CandidateProfile } from "../../src/core/matching/types";
import { DEFAULT_WEIGHTS } from "../../src/core/matching/weights";

const VOCAB = ["python", "public speaking", "design", "sql", "leadership", "testing", "writing", "ux research"];
const TEAMS = ["Data", "Ops", "Design", "Sales"];

function profile(p: Partial<CandidateProfile> = {}): CandidateProfile {
  return { expertise: [], goals: [], interests: [], team: "Same", timezone: "Asia/Jakarta", ...p };
}

// ---------------------------------------------------------------- generators

const topicSet = fc.subarray(VOCAB, { maxLength: 3 });
const profileArb = fc.record({
  expertise: topicSet,
  goals: topicSet,
  interests: topicSet,
  team: fc.constantFrom(...TEAMS),
  timezone: fc.constant("Asia/Jakarta"),
});

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
      { kind: "gives", giver: "a", cover: [{ wanted: "SQL", grade: "exact", topic: "sql" }] },
      { kind: "gives", giver: "b", cover: [{ wanted: "design", grade: "exact", topic: "design" }] },
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
