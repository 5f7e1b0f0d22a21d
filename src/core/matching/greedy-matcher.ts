/**
 * The walking skeleton's matcher: heaviest pair first. It keeps every hard
 * rule (no self-pairs, nobody twice in a round, an odd member joins a trio,
 * earlier rounds' pairs only when nothing else is left) but does not promise
 * the best total; the optimal matcher replaces it behind the same `Matcher` type.
 */
import { seededRandom, shuffled } from "./random";
import { scorePair } from "./score";
import { type Candidate, type MatchGroup, type Matcher, pairKey } from "./types";

/** Large enough that any pair of new peers outranks any repeat. */
const REPEAT_PENALTY = 1_000;

export const greedyMatcher: Matcher = (input) => {
  const random = seededRandom(input.seed);
  const candidates = shuffled(input.candidates, random);
  const slots = new Map(candidates.map((c) => [c.memberId, c.slots]));
  const excluded = new Set(input.excluded);
  const groups: MatchGroup[] = [];
  const weight = (a: Candidate, b: Candidate) =>
    scorePair(a.profile, b.profile).score - (input.previous.has(pairKey(a.memberId, b.memberId)) ? REPEAT_PENALTY : 0);

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
