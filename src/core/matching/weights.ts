/**
 * How much each part of the fit counts, per program. Every term is one the
 * intro can explain. Validated with zod; the defaults suit most programs.
 */
import { z } from "zod";

export const TEAM_POLICIES = ["different", "same", "ignore"] as const;

export const matchingWeightsSchema = z.strictObject({
  /** Per learning goal that the other's expertise covers, each direction (the second and later count a quarter; score.ts goalWorth). */
  goal: z.number().min(0).max(20).default(3),
  /** Bonus when both sides learn something: peer mentoring is two-way. */
  twoWay: z.number().min(0).max(20).default(3),
  /** Per shared interest. */
  interest: z.number().min(0).max(20).default(1),
  /** Bonus for the team relation the program prefers. */
  team: z.number().min(0).max(20).default(1),
  teamPolicy: z.enum(TEAM_POLICIES).default("different"),
  /** Bonus for fully overlapping working hours, scaled by the overlap. */
  timezone: z.number().min(0).max(20).default(2),
  /** Penalty when working hours do not overlap at all. */
  noOverlap: z.number().min(0).max(100).default(10),
  /** Penalty for last round's pair; divided by how many rounds ago. Large enough that last round's pair is a last resort. */
  repeat: z.number().min(0).max(100).default(30),
  /** Bonus per member who was in a trio or unmatched last round. */
  fairness: z.number().min(0).max(20).default(2),
  /** Local working hours used for the overlap. */
  workdayStart: z.number().int().min(0).max(23).default(9),
  workdayEnd: z.number().int().min(1).max(24).default(17),
});

export type MatchingWeights = z.output<typeof matchingWeightsSchema>;
export const DEFAULT_WEIGHTS: MatchingWeights = matchingWeightsSchema.parse({});

/** A program's stored weights with defaults filled in; stored values that no longer validate fall back to the defaults. */
export function weightsOf(stored: Record<string, unknown> | null): MatchingWeights {
  const parsed = matchingWeightsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_WEIGHTS;
}

/** Scores are kept as integers (tenths) so that the matcher's arithmetic is exact. */
export const SCORE_SCALE = 10;
