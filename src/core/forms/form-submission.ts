/** A filled-in form as the command an adapter sends: the same for every adapter. */
import type { CommandInput, FormRequest } from "../commands/command";

/** Answers keyed by the form inputs' names; the core validates them against the form's own schema. */
export type FormAnswers = Record<string, string | number | boolean | readonly string[] | undefined>;

/**
 * The submission of the form a request opened. Empty answers are left out
 * (an optional field left blank); everything else goes to the core as typed,
 * where `parseCommand` takes only the names that form asks for.
 */
export function formSubmission(request: FormRequest, answers: FormAnswers): CommandInput {
  const given: Record<string, string | number | boolean | string[]> = {};
  for (const [name, value] of Object.entries(answers)) {
    if (value === undefined || value === "") continue;
    given[name] = Array.isArray(value) ? [...value] : (value as string | number | boolean);
  }
  return { type: "form.submit", request, answers: given };
}
