/** The matcher's input and output: plain data, so it can be tested and benchmarked alone. */

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
}

export interface MatchInput {
  candidates: readonly Candidate[];
  /** Pairs that must never be matched (already together in this round). */
  excluded: ReadonlySet<string>;
  /** Pairs from earlier rounds: avoided whenever another option exists. */
  previous: ReadonlySet<string>;
  seed: number;
}

export interface MatchGroup {
  memberIds: string[];
  score: number;
}

export interface MatchResult {
  groups: MatchGroup[];
  /** Members who could not be matched at all in this run. */
  unmatched: string[];
}

export type Matcher = (input: MatchInput) => MatchResult;

/** An order-independent key for a pair of members. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
