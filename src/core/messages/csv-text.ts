/**
 * CSV as RFC 4180 writes it, for spreadsheets: fields separated by commas,
 * rows ended by CRLF, a field quoted when it holds a comma, a quote or a line
 * break (quotes inside doubled). Member names are member-written, so a cell a
 * spreadsheet would read as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe (OWASP's advice on CSV
 * injection). The text starts with a byte order mark, so Excel reads it as
 * UTF-8 and Indonesian and other names come out right.
 */

/** U+FEFF: Excel takes a file as UTF-8 only when it starts with this. */
export const CSV_BOM = "\uFEFF";

/** What a spreadsheet may take for a formula, or strip, at the start of a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** What makes a field need quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralized when it could run as a formula, quoted when it needs to be. */
export function csvField(value: string | number): string {
  let cell = String(value);
  // Numbers we write are counts (never negative); text is what people wrote.
  if (typeof value === "string" && FORMULA_START.test(cell)) cell = `'${cell}`;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The whole file: the mark, the header and the rows, every row ended by CRLF. */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return CSV_BOM + [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
