/**
 * The core's neutral messages as Discord payloads, within Discord's limits.
 * Everything is message content (markdown) in the order the core wrote it,
 * not embeds, so a heading stays above its text and buttons stay under what
 * they answer; a message too long or with too many rows continues in a
 * further payload. Only the core's own mentions notify (`allowed_mentions`
 * names exactly those users); what members wrote is escaped (markdown.ts).
 * Forms open as modals (modals.ts).
 */
import {
  ActionRowBuilder,
  type APIAllowedMentions,
  type APIEmbed,
  type APISelectMenuOption,
  ButtonBuilder,
  ButtonStyle,
  StringSelectMenuBuilder,
} from "discord.js";
import type { Block, Button, LinksBlock, Message, Reply, Select } from "../../core/messages/message";
import { segments } from "../../core/messages/rich-text";
import { encodeCustomId, reviewCustomId } from "./custom-id";

import { DISCORD_LIMITS, type DiscordMessagePayload, type Row } from "./limits";
import { contentCut, escapeMarkdown, markdown, SNOWFLAKE, truncate, truncateContent } from "./markdown";

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

function pieces(block: Exclude<Block, { type: "actions" | "links" }>, sep: string): Piece[] {
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

export function label(text: string, max: number): string {
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
export function selectOptions(options: Select["options"], first?: string): APISelectMenuOption[] {
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

/** Link buttons (they open the page; Discord sends the bot nothing), five to a row. */
function linkRows(block: LinksBlock): Row[] {
  const out: Row[] = [];
  const usable = block.links.filter((l) => l.url.startsWith("https://") && l.url.length <= DISCORD_LIMITS.linkUrl);
  for (let i = 0; i < usable.length; i += DISCORD_LIMITS.buttonsPerRow) {
    const buttons = usable
      .slice(i, i + DISCORD_LIMITS.buttonsPerRow)
      .map((l) =>
        new ButtonBuilder().setStyle(ButtonStyle.Link).setURL(l.url).setLabel(label(l.label, DISCORD_LIMITS.buttonLabel)),
      );
    out.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons).toJSON() as Row);
  }
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
    if (block.type === "actions" || block.type === "links") {
      for (const row of block.type === "links" ? linkRows(block) : rows(block.elements, used)) {
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
