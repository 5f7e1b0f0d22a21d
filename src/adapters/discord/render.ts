/**
 * The core's neutral messages and forms as Discord message payloads and
 * modals, within Discord's limits, and a modal's answers back into the
 * answers a form submission carries. No business rules: text arrives
 * translated; a button carries its command (or its form's request) in its
 * custom_id (custom-id.ts).
 *
 * Layout: everything is message content (markdown), in the order the core
 * wrote it, so a heading stays above its text and buttons stay under the text
 * they answer. Headings are `###` lines (bold when long or on several lines),
 * muted text is subtext (`-#`), fields are `**label**: value` lines, a divider
 * is a rule. A message longer than 2,000 characters, with more than five rows
 * of buttons, or with text after its buttons continues in a further payload.
 *
 * Mentions: every string is escaped (markdown, `<`, `@`), so nothing a member
 * wrote can mention, ping, link under a label of its own or preview a page;
 * the core's own mentions (`Mention` segments) are the only ones, and
 * `allowed_mentions` lets exactly the users among them be notified, never a
 * role, @everyone or @here. Labels, options and modal texts are plain text.
 *
 * Forms: a modal holds five components, so a longer form becomes several
 * modals. Discord cannot open a modal from a modal submission, so the adapter
 * keeps the answers so far under the draft id, answers each step but the last
 * with `continuePrompt` (a "Continue" button), and opens the next step when it
 * is pressed; after the last step it merges every step's `answersFromModal`
 * and submits them with the form's request (`formSubmission`).
 */
import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  type APISelectMenuOption,
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import type { FormAnswers } from "../../core/forms";
import type { Translate } from "../../core/i18n/translate";
import type { Block, Button, Form, FormInput, Message, Reply, RichText, Select } from "../../core/messages";
import { segments } from "../../core/rich-text";
import { surrogateSafeCut, truncateUtf16 } from "../shared/truncate";
import { CUSTOM_ID_MAX, continueCustomId, encodeCustomId, modalCustomId, reviewCustomId } from "./custom-id";

/** Discord's documented limits that the renderer enforces (lengths in UTF-16 units, which never undercount). */
export const DISCORD_LIMITS = {
  content: 2000,
  actionRows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  buttonLabel: 80,
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  placeholder: 150,
  customId: CUSTOM_ID_MAX,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedFooter: 2048,
  embedTotal: 6000,
  embeds: 10,
  allowedMentionUsers: 100,
  modalTitle: 45,
  modalComponents: 5,
  labelText: 45,
  labelDescription: 100,
  textInputValue: 4000,
  textInputPlaceholder: 100,
} as const;

/** One message to send (or to edit, for `settledMessage`); the adapter adds flags such as ephemeral. */
export interface DiscordMessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
  allowed_mentions: APIAllowedMentions;
}

export type DiscordModal = APIModalInteractionResponseCallbackData;

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Moves a cut back so that it splits neither a surrogate pair nor a backslash from the character it escapes. */
function safeCut(text: string, at: number): number {
  let cut = Math.max(0, Math.min(at, text.length));
  for (;;) {
    const whole = surrogateSafeCut(text, cut);
    if (whole !== cut) {
      cut = whole;
      continue;
    }
    let slashes = 0;
    while (cut - slashes > 0 && text[cut - slashes - 1] === "\\") slashes++;
    if (slashes % 2 === 1 && cut < text.length) {
      cut--;
      continue;
    }
    return cut;
  }
}

/** At most `max` UTF-16 units, "…" marking a cut. */
export function truncate(text: string, max: number): string {
  return truncateUtf16(text, max, safeCut);
}

/**
 * A cut in content also moves back to before a `<…>` it would split (the
 * core's mention, a link shown without its preview): a mention is never lost
 * to a cut, a link never left half open. An escaped `\<` is text.
 */
function contentCut(text: string, at: number): number {
  const cut = safeCut(text, at);
  const open = text.lastIndexOf("<", cut - 1);
  if (open <= 0 || text.slice(open, cut).includes(">")) return cut;
  let slashes = 0;
  while (open - slashes > 0 && text[open - slashes - 1] === "\\") slashes++;
  return slashes % 2 === 0 ? open : cut;
}

/** `truncate` for content (markdown already escaped). */
function truncateContent(text: string, max: number): string {
  return truncateUtf16(text, max, contentCut);
}

/**
 * A link as written (like Discord's own rule, it ends before trailing
 * punctuation, and before the closing quotes the catalogs put around a
 * member's words). Escaping inside it would break it; it is shown in `<>`,
 * which keeps it clickable and visible but without a preview card, whose
 * title the linked page chooses.
 */
const LINK = /(https?:\/\/[^\s<>]*[^\s<>.,:;"')\]”’»])/;

/**
 * Text shown literally: the characters that would format (`\ * _ ~ ` | [`),
 * open a mention, channel, emoji or timestamp (`<`) or an @everyone/@here (`@`),
 * and line starts that would make a heading, subtext or quote are escaped.
 * Links stay readable (see `LINK`); a masked link needs `[`, so none survives.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(LINK)
    .map((part, i) =>
      i % 2 === 1
        ? `<${part}>`
        : part
            .replace(/[\\*_~`|[<@]/g, "\\$&")
            .replace(/^([ \t]*)(#|-#|>)/gm, (_, space: string, mark: string) => `${space}\\${mark}`),
    )
    .join("");
}

/** A Discord id (a snowflake): only digits can go into a mention. */
const SNOWFLAKE = /^\d{1,25}$/;

/**
 * Rich text as Discord markdown: every string escaped, the core's mentions as
 * Discord mentions (a role's shows the role; `allowed_mentions` keeps it from
 * notifying anyone); an id of the wrong shape is written out, escaped.
 */
export function markdown(text: RichText): string {
  return segments(text)
    .map((s) =>
      typeof s === "string"
        ? escapeMarkdown(s)
        : !SNOWFLAKE.test(s.id)
          ? escapeMarkdown(`@${s.id}`)
          : s.kind === "user"
            ? `<@${s.id}>`
            : `<@&${s.id}>`,
    )
    .join("");
}

/** The users a message's text mentions (the core's mentions, with ids that can be mentioned). */
function mentionedUsers(message: Message): Set<string> {
  const users = new Set<string>();
  for (const block of message.blocks)
    if (block.type === "text")
      for (const s of segments(block.text))
        if (typeof s !== "string" && s.kind === "user" && SNOWFLAKE.test(s.id)) users.add(s.id);
  return users;
}

/** Pieces of at most `max` units, cut at a line break (or else a space) where one is near. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = max;
    let skip = 0;
    const newline = rest.lastIndexOf("\n", max);
    const space = rest.lastIndexOf(" ", max);
    if (newline > max / 2) [cut, skip] = [newline, 1];
    else if (space > max / 2) [cut, skip] = [space, 1];
    const safe = contentCut(rest, cut);
    if (safe !== cut) skip = 0;
    cut = Math.max(1, safe);
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut + skip);
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/** A piece of content, and what separates it from the piece before when both share a payload. */
interface Piece {
  text: string;
  sep: string;
}

const HEADING_LINE_MAX = 150;
const RULE = "─".repeat(12);

function pieces(block: Exclude<Block, { type: "actions" }>, sep: string): Piece[] {
  const withSep = (texts: string[]): Piece[] => texts.map((text, i) => ({ text, sep: i === 0 ? sep : "\n" }));
  switch (block.type) {
    case "text": {
      const text = markdown(block.text).trim();
      if (text === "") return [];
      if (block.style === "heading") {
        const short = truncateContent(text, DISCORD_LIMITS.embedTitle);
        const line = !short.includes("\n") && short.length <= HEADING_LINE_MAX;
        return withSep([line ? `### ${short}` : `**${short}**`]);
      }
      if (block.style === "muted") {
        const lines = text.split("\n").filter((l) => l.trim() !== "");
        return withSep(lines.flatMap((l) => chunks(l.trim(), DISCORD_LIMITS.content - 3).map((c) => `-# ${c}`)));
      }
      return withSep(chunks(text, DISCORD_LIMITS.content));
    }
    case "fields":
      return withSep(
        block.fields.map(
          (f) =>
            `**${truncateContent(escapeMarkdown(f.label.trim() || "…"), DISCORD_LIMITS.fieldName)}**: ${truncateContent(escapeMarkdown(f.value), DISCORD_LIMITS.fieldValue)}`,
        ),
      );
    case "divider":
      return withSep([RULE]);
  }
}

const STYLES = { primary: ButtonStyle.Primary, danger: ButtonStyle.Danger } as const;

/** A custom_id not yet used in this message (Discord requires them unique per message). */
function uniqueId(used: Set<string>, encode: (slot: number) => string): string {
  let slot = 0;
  let id = encode(slot);
  while (used.has(id)) id = encode(++slot);
  used.add(id);
  return id;
}

function label(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed === "" ? "…" : truncate(trimmed, max);
}

/** A button's custom_id carries its command, or for a form button the form's request (the core answers it with the form). */
function renderButton(button: Button, used: Set<string>): ButtonBuilder {
  const { action } = button;
  const customId =
    action.kind === "review"
      ? // A review's button names the draft that keeps the answers (app.ts), never the answers.
        reviewCustomId(action.choice, action.ref ?? "")
      : uniqueId(used, (slot) =>
          encodeCustomId(
            action.kind === "command" ? { kind: "command", command: action.command } : { kind: "form", command: action.request },
            slot,
          ),
        );
  return new ButtonBuilder()
    .setCustomId(customId)
    .setLabel(label(button.label, DISCORD_LIMITS.buttonLabel))
    .setStyle(button.style ? STYLES[button.style] : ButtonStyle.Secondary);
}

/** At most 25 options with non-empty labels, values that fit and no repeats, `first` (if any) leading. */
function selectOptions(options: Select["options"], first?: string): APISelectMenuOption[] {
  const seen = new Set<string>();
  const valid = options.filter((o) => {
    const ok = o.value.length > 0 && o.value.length <= DISCORD_LIMITS.optionValue && !seen.has(o.value);
    seen.add(o.value);
    return ok;
  });
  const chosen = valid.find((o) => o.value === first);
  const kept =
    valid.length > DISCORD_LIMITS.selectOptions && chosen
      ? [chosen, ...valid.filter((o) => o !== chosen).slice(0, DISCORD_LIMITS.selectOptions - 1)]
      : valid.slice(0, DISCORD_LIMITS.selectOptions);
  return kept.map((o) => ({
    label: label(o.label, DISCORD_LIMITS.optionLabel),
    value: o.value,
    ...(o.value === first ? { default: true } : {}),
  }));
}

function renderSelect(select: Select, used: Set<string>): StringSelectMenuBuilder | null {
  const options = selectOptions(select.options);
  if (options.length === 0) return null;
  return new StringSelectMenuBuilder()
    .setCustomId(uniqueId(used, (slot) => encodeCustomId({ kind: "select", command: select.command, field: select.field }, slot)))
    .setPlaceholder(label(select.label, DISCORD_LIMITS.placeholder))
    .setMinValues(1)
    .setMaxValues(1)
    .addOptions(options);
}

/** Buttons five to a row, a select alone in its row. */
function rows(elements: Array<Button | Select>, used: Set<string>): Row[] {
  const out: Row[] = [];
  let buttons: ButtonBuilder[] = [];
  const flushButtons = () => {
    if (buttons.length > 0) out.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON() as Row);
    buttons = [];
  };
  for (const element of elements) {
    if (element.type === "button") {
      buttons.push(renderButton(element, used));
      if (buttons.length === DISCORD_LIMITS.buttonsPerRow) flushButtons();
    } else {
      const select = renderSelect(element, used);
      if (!select) continue;
      flushButtons();
      out.push(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select).toJSON() as Row);
    }
  }
  flushButtons();
  return out;
}

/**
 * Who may be notified: the users the core mentioned whose mention is in this
 * payload (not escaped: an even run of backslashes before it); never a role,
 * @everyone or @here.
 */
export function allowedMentions(content: string | undefined, mentioned: Iterable<string>): APIAllowedMentions {
  const users = [...mentioned].filter(
    (id) => SNOWFLAKE.test(id) && new RegExp(`(?<!\\\\)(?:\\\\\\\\)*<@${id}>`).test(content ?? ""),
  );
  return users.length > 0 ? { parse: [], users: users.slice(0, DISCORD_LIMITS.allowedMentionUsers) } : { parse: [] };
}

function payload(content: string, components: Row[], mentioned: Set<string>): DiscordMessagePayload {
  return {
    ...(content ? { content } : {}),
    ...(components.length > 0 ? { components } : {}),
    allowed_mentions: allowedMentions(content, mentioned),
  };
}

/** A message as one or more payloads, each within Discord's limits; nothing to show gives none. */
export function renderMessage(message: Message): DiscordMessagePayload[] {
  const out: DiscordMessagePayload[] = [];
  const used = new Set<string>();
  const mentioned = mentionedUsers(message);
  let content = "";
  let components: Row[] = [];
  const flush = () => {
    if (content !== "" || components.length > 0) out.push(payload(content, components, mentioned));
    content = "";
    components = [];
  };
  let previous: Block | undefined;
  for (const block of message.blocks) {
    if (block.type === "actions") {
      for (const row of rows(block.elements, used)) {
        if (components.length === DISCORD_LIMITS.actionRows) flush();
        components.push(row);
      }
    } else {
      const sep = previous?.type === "text" && previous.style === "heading" ? "\n" : "\n\n";
      for (const piece of pieces(block, sep)) {
        // Text after buttons starts a new message, so the buttons stay under the text they answer.
        if (components.length > 0) flush();
        if (content === "") content = piece.text;
        else if (content.length + piece.sep.length + piece.text.length <= DISCORD_LIMITS.content)
          content += piece.sep + piece.text;
        else {
          flush();
          content = piece.text;
        }
      }
    }
    previous = block;
  }
  flush();
  return out;
}

/** Every message of a reply, in order; its form (if any) is opened with `modalSteps`. */
export function renderReply(reply: Reply): DiscordMessagePayload[] {
  return reply.messages.flatMap(renderMessage);
}

/** Subtext lines (of markdown already escaped): the answer under an answered message. */
function subtext(text: string, max: number): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return truncateContent(lines.map((l) => `-# ${l}`).join("\n"), max);
}

/** A message's first text, as escaped markdown ("" without one). */
const firstText = (message: Message | undefined): string => {
  const block = message?.blocks.find((b) => b.type === "text");
  return block ? markdown(block.text).trim() : "";
};

/**
 * An answered message, as an edit: its buttons give way to the answer, so it
 * cannot be answered twice (mirrors Slack's `settledBlocks`).
 */
export function settledMessage(
  original: { content?: string | null; embeds?: APIEmbed[] | null },
  answer: Message | undefined,
): DiscordMessagePayload {
  const line = subtext(`✓ ${firstText(answer)}`.trim(), 600);
  const before = original.content ?? "";
  const content = before ? `${truncateContent(before, DISCORD_LIMITS.content - line.length - 2)}\n\n${line}` : line;
  return {
    content,
    ...(original.embeds?.length ? { embeds: original.embeds } : {}),
    components: [],
    allowed_mentions: { parse: [] },
  };
}

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
  return sizes.map((_, i) => {
    const suffix = sizes.length > 1 ? ` (${i + 1}/${sizes.length})` : "";
    return new ModalBuilder()
      .setCustomId(modalCustomId(i + 1, draftId))
      .setTitle(`${label(form.title, DISCORD_LIMITS.modalTitle - suffix.length)}${suffix}`)
      .addLabelComponents(stepInputs(form, i + 1).map((input) => labelled(prefilled(input, answers[input.name]), t)))
      .toJSON();
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

/**
 * A question shared by a pair or trio (one message in their thread) that one
 * member answered: the core's note (who answered, never what) goes under it
 * as subtext, and the buttons stay for the others until everyone has answered
 * (`everyone`); a second answer from the same member is refused by the core.
 * Mirrors Slack's `notedBlocks`.
 */
export function notedMessage(
  original: {
    content?: string | null;
    embeds?: APIEmbed[] | null;
    /** The message's rows as Discord returns them (this renderer only makes action rows). */
    components?: readonly object[] | null;
  },
  note: Message,
  everyone: boolean,
): DiscordMessagePayload {
  const line = subtext(firstText(note) || "✓", 300);
  const before = original.content ?? "";
  // Notes follow each other line by line, after a blank line under the question; the same note is not repeated.
  const sep = /\n-# ✓[^\n]*$/.test(before) ? "\n" : "\n\n";
  const content = before.split("\n").includes(line)
    ? before
    : before
      ? `${truncateContent(before, DISCORD_LIMITS.content - line.length - sep.length)}${sep}${line}`
      : line;
  return {
    content,
    ...(original.embeds?.length ? { embeds: original.embeds } : {}),
    components: everyone ? [] : ([...(original.components ?? [])] as Row[]),
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
