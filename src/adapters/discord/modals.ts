/**
 * Forms as Discord modals. A modal holds five components, so a longer form
 * becomes several modals. Discord cannot open a modal from a modal
 * submission, so the adapter keeps the answers so far under the draft id,
 * answers each step but the last with `continuePrompt` (a "Continue"
 * button), and opens the next step when it is pressed; after the last step it
 * merges every step's `answersFromModal` and submits them with the form's
 * request (`formSubmission`). Labels, options and modal texts are plain text.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextDisplayBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import type { FormAnswers } from "../../core/forms/form-submission";
import type { Translate } from "../../core/i18n/translate";
import type { Form, FormInput } from "../../core/messages/message";
import { continueCustomId, modalCustomId } from "./custom-id";
import { DISCORD_LIMITS, type DiscordMessagePayload, type DiscordModal, type Row } from "./limits";
import { escapeMarkdown, truncate } from "./markdown";
import { label, selectOptions } from "./render";

/** A text display's content limit is 4000; a context line is a sentence or two. */
const CONTEXT_MAX = 1000;

/** Modal inputs' custom_ids: a kind code and the input's name, so the answers can be read back without the form. */
const INPUT_KINDS: Record<FormInput["kind"], string> = {
  text: "t",
  textarea: "t",
  number: "n",
  select: "s",
  date: "d",
  time: "h",
  checkbox: "b",
};

function inputCustomId(input: FormInput): string {
  const id = `${INPUT_KINDS[input.kind]}:${input.name}`;
  if (id.length > DISCORD_LIMITS.customId) throw new RangeError(`form input "${input.name.slice(0, 40)}…" has too long a name`);
  return id;
}

function textInput(input: FormInput, t: Translate): TextInputBuilder {
  const builder = new TextInputBuilder().setCustomId(inputCustomId(input)).setRequired(input.required);
  const initial = (max: number) => {
    const value = input.initial === undefined ? "" : String(input.initial);
    if (value !== "" && value.length <= max) builder.setValue(value);
  };
  switch (input.kind) {
    case "text":
    case "textarea": {
      const max = Math.min(input.maxLength ?? DISCORD_LIMITS.textInputValue, DISCORD_LIMITS.textInputValue);
      builder.setStyle(input.kind === "text" ? TextInputStyle.Short : TextInputStyle.Paragraph).setMaxLength(max);
      if (input.initial) builder.setValue(truncate(input.initial, max));
      break;
    }
    case "number": {
      const max = Math.max(String(input.min).length, String(input.max).length);
      builder
        .setStyle(TextInputStyle.Short)
        .setPlaceholder(`${input.min}–${input.max}`)
        .setMaxLength(max + 2);
      initial(max);
      break;
    }
    case "date":
      builder.setStyle(TextInputStyle.Short).setPlaceholder(t("discord.form.datePlaceholder")).setMaxLength(10);
      initial(10);
      break;
    case "time":
      builder.setStyle(TextInputStyle.Short).setPlaceholder(t("discord.form.timePlaceholder")).setMaxLength(5);
      initial(5);
      break;
    default:
      throw new Error(`not a text input: ${input.kind}`);
  }
  return builder;
}

/** A number with at most this many possible values is chosen from a list rather than typed (partners wanted: 1 to 3). */
const NUMBER_SELECT_MAX = 10;

const numberAsSelect = (input: FormInput): input is Extract<FormInput, { kind: "number" }> =>
  input.kind === "number" && input.max >= input.min && input.max - input.min < NUMBER_SELECT_MAX;

function selectInput(
  input: Extract<FormInput, { kind: "select" | "checkbox" | "number" }>,
  t: Translate,
): StringSelectMenuBuilder {
  const options =
    input.kind === "select"
      ? selectOptions(input.options, input.initial)
      : input.kind === "number"
        ? selectOptions(
            Array.from({ length: input.max - input.min + 1 }, (_, i) => ({
              label: String(input.min + i),
              value: String(input.min + i),
            })),
            input.initial === undefined ? undefined : String(input.initial),
          )
        : selectOptions(
            [
              { label: t("discord.form.yes"), value: "yes" },
              { label: t("discord.form.no"), value: "no" },
            ],
            input.initial === undefined ? undefined : input.initial ? "yes" : "no",
          );
  return new StringSelectMenuBuilder()
    .setCustomId(inputCustomId(input))
    .setRequired(input.required)
    .setMinValues(input.required ? 1 : 0)
    .setMaxValues(1)
    .addOptions(options);
}

function labelled(input: FormInput, t: Translate): LabelBuilder {
  const text = label(input.label, DISCORD_LIMITS.labelText);
  // A label cut short is repeated in full in the description, ahead of the hint.
  const description = [text === input.label.trim() ? "" : input.label.trim(), input.hint?.trim() ?? ""]
    .filter(Boolean)
    .join(" · ");
  const builder = new LabelBuilder().setLabel(text);
  if (description) builder.setDescription(truncate(description, DISCORD_LIMITS.labelDescription));
  if (input.kind === "checkbox" || numberAsSelect(input) || (input.kind === "select" && selectOptions(input.options).length > 0))
    builder.setStringSelectMenuComponent(selectInput(input, t));
  // A select none of whose values fits Discord's option would be rejected: the value is typed instead.
  else if (input.kind === "select") builder.setTextInputComponent(textInput({ ...input, kind: "text" }, t));
  else builder.setTextInputComponent(textInput(input, t));
  return builder;
}

/** How a form's inputs are spread over modals: as few as possible, as even as possible. */
export function stepSizes(inputs: number): number[] {
  if (inputs <= 0) return [];
  const steps = Math.ceil(inputs / DISCORD_LIMITS.modalComponents);
  return Array.from({ length: steps }, (_, i) => Math.floor(inputs / steps) + (i < inputs % steps ? 1 : 0));
}

/** The inputs of step `step` (1-based) of a form's modals. */
export function stepInputs(form: Form, step: number): FormInput[] {
  const sizes = stepSizes(form.inputs.length);
  const start = sizes.slice(0, step - 1).reduce((sum, n) => sum + n, 0);
  return form.inputs.slice(start, start + (sizes[step - 1] ?? 0));
}

/** The input as the member last answered it: a step reopened to fix an answer shows what they typed. */
function prefilled(input: FormInput, answer: FormAnswers[string]): FormInput {
  if (answer === undefined || answer === "") return input;
  const typed = Array.isArray(answer) ? answer.join(", ") : String(answer);
  switch (input.kind) {
    case "checkbox":
      return { ...input, initial: answer === true || answer === "yes" };
    case "number": {
      if (/^-?\d+$/.test(typed.trim())) return { ...input, initial: Number(typed) };
      // Not a number ("dua"): shown as typed, in a text field, for the member to correct.
      const { name, label: text, hint, required } = input;
      return { kind: "text", name, label: text, ...(hint ? { hint } : {}), required, initial: typed, maxLength: 20 };
    }
    default:
      return { ...input, initial: typed };
  }
}

/**
 * A form as one or more modals of at most five inputs, titled "(1/2)" and so
 * on when there are several. Step n's custom_id is `modalCustomId(n, draftId)`.
 * A form without inputs has no modal: the adapter sends its command as it is.
 * `t` is the reader's translator (yes/no, date and time placeholders);
 * `answers` (the draft's so far) prefill the inputs they answer.
 */
export function modalSteps(form: Form, draftId: string, t: Translate, answers: FormAnswers = {}): DiscordModal[] {
  const sizes = stepSizes(form.inputs.length);
  // The form's context line (the intake's privacy note) opens the first step with room for it.
  const contextStep = form.context ? sizes.findIndex((n) => n < DISCORD_LIMITS.modalComponents) : -1;
  return sizes.map((_, i) => {
    const suffix = sizes.length > 1 ? ` (${i + 1}/${sizes.length})` : "";
    const inputs = stepInputs(form, i + 1);
    const modal = new ModalBuilder()
      .setCustomId(modalCustomId(i + 1, draftId))
      .setTitle(`${label(form.title, DISCORD_LIMITS.modalTitle - suffix.length)}${suffix}`);
    // What submitting will do, above the first step's inputs, where a component is left for it.
    const intro = Boolean(form.intro) && i === 0 && inputs.length < DISCORD_LIMITS.modalComponents;
    if (intro && form.intro)
      modal.addTextDisplayComponents(
        new TextDisplayBuilder().setContent(truncate(escapeMarkdown(form.intro), DISCORD_LIMITS.content)),
      );
    // The context line too, when the step still has room for it (a modal holds five components).
    if (i === contextStep && form.context && inputs.length + (intro ? 1 : 0) < DISCORD_LIMITS.modalComponents)
      modal.addTextDisplayComponents(new TextDisplayBuilder().setContent(escapeMarkdown(truncate(form.context, CONTEXT_MAX))));
    return modal.addLabelComponents(inputs.map((input) => labelled(prefilled(input, answers[input.name]), t))).toJSON();
  });
}

/**
 * A step whose answers the core would refuse: what is wrong, in the core's
 * words, and a button that reopens the same step with everything the member
 * typed, to fix only that (Discord cannot show an error beside a field).
 */
export function fixPrompt(t: Translate, problems: readonly string[], step: number, draftId: string): DiscordMessagePayload {
  const button = new ButtonBuilder()
    .setCustomId(continueCustomId(step, draftId))
    .setLabel(truncate(t("discord.form.fix"), DISCORD_LIMITS.buttonLabel))
    .setStyle(ButtonStyle.Primary);
  const lines = problems.map((p) => `• ${escapeMarkdown(p)}`);
  return {
    content: truncate([t("discord.form.problems"), ...lines].join("\n"), DISCORD_LIMITS.content),
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button).toJSON() as Row],
    allowed_mentions: { parse: [] },
  };
}

/**
 * The ephemeral answer to a step that is not the last: the answers so far are
 * kept, and the button opens step `nextStep` (a modal cannot open a modal).
 */
export function continuePrompt(t: Translate, nextStep: number, total: number, draftId: string): DiscordMessagePayload {
  const button = new ButtonBuilder()
    .setCustomId(continueCustomId(nextStep, draftId))
    .setLabel(truncate(t("discord.form.continue", { step: nextStep, total }), DISCORD_LIMITS.buttonLabel))
    .setStyle(ButtonStyle.Primary);
  return {
    content: truncate(t("discord.form.stepSaved", { step: nextStep - 1, total }), DISCORD_LIMITS.content),
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button).toJSON() as Row],
    allowed_mentions: { parse: [] },
  };
}

/**
 * A form that could not open as a modal (a modal must be an interaction's
 * first answer, and the core took too long, or a modal was being submitted):
 * its first step opens from this button instead.
 */
export function formPrompt(t: Translate, form: Form, draftId: string): DiscordMessagePayload {
  const button = new ButtonBuilder()
    .setCustomId(continueCustomId(1, draftId))
    .setLabel(label(form.title, DISCORD_LIMITS.buttonLabel))
    .setStyle(ButtonStyle.Primary);
  return {
    content: truncate(t("discord.form.open"), DISCORD_LIMITS.content),
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button).toJSON() as Row],
    allowed_mentions: { parse: [] },
  };
}

/** "9.00", "9:00" or "0900" as "09:00"; anything else as typed, for the core to refuse. */
function clock(text: string): string {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text);
  return match ? `${(match[1] as string).padStart(2, "0")}:${match[2]}` : text;
}

/**
 * A modal submission's fields (custom_id → the text typed, or the select's
 * values) as the answers `completeForm` merges by input name. Fields not made
 * by `modalSteps` are ignored; an empty field is left out.
 */
export function answersFromModal(fields: Readonly<Record<string, string | readonly string[] | null | undefined>>): FormAnswers {
  const answers: FormAnswers = {};
  for (const [id, raw] of Object.entries(fields)) {
    const match = /^([tnsdhb]):(.+)$/.exec(id);
    if (!match) continue;
    const [, kind, name] = match as unknown as [string, string, string];
    const value = typeof raw === "string" ? raw : (raw?.[0] ?? "");
    const trimmed = value.trim();
    if (trimmed === "") continue;
    switch (kind) {
      case "b":
        answers[name] = trimmed === "yes" ? true : trimmed === "no" ? false : trimmed;
        break;
      case "h":
        answers[name] = clock(trimmed);
        break;
      case "t":
        answers[name] = value;
        break;
      default:
        answers[name] = trimmed;
    }
  }
  return answers;
}
