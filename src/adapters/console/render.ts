/** Renders the neutral message model as terminal text; buttons get numbers to press. */
import type { Button, Mention, Message } from "../../core/messages/message";
import { plainText } from "../../core/messages/rich-text";

/**
 * `nameOf` gives a person's name by their id, for the core's mentions ("@Ani");
 * an id it does not know is shown as it is, and a role as "@role".
 */
export function renderMessage(
  message: Message,
  numberFor: (button: Button) => number,
  nameOf: (userId: string) => string | undefined = () => undefined,
): string {
  const mention = (m: Mention) => `@${(m.kind === "user" ? nameOf(m.id) : undefined) ?? m.id}`;
  const lines: string[] = [];
  for (const block of message.blocks) {
    switch (block.type) {
      case "text": {
        const text = plainText(block.text, mention);
        lines.push(block.style === "heading" ? `*${text}*` : block.style === "muted" ? `_${text}_` : text);
        break;
      }
      case "fields":
        for (const f of block.fields) lines.push(`  ${f.label}: ${f.value}`);
        break;
      case "divider":
        lines.push("  ---");
        break;
      case "links":
        for (const l of block.links) lines.push(`  🔗 ${l.label}: ${l.url}`);
        break;
      case "actions":
        lines.push(
          block.elements
            .filter((e): e is Button => e.type === "button")
            .map((b) => `[${numberFor(b)}] ${b.label}`)
            .join("  "),
        );
        break;
    }
  }
  return lines.join("\n");
}
