/**
 * The optimal matcher: every hard rule on generated instances, and the total
 * against exact oracles (brute force up to 12 members, edmonds-blossom up to
 * 300), on the very weights the matcher uses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchWithStats, optimalMatcher } from "../../src/core/matching/optimal-matcher";
import { NO_PAIR, preparePool } from "../../src/core/matching/pool";
import { seededRandom } from "../../src/core/matching/random";
import { scorePair } from "../../src/core/matching/score";
import { POINTS_PER_GOAL } from "../../src/core/matching/topic-grades";
import { type Candidate, type MatchInput, pairKey } from "../../src/core/matching/types";
import { SCORE_SCALE } from "../../src/core/matching/weights";

const SKILLS = [
  "sql",
  "design",
  "public speaking",
  "go",
  "sales",
  "leadership",
  "analisis data",
  "data analysis",
  "ux research",
  // Phrases that meet only at the lower grades (topic-grades.ts): a shared topic, a shared unread word.
  "Financial modelling di Excel",
  "Excel dashboards",
  "Data analysis (Excel, SQL)",
  "merajut amigurumi",
  "amigurumi untuk pemula",
  // Names held in another topic's name ("design" in "graphic design"): a narrower or broader topic, family.
  "Graphic design",
  "keuangan",
  "keuangan syariah",
];
const ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/London"];
const AT = new Date("2026-12-01T00:00:00Z");

const candidateArb = (id: string) =>
  fc.record({
    memberId: fc.constant(id),
    slots: fc.constant(1),
    priority: fc.boolean(),
    profile: fc.record({
      expertise: fc.subarray(SKILLS, { minLength: 1, maxLength: 3 }),
      goals: fc.subarray(SKILLS, { minLength: 1, maxLength: 3 }),
      interests: fc.subarray(["kopi", "coffee", "buku", "music", "running"], { maxLength: 2 }),
      team: fc.constantFrom("A", "B", "C"),
      timezone: fc.constantFrom(...ZONES),
    }),
  });

const instanceArb = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) =>
    fc.record({
      candidates: fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(`m${i}`))),
      excluded: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n }),
      history: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 4 })), { maxLength: n }),
      seed: fc.nat(),
    }),
  );

function toInput(inst: {
  candidates: Candidate[];
  excluded: Array<[number, number]>;
  history: Array<[number, number, number]>;
  seed: number;
}): MatchInput {
  return {
    candidates: inst.candidates,
    excluded: new Set(inst.excluded.filter(([a, b]) => a !== b).map(([a, b]) => pairKey(`m${a}`, `m${b}`))),
    history: new Map(inst.history.filter(([a, b]) => a !== b).map(([a, b, ago]) => [pairKey(`m${a}`, `m${b}`), ago])),
    seed: inst.seed,
    at: AT,
  };
}

/** Best (cardinality, weight) over all matchings, by brute force. */
function bruteForce(n: number, w: (i: number, j: number) => number | null): { pairs: number; total: number } {
  let best = { pairs: 0, total: 0 };
  const used = new Uint8Array(n);
  const go = (i: number, pairs: number, total: number) => {
    if (pairs > best.pairs || (pairs === best.pairs && total > best.total)) best = { pairs, total };
    while (i < n && used[i]) i++;
    if (i >= n) return;
    used[i] = 1;
    go(i + 1, pairs, total); // i stays single
    for (let j = i + 1; j < n; j++) {
      const wij = used[j] ? null : w(i, j);
      if (wij === null) continue;
      used[j] = 1;
      go(i + 1, pairs + 1, total + wij);
      used[j] = 0;
    }
    used[i] = 0;
  };
  go(0, 0, 0);
  return best;
}

describe("the pool's weight is the score", () => {
  it("equals scorePair in tenths, symmetric, for every pair", () => {
    fc.assert(
      fc.property(instanceArb(2, 8), (inst) => {
        const input = toInput(inst);
        const pool = preparePool(input);
        for (let i = 0; i < pool.n; i++) {
          for (let j = i + 1; j < pool.n; j++) {
            const a = input.candidates[i] as Candidate;
            const b = input.candidates[j] as Candidate;
            const w = pool.weight(i, j);
            expect(w).toBe(pool.weight(j, i));
            if (input.excluded.has(pairKey(a.memberId, b.memberId))) {
              expect(w).toBeNull();
              continue;
            }
            const expected = scorePair(a.profile, b.profile, {
              at: AT,
              roundsAgo: input.history.get(pairKey(a.memberId, b.memberId)) ?? null,
              priorities: (a.priority ? 1 : 0) + (b.priority ? 1 : 0),
            }).score;
            expect(w).toBe(Math.round(expected * SCORE_SCALE));
            // Unrelated pairs stay under the bound the certificate relies on.
            if (!pool.related(i).includes(j)) expect(w as number).toBeLessThanOrEqual(Math.min(pool.weakMax(i), pool.weakMax(j)));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("the pool's one-sweep rows", () => {
  it("list exactly the related, allowed partners after each member, with their weights", () => {
    fc.assert(
      fc.property(instanceArb(2, 30), (inst) => {
        const input = toInput(inst);
        const pool = preparePool(input);
        const ids = new Int32Array(pool.n);
        const out = new Int32Array(pool.n);
        for (let i = 0; i < pool.n; i++) {
          const count = pool.relatedAbove(i, ids, out);
          const got = new Map<number, number>();
          for (let k = 0; k < count; k++) got.set(ids[k] as number, out[k] as number);
          const expected = new Map<number, number>();
          for (const j of pool.related(i)) {
            const w = pool.weight(i, j);
            if (j > i && w !== null) expected.set(j, w);
          }
          expect(got).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("weigh every pair among some members into a matrix, excluded pairs and the diagonal marked", () => {
    fc.assert(
      fc.property(instanceArb(2, 30), fc.array(fc.nat(), { maxLength: 30 }), (inst, picks) => {
        const input = toInput(inst);
        const pool = preparePool(input);
        // Some members, in any order (the matcher passes its shuffled active list).
        const members = Int32Array.from(new Set(picks.map((p) => p % pool.n)));
        const m = members.length;
        const matrix = new Int32Array(m * m);
        pool.weighMatrix(members, matrix);
        const wrong: string[] = [];
        for (let x = 0; x < m; x++)
          for (let y = 0; y < m; y++) {
            const i = members[x] as number;
            const j = members[y] as number;
            const expected = i === j ? NO_PAIR : (pool.weight(i, j) ?? NO_PAIR);
            if (matrix[x * m + y] !== expected) wrong.push(`${i}-${j}: ${matrix[x * m + y]}, expected ${expected}`);
          }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the pool's limits", () => {
  it("rejects a member with more goals than the sweep's 16-bit counters hold (in grade points), and accepts the most they hold", () => {
    const member = (id: string, goals: string[]): Candidate => ({
      memberId: id,
      slots: 1,
      priority: false,
      profile: { expertise: ["sql"], goals, interests: [], team: "A", timezone: "Asia/Jakarta" },
    });
    const input = (goals: number): MatchInput => ({
      candidates: [
        member(
          "a",
          Array.from({ length: goals }, (_, k) => `topic ${k}`),
        ),
        member("b", ["sql"]),
      ],
      excluded: new Set(),
      history: new Map(),
      seed: 1,
    });
    // Each goal counts up to POINTS_PER_GOAL points (an exact match) in a 16-bit counter.
    const most = Math.floor(0xffff / POINTS_PER_GOAL);
    expect(() => preparePool(input(most + 1))).toThrow(RangeError);
    const pool = preparePool(input(most));
    const ids = new Int32Array(2);
    const out = new Int32Array(2);
    expect(pool.relatedAbove(0, ids, out)).toBe(1);
    expect(out[0]).toBe(pool.weight(0, 1));
  });
});

describe("hard rules", () => {
  it("hold on every generated instance", () => {
    fc.assert(
      fc.property(instanceArb(1, 30), (inst) => {
        const input = toInput(inst);
        const { groups, unmatched, isolated = [] } = optimalMatcher(input);
        const seen = new Set<string>();
        for (const g of groups) {
          expect(g.memberIds.length === 2 || g.memberIds.length === 3).toBe(true);
          expect(new Set(g.memberIds).size).toBe(g.memberIds.length);
          for (let x = 0; x < g.memberIds.length; x++) {
            for (let y = x + 1; y < g.memberIds.length; y++) {
              const k = pairKey(g.memberIds[x] as string, g.memberIds[y] as string);
              expect(input.excluded.has(k)).toBe(false);
              expect(seen.has(k)).toBe(false);
              seen.add(k);
            }
          }
        }
        expect(groups.filter((g) => g.memberIds.length === 3).length).toBeLessThanOrEqual(1);
        const everyone = [...groups.flatMap((g) => g.memberIds), ...unmatched].sort();
        expect(everyone).toEqual(input.candidates.map((c) => c.memberId).sort());
        for (const id of isolated) expect(unmatched).toContain(id);
      }),
      { numRuns: 200 },
    );
  });

  it("with nothing excluded, everyone is matched; an odd count gives exactly one trio", () => {
    fc.assert(
      fc.property(instanceArb(2, 25), (inst) => {
        const input = { ...toInput(inst), excluded: new Set<string>() };
        const { groups, unmatched } = optimalMatcher(input);
        expect(unmatched).toEqual([]);
        expect(groups.filter((g) => g.memberIds.length === 3).length).toBe(input.candidates.length % 2);
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic for a seed", () => {
    fc.assert(
      fc.property(instanceArb(2, 20), (inst) => {
        const input = toInput(inst);
        expect(optimalMatcher(input)).toEqual(optimalMatcher(input));
      }),
      { numRuns: 50 },
    );
  });

  it("tells apart whoever every candidate is excluded for", () => {
    const c = (id: string): Candidate => ({
      memberId: id,
      slots: 1,
      profile: { expertise: ["sql"], goals: ["go"], interests: [], team: "A", timezone: "Asia/Jakarta" },
    });
    const result = optimalMatcher({
      candidates: [c("a"), c("b"), c("c"), c("d")],
      excluded: new Set([pairKey("d", "a"), pairKey("d", "b"), pairKey("d", "c")]),
      history: new Map(),
      seed: 1,
    });
    expect(result.isolated).toEqual(["d"]);
    expect(result.groups.flatMap((g) => g.memberIds).sort()).toEqual(["a", "b", "c"]);
  });

  it("gives members who ask for more partners that many different ones", () => {
    const c = (id: string, slots: number): Candidate => ({
      memberId: id,
      slots,
      profile: { expertise: ["sql"], goals: ["go"], interests: [], team: id, timezone: "Asia/Jakarta" },
    });
    const result = optimalMatcher({
      candidates: [c("a", 2), c("b", 2), c("c", 1), c("d", 1)],
      excluded: new Set(),
      history: new Map(),
      seed: 7,
    });
    const partners = (id: string) =>
      new Set(
        result.groups
          .filter((g) => g.memberIds.includes(id))
          .flatMap((g) => g.memberIds)
          .filter((x) => x !== id),
      );
    expect(partners("a").size).toBe(2);
    expect(partners("b").size).toBe(2);
  });
});

describe("the total is optimal", () => {
  it("equals brute force (maximum cardinality, then weight) up to 12 members, and says so", () => {
    fc.assert(
      fc.property(instanceArb(2, 12), (inst) => {
        const input = toInput(inst);
        const pool = preparePool(input);
        const { stats, result } = matchWithStats(input);
        const best = bruteForce(pool.n, pool.weight);
        expect(stats.total).toBe(best.total);
        expect(stats.exact).toBe(true);
        const pairsMatched = result.groups.length;
        expect(pairsMatched).toBe(best.pairs);
        // With two candidates each, the rounds (and the edges they drop) must reach the optimum too.
        const few = matchWithStats(input, { denseTopK: 2 }).stats;
        expect(few.total).toBe(best.total);
        expect(few.exact).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("above the full-check limit, proves a bound that holds the optimum (edmonds-blossom, 13 to 60 members)", async () => {
    const { default: blossom } = (await import("edmonds-blossom")) as unknown as {
      default: (edges: Array<[number, number, number]>, maxCardinality?: boolean) => number[];
    };
    fc.assert(
      fc.property(instanceArb(13, 60), (inst) => {
        const input = toInput(inst);
        const pool = preparePool(input);
        const edges: Array<[number, number, number]> = [];
        for (let i = 0; i < pool.n; i++)
          for (let j = i + 1; j < pool.n; j++) {
            const w = pool.weight(i, j);
            if (w !== null) edges.push([i, j, w]);
          }
        let optimum = 0;
        blossom(edges, true).forEach((j, i) => {
          if (j > i) optimum += pool.weight(i, j) ?? 0;
        });
        // Also with few candidates, so that violated pairs, dropped edges and further rounds occur.
        for (const sparseTopK of [8, 2]) {
          const sparse = matchWithStats(input, { fullCheckLimit: 0, sparseTopK }).stats;
          expect(sparse.total).toBeLessThanOrEqual(optimum);
          if (sparse.boundMethod !== "none (not every member could be matched)")
            expect(sparse.upperBound).toBeGreaterThanOrEqual(optimum);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("above the full-check limit on 1,200 members (row buffers that grow), bounds the exact optimum", () => {
    const random = seededRandom(11);
    const pick = <T>(list: readonly T[], k: number): T[] => list.filter(() => random() < k / list.length);
    // Nearly every pair is goal-related here: more rows to store than the first buffer holds.
    const candidates: Candidate[] = Array.from({ length: 1200 }, (_, i) => ({
      memberId: `m${i}`,
      slots: 1,
      priority: random() < 0.1,
      profile: {
        expertise: pick(SKILLS, 4),
        goals: pick(SKILLS, 3),
        interests: pick(["kopi", "coffee", "buku", "music", "running"], 1),
        team: ["A", "B", "C", "D"][Math.floor(random() * 4)] as string,
        timezone: ZONES[Math.floor(random() * ZONES.length)] as string,
      },
    }));
    const input: MatchInput = { candidates, excluded: new Set(), history: new Map(), seed: 3, at: AT };
    const exact = matchWithStats(input).stats;
    expect(exact.exact).toBe(true);
    const sparse = matchWithStats(input, { fullCheckLimit: 0 }).stats;
    expect(sparse.total).toBeLessThanOrEqual(exact.total);
    expect(sparse.upperBound).toBeGreaterThanOrEqual(exact.total);
  });

  it("equals edmonds-blossom on the same weights up to 300 members", async () => {
    const { default: blossom } = (await import("edmonds-blossom")) as unknown as {
      default: (edges: Array<[number, number, number]>, maxCardinality?: boolean) => number[];
    };
    fc.assert(
      fc.property(instanceArb(13, 300), (inst) => {
        const input = { ...toInput(inst), history: new Map<string, number>() };
        const pool = preparePool(input);
        const edges: Array<[number, number, number]> = [];
        for (let i = 0; i < pool.n; i++) {
          for (let j = i + 1; j < pool.n; j++) {
            const w = pool.weight(i, j);
            if (w !== null) edges.push([i, j, w]);
          }
        }
        const mate = blossom(edges, true);
        let total = 0;
        mate.forEach((j, i) => {
          if (j > i) total += pool.weight(i, j) ?? 0;
        });
        expect(matchWithStats(input).stats.total).toBe(total);
        expect(matchWithStats(input, { denseTopK: 2 }).stats.total).toBe(total);
        // The large-program path (goal-related pairs checked, the rest bounded) on the same input:
        // its proven bound must hold the true optimum, which its own total cannot exceed.
        const sparse = matchWithStats(input, { fullCheckLimit: 0 }).stats;
        expect(sparse.boundMethod).not.toBe("dual certificate checked on every pair");
        expect(sparse.total).toBeLessThanOrEqual(total);
        expect(sparse.upperBound).toBeGreaterThanOrEqual(total);
      }),
      { numRuns: 12 },
    );
  });
});
