/** Zod issues, told to a member in their language: which field, what is wrong. */
import type { z } from "zod";
import { catalogs, type MessageKey, type Translate } from "../i18n/translate";
import { TEAM_POLICIES } from "../matching/weights";
import { alternatives, isWeightKey, teamPolicyKey, WEIGHT_KEYS, weightNameKey, weightRange } from "./weight-names";

/**
 * A field as the subject of a sentence: `errorLabel.<name>` where the form's own label is a
 * question ("How was it? (1 to 5)") that cannot start one, else the form's label.
 */
function fieldLabel(t: Translate, path: readonly PropertyKey[]): string {
  const name = [...path].reverse().find((p): p is string => typeof p === "string");
  const asSubject = `errorLabel.${name}` as MessageKey;
  if (name && asSubject in catalogs.en) return t(asSubject);
  const key = `field.${name}` as MessageKey;
  return name && key in catalogs.en ? t(key) : t("field.command");
}

/** What a well-formed answer looks like, for a field whose format has one. */
const EXAMPLES: Record<string, string> = { time: "10:00", until: "2026-12-24", date: "2026-12-24" };

/**
 * Issues whose field needs more than a label in a sentence: a matching weight (named in the
 * reader's language, with what it takes), contact hours (each part of "8-20 1-5" explained) and a
 * person. Null for the rest.
 */
function ownSentence(t: Translate, issue: z.core.$ZodIssue, command: string | undefined): string | null {
  const [first, second] = issue.path;
  if (first === "weights") {
    if (issue.code === "unrecognized_keys") {
      const known = WEIGHT_KEYS.map((k) => t(weightNameKey(k))).join(", ");
      return t("problem.unknownWeight", { names: issue.keys.map((k) => `“${k}”`).join(", "), known });
    }
    if (typeof second !== "string" || !isWeightKey(second)) return null;
    const name = t(weightNameKey(second));
    if (second === "teamPolicy") {
      const options = TEAM_POLICIES.map((p) => t(teamPolicyKey(p)));
      return t("problem.weightChoice", { name, options: alternatives(t, options), example: options[0] as string });
    }
    const { min, max, whole } = weightRange(second);
    const example = Math.min(max, Math.max(min, 2));
    return t(whole ? "problem.weightWhole" : "problem.weightNumber", { name, min, max, example });
  }
  if (command === "program.hours") {
    if (first === "from") return t("problem.hoursFrom");
    if (first === "until") return t("problem.hoursUntil");
    if (first === "workingDays") return t("problem.hoursDays");
  }
  if (first === "person" || first === "userId") return t("problem.person");
  return null;
}

/**
 * `command`: the command's type, for fields whose words depend on it (`until` of contact hours is
 * not a break's). `given`: the issues are about one answer someone gave (not left blank), as a form asked field by
 * field checks it (form-validation.ts): a wrong type is then a wrong kind of answer, never a
 * missing one, and the words say what is expected. `label` names a field the catalog has no
 * `field.<name>` for (an evaluation's question per goal).
 */
export function describeIssues(
  t: Translate,
  issues: readonly z.core.$ZodIssue[],
  options: { given?: boolean; label?: string; command?: string } = {},
): string[] {
  const lines = issues.map((issue) => {
    const own = ownSentence(t, issue, options.command);
    if (own !== null) return own;
    const field = options.label ?? fieldLabel(t, issue.path);
    if (options.given) {
      const name = String(issue.path[0] ?? "");
      if (issue.code === "invalid_type" && issue.expected === "number") return t("problem.number", { field });
      if (issue.code === "invalid_type" && issue.expected === "boolean") return t("problem.yesNo", { field });
      if (issue.code === "invalid_type") return t("problem.invalid", { field });
      if (issue.code === "invalid_value") return t("problem.choice", { field });
      if (issue.code === "invalid_format" && EXAMPLES[name])
        return t("problem.format", { field, example: EXAMPLES[name] as string });
    }
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined ? t("problem.required", { field }) : t("problem.invalid", { field });
      case "too_small":
        if (issue.origin === "string") return t("problem.tooShort", { field });
        if (issue.origin === "array") return t("problem.required", { field });
        return t("problem.tooSmall", { field, min: Number(issue.minimum) });
      case "too_big":
        if (issue.origin === "string") return t("problem.tooLong", { field, max: Number(issue.maximum) });
        return t("problem.tooBig", { field, max: Number(issue.maximum) });
      case "custom":
        if (issue.message === "timezone") return t("problem.timezone", { field });
        if (issue.message === "weekdayWeeks") return t("problem.weekdayWeeks");
        return issue.message === "control" ? t("problem.control", { field }) : t("problem.invalid", { field });
      case "unrecognized_keys":
        return t("problem.unexpected", { field: issue.keys.join(", ") });
      default:
        return t("problem.invalid", { field });
    }
  });
  return [...new Set(lines)];
}
