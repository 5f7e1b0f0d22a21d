/**
 * Organizer arguments read the way the help writes them (issue 12, item 15):
 * people as a mention, @Name or a plain name; weights by their name in either
 * language; every problem told as a sentence.
 */
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/core/commands/command";
import { describeIssues } from "../../src/core/commands/problems";
import { commandFromText } from "../../src/core/commands/slash";
import { translator } from "../../src/core/i18n/translate";

const en = translator("en");
const id = translator("id");

function problems(text: string, t = id): string[] {
  const raw = commandFromText(text);
  const r = parseCommand(raw);
  if (r.ok) throw new Error(`expected ${text} to be refused`);
  return describeIssues(t, r.issues, { command: String(raw.type) });
}

describe("people", () => {
  it.each([
    ["organizer <@U123>", { userId: "U123" }],
    ["organizer <@U123|budi>", { userId: "U123" }],
    ["organizer <@!42>", { userId: "42" }],
    ["organizer @Budi", { person: "Budi" }],
    ["penyelenggara Budi Santoso", { person: "Budi Santoso" }],
    ["organizer budi", { person: "budi" }],
  ])("%s", (text, expected) => {
    const r = parseCommand(commandFromText(text));
    expect(r.ok && r.command).toEqual({ type: "program.organizer", ...expected });
  });

  it("nobody named: a sentence saying how to name someone, not “Orang tidak valid.”", () => {
    expect(problems("organizer")).toEqual([id("problem.person")]);
    expect(problems("organizer", en)).toEqual(["Say who: mention them (@name) or write their name as it shows here."]);
  });
});

describe("weights", () => {
  it("take either language's names and team preferences", () => {
    const r = parseCommand(commandFromText("bobot minat=2 aturan-tim=sama dua-arah=4 goal=5 TeamPolicy=different"));
    expect(r.ok && r.command).toEqual({
      type: "program.weights",
      weights: { interest: 2, teamPolicy: "different", twoWay: 4, goal: 5 },
    });
  });

  it("a value that is not a number, or out of range, says what the weight takes", () => {
    expect(problems("bobot minat=abc")).toEqual(["Bobot minat diisi angka dari 0 sampai 20, misalnya minat=2."]);
    expect(problems("weights interest=99", en)).toEqual(["interest takes a number from 0 to 20, for example interest=2."]);
    expect(problems("bobot mulai-kerja=8.5")).toEqual([
      "Bobot mulai-kerja diisi angka bulat dari 0 sampai 23, misalnya mulai-kerja=2.",
    ]);
  });

  it("an unknown name lists the weights in the reader's language", () => {
    const [line] = problems("bobot kopi=3");
    expect(line).toMatch(/^Tidak ada bobot bernama “kopi”\. Bobot yang ada: tujuan, dua-arah, minat, tim, aturan-tim,/);
  });
});

describe("contact hours", () => {
  it("one sentence per part that is wrong, in the reader's language", () => {
    expect(problems("jam 25-3 9")).toEqual([id("problem.hoursFrom"), id("problem.hoursDays")]);
    expect(problems("hours 8-25", en)).toEqual([en("problem.hoursUntil")]);
    expect(problems("jam 8-20 0-2").join(" ")).not.toMatch(/Perintah|Rehat/);
  });
});
