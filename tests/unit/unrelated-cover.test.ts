/**
 * The large path's cover of pairs without a goal relation (src/core/matching/large/unrelated-cover.ts):
 * whatever the duals and however small the budget, every such pair is either weighed or covered by
 * the shortfall its first member is raised by; with the budget spent, nothing more is weighed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sweepUnrelated } from "../../src/core/matching/large/unrelated-cover";
import { preparePool } from "../../src/core/matching/pool";
import { type Candidate, type CandidateProfile, pairKey } from "../../src/core/matching/types";

const SKILLS = ["sql", "design", "public speaking", "go", "sales"];
const INTERESTS = ["kopi", "coffee", "buku", "music", "running"];
const ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/London"];

const profileArb: fc.Arbitrary<CandidateProfile> = fc.record({
  expertise: fc.subarray(SKILLS, { maxLength: 2 }),
  goals: fc.subarray(SKILLS, { maxLength: 2 }),
  interests: fc.subarray(INTERESTS, { maxLength: 3 }),
  team: fc.constantFrom("A", "B", "C"),
  timezone: fc.constantFrom(...ZONES),
});

const caseArb = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc.record({
    profiles: fc.array(profileArb, { minLength: n, maxLength: n }),
    priority: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    history: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 3 })), { maxLength: n }),
    // Doubled duals around what the pairs weigh (0 to 10 points in tenths, doubled).
    dual: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: n, maxLength: n }),
    budget: fc.constantFrom(0, 1, 2, 1000),
    // Only some members in the pass, as in a later pass of a multi-partner round.
    inPass: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

describe("covering the pairs without a goal relation", () => {
  it("weighs or covers every such pair, within the budget", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const candidates: Candidate[] = c.profiles.map((profile, i) => ({
          memberId: `m${i}`,
          slots: 1,
          priority: c.priority[i] === true,
          profile,
        }));
        const pool = preparePool({
          candidates,
          excluded: new Set(),
          history: new Map(c.history.filter(([a, b]) => a !== b).map(([a, b, ago]) => [pairKey(`m${a}`, `m${b}`), ago])),
          seed: 1,
        });
        const active = c.profiles.map((_, i) => i).filter((i) => c.inPass[i]);
        const m = active.length;
        const local = new Int32Array(pool.n).fill(-1);
        active.forEach((a, x) => {
          local[a] = x;
        });
        const classes = pool.unrelatedClasses();
        expect(classes.ceiling).not.toBeNull();
        const dual = Float64Array.from(active, (a) => c.dual[a] as number);
        const shift = 7;
        const weighed = new Set<number>();
        const shortfall = new Float64Array(m);
        const perMember = new Int32Array(m);
        const cover = (x: number, y: number) => ((dual[x] as number) + (dual[y] as number)) / 2;
        sweepUnrelated(
          {
            active,
            local,
            classes: { ...classes, ceiling: classes.ceiling as Int32Array },
            localClass: Int32Array.from(active, (a) => classes.classOf[a] as number),
            weak: Float64Array.from(active, (a) => pool.weakMax(a)),
            dual,
            shift,
            budget: c.budget,
          },
          {
            weigh: (x, y) => {
              expect(x).not.toBe(y);
              weighed.add(x * m + y);
              perMember[x] = (perMember[x] as number) + 1;
            },
            cover,
            shortfall: (x, short) => {
              expect(short).toBeGreaterThan(0);
              shortfall[x] = Math.max(shortfall[x] as number, short);
            },
          },
        );
        // Two sources (classes, interests), each with its own budget.
        for (let x = 0; x < m; x++) expect(perMember[x]).toBeLessThanOrEqual(2 * c.budget);
        for (let x = 0; x < m; x++) {
          const a = active[x] as number;
          const related = new Set(pool.related(a));
          for (let y = 0; y < m; y++) {
            const b = active[y] as number;
            if (x === y || related.has(b)) continue;
            const w = pool.weight(a, b);
            if (w === null || weighed.has(x * m + y) || weighed.has(y * m + x)) continue;
            expect(cover(x, y) + (shortfall[x] as number) + (shortfall[y] as number)).toBeGreaterThanOrEqual(w + shift);
          }
        }
      }),
      { numRuns: 600 },
    );
  });
});
