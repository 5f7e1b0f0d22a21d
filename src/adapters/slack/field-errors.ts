/**
 * A submitted modal's answers checked field by field, before it closes: what
 * the core would refuse is shown beside its field (`response_action:
 * "errors"`), the modal stays open and nothing typed is lost. The rule and
 * its words are the core's (`problemWithAnswer`); this only maps them onto
 * Slack's blocks.
 */
import type { FormRequest } from "../../core/commands/command";
import type { FormAnswers } from "../../core/forms/form-submission";
import { problemsAcrossAnswers, problemWithAnswer } from "../../core/forms/form-validation";
import type { Translate } from "../../core/i18n/translate";
import { OTHER_SUFFIX } from "./render";

/** The input blocks of a view as Slack sends them back with the submission. */
export interface SubmittedBlock {
  type: string;
  block_id?: string;
  label?: { text?: string };
}

/** Problems by block id, or null when every answer is one the core will take. */
export function fieldErrors(
  request: FormRequest,
  blocks: readonly SubmittedBlock[],
  answers: FormAnswers,
  t: Translate,
): Record<string, string> | null {
  const errors: Record<string, string> = {};
  for (const block of blocks) {
    // A topics list's free-text half is answered with its multi-select, under the list's own name.
    if (block.type !== "input" || !block.block_id || block.block_id.endsWith(OTHER_SUFFIX)) continue;
    // The label as the member saw it names the field (an evaluation asks one question per goal).
    const problem = problemWithAnswer(request.type, block.block_id, answers[block.block_id], t, block.label?.text);
    // Slack shows at most 150 characters beside a field.
    if (problem) errors[block.block_id] = problem.length > 150 ? `${problem.slice(0, 149)}…` : problem;
  }
  if (Object.keys(errors).length === 0) {
    // Every answer fits on its own: what only the answers together show, beside the field the core names.
    const shown = new Set(blocks.flatMap((b) => (b.type === "input" && b.block_id ? [b.block_id] : [])));
    for (const [name, problem] of Object.entries(problemsAcrossAnswers(request.type, answers, t)))
      if (shown.has(name)) errors[name] = problem.length > 150 ? `${problem.slice(0, 149)}…` : problem;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
