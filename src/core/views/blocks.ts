/** Small constructors for the neutral message model, so views read like layouts. */
import type { ButtonCommand, FormRequest } from "../commands/command";
import type { ActionsBlock, Block, Button, FieldsBlock, Message, RichText, TextBlock } from "../messages/message";

export const heading = (text: RichText): TextBlock => ({ type: "text", text, style: "heading" });
export const text = (text: RichText): TextBlock => ({ type: "text", text });
export const muted = (text: RichText): TextBlock => ({ type: "text", text, style: "muted" });
export const fields = (pairs: Array<[string, string]>): FieldsBlock => ({
  type: "fields",
  fields: pairs.map(([label, value]) => ({ label, value })),
});
export const actions = (...elements: Button[]): ActionsBlock => ({ type: "actions", elements });
export const commandButton = (label: string, command: ButtonCommand, style?: Button["style"]): Button => ({
  type: "button",
  label,
  action: { kind: "command", command },
  ...(style ? { style } : {}),
});
/** A button that opens the form a request names (the core builds the form for whoever presses). */
export const formButton = (label: string, request: FormRequest, style?: Button["style"]): Button => ({
  type: "button",
  label,
  action: { kind: "form", request },
  ...(style ? { style } : {}),
});
export const message = (...blocks: Array<Block | false | null | undefined>): Message => ({
  blocks: blocks.filter((b): b is Block => Boolean(b)),
});
