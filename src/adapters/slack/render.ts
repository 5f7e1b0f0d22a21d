/**
 * The core's neutral messages and forms as Slack Block Kit, within Slack's
 * limits, and a modal's submission back into a command. No business rules:
 * labels arrive translated; a button carries the command it runs.
 *
 * - A button's value is a command (JSON). A form button's is the form's
 *   request (its command's type and ids): the core answers it with the form,
 *   which the adapter opens as a modal, so no form or answer ever sits on a
 *   button.
 * - A modal's private_metadata holds the sealed request (form-metadata.ts);
 *   the submission is the request plus the answers, keyed by input name.
 * - Text is either plain_text (never parsed by Slack) or mrkdwn with every
 *   string escaped and `verbatim` set, so Slack neither reads markup nor
 *   links @channel or #names in it; the fallback `text` is escaped the same
 *   way. The only mentions are the core's own (`Mention` segments).
 */
import type { KnownBlock, ModalView, MrkdwnElement, PlainTextOption, Button as SlackButton } from "@slack/types";
import type { CommandInput, FormRequest } from "../../core/commands/command";
import { type FormAnswers, formSubmission } from "../../core/forms/form-submission";
import { splitList } from "../../core/forms/text-list";
import type { Button, Form, FormInput, Message, RichText, Select } from "../../core/messages/message";
import { segments, withoutMentions } from "../../core/messages/rich-text";
import { truncateCodePoints } from "../shared/truncate";
import { type FormMetadata, openMetadata, sealMetadata } from "./form-metadata";

/** Slack's documented limits that the renderer enforces. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  headerText: 150,
  contextText: 2000,
  fieldsPerSection: 10,
  fieldText: 2000,
  elementsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  optionText: 75,
  optionValue: 150,
  optionsPerSelect: 100,
  viewTitle: 24,
  viewSubmit: 24,
  inputLabel: 2000,
  inputHint: 2000,
  privateMetadata: 3000,
  fallbackText: 3000,
} as const;

export const FORM_CALLBACK_ID = "sebaya_form";
const ACTION_PREFIX = "sebaya:";
/** A link button's action id: Slack posts its press too, which needs only an acknowledgement. */
export const LINK_ACTION_PREFIX = "sebaya-link:";

/** Slack's limits count characters. */
export const truncate = truncateCodePoints;

/**
 * Slack mrkdwn with &, < and > escaped: nothing in the text can become a
 * mention (<@U…>, <!channel>, <!subteam^…>), a channel (<#C…>) or a link
 * with a label of its own (<https://…|…>).
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A Slack user id (U…, W…; test workspaces use dashes): nothing in it can end or label a mention. */
const SLACK_USER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Rich text as mrkdwn: every string escaped, and the core's user mentions as
 * Slack mentions. A role is only named (Slack's user groups would notify the
 * whole group); an id of the wrong shape is written out, escaped.
 */
export function mrkdwn(text: RichText): string {
  return segments(text)
    .map((s) =>
      typeof s === "string"
        ? escapeMrkdwn(s)
        : s.kind === "user" && SLACK_USER_ID.test(s.id)
          ? `<@${s.id}>`
          : escapeMrkdwn(`@${s.id}`),
    )
    .join("");
}

/** A mrkdwn text object Slack takes as written: no auto-linking of names, channels or special mentions. */
const md = (text: string): MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });

/**
 * Moves a cut in mrkdwn back to before a `<…>` or an `&…;` it would split: the
 * core's mention stays whole (or it would be lost), an escape stays one.
 */
function mrkdwnCut(text: string, at: number): number {
  const open = text.lastIndexOf("<", at - 1);
  if (open > 0 && !text.slice(open, at).includes(">")) return open;
  const amp = text.lastIndexOf("&", at - 1);
  if (amp > 0 && at - amp <= 4 && !text.slice(amp, at).includes(";")) return amp;
  return at;
}

/** `truncate` for mrkdwn (already escaped). */
function truncateMrkdwn(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join("");
  return `${head.slice(0, mrkdwnCut(head, head.length))}…`;
}

/** Splits mrkdwn into pieces of at most `max` characters, at line breaks where possible. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while ([...rest].length > max) {
    const head = [...rest].slice(0, max).join("");
    const cut = head.lastIndexOf("\n") > max / 2 ? head.lastIndexOf("\n") : mrkdwnCut(head, head.length);
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  out.push(rest);
  return out;
}

export function encodeButton(button: Button): string {
  const { action } = button;
  // A review's button names the draft that keeps the answers (form-review.ts), never the answers.
  const value = JSON.stringify(
    action.kind === "command"
      ? action.command
      : action.kind === "form"
        ? action.request
        : { review: action.choice, ...(action.ref ? { ref: action.ref } : {}) },
  );
  if (value.length > SLACK_LIMITS.buttonValue) throw new RangeError(`button "${button.label}" carries too large a command`);
  return value;
}

/**
 * The raw command a button or select option carries, for the core to validate like any input;
 * null when the value is not JSON at all (the core then says it could not read the button).
 */
export function decodeButton(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function renderButton(button: Button, actionId: string): SlackButton {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: truncate(button.label, SLACK_LIMITS.buttonText), emoji: true },
    value: encodeButton(button),
    ...(button.style ? { style: button.style } : {}),
  };
}

function renderSelect(select: Select, actionId: string) {
  // Each option carries the whole command it completes; options whose command does not fit are left out.
  const options: PlainTextOption[] = select.options
    .map((o) => ({ o, value: JSON.stringify({ ...select.command, [select.field]: o.value }) }))
    .filter(({ value }) => value.length <= SLACK_LIMITS.optionValue)
    .slice(0, SLACK_LIMITS.optionsPerSelect)
    .map(({ o, value }) => ({ text: { type: "plain_text", text: truncate(o.label, SLACK_LIMITS.optionText) }, value }));
  return {
    type: "static_select" as const,
    action_id: actionId,
    placeholder: { type: "plain_text" as const, text: truncate(select.label, 150) },
    options,
  };
}

/** A message as Block Kit: the blocks, and the plain text Slack shows in notifications. */
export function renderMessage(
  message: Message,
  maxBlocks: number = SLACK_LIMITS.blocksPerMessage,
): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [];
  let actionIndex = 0;
  for (const block of message.blocks) {
    switch (block.type) {
      case "text": {
        // A header is plain_text: it cannot carry a mention, so a heading with one is a bold section.
        const plain = withoutMentions(block.text);
        if (block.style === "heading" && plain !== null && [...plain].length <= SLACK_LIMITS.headerText) {
          blocks.push({ type: "header", text: { type: "plain_text", text: plain, emoji: true } });
        } else if (block.style === "muted") {
          for (const piece of chunks(mrkdwn(block.text), SLACK_LIMITS.contextText))
            blocks.push({ type: "context", elements: [md(piece)] });
        } else {
          const text = block.style === "heading" ? `*${mrkdwn(block.text)}*` : mrkdwn(block.text);
          for (const piece of chunks(text, SLACK_LIMITS.sectionText)) blocks.push({ type: "section", text: md(piece) });
        }
        break;
      }
      case "fields":
        for (let i = 0; i < block.fields.length; i += SLACK_LIMITS.fieldsPerSection) {
          blocks.push({
            type: "section",
            fields: block.fields
              .slice(i, i + SLACK_LIMITS.fieldsPerSection)
              .map((f) => md(truncateMrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText))),
          });
        }
        break;
      case "divider":
        blocks.push({ type: "divider" });
        break;
      case "links": {
        // URL buttons open the page; Slack still posts the press, acknowledged under LINK_ACTION_PREFIX (app.ts).
        const usable = block.links.filter((l) => l.url.startsWith("https://") && l.url.length <= SLACK_LIMITS.buttonUrl);
        for (let i = 0; i < usable.length; i += SLACK_LIMITS.elementsPerActions)
          blocks.push({
            type: "actions",
            elements: usable.slice(i, i + SLACK_LIMITS.elementsPerActions).map((l) => ({
              type: "button" as const,
              action_id: `${LINK_ACTION_PREFIX}${actionIndex++}`,
              text: { type: "plain_text" as const, text: truncate(l.label, SLACK_LIMITS.buttonText), emoji: true },
              url: l.url,
            })),
          });
        break;
      }
      case "actions":
        for (let i = 0; i < block.elements.length; i += SLACK_LIMITS.elementsPerActions) {
          blocks.push({
            type: "actions",
            elements: block.elements.slice(i, i + SLACK_LIMITS.elementsPerActions).map((e) => {
              const id = `${ACTION_PREFIX}${actionIndex++}`;
              return e.type === "button" ? renderButton(e, id) : renderSelect(e, id);
            }),
          });
        }
        break;
    }
  }
  // Past the limit the text is kept and the rest says it continues: better short than rejected.
  const fitted =
    blocks.length <= maxBlocks
      ? blocks
      : [...blocks.slice(0, maxBlocks - 1), { type: "context", elements: [md("…")] } as KnownBlock];
  // Notifications show the fallback, which Slack reads as mrkdwn too: escaped like the blocks.
  const text = truncateMrkdwn(
    message.blocks
      .filter((b) => b.type === "text")
      .map((b) => mrkdwn(b.text))
      .join("\n"),
    SLACK_LIMITS.fallbackText,
  );
  return { text, blocks: fitted };
}

/** An answered message: its buttons give way to the answer, so it cannot be answered twice. */
export function settledBlocks(original: readonly KnownBlock[], answer: Message | undefined): KnownBlock[] {
  const note = answer?.blocks.find((b) => b.type === "text")?.text ?? "✓";
  return [
    ...original.filter((b) => b.type !== "actions").slice(0, SLACK_LIMITS.blocksPerMessage - 1),
    { type: "context", elements: [md(truncateMrkdwn(`✓ ${mrkdwn(note)}`, SLACK_LIMITS.contextText))] },
  ];
}

/**
 * A question shared by a pair: a note that someone answered goes above the
 * buttons, which stay for the others until everyone has answered (`closed`).
 */
export function notedBlocks(original: readonly KnownBlock[], note: Message, closed: boolean): KnownBlock[] {
  const line = note.blocks.find((b) => b.type === "text")?.text ?? "✓";
  const context: KnownBlock = { type: "context", elements: [md(truncateMrkdwn(mrkdwn(line), SLACK_LIMITS.contextText))] };
  const content = original.filter((b) => b.type !== "actions");
  const buttons = closed ? [] : original.filter((b) => b.type === "actions");
  return [...content.slice(0, SLACK_LIMITS.blocksPerMessage - 1 - buttons.length), context, ...buttons];
}

function inputElement(input: FormInput) {
  switch (input.kind) {
    case "text":
    case "textarea":
      return {
        type: "plain_text_input" as const,
        action_id: "v",
        multiline: input.kind === "textarea",
        ...(input.initial ? { initial_value: input.initial } : {}),
        ...(input.maxLength ? { max_length: input.maxLength } : {}),
      };
    case "number":
      return {
        type: "number_input" as const,
        action_id: "v",
        is_decimal_allowed: false,
        min_value: String(input.min),
        max_value: String(input.max),
        ...(input.initial !== undefined ? { initial_value: String(input.initial) } : {}),
      };
    case "select": {
      const options: PlainTextOption[] = input.options
        .slice(0, SLACK_LIMITS.optionsPerSelect)
        .map((o) => ({ text: { type: "plain_text", text: truncate(o.label, SLACK_LIMITS.optionText) }, value: o.value }));
      const initial = options.find((o) => o.value === input.initial);
      return { type: "static_select" as const, action_id: "v", options, ...(initial ? { initial_option: initial } : {}) };
    }
    case "date":
      return { type: "datepicker" as const, action_id: "v", ...(input.initial ? { initial_date: input.initial } : {}) };
    case "time":
      return { type: "timepicker" as const, action_id: "v", ...(input.initial ? { initial_time: input.initial } : {}) };
    case "checkbox": {
      const option: PlainTextOption = {
        text: { type: "plain_text", text: truncate(input.label, SLACK_LIMITS.optionText) },
        value: "yes",
      };
      return {
        type: "checkboxes" as const,
        action_id: "v",
        options: [option],
        ...(input.initial ? { initial_options: [option] } : {}),
      };
    }
  }
}

/**
 * A topics list (`FormInput.topics`) is two blocks: a multi-select whose options come from the
 * vocabulary as the member types (action `sebaya_topics:<language>`, answered by app.ts), and
 * beside it a text input for anything else, block `<name>_other`. Both are optional to Slack; the
 * submission merges them into one list (`commandFromSubmission`) and the core's rule applies to it.
 */
export const TOPICS_ACTION = /^sebaya_topics:(id|en)$/;
export const OTHER_SUFFIX = "_other";
/** The core allows ten items in a list. */
const MAX_TOPICS = 10;

function topicBlocks(
  input: Extract<FormInput, { kind: "text" | "textarea" }>,
  topics: { language: string; otherLabel: string; chosen?: string[] },
) {
  const label = (text: string) => ({ type: "plain_text" as const, text: truncate(text, SLACK_LIMITS.inputLabel), emoji: true });
  // A form reopened to fix it: topics already named show as chosen, the rest in the box, as written.
  const chosen = (topics.chosen ?? []).filter((c) => c.length <= SLACK_LIMITS.optionValue).slice(0, MAX_TOPICS);
  const rest = splitList(input.initial ?? "").filter((item) => !chosen.includes(item));
  return [
    {
      type: "input" as const,
      block_id: input.name,
      optional: true,
      label: label(input.label),
      ...(input.hint ? { hint: { type: "plain_text" as const, text: truncate(input.hint, SLACK_LIMITS.inputHint) } } : {}),
      element: {
        type: "multi_external_select" as const,
        action_id: `sebaya_topics:${topics.language}`,
        min_query_length: 1,
        max_selected_items: MAX_TOPICS,
        ...(chosen.length > 0
          ? {
              initial_options: chosen.map((c) => ({
                text: { type: "plain_text" as const, text: truncate(c, SLACK_LIMITS.optionText) },
                value: c,
              })),
            }
          : {}),
      },
    },
    {
      type: "input" as const,
      block_id: `${input.name}${OTHER_SUFFIX}`,
      optional: true,
      label: label(topics.otherLabel),
      element: {
        type: "plain_text_input" as const,
        action_id: "v",
        multiline: input.kind === "textarea",
        ...(rest.length > 0 ? { initial_value: rest.join(", ") } : {}),
        ...(input.maxLength ? { max_length: input.maxLength } : {}),
      },
    },
  ];
}

/** A form as a modal; its sealed `private_metadata` says what the form is about (see form-metadata.ts). */
export function renderModal(
  form: Form,
  key: Buffer,
  context: { channelId?: string | undefined; origin?: { channel: string; ts: string } | undefined } = {},
): ModalView {
  const metadata: FormMetadata = {
    request: form.request,
    ...(context.channelId ? { channel: context.channelId } : {}),
    ...(context.origin ? { origin: context.origin } : {}),
  };
  const privateMetadata = sealMetadata(metadata, key);
  if (privateMetadata.length > SLACK_LIMITS.privateMetadata)
    throw new RangeError(`form "${form.title}" does not fit a modal's metadata`);
  return {
    type: "modal",
    callback_id: FORM_CALLBACK_ID,
    title: { type: "plain_text", text: truncate(form.title, SLACK_LIMITS.viewTitle), emoji: true },
    submit: { type: "plain_text", text: truncate(form.submitLabel, SLACK_LIMITS.viewSubmit), emoji: true },
    private_metadata: privateMetadata,
    blocks: [
      // What submitting will do, above the inputs: plain text, so nothing in it is read as markup.
      ...(form.intro
        ? [{ type: "section", text: { type: "plain_text", text: truncate(form.intro, SLACK_LIMITS.sectionText) } } as KnownBlock]
        : []),
      ...(form.context
        ? [
            {
              type: "context" as const,
              elements: [{ type: "plain_text" as const, text: truncate(form.context, SLACK_LIMITS.contextText) }],
            },
          ]
        : []),
      ...form.inputs.flatMap((input): KnownBlock[] =>
        (input.kind === "text" || input.kind === "textarea") && input.topics
          ? (topicBlocks(input, input.topics) as KnownBlock[])
          : [
              {
                type: "input" as const,
                block_id: input.name,
                optional: !input.required,
                label: { type: "plain_text" as const, text: truncate(input.label, SLACK_LIMITS.inputLabel), emoji: true },
                ...(input.hint
                  ? { hint: { type: "plain_text" as const, text: truncate(input.hint, SLACK_LIMITS.inputHint) } }
                  : {}),
                element: inputElement(input),
              } as KnownBlock,
            ],
      ),
    ].slice(0, SLACK_LIMITS.blocksPerView),
  };
}

/** The state Slack sends with view_submission: per block, per action, the element's value. */
export interface ViewState {
  values: Record<
    string,
    Record<
      string,
      {
        type: string;
        value?: string | null;
        selected_option?: { value: string } | null;
        selected_date?: string | null;
        selected_time?: string | null;
        selected_options?: Array<{ value: string }> | null;
      }
    >
  >;
}

/** One input's answer, read by the element's own type (Slack sends it with the value). */
function answerOf(v: ViewState["values"][string][string]): string | boolean | undefined {
  switch (v.type) {
    case "static_select":
      return v.selected_option?.value ?? undefined;
    case "datepicker":
      return v.selected_date ?? undefined;
    case "timepicker":
      return v.selected_time ?? undefined;
    case "checkboxes":
      return (v.selected_options ?? []).length > 0;
    default:
      return v.value ?? undefined;
  }
}

/** The program channel a modal was opened from, if its metadata is ours (a topics type-ahead asks for that program's topics). */
export function formChannel(privateMetadata: string, key: Buffer): string | undefined {
  return openMetadata(privateMetadata, key)?.channel;
}

/**
 * A submitted modal as the raw command its form's request and answers make
 * (validated by the core, as always); null when the metadata was not sealed
 * by this deployment.
 */
export function commandFromSubmission(
  privateMetadata: string,
  state: ViewState,
  key: Buffer,
): {
  command: CommandInput;
  request: FormRequest;
  answers: FormAnswers;
  channelId?: string;
  origin?: { channel: string; ts: string };
} | null {
  const metadata = openMetadata(privateMetadata, key);
  if (!metadata) return null;
  const answers: FormAnswers = {};
  // Block ids are the inputs' names; which of them the form takes is the core's business.
  for (const [name, actions] of Object.entries(state.values)) {
    const v = actions.v;
    if (v && !name.endsWith(OTHER_SUFFIX)) answers[name] = answerOf(v);
    // A topics list: the topics chosen, then whatever was typed beside them, as one list.
    const chosen = Object.entries(actions).find(([action]) => TOPICS_ACTION.test(action))?.[1];
    if (!chosen) continue;
    const typed = state.values[`${name}${OTHER_SUFFIX}`]?.v?.value ?? "";
    const items = [...(chosen.selected_options ?? []).map((o) => o.value), ...splitList(typed)];
    answers[name] = items.length > 0 ? items : undefined;
  }
  return {
    command: formSubmission(metadata.request, answers),
    request: metadata.request,
    answers,
    ...(metadata.channel ? { channelId: metadata.channel } : {}),
    ...(metadata.origin ? { origin: metadata.origin } : {}),
  };
}
