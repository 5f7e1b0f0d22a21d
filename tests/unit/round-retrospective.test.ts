/** The retrospective's sentences (issue 17): each comparison's direction, plurals, and hidden goals, in both languages. */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { type RoundInBrief, retrospectiveMessage } from "../../src/core/views/round-retrospective";
import { messageText } from "../support/harness";

const PROGRAM_ID = "0b6f3c1e-2d4a-4c8e-9f1a-5e7d9c3b2a10";
const en = translator("en");
const id = translator("id");
const round = (over: Partial<RoundInBrief>): RoundInBrief => ({
  number: 2,
  joined: 10,
  pairs: 5,
  met: 4,
  goals: { reached: 6, answers: 10 },
  ...over,
});
const lines = (t: typeof en, now: RoundInBrief, before: RoundInBrief | null) =>
  messageText(retrospectiveMessage(t, { id: PROGRAM_ID, name: "Kopi" }, now, before, "/mentoring report csv")).split("\n");

describe("the round retrospective's sentences", () => {
  it("says down, the same, or up against the round before, in whole percent", () => {
    expect(lines(en, round({ met: 2 }), round({ number: 1, met: 4 }))[2]).toBe(
      "2 of 5 pairs met at least once (40%), down from 80% last round.",
    );
    expect(lines(en, round({}), round({ number: 1, pairs: 10, met: 8 }))[2]).toBe(
      "4 of 5 pairs met at least once (80%), the same as 80% last round.",
    );
    expect(lines(id, round({ met: 5 }), round({ number: 1 }))[2]).toBe(
      "5 dari 5 pasangan sempat bertemu setidaknya sekali (100%), naik dari 80% di putaran sebelumnya.",
    );
  });

  it("uses the plural rules: one person, one pair, one goal", () => {
    const text = lines(en, round({ number: 1, joined: 1, pairs: 1, met: 1, goals: { reached: 1, answers: 5 } }), null);
    expect(text.slice(1, 4)).toEqual([
      "1 person joined round 1, and 1 pair was formed.",
      "1 of 1 pair met at least once (100%).",
      "Members marked 1 goal reached in the first 5 evaluations.",
    ]);
    expect(lines(en, round({ joined: 0, pairs: 0, met: 0, goals: null }), null).slice(1, 3)).toEqual([
      "0 people joined round 2, and no pairs were formed.",
      "With no pairs, there were no meetings to count.",
    ]);
  });

  it("hides goals reached below five evaluations, and compares goals only with a figure that was shown", () => {
    expect(lines(en, round({ goals: null }), round({ number: 1 }))[3]).toBe(
      "Goals reached stay hidden this time: fewer than 5 evaluations came back, and so few answers could point at someone.",
    );
    expect(lines(en, round({}), round({ number: 1, goals: null }))[3]).toBe(
      "Members marked 6 goals reached in the first 10 evaluations.",
    );
    expect(lines(id, round({}), round({ number: 1, goals: { reached: 2, answers: 5 } }))[3]).toBe(
      "Dari 10 evaluasi pertama, anggota menandai 6 tujuan sudah tercapai (putaran sebelumnya: 2 dari 5 evaluasi).",
    );
  });

  it("ends with buttons for the full report and the round's CSV of that program, in the organizer's language", () => {
    const shown = retrospectiveMessage(id, { id: PROGRAM_ID, name: "Kopi" }, round({ number: 3 }), null, "/mentoring rekap csv");
    const buttons = shown.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(buttons.map((b) => [b.label, "action" in b ? b.action : null])).toEqual([
      ["Rekap lengkap", { kind: "command", command: { type: "program.report", programId: PROGRAM_ID } }],
      [
        "Daftar anggota (CSV)",
        { kind: "command", command: { type: "program.report", programId: PROGRAM_ID, format: "csv", round: 3 } },
      ],
    ]);
  });
});
