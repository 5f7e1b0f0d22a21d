/** Turning a filled-in form back into a command: the same for every adapter. */
import type { Form } from "./messages";

export type FormAnswers = Record<string, string | number | boolean | undefined>;

/**
 * Merges answers into the form's command by input name ("intake.goals" sets
 * command.intake.goals). Only names the form declares are taken, so a crafted
 * submission cannot set fields the form never asked for.
 */
export function completeForm(form: Form, answers: FormAnswers): Record<string, unknown> {
  const command: Record<string, unknown> = structuredClone(form.command) as Record<string, unknown>;
  for (const input of form.inputs) {
    const value = answers[input.name];
    if (value === undefined || value === "") continue;
    const path = input.name.split(".");
    let target = command;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== "object" || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[path.at(-1) as string] = value;
  }
  return command;
}
