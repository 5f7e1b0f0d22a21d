/**
 * How well two members fit. Every term is one the intro can explain:
 * expertise meeting goals (both ways, two-way exchange rewarded), shared
 * interests, teams, working-hours overlap, history and fairness.
 * `combine` is the single formula; `scorePair` and the matcher's indexed pool
 * only count the parts differently fast.
 */

import { offsetMinutes, overlapHours } from "./timezone-overlap";
import { type Coverage, coverValue, gradedCover } from "./topic-grades";
import type { Vocabulary } from "./topic-reading";
import { sharedTopics } from "./topics";
import type { CandidateProfile } from "./types";
import { DEFAULT_WEIGHTS, type MatchingWeights } from "./weights";

export type Reason =
  | { kind: "gives"; giver: "a" | "b"; cover: Coverage[] }
  | { kind: "interests"; topics: string[] }
  | { kind: "teams"; teams: [string, string] };

export interface PairScore {
  score: number;
  reasons: Reason[];
}

export interface FitCounts {
  /** How much of B's goals A's expertise covers, in goals (an exact goal 1, see topic-grades.ts), and the reverse. */
  aGives: number;
  bGives: number;
  interests: number;
  sameTeam: boolean;
  overlapHours: number;
  /** Rounds since they were last paired (1 = last round), or null. */
  roundsAgo: number | null;
  /** How many of the two have fairness priority (0 to 2). */
  priorities: number;
}

export function combine(c: FitCounts, w: MatchingWeights): number {
  return combineParts(c.aGives, c.bGives, c.interests, c.sameTeam, c.overlapHours, c.roundsAgo, c.priorities, w);
}

/**
 * Goals met in one direction, with the second and later counting a quarter: the program's aim is
 * that every member learns something, so meeting two members' goals beats meeting one member's
 * twice. A half still traded another member's first goal for extra goals of a member already served;
 * a quarter raised goal coverage on free-text populations by 0.1 to 0.3 points more
 * (bench/goal-coverage.ts), and a second goal met still breaks ties.
 */
export function goalWorth(goals: number): number {
  return goals <= 1 ? goals : 1 + (goals - 1) / 4;
}

/** The formula itself, with plain arguments so the matcher's hot loop allocates nothing. */
export function combineParts(
  aGives: number,
  bGives: number,
  interests: number,
  sameTeam: boolean,
  overlapHours: number,
  roundsAgo: number | null,
  priorities: number,
  w: MatchingWeights,
): number {
  const twoWay = aGives > 0 && bGives > 0 ? w.twoWay : 0;
  const teamFits = w.teamPolicy === "ignore" ? false : w.teamPolicy === "same" ? sameTeam : !sameTeam;
  const dayLength = w.workdayEnd - w.workdayStart;
  const zone =
    overlapHours <= 0 ? -w.noOverlap : dayLength > 0 ? (w.timezone * Math.min(overlapHours, dayLength)) / dayLength : 0;
  const history = roundsAgo === null ? 0 : -w.repeat / Math.max(1, roundsAgo);
  return (
    w.goal * (goalWorth(aGives) + goalWorth(bGives)) +
    twoWay +
    w.interest * interests +
    (teamFits ? w.team : 0) +
    zone +
    history +
    w.fairness * priorities
  );
}

export interface PairContext {
  weights?: MatchingWeights;
  roundsAgo?: number | null;
  priorities?: number;
  /** The instant whose UTC offsets count (daylight saving changes them). */
  at?: Date;
  /** The program's topics (the default vocabulary with its organizers' edits). */
  vocabulary?: Vocabulary;
}

export function scorePair(a: CandidateProfile, b: CandidateProfile, ctx: PairContext = {}): PairScore {
  const weights = ctx.weights ?? DEFAULT_WEIGHTS;
  const at = ctx.at ?? new Date(0);
  const reasons: Reason[] = [];
  const aGives = gradedCover(a.expertise, b.goals, ctx.vocabulary);
  const bGives = gradedCover(b.expertise, a.goals, ctx.vocabulary);
  if (aGives.length) reasons.push({ kind: "gives", giver: "a", cover: aGives });
  if (bGives.length) reasons.push({ kind: "gives", giver: "b", cover: bGives });
  const interests = sharedTopics(a.interests, b.interests);
  if (interests.length) reasons.push({ kind: "interests", topics: interests });
  const sameTeam = a.team.trim().toLowerCase() === b.team.trim().toLowerCase();
  if (!sameTeam && weights.teamPolicy === "different") reasons.push({ kind: "teams", teams: [a.team, b.team] });
  const overlap =
    a.timezone && b.timezone
      ? overlapHours(offsetMinutes(a.timezone, at), offsetMinutes(b.timezone, at), weights.workdayStart, weights.workdayEnd)
      : weights.workdayEnd - weights.workdayStart;
  const score = combine(
    {
      aGives: coverValue(aGives),
      bGives: coverValue(bGives),
      // Both sides' count, the smaller kept: the score must not depend on argument order.
      interests: Math.min(interests.length, sharedTopics(b.interests, a.interests).length),
      sameTeam,
      overlapHours: overlap,
      roundsAgo: ctx.roundsAgo ?? null,
      priorities: ctx.priorities ?? 0,
    },
    weights,
  );
  return { score, reasons };
}
