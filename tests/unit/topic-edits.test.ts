/** A program's topic edits laid over the shared vocabulary (issue 13, item 1). */
import { describe, expect, it } from "vitest";
import { NO_EDITS, topicEditsOf, vocabularyWith, withChange } from "../../src/core/matching/topic-edits";
import { DEFAULT_VOCABULARY, readTopics } from "../../src/core/matching/topic-reading";

const read = (text: string, edits = NO_EDITS) => readTopics(text, vocabularyWith(edits)).topics;

describe("vocabularyWith", () => {
  it("no edits is the shared vocabulary itself; the same edits give the same object", () => {
    expect(vocabularyWith(NO_EDITS)).toBe(DEFAULT_VOCABULARY);
    const edits = withChange(NO_EDITS, { kind: "retire", topic: "excel" }, DEFAULT_VOCABULARY);
    expect(vocabularyWith(edits)).toBe(vocabularyWith(topicEditsOf(JSON.parse(JSON.stringify(edits)))));
    // The shared vocabulary is never changed.
    expect(read("excel")).toEqual(["excel"]);
  });

  it("add, rename, merge and retire change what is read", () => {
    let edits = withChange(
      NO_EDITS,
      { kind: "add", label: { en: "Design ops", id: "Operasional desain" }, aliases: ["designops"] },
      DEFAULT_VOCABULARY,
    );
    expect(read("designops", edits)).toEqual(["design-ops"]);
    edits = withChange(
      edits,
      { kind: "rename", topic: "ux-research", label: { en: "User interviews", id: "Wawancara pengguna" } },
      vocabularyWith(edits),
    );
    expect(read("user interviews", edits)).toEqual(["ux-research"]);
    expect(read("riset UX", edits)).toEqual(["ux-research"]);
    edits = withChange(edits, { kind: "merge", topic: "statistics", into: "data-analysis" }, vocabularyWith(edits));
    expect(read("statistika", edits)).toEqual(["data-analysis"]);
    edits = withChange(edits, { kind: "retire", topic: "excel" }, vocabularyWith(edits));
    expect(read("excel", edits)).toEqual([]);
  });

  it("merging the target of an earlier merge carries what was merged into it along", () => {
    let edits = withChange(NO_EDITS, { kind: "merge", topic: "statistics", into: "data-analysis" }, DEFAULT_VOCABULARY);
    edits = withChange(edits, { kind: "merge", topic: "data-analysis", into: "data-science" }, vocabularyWith(edits));
    expect(edits.merged).toEqual({ statistics: "data-science", "data-analysis": "data-science" });
    expect(read("statistika", edits)).toEqual(["data-science"]);
  });

  it("a stored record that no longer validates counts as no edits", () => {
    expect(topicEditsOf({ added: "nonsense" })).toEqual(NO_EDITS);
    expect(topicEditsOf(null)).toEqual(NO_EDITS);
  });
});
