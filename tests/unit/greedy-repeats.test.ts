/**
 * "Earlier rounds' pairs only when nothing else is left", checked against
 * brute force on small instances: whenever a partition without repeats
 * exists, the matcher finds one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greedyMatcher } from "../../src/core/matching/greedy-matcher";
import { type Candidate, pairKey } from "../../src/core/matching/types";

const TOPICS = ["sql", "design", "sales", "go", "ux"];

/** Every way to split ids into pairs (plus one trio when odd). */
function partitions(ids: string[]): string[][][] {
  if (ids.length === 0) return [[]];
  if (ids.length === 3) return [[ids]];
  const [first, ...rest] = ids as [string, ...string[]];
  const out: string[][][] = [];
  for (let i = 0; i < rest.length; i++) {
    const remaining = rest.filter((_, k) => k !== i);
    for (const p of partitions(remaining)) out.push([[first, rest[i] as string], ...p]);
    if (ids.length % 2 === 1 && rest.length >= 2) {
      for (let j = i + 1; j < rest.length; j++) {
        const others = rest.filter((_, k) => k !== i && k !== j);
        if (others.length % 2 === 0)
          for (const p of partitions(others)) out.push([[first, rest[i] as string, rest[j] as string], ...p]);
      }
    }
  }
  return out;
}

const repeats = (groups: string[][], previous: ReadonlySet<string>) =>
  groups.reduce((n, g) => n + g.reduce((m, a, i) => m + g.slice(i + 1).filter((b) => previous.has(pairKey(a, b))).length, 0), 0);

describe("earlier pairs are avoided whenever another option exists", () => {
  it("the swap case a greedy choice gets wrong", () => {
    const c = (id: string, expertise: string[], goals: string[]): Candidate => ({
      memberId: id,
      slots: 1,
      profile: { expertise, goals, interests: [], team: "same", timezone: "UTC" },
    });
    const result = greedyMatcher({
      candidates: [c("A", ["sql"], ["design"]), c("B", [], []), c("C", ["design"], ["sql"]), c("D", [], [])],
      excluded: new Set(),
      history: new Map([[pairKey("B", "D"), 1]]),
      seed: 1,
    });
    expect(
      repeats(
        result.groups.map((g) => g.memberIds),
        new Set([pairKey("B", "D")]),
      ),
    ).toBe(0);
  });

  it("matches brute force on the number of repeats being zero (up to 8 members)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((n) =>
          fc.record({
            profiles: fc.array(
              fc.record({
                expertise: fc.subarray(TOPICS),
                goals: fc.subarray(TOPICS),
                team: fc.constantFrom("a", "b"),
              }),
              { minLength: n, maxLength: n },
            ),
            previous: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 2 }),
            seed: fc.nat(),
          }),
        ),
        ({ profiles, previous, seed }) => {
          const ids = profiles.map((_, i) => `m${i}`);
          const prev = new Set(previous.filter(([a, b]) => a !== b).map(([a, b]) => pairKey(`m${a}`, `m${b}`)));
          const result = greedyMatcher({
            candidates: profiles.map((p, i) => ({
              memberId: `m${i}`,
              slots: 1,
              profile: { ...p, interests: [], timezone: "UTC" },
            })),
            excluded: new Set(),
            history: new Map([...prev].map((k) => [k, 1])),
            seed,
          });
          const best = Math.min(...partitions(ids).map((p) => repeats(p, prev)));
          if (best === 0)
            expect(
              repeats(
                result.groups.map((g) => g.memberIds),
                prev,
              ),
            ).toBe(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
