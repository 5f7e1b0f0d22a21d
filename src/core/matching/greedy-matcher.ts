/**
 * The walking skeleton's matcher: heaviest pair first. It keeps every hard
 * rule (no self-pairs, nobody twice in a round, an odd member joins a trio,
 * earlier rounds' pairs only when nothing else is left) but does not promise
 * the best total; the optimal matcher replaces it behind the same `Matcher` type.
 */
import { seededRandom, shuffled } from "./random";
import { scorePair } from "./score";
import { type Candidate, type Matcher, type MatchGroup, pairKey } from "./types";

/** Large enough that any pair of new peers outranks any repeat. */
const REPEAT_PENALTY = 1_000;

export const greedyMatcher: Matcher = (input) => {
  const random = seededRandom(input.seed);
  const candidates = shuffled(input.candidates, random);
  const slots = new Map(candidates.map((c) => [c.memberId, c.slots]));
  const excluded = new Set(input.excluded);
  const groups: MatchGroup[] = [];
  const previous = new Set(input.history.keys());
  const weight = (a: Candidate, b: Candidate) =>
    scorePair(a.profile, b.profile, {
      ...(input.weights ? { weights: input.weights } : {}),
      ...(input.at ? { at: input.at } : {}),
    }).score - (previous.has(pairKey(a.memberId, b.memberId)) ? REPEAT_PENALTY : 0);

  for (let pass = 0; ; pass++) {
    const pool = candidates.filter((c) => (slots.get(c.memberId) ?? 0) > 0);
    const edges: Array<{ a: Candidate; b: Candidate; w: number; order: number }> = [];
    for (let i = 0; i < pool.length; i++) {
      for (let j = i + 1; j < pool.length; j++) {
        const a = pool[i] as Candidate;
        const b = pool[j] as Candidate;
        if (excluded.has(pairKey(a.memberId, b.memberId))) continue;
        edges.push({ a, b, w: weight(a, b), order: edges.length });
      }
    }
    // Ties keep the seeded shuffle's order, so a seed replays exactly.
    edges.sort((x, y) => y.w - x.w || x.order - y.order);
    const used = new Set<string>();
    const passGroups: Array<{ members: Candidate[]; score: number }> = [];
    for (const { a, b, w } of edges) {
      if (used.has(a.memberId) || used.has(b.memberId)) continue;
      used.add(a.memberId).add(b.memberId);
      passGroups.push({ members: [a, b], score: w });
    }
    if (passGroups.length === 0) break;

    // An odd member left over in the first pass joins the group they add most to.
    const left = pool.filter((c) => !used.has(c.memberId));
    if (pass === 0 && left.length === 1) {
      const extra = left[0] as Candidate;
      let best: { group: (typeof passGroups)[number]; gain: number } | null = null;
      for (const group of passGroups) {
        if (group.members.some((m) => excluded.has(pairKey(m.memberId, extra.memberId)))) continue;
        const gain = group.members.reduce((sum, m) => sum + weight(m, extra), 0);
        if (!best || gain > best.gain) best = { group, gain };
      }
      if (best) {
        best.group.members.push(extra);
        best.group.score += best.gain;
      }
    }

    if (pass === 0) avoidRepeats(passGroups, previous, excluded, weight);

    for (const group of passGroups) {
      const ids = group.members.map((m) => m.memberId);
      for (const id of ids) {
        slots.set(id, (slots.get(id) ?? 0) - (ids.length - 1));
        for (const other of ids) if (other !== id) excluded.add(pairKey(id, other));
      }
      groups.push({ memberIds: ids, score: group.score });
    }
  }

  const matched = new Set(groups.flatMap((g) => g.memberIds));
  const unmatched = input.candidates.map((c) => c.memberId).filter((id) => !matched.has(id));
  return { groups, unmatched };
};

type Group = { members: Candidate[]; score: number };

const repeatsIn = (members: readonly Candidate[], previous: ReadonlySet<string>) => {
  let n = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (previous.has(pairKey((members[i] as Candidate).memberId, (members[j] as Candidate).memberId))) n++;
    }
  }
  return n;
};

const allowed = (members: readonly Candidate[], excluded: ReadonlySet<string>) =>
  members.every((a, i) => members.slice(i + 1).every((b) => !excluded.has(pairKey(a.memberId, b.memberId))));

const scoreOf = (members: readonly Candidate[], weight: (a: Candidate, b: Candidate) => number) => {
  let total = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) total += weight(members[i] as Candidate, members[j] as Candidate);
  }
  return total;
};

/** Every way to change two groups by swapping two members, or moving one out of a trio into a pair. */
function* neighbours(g1: Candidate[], g2: Candidate[]): Generator<[Candidate[], Candidate[]]> {
  for (let i = 0; i < g1.length; i++) {
    const x = g1[i] as Candidate;
    for (let j = 0; j < g2.length; j++) {
      const y = g2[j] as Candidate;
      yield [g1.map((m, k) => (k === i ? y : m)), g2.map((m, k) => (k === j ? x : m))];
    }
    if (g1.length === 3 && g2.length === 2) yield [g1.filter((_, k) => k !== i), [...g2, x]];
  }
}

/**
 * Greedy choices can strand two earlier partners together when another
 * arrangement would have avoided it. Local moves (swaps between two groups,
 * a trio's member moving into a pair, rotations across three groups) until
 * no move lowers the number of repeats. Checked against brute force on small
 * instances (tests/unit/greedy-repeats.test.ts); the optimal matcher of the
 * matching issue replaces this with an exact optimum.
 */
function avoidRepeats(
  groups: Group[],
  previous: ReadonlySet<string>,
  excluded: ReadonlySet<string>,
  weight: (a: Candidate, b: Candidate) => number,
): void {
  if (previous.size === 0) return;
  const improve = (): boolean => {
    // Cheapest first: swaps and moves between two groups.
    for (const g1 of groups) {
      for (const g2 of groups) {
        if (g1 === g2) continue;
        const before = repeatsIn(g1.members, previous) + repeatsIn(g2.members, previous);
        if (before === 0) continue;
        for (const [a, b] of neighbours(g1.members, g2.members)) {
          if (repeatsIn(a, previous) + repeatsIn(b, previous) >= before) continue;
          if (!allowed(a, excluded) || !allowed(b, excluded)) continue;
          g1.members = a;
          g2.members = b;
          g1.score = scoreOf(a, weight);
          g2.score = scoreOf(b, weight);
          return true;
        }
      }
    }
    // Some strands need three groups: x moves on, y moves on, z comes back.
    for (const g1 of groups) {
      if (repeatsIn(g1.members, previous) === 0) continue;
      for (const g2 of groups) {
        for (const g3 of groups) {
          if (g1 === g2 || g2 === g3 || g1 === g3) continue;
          const before = repeatsIn(g1.members, previous) + repeatsIn(g2.members, previous) + repeatsIn(g3.members, previous);
          for (let i = 0; i < g1.members.length; i++) {
            for (let j = 0; j < g2.members.length; j++) {
              for (let k = 0; k < g3.members.length; k++) {
                const [x, y, z] = [g1.members[i], g2.members[j], g3.members[k]] as [Candidate, Candidate, Candidate];
                const a = g1.members.map((m, n) => (n === i ? z : m));
                const b = g2.members.map((m, n) => (n === j ? x : m));
                const c = g3.members.map((m, n) => (n === k ? y : m));
                if (repeatsIn(a, previous) + repeatsIn(b, previous) + repeatsIn(c, previous) >= before) continue;
                if (!allowed(a, excluded) || !allowed(b, excluded) || !allowed(c, excluded)) continue;
                for (const [g, m] of [
                  [g1, a],
                  [g2, b],
                  [g3, c],
                ] as const) {
                  g.members = m;
                  g.score = scoreOf(m, weight);
                }
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  };
  // Each move lowers the repeat count, so this ends; the bound is a guard.
  for (let i = 0; i < 10_000 && improve(); i++);
}
