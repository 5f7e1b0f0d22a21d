/** What the intake understood, read back before saving, and the type-ahead over the vocabulary (issue 13, item 2). */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { MAX_SUGGESTIONS, suggestTopics } from "../../src/core/matching/topic-suggestions";
import { understoodItems, worthReviewing } from "../../src/core/matching/understood-topics";
import type { Button } from "../../src/core/messages/message";
import { readingLine, readingSummary, typingHints } from "../../src/core/views/reading-summary";

const OFFERED = "Data analysis (Excel, SQL, Power BI dashboards)";
const WANTED = "Public speaking: presenting quarterly results with confidence";

describe("understoodItems", () => {
  it("reads the issue's example as one topic per item, with both languages' labels", () => {
    const [offered] = understoodItems(OFFERED);
    expect(offered?.topic).toEqual({ id: "data-analysis", label: { en: "Data analysis", id: "Analisis data" } });
    expect(offered?.written).toBe(OFFERED);
    expect(offered?.exact).toBe(false);
    const [wanted] = understoodItems([WANTED]);
    expect(wanted?.topic?.id).toBe("public-speaking");
  });

  it("keeps an item it cannot read as written, and a pastime is not read as a skill", () => {
    expect(understoodItems("interaction design, kopi").map((i) => i.topic)).toEqual([null, null]);
  });

  it("reads Indonesian and forgives a typo the reader forgives", () => {
    expect(understoodItems("Negosiasi dengan klien korporat, pyhton").map((i) => i.topic?.id)).toEqual(["negotiation", "python"]);
  });

  it("asks for a second look only when something was interpreted or kept as written", () => {
    expect(worthReviewing(understoodItems("SQL, Public speaking"), understoodItems("Analisis data"))).toBe(false);
    expect(worthReviewing(understoodItems("SQL"), understoodItems(WANTED))).toBe(true);
    expect(worthReviewing(understoodItems("SQL"), understoodItems("interaction design"))).toBe(true);
  });
});

describe("readingSummary", () => {
  const read = { expertise: understoodItems(`${OFFERED}, analisa data`), goals: understoodItems(`${WANTED}, <b>origami</b>`) };

  it("names topics by the reader's label, each once, and quotes what it kept", () => {
    expect(readingLine(translator("id"), "id", read.expertise)).toBe("Analisis data");
    expect(readingLine(translator("en"), "en", read.goals)).toBe("Public speaking · “<b>origami</b>” (kept as you wrote it)");
    expect(readingLine(translator("id"), "id", read.goals)).toBe(
      "Berbicara di depan umum · “<b>origami</b>” (disimpan sesuai tulisan Anda)",
    );
  });

  it("asks whether it is right, with a confirm and a fix button that carry no answers", () => {
    const m = readingSummary(translator("en"), "en", read);
    const fields = m.blocks.find((b) => b.type === "fields");
    expect(fields).toMatchObject({
      fields: [
        { label: "Expertise you can share", value: "Data analysis" },
        { label: "What you want to learn", value: expect.stringContaining("Public speaking") },
      ],
    });
    const buttons = m.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])) as Button[];
    expect(buttons.map((b) => [b.label, b.action])).toEqual([
      ["Yes, that’s right", { kind: "review", choice: "confirm" }],
      ["Let me fix it", { kind: "review", choice: "fix" }],
    ]);
  });
});

describe("suggestTopics", () => {
  it("completes what is typed, in the reader's language, from either language's names", () => {
    expect(suggestTopics("anali", "id", 5).map((s) => s.label)).toContain("Analisis data");
    expect(suggestTopics("public spe", "en")[0]).toEqual({ id: "public-speaking", label: "Public speaking" });
    expect(suggestTopics("public spe", "id")[0]).toEqual({ id: "public-speaking", label: "Berbicara di depan umum" });
    expect(suggestTopics("berbicara", "en")[0]?.id).toBe("public-speaking");
    expect(suggestTopics("analisa data", "en")[0]).toEqual({ id: "data-analysis", label: "Data analysis" });
  });

  it("tolerates the typos the reader tolerates, and finds words inside names", () => {
    expect(suggestTopics("pyhton", "en")[0]?.id).toBe("python");
    // One letter off in each word, though the reader finds two topics it could be.
    expect(suggestTopics("analsis data", "en").map((s) => s.id)).toEqual(["data-analysis"]);
    expect(suggestTopics("speaking", "en").map((s) => s.id)).toContain("public-speaking");
  });

  it("stays within Slack's 100 options and answers nonsense with nothing", () => {
    expect(suggestTopics("", "en")).toHaveLength(MAX_SUGGESTIONS);
    expect(suggestTopics("a", "en", 500).length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
    expect(suggestTopics("zzzqqq", "id")).toEqual([]);
  });
});

describe("typingHints", () => {
  it("says what a list was read as, and the topics near an item it could not read, in the reader's language", () => {
    const id = translator("id");
    expect(typingHints(id, "id", `${OFFERED}, analsis data`)).toEqual([
      id("hint.read", { topics: `Analisis data · ${id("review.kept", { text: "analsis data" })}` }),
      id("hint.didYouMean", { text: "analsis data", options: "Analisis data" }),
    ]);
  });

  it("adds nothing to names written as the vocabulary spells them, or to what is near no topic", () => {
    const en = translator("en");
    expect(typingHints(en, "en", "SQL, Public speaking")).toEqual([]);
    expect(typingHints(en, "en", "origami lipat")).toEqual([]);
  });
});
