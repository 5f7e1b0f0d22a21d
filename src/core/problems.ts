/** Zod issues, told to a member in their language: which field, what is wrong. */
import type { z } from "zod";
import { catalogs, type MessageKey, type Translate } from "./i18n/translate";

function fieldLabel(t: Translate, path: readonly PropertyKey[]): string {
  const name = [...path].reverse().find((p): p is string => typeof p === "string");
  const key = `field.${name}` as MessageKey;
  return name && key in catalogs.en ? t(key) : t("field.command");
}

/** What a well-formed answer looks like, for a field whose format has one. */
const EXAMPLES: Record<string, string> = { time: "10:00", until: "2026-12-24", date: "2026-12-24" };

/**
 * `given`: the issues are about one answer someone gave (not left blank), as a form asked field by
 * field checks it (form-validation.ts): a wrong type is then a wrong kind of answer, never a
 * missing one, and the words say what is expected. `label` names a field the catalog has no
 * `field.<name>` for (an evaluation's question per goal).
 */
export function describeIssues(
  t: Translate,
  issues: readonly z.core.$ZodIssue[],
  options: { given?: boolean; label?: string } = {},
): string[] {
  const lines = issues.map((issue) => {
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
