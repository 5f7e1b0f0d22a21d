/**
 * The platform-neutral message model. The core builds these (already
 * translated); adapters render them as Block Kit, Discord components or text.
 */
import type { ButtonCommand, FormRequest } from "../commands/command";
import type { Language } from "../domain";
import type { FormAnswers } from "../forms/form-submission";
import type { Attachment } from "./attachment";

export interface Message {
  blocks: Block[];
  /** A file sent with the message, only ever to one member's DM (their data export). */
  attachment?: Attachment;
}

export type Block = TextBlock | FieldsBlock | ActionsBlock | DividerBlock | LinksBlock;

/**
 * Someone the core means to address: a user is mentioned (and notified where
 * the platform notifies), a role only named (never notified). Only core code
 * makes one (`rich-text.ts`); member text is always a plain string, so
 * nothing a member writes can become a mention.
 */
export interface Mention {
  type: "mention";
  kind: "user" | "role";
  /** The platform's id (Slack user id, Discord snowflake); renderers check its shape. */
  id: string;
}

/**
 * Text for a reader: a plain string, or strings with the core's mentions
 * between them. Renderers escape every string (it may hold member text) and
 * turn only the mentions into platform mentions.
 */
export type RichText = string | ReadonlyArray<string | Mention>;

export interface TextBlock {
  type: "text";
  text: RichText;
  /** A heading is rendered bold or larger where the platform allows. */
  style?: "heading" | "plain" | "muted";
}

export interface FieldsBlock {
  type: "fields";
  fields: Array<{ label: string; value: string }>;
}

export interface DividerBlock {
  type: "divider";
}

/**
 * Links that open a web page (issue 18: add to Google Calendar or Outlook): link buttons where the
 * platform has them, never a command. `url` is built by the core (https only), labels are translated.
 */
export interface LinksBlock {
  type: "links";
  links: Array<{ label: string; url: string }>;
}

export interface ActionsBlock {
  type: "actions";
  elements: Array<Button | Select>;
}

/**
 * A button runs a complete command, or opens a form. A form button carries
 * only what the form is about (its request: the command's type and ids); the
 * core answers a request with the form, and the answers arrive only from the
 * submitted form. Either way a platform stores a command on the button.
 */
export interface Button {
  type: "button";
  label: string;
  style?: "primary" | "danger";
  action: ButtonAction;
}

export type ButtonAction =
  | { kind: "command"; command: ButtonCommand }
  | { kind: "form"; request: FormRequest }
  /**
   * An answer to the review of a submitted form (`Reply.review`): confirm sends its answers again,
   * confirmed; fix reopens its form prefilled. The adapter keeps the review between the reply and
   * the press (answers never sit on a button) and may name where in `ref`.
   */
  | { kind: "review"; choice: ReviewChoice; ref?: string };

export type ReviewChoice = "confirm" | "fix";

/**
 * Answers the core read back before acting on them (the intake: "I read: …. Right?"). Nothing
 * was saved: `answers` are what to submit for `request` when the member confirms (already marked
 * confirmed), `form` the same form prefilled with them, to fix.
 */
export interface FormReview {
  request: FormRequest;
  answers: FormAnswers;
  form: Form;
}

export interface Select {
  type: "select";
  label: string;
  /** The command gets the chosen option's value in `field`. */
  command: ButtonCommand;
  field: string;
  options: Array<{ label: string; value: string }>;
}

export interface Form {
  title: string;
  submitLabel: string;
  /**
   * What the form is about. Submitted, the form is `{ type: "form.submit", request, answers }`,
   * the answers keyed by the inputs' names.
   */
  request: FormRequest;
  inputs: FormInput[];
  /** Plain text shown above the inputs (what submitting will do); adapters escape it like member text. */
  intro?: string;
  /** A line shown with the inputs, not an input (the intake's privacy note): plain text, no links. */
  context?: string;
}

export type FormInput =
  | {
      kind: "text" | "textarea";
      name: string;
      label: string;
      hint?: string;
      required: boolean;
      initial?: string;
      maxLength?: number;
      /**
       * A list of topics: an adapter that can may offer the vocabulary as type-ahead in `language`
       * (Slack's external multi-select), next to a text input labelled `otherLabel` for the rest,
       * both answers one list.
       */
      topics?: {
        language: Language;
        otherLabel: string;
        /** Items of `initial` that are topic names as the vocabulary spells them: a multi-select may show them chosen. */
        chosen?: string[];
      };
    }
  | {
      kind: "number";
      name: string;
      label: string;
      hint?: string;
      required: boolean;
      initial?: number;
      min: number;
      max: number;
    }
  | {
      kind: "select";
      name: string;
      label: string;
      hint?: string;
      required: boolean;
      initial?: string;
      options: Array<{ label: string; value: string }>;
    }
  | {
      kind: "date" | "time";
      name: string;
      label: string;
      hint?: string;
      required: boolean;
      initial?: string;
    }
  | {
      kind: "checkbox";
      name: string;
      label: string;
      hint?: string;
      required: false;
      initial?: boolean;
    };

/** A reply straight back to the person who acted, visible only to them. */
export interface Reply {
  messages: Message[];
  /**
   * The language the core spoke to the actor in (their choice, else their platform's locale, else
   * the program's); set by `core.execute`, so an adapter's own words (form steps) match it.
   */
  language?: Language;
  /** A form the adapter should open right away (a modal on Slack/Discord). */
  form?: Form;
  /** The submitted answers read back: the messages show the reading with review buttons (see `FormReview`). */
  review?: FormReview;
  /**
   * The question the pressed button (or submitted form) answered is settled for this member: an
   * adapter may replace that message's buttons with the reply, so it cannot be answered twice.
   */
  settled?: boolean;
  /**
   * The question was shared by a pair or trio (one message in their conversation): a note for
   * everyone that this member answered (never what they answered), and whether everyone has now
   * answered, when an adapter may take the buttons away.
   */
  shared?: { note: Message; everyone: boolean };
}
