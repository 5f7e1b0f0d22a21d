/** Free text read the way people write it (issue 13, items 1, 2 and 6). */
import { describe, expect, it } from "vitest";
import { evaluate, loadLabelled, readerPredict } from "../../bench/topic-understanding";
import { intakeSchema } from "../../src/core/commands/command";
import { splitList } from "../../src/core/forms/text-list";
import { scorePair } from "../../src/core/matching/score";
import { DEFAULT_VOCABULARY, readTopics, stem, withinOneEdit, words } from "../../src/core/matching/topic-reading";
import { coveredTopics, normalizeTopic, topicsMatch } from "../../src/core/matching/topics";
import type { CandidateProfile } from "../../src/core/matching/types";

const ids = (text: string) => readTopics(text).topics;

describe("splitList", () => {
  it("keeps a parenthesised list inside its item", () => {
    expect(splitList("Data analysis (Excel, SQL, Power BI dashboards), Public speaking")).toEqual([
      "Data analysis (Excel, SQL, Power BI dashboards)",
      "Public speaking",
    ]);
    expect(splitList("Reporting [Excel, SQL and Power BI]; Coaching")).toEqual([
      "Reporting [Excel, SQL and Power BI]",
      "Coaching",
    ]);
  });

  it("still splits at commas, semicolons and line breaks outside brackets", () => {
    expect(splitList("sql, design;\n go ,, ")).toEqual(["sql", "design", "go"]);
  });

  it("an unclosed or stray bracket does not swallow the rest of the answer", () => {
    expect(splitList("Data (Excel, SQL")).toEqual(["Data (Excel", "SQL"]);
    expect(splitList("a), b, c")).toEqual(["a)", "b", "c"]);
  });

  it("the intake form's lists use it, arrays pass through", () => {
    const base = { team: "Data", timezone: "Asia/Jakarta", language: "en" };
    const intake = intakeSchema.parse({
      ...base,
      expertise: "Data analysis (Excel, SQL, Power BI dashboards)",
      goals: "Public speaking: presenting quarterly results with confidence",
    });
    expect(intake.expertise).toEqual(["Data analysis (Excel, SQL, Power BI dashboards)"]);
    expect(intakeSchema.parse({ ...base, expertise: ["a, b"], goals: "x" }).expertise).toEqual(["a, b"]);
  });
});

describe("readTopics", () => {
  it("reads the issue's designed pairs on both sides", () => {
    expect(ids("Data analysis (Excel, SQL, Power BI dashboards)")).toEqual(["data-analysis", "excel", "sql", "power-bi"]);
    expect(ids("Data analysis for sales forecasting")).toContain("data-analysis");
    expect(ids("Public speaking: presenting quarterly results with confidence")).toContain("public-speaking");
    expect(ids("Public speaking and pitching to large audiences")).toEqual(["public-speaking", "pitching"]);
    expect(ids("Negosiasi dengan klien korporat")).toEqual(["negotiation"]);
    expect(ids("Negotiation skills for vendor contracts")).toContain("negotiation");
    expect(ids("Financial modelling di Excel")).toEqual(["financial-modelling", "excel"]);
    expect(ids("Financial modelling and budgeting")).toEqual(["financial-modelling", "budgeting"]);
  });

  it("reads spelling variants: Indonesian forms, hyphens, abbreviations, joined words", () => {
    for (const text of ["analisa data", "data-analysis", "Analisis Data", "data analytics"])
      expect(ids(text)).toEqual(["data-analysis"]);
    expect(ids("k8s")).toEqual(["kubernetes"]);
    expect(ids("statistika")).toEqual(["statistics"]);
    expect(ids("PowerBI")).toEqual(["power-bi"]);
    expect(ids("berbicara di depan umum")).toEqual(["public-speaking"]);
  });

  it("forgives one-letter typos on long words only", () => {
    expect(ids("negoisasi")).toEqual(["negotiation"]);
    expect(ids("pyhton")).toEqual(["python"]);
    expect(withinOneEdit("kubernets", "kubernetes")).toBe(true);
    expect(withinOneEdit("negoisasi", "negosiasi")).toBe(true);
    expect(withinOneEdit("negotiation", "negosiasi")).toBe(false);
    // "sqk" is three letters: too short to guess at.
    expect(ids("sqk")).toEqual([]);
  });

  it("does not merge different topics", () => {
    expect(ids("java script")).toEqual(["javascript"]);
    expect(ids("java")).toEqual(["java"]);
    expect(ids("networking")).toEqual(["professional-networking"]);
    expect(ids("computer networking")).toEqual(["computer-networking"]);
    expect(ids("salary negotiation")).toEqual(["salary-negotiation"]);
  });

  it("keeps text that names no topic, as written", () => {
    const reading = readTopics("Merajut amigurumi");
    expect([reading.text, reading.topics, reading.complete, reading.lead, reading.coverage]).toEqual([
      "Merajut amigurumi",
      [],
      false,
      undefined,
      0,
    ]);
    expect(readTopics("k8s").complete).toBe(true);
    expect(readTopics("Negosiasi dengan klien korporat").complete).toBe(false);
  });

  it("stems lightly and alike on both sides", () => {
    expect(stem("dashboards")).toBe("dashboard");
    expect(stem("presenting")).toBe("presenting");
    expect(stem("penjualannya")).toBe("penjualan");
    expect(stem("analysis")).toBe("analysis");
    expect(words("Data-analysis (Excel)")).toEqual(["data", "analysis", "excel"]);
  });
});

describe("the vocabulary (data, not code)", () => {
  const topics = DEFAULT_VOCABULARY.topics;

  it("has a few hundred topics, each with both labels, in the ten categories", () => {
    expect(topics.length).toBeGreaterThanOrEqual(200);
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
    const categories = new Set(topics.map((t) => t.category));
    expect([...categories].sort()).toEqual(
      [
        "career",
        "communication",
        "data",
        "engineering",
        "finance",
        "leadership",
        "marketing",
        "operations",
        "product",
        "sales",
      ].sort(),
    );
    for (const t of topics) expect(t.label.en.length * t.label.id.length).toBeGreaterThan(0);
  });

  it("every label reads as its own topic: no alias of one topic hides another's label", () => {
    const misread = topics.filter((t) => ids(t.label.en)[0] !== t.id || ids(t.label.id)[0] !== t.id).map((t) => t.id);
    expect(misread).toEqual([]);
  });
});

describe("the labelled set (bench/topic-understanding.ts)", () => {
  const set = loadLabelled();

  it("holds at least 500 phrases, each labelled with known topic ids", () => {
    expect(set.length).toBeGreaterThanOrEqual(500);
    const known = new Set(DEFAULT_VOCABULARY.topics.map((t) => t.id));
    expect(set.flatMap((l) => l.topics).filter((t) => !known.has(t))).toEqual([]);
  });

  it("is read with precision >= 0.95 and recall >= 0.90", () => {
    const s = evaluate(set, readerPredict);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("evaluate counts what it is given", () => {
    const s = evaluate([{ phrase: "x", topics: ["a", "b"] }], () => ["a", "c", "d"]);
    expect([s.precision, s.recall]).toEqual([1 / 3, 1 / 2]);
  });
});

describe("matching compares what was read (normalizeTopic)", () => {
  const member = (expertise: string[], goals: string[]): CandidateProfile => ({
    expertise,
    goals,
    interests: [],
    team: "Same",
    timezone: "Asia/Jakarta",
  });

  it("the issue's designed pairs meet on both sides, and the reasons keep each member's words", () => {
    const a = member(
      ["Data analysis (Excel, SQL, Power BI dashboards)"],
      ["Public speaking: presenting quarterly results with confidence"],
    );
    const b = member(["Public speaking and pitching to large audiences"], ["Data analysis for sales forecasting"]);
    expect(coveredTopics(a.expertise, b.goals)).toEqual(["Data analysis for sales forecasting"]);
    expect(coveredTopics(b.expertise, a.goals)).toEqual(["Public speaking: presenting quarterly results with confidence"]);
    const c = member(["Negosiasi dengan klien korporat"], ["Financial modelling di Excel"]);
    const d = member(["Financial modelling and budgeting"], ["Negotiation skills for vendor contracts"]);
    expect(scorePair(c, d).reasons.filter((r) => r.kind === "gives")).toEqual([
      {
        kind: "gives",
        giver: "a",
        cover: [{ wanted: "Negotiation skills for vendor contracts", grade: "exact", topic: "negotiation" }],
      },
      {
        kind: "gives",
        giver: "b",
        cover: [{ wanted: "Financial modelling di Excel", grade: "exact", topic: "financial-modelling" }],
      },
    ]);
  });

  it("spelling variants meet, different topics do not", () => {
    expect(topicsMatch("analisa data", "data-analysis")).toBe(true);
    expect(topicsMatch("k8s", "Kubernetes")).toBe(true);
    expect(topicsMatch("statistika", "statistics")).toBe(true);
    expect(topicsMatch("java script", "java")).toBe(false);
    expect(topicsMatch("networking", "computer networking")).toBe(false);
  });

  it("text mostly outside the vocabulary compares as written", () => {
    expect(normalizeTopic("Merajut amigurumi")).toBe("merajut amigurumi");
    // Half read and not opening the phrase: a narrower skill, not the family's label.
    expect(normalizeTopic("Interaction design")).toBe("interaction design");
    expect(normalizeTopic("negosiasi")).toBe("negotiation");
  });

  it("pastimes keep their own synonyms and are not read as skills", () => {
    expect(topicsMatch("sepak bola", "football")).toBe(true);
    expect(topicsMatch("sepak bola", "public speaking")).toBe(false);
    expect(topicsMatch("kopi", "coffee")).toBe(true);
  });
});
