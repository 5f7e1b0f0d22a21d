/**
 * The platform-neutral message model. The core builds these (already
 * translated); adapters render them as Block Kit, Discord components or text.
 */
import type { Command } from "./commands";
import type { Language } from "./domain";

export interface Message {
  blocks: Block[];
}

export type Block = TextBlock | FieldsBlock | ActionsBlock | DividerBlock;

export interface TextBlock {
  type: "text";
  text: string;
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

export interface ActionsBlock {
  type: "actions";
  elements: Array<Button | Select>;
}

/**
 * A button runs a command (already complete) or opens a form whose answers
 * complete the command. `actionId` is the command type, `value` its payload:
 * what a platform stores on the button.
 */
export interface Button {
  type: "button";
  label: string;
  style?: "primary" | "danger";
  action: ButtonAction;
}

export type ButtonAction = { kind: "command"; command: Command } | { kind: "form"; form: Form };

export interface Select {
  type: "select";
  label: string;
  /** The command gets the chosen option's value in `field`. */
  command: Command;
  field: string;
  options: Array<{ label: string; value: string }>;
}

export interface Form {
  title: string;
  submitLabel: string;
  /** The command the answers complete; inputs are merged in by name. */
  command: Command;
  inputs: FormInput[];
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
