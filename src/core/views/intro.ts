/** The intro: who, why they were matched, a first agenda, and the guide's privacy advice. */
import type { Language, Member, Profile } from "../domain";
import type { Translate } from "../i18n/translate";
import { scorePair } from "../matching/score";
import type { Coverage } from "../matching/topic-grades";
import { topicInSentence } from "../matching/topic-labels";
import { DEFAULT_VOCABULARY, type Vocabulary } from "../matching/topic-reading";
import { topicsMatch } from "../matching/topics";
import { DEFAULT_WEIGHTS, type MatchingWeights } from "../matching/weights";
import type { Message } from "../messages/message";
import { actions, formButton, heading, message, muted, text } from "./blocks";

export interface IntroInput {
  programName: string;
  roundNumber: number;
  members: readonly Member[];
  profiles: readonly Profile[];
  /** Set when someone joins an existing pairing (a re-match into a trio). */
  joined?: Member;
  /** The routine already agreed, when there is one: then no "propose" step. */
  agreedSchedule?: string;
  /** The pairing the intro is for: its "propose a schedule" button opens that pairing's form. */
  pairingId: string;
  weights?: MatchingWeights;
  /** The program's topics (its organizers' edits over the shared vocabulary). */
  vocabulary?: Vocabulary;
}

/** Why these people were matched, from the same score the matcher used (with the program's weights). */
export function introReasons(
  t: Translate,
  language: Language,
  members: readonly Member[],
  profiles: readonly Profile[],
  weights: MatchingWeights = DEFAULT_WEIGHTS,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): string[] {
  const profileOf = new Map(profiles.map((p) => [p.memberId, p]));
  const lines: string[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i] as Member;
      const b = members[j] as Member;
      const pa = profileOf.get(a.id);
      const pb = profileOf.get(b.id);
      if (!pa || !pb) continue;
      for (const reason of scorePair(toCandidate(pa), toCandidate(pb), { weights, vocabulary }).reasons) {
        if (reason.kind === "gives") {
          const [giver, receiver] = reason.giver === "a" ? [a, b] : [b, a];
          const names = { giver: giver.displayName, receiver: receiver.displayName };
          const met = reason.cover.filter((c) => c.grade !== "related");
          const touched = reason.cover.filter((c) => c.grade === "related");
          if (met.length)
            lines.push(t("intro.why.gives", { ...names, topics: wordList(t, topicNames(met, language, vocabulary)) }));
          if (touched.length)
            lines.push(t("intro.why.related", { ...names, topics: wordList(t, topicNames(touched, language, vocabulary)) }));
        } else if (reason.kind === "interests") {
          lines.push(t("intro.why.interests", { topics: wordList(t, sharedAsWritten(reason.topics, pb.interests)) }));
        } else if (members.length === 2) {
          lines.push(t("intro.why.teams", { teams: reason.teams.join(", ") }));
        }
      }
    }
  }
  if (members.length > 2) {
    const teams = [...new Set(members.map((m) => profileOf.get(m.id)?.team).filter((x): x is string => Boolean(x)))];
    if (teams.length > 1) lines.push(t("intro.why.teams", { teams: teams.join(", ") }));
  }
  return lines.length ? [...new Set(lines)] : [t("intro.why.fallback")];
}

/**
 * What was met, named once each: the vocabulary topic in the reader's language where there is one
 * ("data analysis"), else the goal in its author's words, quoted.
 */
function topicNames(cover: readonly Coverage[], language: Language, vocabulary: Vocabulary): string[] {
  const names = cover.map((c) => {
    return (c.topic ? topicInSentence(c.topic, language, vocabulary) : undefined) ?? quoted(c.wanted);
  });
  return [...new Set(names)];
}

/** A member's own words, marked as theirs: never translated, never passed off as the catalog's. */
const quoted = (words: string) => `“${words}”`;

/** "a, b and c" in the reader's language. */
function wordList(t: Translate, items: readonly string[]): string {
  if (items.length < 2) return items.join("");
  return t("words.and", { first: items.slice(0, -1).join(", "), last: items.at(-1) as string });
}

/**
 * Shared interests as each of the two wrote them: "“kopi”" when they wrote the same, "“kopi” /
 * “coffee”" when the vocabulary matched different words.
 */
function sharedAsWritten(aWords: readonly string[], bInterests: readonly string[]): string[] {
  return aWords.map((w) => {
    const theirs = bInterests.filter((x) => topicsMatch(w, x) && x.trim().toLowerCase() !== w.trim().toLowerCase());
    return [w, ...new Set(theirs)].map(quoted).join(" / ");
  });
}

function toCandidate(p: Profile) {
  return { expertise: p.expertise, goals: p.goals, interests: p.interests, team: p.team, timezone: "" };
}

export function introMessage(t: Translate, language: Language, input: IntroInput): Message {
  const names = input.members.map((m) => m.displayName).join(", ");
  const goals = input.members
    .map((m) => {
      const profile = input.profiles.find((p) => p.memberId === m.id);
      return profile ? `${m.displayName}: ${profile.goals.join(", ")}` : null;
    })
    .filter((g): g is string => g !== null)
    .join("; ");
  const trio = input.members.length > 2;
  return message(
    heading(input.joined ? t("intro.joined", { name: input.joined.displayName }) : t(trio ? "intro.titleTrio" : "intro.title")),
    text(t("intro.body", { names, number: input.roundNumber, program: input.programName })),
    heading(t("intro.whyTitle")),
    text(
      introReasons(t, language, input.members, input.profiles, input.weights, input.vocabulary)
        .map((l) => `• ${l}`)
        .join("\n"),
    ),
    heading(t("intro.agendaTitle")),
    text(t("intro.agenda", { goals })),
    muted(t("intro.privacy")),
    input.agreedSchedule ? text(input.agreedSchedule) : text(t("intro.next")),
    !input.agreedSchedule &&
      actions(formButton(t("intro.proposeButton"), { type: "cadence.propose", pairingId: input.pairingId }, "primary")),
  );
}
