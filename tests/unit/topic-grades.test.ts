/** Issue 13, item 4: a graded score, exact > family > related, never a silent zero for free text. */
import { describe, expect, it } from "vitest";
import { scorePair } from "../../src/core/matching/score";
import { coverValue, gradedCover } from "../../src/core/matching/topic-grades";
import { topicInSentence } from "../../src/core/matching/topic-labels";
import type { CandidateProfile } from "../../src/core/matching/types";

const profile = (expertise: string[], goals: string[]): CandidateProfile => ({
  expertise,
  goals,
  interests: [],
  team: "Data",
  timezone: "Asia/Jakarta",
});

describe("gradedCover", () => {
  it("the same topic however written is exact, and names the vocabulary topic", () => {
    expect(gradedCover(["Financial modelling and budgeting"], ["Financial modelling di Excel"])).toEqual([
      { wanted: "Financial modelling di Excel", grade: "exact", topic: "financial-modelling" },
    ]);
    expect(gradedCover(["analisa data"], ["Data analysis for sales forecasting"])[0]?.grade).toBe("exact");
  });

  it("an abbreviation joined by & is read as its topic, & on its own as 'and'", () => {
    expect(gradedCover(["L&D"], ["learning and development"])[0]?.grade).toBe("exact");
    expect(gradedCover(["Merger dan akuisisi"], ["m&a"])[0]?.grade).toBe("exact");
    expect(gradedCover(["Sales & negotiation"], ["negosiasi"])[0]?.grade).toBe("exact");
  });

  it("a topic the two items share, not the goal's own, is family: every topic of an item counts", () => {
    // "Excel" is one of the four topics of the expertise, and the second of the goal's.
    expect(gradedCover(["Data analysis (Excel, SQL, Power BI dashboards)"], ["Financial modelling di Excel"])).toEqual([
      { wanted: "Financial modelling di Excel", grade: "family", topic: "excel" },
    ]);
  });

  it("a narrower or broader topic, whose name holds the goal's or is held in it, is family, not the same topic", () => {
    expect(gradedCover(["keuangan syariah"], ["Keuangan"])).toEqual([{ wanted: "Keuangan", grade: "family", topic: "finance" }]);
    expect(gradedCover(["Desain"], ["Graphic design"])).toEqual([{ wanted: "Graphic design", grade: "family", topic: "design" }]);
    // Free text the vocabulary does not name still meets by its words: "merajut amigurumi" holds "amigurumi".
    expect(gradedCover(["Merajut amigurumi"], ["amigurumi"])[0]?.grade).toBe("exact");
  });

  it("text the vocabulary does not know meets through a shared word: related, not a silent zero", () => {
    expect(gradedCover(["Merajut amigurumi"], ["amigurumi untuk pemula"])).toEqual([
      { wanted: "amigurumi untuk pemula", grade: "related" },
    ]);
  });

  it("a level or setting word is no shared subject: unknown skills for beginners have nothing in common", () => {
    expect(gradedCover(["Merajut untuk pemula"], ["amigurumi untuk pemula"])).toEqual([]);
    expect(gradedCover(["Beekeeping in practice"], ["Calligraphy practice for my team"])).toEqual([]);
  });

  it("each goal counts once, at its best grade", () => {
    const cover = gradedCover(["Excel dashboards", "Financial modelling"], ["Financial modelling di Excel"]);
    expect(cover).toEqual([{ wanted: "Financial modelling di Excel", grade: "exact", topic: "financial-modelling" }]);
  });

  it("different topics and unrelated text meet nothing", () => {
    expect(gradedCover(["Java"], ["JavaScript"])).toEqual([]);
    expect(gradedCover(["Merajut amigurumi"], ["Public speaking"])).toEqual([]);
    expect(gradedCover(["sql"], ["tim"])).toEqual([]);
  });

  it("grades are worth 1, 1/2 and 1/4 of a goal", () => {
    expect(
      coverValue([
        { wanted: "a", grade: "exact" },
        { wanted: "b", grade: "family" },
        { wanted: "c", grade: "related" },
      ]),
    ).toBe(1.75);
  });
});

describe("the score is graded", () => {
  it("exact > family > related > nothing, in both directions", () => {
    const score = (expertise: string, goal: string) => scorePair(profile([expertise], ["y"]), profile(["x"], [goal])).score;
    const exact = score("Financial modelling", "Financial modelling di Excel");
    const family = score("Excel VBA macros", "Financial modelling di Excel");
    const related = score("Merajut amigurumi", "amigurumi untuk pemula");
    const none = score("Merajut amigurumi", "Financial modelling di Excel");
    expect(exact).toBeGreaterThan(family);
    expect(family).toBeGreaterThan(related);
    expect(related).toBeGreaterThan(none);
    // The other direction weighs the same.
    expect(scorePair(profile(["x"], ["Financial modelling di Excel"]), profile(["Excel VBA macros"], ["y"])).score).toBe(family);
  });
});

describe("topicInSentence", () => {
  it("lower-cases a common noun's capital, keeps names and inner capitals", () => {
    expect(topicInSentence("negotiation", "en")).toBe("negotiation");
    expect(topicInSentence("negotiation", "id")).toBe("negosiasi");
    expect(topicInSentence("public-speaking", "id")).toBe("berbicara di depan umum");
    expect(topicInSentence("excel", "en")).toBe("Excel");
    expect(topicInSentence("power-bi", "id")).toBe("Power BI");
    expect(topicInSentence("ux-design", "en")).toBe("UX design");
    expect(topicInSentence("no-such-topic", "en")).toBeUndefined();
  });
});
