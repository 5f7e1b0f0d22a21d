/**
 * One answer of a form, checked the moment it is given: by the same zod rule
 * the core applies to the submitted form (`answerSchemas` in commands/command.ts, one
 * field at a time) and told in the same words (problems.ts). For adapters that
 * ask field by field (the console) or show a problem beside its field (Slack's
 * modal errors, Discord's modal steps), so nothing typed is lost to one bad
 * field. The core still checks the whole submission; this only says sooner
 * what it would say.
 */
import { answerSchemas, type FormType, holdsControlCharacter } from "../commands/command";
import { describeIssues } from "../commands/problems";
import type { Translate } from "../i18n/translate";
import type { FormAnswers } from "./form-submission";

/** One answer as an adapter holds it (typed text, a chosen option's value, a checkbox, a list). */
export type AnswerValue = FormAnswers[string];

/**
 * The problem with `value` as the answer to input `name` of the form a request of `type` opens, in
 * the reader's language, or null when the core will take it. Blank ("" or undefined) is what a
 * submitted form leaves out: a problem only for a required field. `label` names the field when the
 * catalog has no `field.<name>` (an evaluation's question per goal); otherwise the catalog's name.
 *
 *   problemWithAnswer("round.join", "timezone", "Mars/Olympus", t)
 *   // "Time zone: I don’t know that time zone. Try WIB, WITA, WIT or a name like Asia/Jakarta."
 */
export function problemWithAnswer(type: FormType, name: string, value: AnswerValue, t: Translate, label?: string): string | null {
  const named = label === undefined ? {} : { label };
  const shape: Record<string, { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } }> =
    answerSchemas[type].shape;
  const schema = Object.hasOwn(shape, name) ? shape[name] : undefined;
  const path = [name];
  if (!schema)
    return describeIssues(t, [{ code: "unrecognized_keys", keys: [name], path: [], input: undefined, message: "" }])[0] ?? null;
  const texts = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  if (texts.some((v) => holdsControlCharacter(v)))
    return describeIssues(t, [{ code: "custom", message: "control", path, input: undefined }], named)[0] ?? null;
  const blank = value === undefined || value === "";
  const result = schema.safeParse(blank ? undefined : value);
  if (result.success) return null;
  if (blank)
    return (
      describeIssues(t, [{ code: "invalid_type", expected: "string", path, input: undefined, message: "" }], named)[0] ?? null
    );
  const issues = (result.error?.issues ?? []) as Parameters<typeof describeIssues>[1];
  return (
    describeIssues(
      t,
      issues.map((i) => ({ ...i, path: [name, ...i.path] })),
      { given: true, ...named },
    )[0] ?? null
  );
}

/**
 * Problems that only the answers together show (a weekday with a 10-day interval), by the field
 * the core names for each, once every answer on its own is one the core takes. An adapter that
 * checks field by field asks these again too, so a rule across fields never throws the whole
 * form away at the end. Empty when the core will take the form.
 */
export function problemsAcrossAnswers(type: FormType, answers: FormAnswers, t: Translate): Record<string, string> {
  const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined && v !== ""));
  const result = answerSchemas[type].safeParse(given);
  if (result.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = issue.path[0];
    // Only what one field's own rule does not already say: those are asked field by field.
    if (typeof name !== "string" || name in problems || problemWithAnswer(type, name, answers[name], t) !== null) continue;
    const [problem] = describeIssues(t, [issue], { given: true });
    if (problem) problems[name] = problem;
  }
  return problems;
}

/**
 * The value of the option an answer names: its number in the list (from 1), its value, or its
 * label, ignoring case and spacing; null when it names none. "2", "en", "english" and " English "
 * all name { label: "English", value: "en" } second in the list.
 */
export function optionFor(options: ReadonlyArray<{ label: string; value: string }>, answer: string): string | null {
  const said = answer.trim().replace(/\s+/g, " ").toLowerCase();
  if (said === "") return null;
  if (/^\d+$/.test(said)) return options[Number(said) - 1]?.value ?? null;
  const same = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase() === said;
  return (options.find((o) => same(o.value)) ?? options.find((o) => same(o.label)))?.value ?? null;
}
