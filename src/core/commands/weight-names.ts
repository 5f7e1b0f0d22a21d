/**
 * Matching weights as organizers name them: each weight has a name in each
 * catalog (`weight.name.<key>`), and either language's name works when typed,
 * so an organizer can copy what `/mentoring weights` shows them.
 */
import { z } from "zod";
import { catalogs, type MessageKey, type Translate } from "../i18n/translate";
import { type MatchingWeights, matchingWeightsSchema, TEAM_POLICIES } from "../matching/weights";

export type WeightKey = keyof MatchingWeights;
export type NumericWeightKey = Exclude<WeightKey, "teamPolicy">;
export type TeamPolicy = (typeof TEAM_POLICIES)[number];

export const WEIGHT_KEYS = Object.keys(matchingWeightsSchema.shape) as WeightKey[];

export const weightNameKey = (key: WeightKey) => `weight.name.${key}` as MessageKey;
export const weightAboutKey = (key: WeightKey) => `weight.about.${key}` as MessageKey;
export const teamPolicyKey = (policy: TeamPolicy) => `weight.team.${policy}` as MessageKey;

const fold = (word: string) => word.trim().toLowerCase();

/** Every name a weight goes by (its key, and its name in each catalog), to the key. */
const BY_NAME = new Map<string, WeightKey>(
  WEIGHT_KEYS.flatMap((key) => [
    [fold(key), key] as const,
    ...Object.values(catalogs).map((c) => [fold(c[weightNameKey(key)]), key] as const),
  ]),
);

const POLICY_BY_NAME = new Map<string, TeamPolicy>(
  TEAM_POLICIES.flatMap((p) => [
    [fold(p), p] as const,
    ...Object.values(catalogs).map((c) => [fold(c[teamPolicyKey(p)]), p] as const),
  ]),
);

/** The weight a typed name means, in either language; undefined for a name no weight has. */
export function weightKeyOf(name: string): WeightKey | undefined {
  return BY_NAME.get(fold(name));
}

/** A team preference as typed (different / beda ...) as the schema's value; anything else unchanged. */
export function teamPolicyOf(value: string): string {
  return POLICY_BY_NAME.get(fold(value)) ?? value;
}

export function isWeightKey(name: string): name is WeightKey {
  return (WEIGHT_KEYS as string[]).includes(name);
}

/** The numbers a weight accepts, from the schema itself. */
export function weightRange(key: NumericWeightKey): { min: number; max: number; whole: boolean } {
  const inner = matchingWeightsSchema.shape[key].unwrap();
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? 0, whole: inner.isInt };
}

/** "a, b or c" in the reader's language. */
export function alternatives(t: Translate, words: readonly string[]): string {
  if (words.length < 2) return words.join("");
  return t("weights.or", { first: words.slice(0, -1).join(", "), last: words.at(-1) as string });
}

/**
 * The weights a command changes: only those named. (`matchingWeightsSchema.partial()` would fill
 * every unnamed weight with its default, so changing one weight reset all the others.)
 */
export const weightChangesSchema = z.strictObject(
  Object.fromEntries(Object.entries(matchingWeightsSchema.shape).map(([k, s]) => [k, s.unwrap().optional()])) as {
    [K in WeightKey]: z.ZodOptional<ReturnType<(typeof matchingWeightsSchema.shape)[K]["unwrap"]>>;
  },
);
