/**
 * The matcher's view of a population: members as indices 0..n-1, topics and
 * goals as integer ids, exclusions and history as index lookups, and an integer edge
 * weight (score in tenths) that is cheap enough to evaluate millions of times.
 * `weight` computes exactly what `scorePair` does (tests check it), through
 * the same `combine` formula.
 */
import { combineParts } from "./score";
import { offsetMinutes, overlapHours } from "./timezone-overlap";
import { GRADE_POINTS, POINTS_PER_GOAL } from "./topic-grades";
import { DEFAULT_VOCABULARY, type Vocabulary } from "./topic-reading";
import { normalizedMatch, normalizeTopic, readItem } from "./topics";
import { type MatchInput, pairKey } from "./types";
import { DEFAULT_WEIGHTS, type MatchingWeights, SCORE_SCALE } from "./weights";

/** weighMatrix's mark for a pair that must never be matched. */
export const NO_PAIR = -0x80000000;
/** The sweeps keep two counts in one 32-bit word. */
const COUNT_MASK = 0xffff;
const HIGH_ONE = 0x10000;

export interface Pool {
  n: number;
  ids: readonly string[];
  weights: MatchingWeights;
  /** Integer weight of the pair (i, j), or null when they must never be matched. */
  weight(i: number, j: number): number | null;
  /** Members whose expertise meets i's goals or whose goals i's expertise meets (symmetric). */
  related(i: number): Int32Array;
  /**
   * The related members j > i (pool order) that i may be matched with, and their weights, written
   * into `ids` and `out` (each at least n long); returns how many. Equal to calling `weight` on each
   * of `related(i)`, but counted through the inverted indexes in one sweep: the large-program hot path.
   */
  relatedAbove(i: number, ids: Int32Array, out: Int32Array): number;
  /**
   * out[x * m + y] = weight(members[x], members[y]) for the m members, or NO_PAIR where that is null
   * (the diagonal too): one sweep per row through inverted indexes of the members only.
   */
  weighMatrix(members: Int32Array, out: Int32Array): void;
  /** No pair (i, j) with j outside `related(i)` can weigh more than this: no goal terms, at most i's interests. */
  weakMax(i: number): number;
  /** The largest `weakMax` of all. */
  unrelatedMax: number;
  /** Members alike for every pair without a goal relation, and what such pairs weigh at most (see UnrelatedClasses). */
  unrelatedClasses(): UnrelatedClasses;
  /** Was in a trio or unmatched last round. */
  priority(i: number): boolean;
  /** Indices of members i may never be matched with. */
  excludedOf(i: number): ReadonlySet<number>;
}

/**
 * Without a goal relation a pair's weight depends only on the two members' teams, zones, fairness
 * priorities and shared interests, and most such pairs share no interest at all. So members with the
 * same team, zone and priority are alike for every such pair that shares no interest, and
 * `ceiling[c * count + d]` (history left out: it only lowers a weight) is what those pairs weigh
 * at most between classes c and d. A pair that shares an interest has one of x's interests among
 * y's likes: `likedBy` lists them, and weakMax bounds them. The large-program path's proof covers
 * all those pairs this way, class by class and interest by interest.
 */
export interface UnrelatedClasses {
  /** Each member's class, by pool index. */
  classOf: Int32Array;
  count: number;
  /** count × count, symmetric; null when there are too many classes for a table (the caller falls back to weakMax). */
  ceiling: Int32Array | null;
  /** Each member's interests (topic ids), by pool index. */
  interests: readonly Int32Array[];
  /** The members (pool indices) whose interests cover a topic, by topic id. */
  likedBy: ReadonlyMap<number, Int32Array>;
  /** What the pair (i, j) weighs without its goal relations and history: its bound when it has neither goals nor history. */
  withoutGoals(i: number, j: number): number;
}

/** Classes above this many get no ceiling table (count² cells). */
const MAX_UNRELATED_CLASSES = 2048;

class TopicIndex {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  /** The vocabulary topic each name is the label of, if any (an item's lead, topics.ts readItem). */
  readonly leads: Array<string | undefined> = [];
  /** The same spellings recur across members: normalize each once. */
  private readonly rawIds = new Map<string, number>();
  constructor(readonly vocabulary: Vocabulary) {}
  id(raw: string): number {
    const known = this.rawIds.get(raw);
    if (known !== undefined) return known;
    const name = normalizeTopic(raw, this.vocabulary);
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.leads.push(readItem(raw, this.vocabulary).lead);
    }
    this.rawIds.set(raw, id);
    return id;
  }
  /** For every topic, the topics it matches (itself, and whole-word containment either way). */
  matchSets(): Int32Array[] {
    const byPhrase = new Map<string, number[]>();
    this.names.forEach((name, id) => {
      const words = name.split(" ");
      for (let a = 0; a < words.length; a++) {
        for (let b = a + 1; b <= words.length; b++) {
          const phrase = words.slice(a, b).join(" ");
          const list = byPhrase.get(phrase) ?? [];
          list.push(id);
          byPhrase.set(phrase, list);
        }
      }
    });
    return this.names.map((name, id) => {
      const set = new Set<number>([id]);
      // Topics that contain this one as whole words.
      for (const other of byPhrase.get(name) ?? []) if (normalizedMatch(name, this.names[other] as string)) set.add(other);
      // Topics this one contains.
      const words = name.split(" ");
      for (let a = 0; a < words.length; a++) {
        for (let b = a + 1; b <= words.length; b++) {
          const other = this.ids.get(words.slice(a, b).join(" "));
          if (other !== undefined && normalizedMatch(name, this.names[other] as string)) set.add(other);
        }
      }
      return Int32Array.from([...set].sort((x, y) => x - y));
    });
  }
  /**
   * The match sets split as the grades see them (topic-grades.ts): `same`, the names that are the same
   * topic; `near`, the labels of other vocabulary topics that hold this label or are held in it.
   */
  gradeSets(sets: readonly Int32Array[]): { same: Int32Array[]; near: Int32Array[] } {
    const distinct = (x: number, y: number) => {
      const a = this.leads[x];
      const b = this.leads[y];
      return a !== undefined && b !== undefined && a !== b;
    };
    return {
      same: sets.map((set, x) => set.filter((y) => !distinct(x, y))),
      near: sets.map((set, x) => set.filter((y) => distinct(x, y))),
    };
  }
}

/**
 * Distinct goals as the grades see them (topic-grades.ts): a goal's name (its topic id in
 * TopicIndex), every vocabulary topic it names and its unread words. Two goals with one name can
 * differ in the rest ("Financial modelling di Excel", "Financial modelling and budgeting").
 */
class GoalIndex {
  readonly nameOf: number[] = [];
  readonly byName = new Map<number, number[]>();
  /** Goals by the vocabulary topic they compare as (their name is its label). */
  readonly byLead = new Map<string, number[]>();
  readonly byTopic = new Map<string, number[]>();
  readonly byWord = new Map<string, number[]>();
  private readonly rawIds = new Map<string, number>();
  private readonly signatures = new Map<string, number>();
  constructor(private readonly names: TopicIndex) {}
  get vocabulary(): Vocabulary {
    return this.names.vocabulary;
  }
  get size(): number {
    return this.nameOf.length;
  }
  id(raw: string): number {
    const known = this.rawIds.get(raw);
    if (known !== undefined) return known;
    const name = this.names.id(raw);
    const item = readItem(raw, this.names.vocabulary);
    const signature = `${name}\u0001${item.topics.join(",")}\u0001${item.unread.join(",")}`;
    let id = this.signatures.get(signature);
    if (id === undefined) {
      id = this.nameOf.length;
      this.signatures.set(signature, id);
      this.nameOf.push(name);
      listPush(this.byName, name, id);
      if (item.lead !== undefined) listPush(this.byLead, item.lead, id);
      for (const t of item.topics) listPush(this.byTopic, t, id);
      for (const w of item.unread) listPush(this.byWord, w, id);
    }
    this.rawIds.set(raw, id);
    return id;
  }
}

function listPush<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Per member, the goals its expertise meets, by grade: exact (the goal's name is met, or its lead
 * topic is among the expertise's topics), family (another vocabulary topic shared, or a narrower or
 * broader topic's name: `nearNames`), related (an unread word shared, neither). Disjoint, so a
 * goal counts once, at its best grade.
 */
function gradedCovers(
  goalsIndex: GoalIndex,
  exactNames: Int32Array[],
  nearNames: Int32Array[],
  expertise: ReadonlyArray<readonly string[]>,
): { exact: Int32Array[]; family: Int32Array[]; related: Int32Array[] } {
  const mark = new Int32Array(goalsIndex.size).fill(-1);
  const exact: Int32Array[] = [];
  const family: Int32Array[] = [];
  const related: Int32Array[] = [];
  const found: number[] = [];
  const collect = (lists: Iterable<number[] | undefined>, i: number): Int32Array => {
    found.length = 0;
    for (const list of lists)
      for (const g of list ?? [])
        if (mark[g] !== i) {
          mark[g] = i;
          found.push(g);
        }
    return Int32Array.from(found).sort();
  };
  expertise.forEach((items, i) => {
    const readings = items.map((item) => readItem(item, goalsIndex.vocabulary));
    // Marked with i for exact, and still i for the grades below: each grade takes only what the better ones left.
    const topics = new Set(readings.flatMap((r) => r.topics));
    exact.push(
      collect(
        [
          ...Array.from(exactNames[i] as Int32Array, (name) => goalsIndex.byName.get(name)),
          ...Array.from(topics, (t) => goalsIndex.byLead.get(t)),
        ],
        i,
      ),
    );
    family.push(
      collect(
        [
          ...Array.from(topics, (t) => goalsIndex.byTopic.get(t)),
          ...Array.from(nearNames[i] as Int32Array, (name) => goalsIndex.byName.get(name)),
        ],
        i,
      ),
    );
    const words = new Set(readings.flatMap((r) => r.unread));
    related.push(
      collect(
        Array.from(words, (w) => goalsIndex.byWord.get(w)),
        i,
      ),
    );
  });
  return { exact, family, related };
}

/** For each list of topic ids, the sorted union of their match sets. */
function unions(sets: Int32Array[], lists: Int32Array[]): Int32Array[] {
  // A mark per topic (the list's index) instead of a Set per list.
  const mark = new Int32Array(sets.length).fill(-1);
  const found: number[] = [];
  return lists.map((ids, k) => {
    found.length = 0;
    for (const id of ids)
      for (const x of sets[id] ?? [])
        if (mark[x] !== k) {
          mark[x] = k;
          found.push(x);
        }
    return Int32Array.from(found).sort();
  });
}

/** Flat, bit-set view of topic lists: membership is one shift and mask. */
class TopicBits {
  readonly words: number;
  readonly bits: Uint32Array;
  constructor(n: number, vocabulary: number) {
    this.words = Math.max(1, Math.ceil(vocabulary / 32));
    this.bits = new Uint32Array(n * this.words);
  }
  set(i: number, topics: Int32Array): void {
    for (const t of topics) {
      const k = i * this.words + (t >>> 5);
      this.bits[k] = (this.bits[k] as number) | (1 << (t & 31));
    }
  }
  /** How many of `topics` are in member i's set. */
  count(i: number, topics: Int32Array): number {
    // Indexed loop and locals: this runs hundreds of millions of times on large programs.
    const bits = this.bits;
    const base = i * this.words;
    let n = 0;
    for (let k = 0; k < topics.length; k++) {
      const t = topics[k] as number;
      n += ((bits[base + (t >>> 5)] as number) >>> (t & 31)) & 1;
    }
    return n;
  }
}

/*
 * The hot loops below are module functions working on their arguments, not closures over
 * preparePool's variables: V8 specializes a closure's code to its captured variables only while
 * one such closure exists, and every pool (each program, the benchmark's warm-up) makes its own.
 */

/** Inverted index: per topic id, the members on one side of a relation, ascending. */
type TopicLists = Map<number, Int32Array>;

/** First position in the ascending list holding a value above i. */
function above(list: Int32Array, i: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Adds `step` to counts[j] for every member j > i on the lists of `topics`; a j counted for the
 * first time is appended to `ids` (from `size`). Returns the new size.
 */
function countAbove(
  topics: Int32Array,
  lists: TopicLists,
  i: number,
  counts: Int32Array,
  step: number,
  ids: Int32Array,
  size: number,
): number {
  let listed = size;
  for (let t = 0; t < topics.length; t++) {
    const list = lists.get(topics[t] as number);
    if (!list) continue;
    for (let k = above(list, i); k < list.length; k++) {
      const j = list[k] as number;
      const c = counts[j] as number;
      if (c === 0) ids[listed++] = j;
      counts[j] = c + step;
    }
  }
  return listed;
}

/** Adds `step` to counts[j] for every member j > i on the lists of `topics` that `gate` counts already. */
function countAboveWithin(
  topics: Int32Array,
  lists: TopicLists,
  i: number,
  gate: Int32Array,
  counts: Int32Array,
  step: number,
): void {
  for (let t = 0; t < topics.length; t++) {
    const list = lists.get(topics[t] as number);
    if (!list) continue;
    for (let k = above(list, i); k < list.length; k++) {
      const j = list[k] as number;
      if (gate[j] !== 0) counts[j] = (counts[j] as number) + step;
    }
  }
}

/**
 * Pair weights without history by lookup: cells[((context * goals + aGives) * goals + bGives) *
 * shared + sharedInterests], context = rowPart[i] + colPart[j] + (same team ? 3 : 0); NO_PAIR
 * where not computed yet.
 */
interface WeightTable {
  cells: Int32Array;
  rowPart: Int32Array;
  colPart: Int32Array;
  team: Int32Array;
  goals: number;
  shared: number;
}

/**
 * Weighs (i, ids[k]) for the first `size` ids from the packed counts (goalCounts: aGives |
 * bGives << 16, interestCounts: the shared interests each way), clearing them as it reads. Drops
 * the ids in `banned`, compacting `ids`; writes the weights to `out` and returns how many are
 * kept. `slow` weighs what the table does not hold: a missing cell, or a past partner (agoOf[j]
 * >= 0, when `agoOf` is given).
 */
function weighCounted(
  i: number,
  ids: Int32Array,
  out: Int32Array,
  size: number,
  goalCounts: Int32Array,
  interestCounts: Int32Array,
  banned: ReadonlySet<number> | undefined,
  agoOf: Float64Array | null,
  table: WeightTable | null,
  slow: (i: number, j: number, aGives: number, bGives: number, shared: number, roundsAgo: number | null) => number,
): number {
  let kept = 0;
  if (table && !agoOf) {
    // The common case: no history, the table at hand.
    const { cells, colPart, team, goals } = table;
    const sharedSize = table.shared;
    const rowContext = table.rowPart[i] as number;
    const teamI = team[i] as number;
    for (let k = 0; k < size; k++) {
      const j = ids[k] as number;
      const g = goalCounts[j] as number;
      const c = interestCounts[j] as number;
      // Cleared as read: `ids` is compacted in place.
      goalCounts[j] = 0;
      interestCounts[j] = 0;
      if (banned?.has(j)) continue;
      const a = g & COUNT_MASK;
      const b = g >>> 16;
      const shared = Math.min(c & COUNT_MASK, c >>> 16);
      const context = rowContext + (colPart[j] as number) + (teamI === team[j] ? 3 : 0);
      const w = cells[((context * goals + a) * goals + b) * sharedSize + shared] as number;
      out[kept] = w !== NO_PAIR ? w : slow(i, j, a, b, shared, null);
      ids[kept++] = j;
    }
    return kept;
  }
  // With history (past partners weighed by `slow`), or without a table.
  for (let k = 0; k < size; k++) {
    const j = ids[k] as number;
    const g = goalCounts[j] as number;
    const c = interestCounts[j] as number;
    goalCounts[j] = 0;
    interestCounts[j] = 0;
    if (banned?.has(j)) continue;
    const a = g & COUNT_MASK;
    const b = g >>> 16;
    const shared = Math.min(c & COUNT_MASK, c >>> 16);
    const ago = agoOf ? (agoOf[j] as number) : -1;
    let w = NO_PAIR;
    if (table && ago < 0) {
      const context = (table.rowPart[i] as number) + (table.colPart[j] as number) + (table.team[i] === table.team[j] ? 3 : 0);
      w = table.cells[((context * table.goals + a) * table.goals + b) * table.shared + shared] as number;
    }
    out[kept] = w !== NO_PAIR ? w : slow(i, j, a, b, shared, ago < 0 ? null : ago);
    ids[kept++] = j;
  }
  return kept;
}

/** Adds `step` to into[y] for every y on the lists of `topics` (weighMatrix's local indexes). */
function countAll(topics: Int32Array, lists: Map<number, number[]>, into: Int32Array, step: number): void {
  for (let t = 0; t < topics.length; t++) {
    const list = lists.get(topics[t] as number);
    if (list) for (let k = 0; k < list.length; k++) into[list[k] as number] = (into[list[k] as number] as number) + step;
  }
}

/**
 * out[row + y] = the weight of (i, members[y]) for every y, from the packed counts (as in
 * weighCounted), history and exclusions left to the caller.
 */
function weighAll(
  i: number,
  members: Int32Array,
  goalCounts: Int32Array,
  interestCounts: Int32Array,
  out: Int32Array,
  row: number,
  table: WeightTable | null,
  slow: (i: number, j: number, aGives: number, bGives: number, shared: number, roundsAgo: number | null) => number,
): void {
  const m = members.length;
  if (table) {
    const { cells, colPart, team, goals } = table;
    const sharedSize = table.shared;
    const rowContext = table.rowPart[i] as number;
    const teamI = team[i] as number;
    for (let y = 0; y < m; y++) {
      const j = members[y] as number;
      const g = goalCounts[y] as number;
      const c = interestCounts[y] as number;
      const a = g & COUNT_MASK;
      const b = g >>> 16;
      const shared = Math.min(c & COUNT_MASK, c >>> 16);
      const context = rowContext + (colPart[j] as number) + (teamI === team[j] ? 3 : 0);
      const w = cells[((context * goals + a) * goals + b) * sharedSize + shared] as number;
      out[row + y] = w !== NO_PAIR ? w : slow(i, j, a, b, shared, null);
    }
    return;
  }
  for (let y = 0; y < m; y++) {
    const g = goalCounts[y] as number;
    const c = interestCounts[y] as number;
    const shared = Math.min(c & COUNT_MASK, c >>> 16);
    out[row + y] = slow(i, members[y] as number, g & COUNT_MASK, g >>> 16, shared, null);
  }
}

export function preparePool(input: MatchInput): Pool {
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const at = input.at ?? new Date(0);
  const candidates = input.candidates;
  const n = candidates.length;
  const ids = candidates.map((c) => c.memberId);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const topics = new TopicIndex(input.vocabulary ?? DEFAULT_VOCABULARY);
  const goalIndex = new GoalIndex(topics);
  const toIds = (list: readonly string[]) => Int32Array.from(list.map((t) => topics.id(t)));
  const goals = candidates.map((c) => Int32Array.from(c.profile.goals.map((g) => goalIndex.id(g))));
  const expertise = candidates.map((c) => toIds(c.profile.expertise));
  const interests = candidates.map((c) => toIds(c.profile.interests));
  const sets = topics.matchSets();
  const gradeSets = topics.gradeSets(sets);
  const covers = gradedCovers(
    goalIndex,
    unions(gradeSets.same, expertise),
    unions(gradeSets.near, expertise),
    candidates.map((c) => c.profile.expertise),
  );
  const interestCover = unions(sets, interests);
  const grades = [
    { cover: covers.exact, points: GRADE_POINTS.exact, offers: new TopicBits(n, goalIndex.size) },
    { cover: covers.family, points: GRADE_POINTS.family, offers: new TopicBits(n, goalIndex.size) },
    { cover: covers.related, points: GRADE_POINTS.related, offers: new TopicBits(n, goalIndex.size) },
  ] as const;
  const likes = new TopicBits(n, topics.names.length);
  for (let i = 0; i < n; i++) {
    for (const g of grades) g.offers.set(i, g.cover[i] as Int32Array);
    likes.set(i, interestCover[i] as Int32Array);
  }
  /** How much of j's goals i's expertise meets, in points (topic-grades.ts). */
  const gives = (i: number, j: number): number => {
    const wanted = goals[j] as Int32Array;
    let points = 0;
    for (const g of grades) points += g.points * g.offers.count(i, wanted);
    return points;
  };
  const teamIds = new Map<string, number>();
  const team = Int32Array.from(
    candidates.map((c) => {
      const key = c.profile.team.trim().toLowerCase();
      if (!teamIds.has(key)) teamIds.set(key, teamIds.size);
      return teamIds.get(key) as number;
    }),
  );
  const priority = Uint8Array.from(candidates.map((c) => (c.priority ? 1 : 0)));
  const anyPriority = priority.some((p) => p === 1);

  // Working-hours terms depend only on the two zones: one small table.
  const zoneIds = new Map<string, number>();
  const zone = Int32Array.from(
    candidates.map((c) => {
      const key = c.profile.timezone;
      if (!zoneIds.has(key)) zoneIds.set(key, zoneIds.size);
      return zoneIds.get(key) as number;
    }),
  );
  const zones = [...zoneIds.keys()];
  const z = zones.length;
  const dayLength = weights.workdayEnd - weights.workdayStart;
  const overlapOf = new Float64Array(z * z);
  for (let a = 0; a < z; a++) {
    for (let b = 0; b < z; b++) {
      const za = zones[a] as string;
      const zb = zones[b] as string;
      overlapOf[a * z + b] =
        za && zb
          ? overlapHours(offsetMinutes(za, at), offsetMinutes(zb, at), weights.workdayStart, weights.workdayEnd)
          : dayLength;
    }
  }

  const excluded: Array<Set<number> | undefined> = new Array(n);
  for (const key of input.excluded) {
    const [a, b] = key.split("|");
    const i = indexOf.get(a as string);
    const j = indexOf.get(b as string);
    if (i === undefined || j === undefined || i === j) continue;
    for (const [x, y] of [
      [i, j],
      [j, i],
    ] as const) {
      const set = excluded[x] ?? new Set<number>();
      set.add(y);
      excluded[x] = set;
    }
  }
  const history = new Map<number, number>();
  for (const [key, ago] of input.history) {
    const [a, b] = key.split("|");
    const i = indexOf.get(a as string);
    const j = indexOf.get(b as string);
    if (i !== undefined && j !== undefined) history.set(Math.min(i, j) * n + Math.max(i, j), ago);
  }
  // Per member, so that neither `weight` nor a sweep hashes per pair (a member has met few others).
  const pastPartners: Array<Array<[number, number]> | undefined> = new Array(n);
  for (const [k, ago] of history) {
    const i = Math.floor(k / n);
    const j = k % n;
    for (const [x, y] of [
      [i, j],
      [j, i],
    ] as const) {
      const list = pastPartners[x] ?? [];
      list.push([y, ago]);
      pastPartners[x] = list;
    }
  }
  const roundsAgoOf = (i: number, j: number): number | null => {
    const pi = pastPartners[i];
    const pj = pastPartners[j];
    if (!pi || !pj) return null;
    const shorter = pi.length <= pj.length;
    const past = shorter ? pi : pj;
    const other = shorter ? j : i;
    for (let k = 0; k < past.length; k++) {
      const [partner, ago] = past[k] as [number, number];
      if (partner === other) return ago;
    }
    return null;
  };

  // The hot path: millions of calls on large programs, so no allocation here.
  // `combine` (score.ts) is the formula; tests/unit/optimal-matcher.test.ts holds this equal to scorePair.
  const weightFrom = (i: number, j: number, aGives: number, bGives: number, shared: number, roundsAgo: number | null): number => {
    const score = combineParts(
      aGives / POINTS_PER_GOAL,
      bGives / POINTS_PER_GOAL,
      shared,
      team[i] === team[j],
      overlapOf[(zone[i] as number) * z + (zone[j] as number)] as number,
      roundsAgo,
      (priority[i] as number) + (priority[j] as number),
      weights,
    );
    return Math.round(score * SCORE_SCALE);
  };
  // Without history, a pair's weight depends on few small counts and the two members' zones, teams
  // and priorities: the formula is evaluated once per combination, then looked up (tens of millions
  // of pairs on large programs). Skipped when long topic lists would make the table large.
  const maxGoals = goals.reduce((a, g) => Math.max(a, g.length), 0) * POINTS_PER_GOAL + 1;
  const maxShared = interests.reduce((a, g) => Math.max(a, g.length), 0) + 1;
  const tableSize = z * z * 2 * 3 * maxGoals * maxGoals * maxShared;
  const table = tableSize <= 1 << 22 ? new Int32Array(tableSize).fill(NO_PAIR) : null;
  // The context ((zone i * z + zone j) * 2 + same team) * 3 + both priorities, as i's part + j's part.
  const rowPart = Int32Array.from(zone, (zi, i) => zi * z * 6 + (priority[i] as number));
  const colPart = Int32Array.from(zone, (zj, j) => zj * 6 + (priority[j] as number));
  /** weightFrom without history, through the table. */
  const weightNew = (i: number, j: number, aGives: number, bGives: number, shared: number): number => {
    if (!table) return weightFrom(i, j, aGives, bGives, shared, null);
    const context = (rowPart[i] as number) + (colPart[j] as number) + (team[i] === team[j] ? 3 : 0);
    const at = ((context * maxGoals + aGives) * maxGoals + bGives) * maxShared + shared;
    let w = table[at] as number;
    if (w === NO_PAIR) {
      w = weightFrom(i, j, aGives, bGives, shared, null);
      table[at] = w;
    }
    return w;
  };
  const weight = (i: number, j: number): number | null => {
    if (i === j || excluded[i]?.has(j)) return null;
    const shared = Math.min(likes.count(j, interests[i] as Int32Array), likes.count(i, interests[j] as Int32Array));
    return weightFrom(i, j, gives(i, j), gives(j, i), shared, roundsAgoOf(i, j));
  };

  // Inverted indexes: who offers (covers) each goal, per grade, and who wants it.
  const offering = grades.map(() => new Map<number, number[]>());
  const wanting = new Map<number, number[]>();
  const push = listPush<number>;
  for (let i = 0; i < n; i++) {
    grades.forEach((g, k) => {
      for (const t of g.cover[i] as Int32Array) push(offering[k] as Map<number, number[]>, t, i);
    });
    for (const t of goals[i] as Int32Array) push(wanting, t, i);
  }
  // A stamp per call marks who was already visited, without clearing an array each time.
  const seen = new Int32Array(n);
  let stamp = 0;
  const related = (i: number): Int32Array => {
    const out: number[] = [];
    stamp++;
    const visit = (j: number) => {
      if (j !== i && seen[j] !== stamp) {
        seen[j] = stamp;
        out.push(j);
      }
    };
    for (const g of goals[i] as Int32Array) for (const byGoal of offering) for (const j of byGoal.get(g) ?? []) visit(j);
    for (const g of grades) for (const t of g.cover[i] as Int32Array) for (const j of wanting.get(t) ?? []) visit(j);
    return Int32Array.from(out);
  };
  // Without a goal relation: at most i's own interests shared, the best team and working-hours terms
  // anyone could give i (the team bonus only when some member's team fits; the best overlap with a
  // zone present), and the fairness bonus. A tighter bound than a full day and the bonus for all:
  // the large-program path's proof rests on it (every member on one team: no team bonus at all).
  const teamSize = new Int32Array(teamIds.size);
  for (const t of team) teamSize[t] = (teamSize[t] as number) + 1;
  const contextMaxOf = new Map<number, number>();
  const contextMax = (i: number): number => {
    const sameTeamPossible = (teamSize[team[i] as number] as number) > 1;
    const otherTeamPossible = (teamSize[team[i] as number] as number) < n;
    const key = (zone[i] as number) * 4 + (sameTeamPossible ? 2 : 0) + (otherTeamPossible ? 1 : 0);
    let best = contextMaxOf.get(key);
    if (best === undefined) {
      best = Number.NEGATIVE_INFINITY;
      for (let zj = 0; zj < z; zj++) {
        const overlap = overlapOf[(zone[i] as number) * z + zj] as number;
        for (const same of [true, false]) {
          if (same ? !sameTeamPossible : !otherTeamPossible) continue;
          best = Math.max(best, combineParts(0, 0, 0, same, overlap, null, 0, weights));
        }
      }
      if (!Number.isFinite(best)) best = 0;
      contextMaxOf.set(key, best);
    }
    return best;
  };
  const weakMaxOf = Int32Array.from(candidates, (_, i) =>
    Math.ceil(
      (weights.interest * (interests[i] as Int32Array).length +
        contextMax(i) +
        ((priority[i] as number) + (anyPriority ? 1 : 0)) * weights.fairness) *
        SCORE_SCALE,
    ),
  );
  const unrelatedMax = weakMaxOf.reduce((a, b) => Math.max(a, b), 0);

  // Two 16-bit counts per word, so that weighing a pair reads two counters, not four:
  // goalCounts[j] = aCount | bCount << 16, interestCounts[j] = likes | liked << 16 (see countAbove).
  // A count never exceeds one member's list length.
  for (const list of [...goals, ...interests])
    if (list.length * POINTS_PER_GOAL > COUNT_MASK)
      throw new RangeError(`preparePool: more than ${COUNT_MASK / POINTS_PER_GOAL} goals or interests`);
  const goalCounts = new Int32Array(n);
  const interestCounts = new Int32Array(n);
  const agoOf = new Float64Array(n).fill(-1);
  const asLists = (m: Map<number, number[]>) => new Map<number, Int32Array>([...m].map(([t, l]) => [t, Int32Array.from(l)]));
  const offeringLists = offering.map(asLists);
  const wantingLists = asLists(wanting);
  // Who likes (covers) each interest, and who has it: shared interests counted the same way.
  const likedBy = new Map<number, number[]>();
  const interestedIn = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    for (const t of interestCover[i] as Int32Array) push(likedBy, t, i);
    for (const t of interests[i] as Int32Array) push(interestedIn, t, i);
  }
  const likedByLists = asLists(likedBy);
  const interestedInLists = asLists(interestedIn);
  const weightTable: WeightTable | null = table
    ? { cells: table, rowPart, colPart, team, goals: maxGoals, shared: maxShared }
    : null;
  const slowWeight = (i: number, j: number, aGives: number, bGives: number, shared: number, roundsAgo: number | null) =>
    roundsAgo === null ? weightNew(i, j, aGives, bGives, shared) : weightFrom(i, j, aGives, bGives, shared, roundsAgo);
  /**
   * Counts, for every j > i, how many of j's goals i's expertise covers (aCount), how many of i's
   * goals j's covers (bCount), through the inverted indexes; the goal-related j are listed in `ids`.
   * Then their shared interests each way (only theirs: no other counter is touched), and weights.
   */
  const relatedAbove = (i: number, ids: Int32Array, out: Int32Array): number => {
    let size = 0;
    for (let k = 0; k < grades.length; k++) {
      const g = grades[k] as (typeof grades)[number];
      size = countAbove(g.cover[i] as Int32Array, wantingLists, i, goalCounts, g.points, ids, size);
      size = countAbove(goals[i] as Int32Array, offeringLists[k] as TopicLists, i, goalCounts, g.points * HIGH_ONE, ids, size);
    }
    // Shared interests: j's likes holding i's interests, and i's likes holding j's; the smaller counts.
    countAboveWithin(interests[i] as Int32Array, likedByLists, i, goalCounts, interestCounts, 1);
    countAboveWithin(interestCover[i] as Int32Array, interestedInLists, i, goalCounts, interestCounts, HIGH_ONE);
    const past = pastPartners[i];
    if (past) for (const [j, ago] of past) agoOf[j] = ago;
    const kept = weighCounted(
      i,
      ids,
      out,
      size,
      goalCounts,
      interestCounts,
      excluded[i],
      past ? agoOf : null,
      weightTable,
      slowWeight,
    );
    if (past) for (const [j] of past) agoOf[j] = -1;
    return kept;
  };
  const weighMatrix = (members: Int32Array, out: Int32Array): void => {
    const m = members.length;
    const localOf = new Int32Array(n).fill(-1);
    members.forEach((i, x) => {
      localOf[i] = x;
    });
    // The same four inverted indexes as relatedAbove's, over local indices.
    const wantingLocal = new Map<number, number[]>();
    const offeringLocal = grades.map(() => new Map<number, number[]>());
    const likedByLocal = new Map<number, number[]>();
    const interestedInLocal = new Map<number, number[]>();
    members.forEach((i, x) => {
      for (const t of goals[i] as Int32Array) push(wantingLocal, t, x);
      grades.forEach((g, k) => {
        for (const t of g.cover[i] as Int32Array) push(offeringLocal[k] as Map<number, number[]>, t, x);
      });
      for (const t of interestCover[i] as Int32Array) push(likedByLocal, t, x);
      for (const t of interests[i] as Int32Array) push(interestedInLocal, t, x);
    });
    const counts = new Int32Array(m);
    const shared = new Int32Array(m);
    for (let x = 0; x < m; x++) {
      const i = members[x] as number;
      grades.forEach((g, k) => {
        countAll(g.cover[i] as Int32Array, wantingLocal, counts, g.points);
        countAll(goals[i] as Int32Array, offeringLocal[k] as Map<number, number[]>, counts, g.points * HIGH_ONE);
      });
      countAll(interests[i] as Int32Array, likedByLocal, shared, 1);
      countAll(interestCover[i] as Int32Array, interestedInLocal, shared, HIGH_ONE);
      const row = x * m;
      weighAll(i, members, counts, shared, out, row, weightTable, slowWeight);
      out[row + x] = NO_PAIR;
      // History and exclusions: a few pairs, weighed again or marked.
      for (const [j, ago] of pastPartners[i] ?? []) {
        const y = localOf[j] as number;
        if (y < 0) continue;
        const g = counts[y] as number;
        const c = shared[y] as number;
        out[row + y] = weightFrom(i, j, g & COUNT_MASK, g >>> 16, Math.min(c & COUNT_MASK, c >>> 16), ago);
      }
      for (const j of excluded[i] ?? []) if ((localOf[j] as number) >= 0) out[row + (localOf[j] as number)] = NO_PAIR;
      counts.fill(0);
      shared.fill(0);
    }
  };

  let unrelated: UnrelatedClasses | null = null;
  const unrelatedClasses = (): UnrelatedClasses => {
    if (unrelated) return unrelated;
    const keys = new Map<string, number>();
    const first: number[] = [];
    const classOf = Int32Array.from(candidates, (_, i) => {
      const key = `${team[i]}/${zone[i]}/${priority[i]}`;
      let c = keys.get(key);
      if (c === undefined) {
        c = keys.size;
        keys.set(key, c);
        first.push(i);
      }
      return c;
    });
    const count = keys.size;
    let ceiling: Int32Array | null = null;
    if (count <= MAX_UNRELATED_CLASSES) {
      ceiling = new Int32Array(count * count);
      for (let c = 0; c < count; c++) {
        const i = first[c] as number;
        for (let d = c; d < count; d++) {
          const j = first[d] as number;
          const w = weightFrom(i, j, 0, 0, 0, null);
          ceiling[c * count + d] = w;
          ceiling[d * count + c] = w;
        }
      }
    }
    const withoutGoals = (i: number, j: number): number =>
      weightNew(i, j, 0, 0, Math.min(likes.count(j, interests[i] as Int32Array), likes.count(i, interests[j] as Int32Array)));
    unrelated = { classOf, count, ceiling, interests, likedBy: likedByLists, withoutGoals };
    return unrelated;
  };

  return {
    n,
    ids,
    weights,
    weight,
    related,
    relatedAbove,
    weighMatrix,
    weakMax: (i) => weakMaxOf[i] as number,
    unrelatedMax,
    unrelatedClasses,
    priority: (i) => priority[i] === 1,
    excludedOf: (i) => excluded[i] ?? new Set(),
  };
}

export { pairKey };
