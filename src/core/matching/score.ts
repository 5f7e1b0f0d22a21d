/** How well two members fit: every term is one the intro can explain. */
import { coveredTopics, sharedTopics } from "./topics";
import type { CandidateProfile } from "./types";

export type Reason =
  | { kind: "gives"; giver: "a" | "b"; topics: string[] }
  | { kind: "interests"; topics: string[] }
  | { kind: "teams"; teams: [string, string] };

export interface PairScore {
  score: number;
  reasons: Reason[];
}

const WEIGHT = { goal: 3, interest: 1, crossTeam: 1 } as const;

export function scorePair(a: CandidateProfile, b: CandidateProfile): PairScore {
  const reasons: Reason[] = [];
  const aGives = coveredTopics(a.expertise, b.goals);
  const bGives = coveredTopics(b.expertise, a.goals);
  if (aGives.length) reasons.push({ kind: "gives", giver: "a", topics: aGives });
  if (bGives.length) reasons.push({ kind: "gives", giver: "b", topics: bGives });
  const interests = sharedTopics(a.interests, b.interests);
  if (interests.length) reasons.push({ kind: "interests", topics: interests });
  const crossTeam = a.team.trim().toLowerCase() !== b.team.trim().toLowerCase();
  if (crossTeam) reasons.push({ kind: "teams", teams: [a.team, b.team] });
  // Both directions count, and a two-way exchange earns a bonus over a one-way one.
  const twoWay = aGives.length > 0 && bGives.length > 0 ? 1 : 0;
  const score =
    WEIGHT.goal * (aGives.length + bGives.length + twoWay) +
    WEIGHT.interest * interests.length +
    (crossTeam ? WEIGHT.crossTeam : 0);
  return { score, reasons };
}
