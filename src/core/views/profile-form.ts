/**
 * The profile form and the intake prefilled from a profile. Both are the intake's own inputs (its
 * labels, hints and limits), so a profile field follows the same rules wherever it is answered.
 */
import { answerSchemas } from "../commands/command";
import type { Language, Profile } from "../domain";
import type { Translate } from "../i18n/translate";
import type { Form } from "../messages/message";
import { intakeForm } from "./forms";

/** The intake's inputs a profile keeps (with the member's zone); the others belong to one round. */
const PROFILE_INPUTS = new Set(Object.keys(answerSchemas["profile.edit"].shape));

/** A saved profile as the intake's inputs take it: lists as items, the team as written. */
function savedAnswers(profile: Profile): Record<string, readonly string[] | string> {
  return { expertise: profile.expertise, goals: profile.goals, interests: profile.interests, team: profile.team };
}

/**
 * A list as the comma list the form splits again. Without the spaces when that is what fits the
 * input's limit (a platform refuses a prefilled value longer than its field): typed within the
 * limit, a list always fits again that way.
 */
function listText(items: readonly string[], maxLength: number | undefined): string {
  const spaced = items.join(", ");
  return maxLength === undefined || spaced.length <= maxLength ? spaced : items.join(",");
}

/** `form` with each text input a profile keeps starting from the saved answer (nothing saved: as it was). */
export function startingFrom(form: Form, profile: Profile | undefined): Form {
  if (!profile) return form;
  const saved = savedAnswers(profile);
  return {
    ...form,
    inputs: form.inputs.map((input) => {
      const value = Object.hasOwn(saved, input.name) ? saved[input.name] : undefined;
      if (value === undefined || (input.kind !== "text" && input.kind !== "textarea")) return input;
      const text = typeof value === "string" ? value : listText(value, input.maxLength);
      return text === "" ? input : { ...input, initial: text };
    }),
  };
}

/** The member's saved profile in one program, to edit: the intake's fields for it, filled in as saved. */
export function profileForm(
  t: Translate,
  programId: string,
  profile: Profile,
  defaults: { timezone: string; language: Language },
): Form {
  const intake = startingFrom(intakeForm(t, defaults), profile);
  return {
    title: t("profile.form.title"),
    submitLabel: t("profile.form.submit"),
    request: { type: "profile.edit", programId },
    inputs: intake.inputs.filter((input) => PROFILE_INPUTS.has(input.name)),
  };
}
