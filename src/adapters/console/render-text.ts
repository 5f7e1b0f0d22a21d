/** Renders the neutral message model as terminal text; buttons get numbers to press. */
import type { Button, Form, Message } from "../../core/messages";

export function renderMessage(message: Message, numberFor: (button: Button) => number): string {
  const lines: string[] = [];
  for (const block of message.blocks) {
    switch (block.type) {
      case "text":
        lines.push(block.style === "heading" ? `*${block.text}*` : block.style === "muted" ? `_${block.text}_` : block.text);
        break;
      case "fields":
        for (const f of block.fields) lines.push(`  ${f.label}: ${f.value}`);
        break;
      case "divider":
        lines.push("  ---");
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

export function renderFormIntro(form: Form): string {
  return `📝 ${form.title}`;
}
