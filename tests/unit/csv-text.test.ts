/** The CSV writer (issue 17): RFC 4180 quoting, formula injection neutralized, a UTF-8 BOM for Excel. */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvField, csvText } from "../../src/core/messages/csv-text";

/** RFC 4180, read by csv-parse: a reader written apart from our writer. */
const readCsv = (text: string): string[][] => parse(text, { relax_quotes: false, record_delimiter: "\r\n" });

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["Siti Nurhaliza", "Siti Nurhaliza"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["", ""],
  ])("%j is written %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", '"\'\r=1"'],
  ])("a cell a spreadsheet would run, %j, starts with an apostrophe: %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("leaves a sign inside a name alone, and writes counts as numbers", () => {
    expect(csvField("Ani-Budi")).toBe("Ani-Budi");
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField(0)).toBe("0");
    expect(csvField(12)).toBe("12");
  });
});

describe("csvText", () => {
  it("starts with the UTF-8 byte order mark and ends every row with CRLF", () => {
    const text = csvText(
      ["Nama", "Sesi"],
      [
        ["Dewi Lestari", 3],
        ["Ñoño, Jr.", 0],
      ],
    );
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect([...Buffer.from(text, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1)).toBe('Nama,Sesi\r\nDewi Lestari,3\r\n"Ñoño, Jr.",0\r\n');
  });

  it("reads back to the same cells through an RFC 4180 reader", () => {
    const rows = [["a\r\nb", '"', ",", "=1", "Wayan Sudarsana"]];
    const text = csvText(["h1", "h2", "h3", "h4", "h5"], rows);
    expect(readCsv(text.slice(1))).toEqual([
      ["h1", "h2", "h3", "h4", "h5"],
      ["a\r\nb", '"', ",", "'=1", "Wayan Sudarsana"],
    ]);
  });
});
