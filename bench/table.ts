/** Plain-text and Markdown rendering of the benchmark's table. */

export interface Column {
  header: string;
  align: "left" | "right";
}

/**
 * A row of cells, or "rule" for a horizontal line between scenarios (plain
 * text only). A row shorter than the columns ends in a cell that spans the
 * rest (a "skipped (...)" note): it does not widen its column.
 */
export type Row = string[] | "rule";

const width = (s: string) => [...s].length;

function pad(cell: string, size: number, align: Column["align"]): string {
  const gap = " ".repeat(Math.max(0, size - width(cell)));
  return align === "right" ? gap + cell : cell + gap;
}

export function textTable(columns: readonly Column[], rows: readonly Row[]): string {
  const counted = (r: Row, k: number) =>
    r !== "rule" && (r.length === columns.length || k < r.length - 1) ? width(r[k] ?? "") : 0;
  const sizes = columns.map((c, k) => Math.max(width(c.header), ...rows.map((r) => counted(r, k))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, k) =>
        cells.length < columns.length && k === cells.length - 1
          ? cell
          : pad(cell, sizes[k] as number, (columns[k] as Column).align),
      )
      .join("  ")
      .trimEnd();
  const rule = sizes.map((s) => "-".repeat(s)).join("  ");
  const out = [line(columns.map((c) => c.header)), rule];
  for (const row of rows) out.push(row === "rule" ? rule : line(row));
  return out.join("\n");
}

export function markdownTable(columns: readonly Column[], rows: readonly Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const out = [
    `| ${columns.map((c) => esc(c.header)).join(" | ")} |`,
    `|${columns.map((c) => (c.align === "right" ? "---:" : ":---")).join("|")}|`,
  ];
  for (const row of rows) {
    if (row === "rule") continue;
    const cells = [...row, ...Array<string>(Math.max(0, columns.length - row.length)).fill("")];
    out.push(`| ${cells.map(esc).join(" | ")} |`);
  }
  return out.join("\n");
}

/** 1234567 -> "1,234,567" (en-US grouping, whatever the machine's locale). */
export const int = (x: number) => Math.round(x).toLocaleString("en-US");

export const fixed = (x: number, digits: number) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const percent = (x: number, digits = 1) => `${fixed(100 * x, digits)}%`;
