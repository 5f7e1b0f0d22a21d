/**
 * A form asked field by field in the terminal. Each answer is checked as it
 * is typed, by the core's own rule for that field (problemWithAnswer): a bad
 * or missing answer is explained and that field asked again at once, so
 * nothing is refused after the last field and nothing typed is lost. An
 * option may be given by its number or its text.
 */
import type { Language } from "../../core/domain";
import type { FormAnswers } from "../../core/forms/form-submission";
import { optionFor, problemsAcrossAnswers, problemWithAnswer } from "../../core/forms/form-validation";
import { catalogs, type Translate } from "../../core/i18n/translate";
import type { Form, FormInput } from "../../core/messages/message";
import { typingHints } from "../../core/views/reading-summary";
import type { LineReader } from "./line-reader";

export type FormOutcome =
  | { kind: "submitted"; answers: FormAnswers }
  /** `:cancel`, or the end of input (Ctrl-D): the answers so far, to go on from next time. */
  | { kind: "cancelled" | "ended"; answers: FormAnswers };

type Answer = FormAnswers[string];

/** What a typed topics list was read as (lines to show under it). */
export type TopicHints = (answer: string) => Promise<string[]>;

/**
 * `t` is the language of whoever fills the form (the form's own), `language` its name (for topic
 * labels); `draft` holds answers from an earlier try; `hints` reads a topics list with the program's
 * topics (the core's), else the shared vocabulary is used.
 */
export async function fillForm(
  rl: LineReader,
  form: Form,
  t: Translate,
  write: (text: string) => void,
  draft: FormAnswers = {},
  language: Language = "id",
  hints: TopicHints = async (answer) => typingHints(t, language, answer),
): Promise<FormOutcome> {
  write(`${t("console.form", { title: form.title })}\n`);
  if (form.intro) write(`${form.intro}\n`);
  if (form.context) write(`${form.context}\n`);
  const answers: FormAnswers = { ...draft };
  if (Object.values(draft).some((v) => v !== undefined)) write(`${t("console.formResumed")}\n`);
  let toAsk = form.inputs;
  for (;;) {
    const outcome = await askEach(rl, form, toAsk, answers, t, write, hints);
    if (outcome) return outcome;
    // Each answer fits; a rule across answers (a weekday with a 10-day interval) asks its field again.
    const across = problemsAcrossAnswers(form.request.type, answers, t);
    toAsk = form.inputs.filter((input) => input.name in across);
    if (toAsk.length === 0) return { kind: "submitted", answers };
    for (const input of toAsk) write(`${across[input.name]}\n`);
  }
}

/** Asks `inputs` in order into `answers`; an outcome only when the member stops the form. */
async function askEach(
  rl: LineReader,
  form: Form,
  inputs: readonly FormInput[],
  answers: FormAnswers,
  t: Translate,
  write: (text: string) => void,
  hints: TopicHints,
): Promise<FormOutcome | null> {
  for (const input of inputs) {
    const earlier = answers[input.name];
    const fallback: Answer = earlier !== undefined ? earlier : input.initial;
    for (;;) {
      const typed = await rl.ask(promptFor(input, fallback, t));
      if (typed === null) return { kind: "ended", answers };
      const text = typed.trim();
      if (text === ":cancel") return { kind: "cancelled", answers };
      const value = text === "" ? blankAnswer(input, fallback) : answerFrom(input, text, t);
      const problem = problemWithAnswer(form.request.type, input.name, value, t, ownName(input) ? undefined : input.label);
      if (problem === null) {
        answers[input.name] = value;
        // A terminal line has no type-ahead: what a list was read as, and the topics near an unread item, follow it.
        if (TOPIC_FIELDS.has(input.name) && typeof value === "string" && text !== "")
          for (const hint of await hints(value)) write(`  ↳ ${hint}\n`);
        break;
      }
      write(`${problem}\n`);
    }
  }
  return null;
}

/** The intake's lists of topics (the join form, and any form asking the same fields). */
const TOPIC_FIELDS = new Set(["expertise", "goals", "interests"]);

/** Whether the catalogs name this field in a sentence; if not (an evaluation's goal), its label on screen does. */
const ownName = (input: FormInput) => `field.${input.name}` in catalogs.en || `errorLabel.${input.name}` in catalogs.en;

function blankAnswer(input: FormInput, fallback: Answer): Answer {
  if (fallback !== undefined) return typeof fallback === "number" ? String(fallback) : fallback;
  return input.kind === "checkbox" ? false : undefined;
}

function answerFrom(input: FormInput, text: string, t: Translate): Answer {
  if (input.kind === "select") return optionFor(input.options, text) ?? text;
  if (input.kind === "checkbox") {
    const said = text.toLowerCase();
    if (yesWords(t).includes(said)) return true;
    if (noWords(t).includes(said)) return false;
    // Not yes or no: the core's rule says so.
    return text;
  }
  return text;
}

// Both languages' words: someone may answer in either, whatever the form's language.
const yesWords = (t: Translate) => ["y", "yes", "ya", t("console.answer.yes").toLowerCase()];
const noWords = (t: Translate) => ["n", "no", "t", "tidak", "tak", t("console.answer.no").toLowerCase()];

function promptFor(input: FormInput, fallback: Answer, t: Translate): string {
  const hint = input.hint ? ` (${input.hint})` : "";
  if (input.kind === "select") {
    const options = input.options.map((o, i) => `  ${i + 1}) ${o.label}`).join("\n");
    const shown =
      fallback === undefined ? "" : `[${input.options.find((o) => o.value === fallback)?.label ?? String(fallback)}] `;
    return `${input.label}${hint}\n${options}\n${shown}> `;
  }
  if (input.kind === "checkbox") {
    const shown = fallback === undefined ? "" : ` [${t(fallback === true ? "console.answer.yes" : "console.answer.no")}]`;
    return `${input.label} (${t("console.yesNo")})${shown} > `;
  }
  const shown = fallback !== undefined ? `[${String(fallback)}] ` : "";
  return `${input.label}${hint} ${shown}> `;
}
