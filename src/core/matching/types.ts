/** The matcher's input and output: plain data, so it can be tested and benchmarked alone. */
import type { Vocabulary } from "./topic-reading";
import type { MatchingWeights } from "./weights";

export interface CandidateProfile {
  expertise: readonly string[];
  goals: readonly string[];
  interests: readonly string[];
  team: string;
  timezone: string;
}

export interface Candidate {
  memberId: string;
  profile: CandidateProfile;
  /** How many more partners this member wants in this matching run (1 to 3). */
  slots: number;
  /** Was in a trio or unmatched last round: goes first this time. */
  priority?: boolean;
}

export interface MatchInput {
  candidates: readonly Candidate[];
  /**
   * Pairs that must never be matched: together already this round, a pairing
   * that ended as "not a good fit", or someone's "do not pair me with" list.
   */
  excluded: ReadonlySet<string>;
  /** Pairs from earlier rounds, with how many rounds ago (1 = last round): penalised, less the older. */
  history: ReadonlyMap<string, number>;
  seed: number;
  weights?: MatchingWeights;
  /** The instant whose time-zone offsets count; defaults to the epoch. */
  at?: Date;
  /** The program's topics; defaults to the shipped vocabulary. */
  vocabulary?: Vocabulary;
}

export interface MatchGroup {
  memberIds: string[];
  score: number;
}

export interface MatchResult {
  groups: MatchGroup[];
  /** Members who could not be matched at all in this run. */
  unmatched: string[];
  /** Of those, the ones every possible partner was excluded for (told why). */
  isolated?: string[];
}

export type Matcher = (input: MatchInput) => MatchResult;

/** An order-independent key for a pair of members. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
