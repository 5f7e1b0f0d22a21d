/**
 * Splitting a typed list into items. Commas, semicolons and line breaks
 * separate items only outside brackets: "Data analysis (Excel, SQL, Power BI)"
 * is one item, its parentheses the member's own detail.
 */
const OPEN = "([{";
const CLOSE = ")]}";

export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    // An unmatched closing bracket must not leave the depth negative and swallow later separators.
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === "," || ch === ";" || ch === "\n")) {
      items.push(current);
      current = "";
    } else current += ch;
  }
  items.push(current);
  // An unclosed bracket would otherwise turn the rest of the answer into one long item.
  if (depth > 0)
    return text
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}
