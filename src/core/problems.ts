/** Zod issues, told to a member in their language: which field, what is wrong. */
import type { z } from "zod";
import { catalogs, type MessageKey, type Translate } from "./i18n/translate";

function fieldLabel(t: Translate, path: readonly PropertyKey[]): string {
  const name = [...path].reverse().find((p): p is string => typeof p === "string");
  const key = `field.${name}` as MessageKey;
  return name && key in catalogs.en ? t(key) : t("field.command");
}

export function describeIssues(t: Translate, issues: readonly z.core.$ZodIssue[]): string[] {
  const lines = issues.map((issue) => {
    const field = fieldLabel(t, issue.path);
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
        return issue.message === "control" ? t("problem.control", { field }) : t("problem.invalid", { field });
      case "unrecognized_keys":
        return t("problem.unexpected", { field: issue.keys.join(", ") });
      default:
        return t("problem.invalid", { field });
    }
  });
  return [...new Set(lines)];
}
