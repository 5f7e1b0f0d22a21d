/**
 * The greedy baseline's repair step: a swap removes a repeat that a
 * heaviest-first choice would leave. (The greedy matcher is now only a
 * baseline for the benchmark; local moves do not always reach a repeat-free
 * arrangement, which is why Sebaya uses the exact matcher.)
 */
import { describe, expect, it } from "vitest";
import { greedyMatcher } from "../../src/core/matching/greedy-matcher";
import { type Candidate, pairKey } from "../../src/core/matching/types";

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
});
