/** The intro's "why you were matched" follows the program's weights, as the matcher does. */
import { describe, expect, it } from "vitest";
import type { Member, Profile } from "../../src/core/domain";
import { translator } from "../../src/core/i18n/translate";
import { DEFAULT_WEIGHTS } from "../../src/core/matching/weights";
import { introReasons } from "../../src/core/views/intro";

const member = (id: string, name: string): Member => ({
  id,
  tenantId: "t",
  externalId: id,
  displayName: name,
  language: "en",
  timezone: "Asia/Jakarta",
});
const profile = (memberId: string, team: string): Profile => ({
  memberId,
  programId: "p",
  expertise: ["sql"],
  goals: ["design"],
  interests: [],
  team,
});

describe("introReasons", () => {
  const t = translator("en");
  const members = [member("a", "Ani"), member("b", "Budi")];
  const profiles = [profile("a", "Data"), profile("b", "Ops")];

  it("names different teams as a reason when the program prefers them (the default)", () => {
    expect(introReasons(t, "en", members, profiles).join(" ")).toContain("You work in different teams (Data, Ops)");
  });

  it("does not, when the program prefers the same team or ignores teams", () => {
    for (const teamPolicy of ["same", "ignore"] as const) {
      const reasons = introReasons(t, "en", members, profiles, { ...DEFAULT_WEIGHTS, teamPolicy });
      expect(reasons.join(" ")).not.toContain("different teams");
    }
  });
});

describe("introReasons shows members' own words (issue 12, item 16)", () => {
  const members = [member("a", "Ani"), member("b", "Budi")];
  const withInterests = (a: string[], b: string[]): Profile[] => [
    { ...profile("a", "Data"), interests: a },
    { ...profile("b", "Data"), interests: b },
  ];

  it("an interest written in Indonesian stays as written, marked as the members' words, in an English sentence", () => {
    const reasons = introReasons(translator("en"), "en", members, withInterests(["kopi", "buku"], ["Kopi", "buku"])).join("\n");
    expect(reasons).toContain("You both wrote “kopi” and “buku” among your interests.");
    // Never presented as if it were the English catalog's word.
    expect(reasons).not.toContain("interest in kopi");
  });

  it("when the vocabulary matched different words, both are shown as each wrote them", () => {
    const reasons = introReasons(translator("id"), "id", members, withInterests(["analisis data"], ["data analysis"])).join("\n");
    expect(reasons).toContain("Kalian sama-sama menulis “analisis data” / “data analysis” sebagai minat.");
  });

  it("expertise and goals read as a natural Indonesian sentence, known topics named in the reader's language (issue 13)", () => {
    const reasons = introReasons(translator("id"), "id", members, [
      { ...profile("a", "Data"), expertise: ["data analysis", "SQL"], goals: ["desain"] },
      { ...profile("b", "Data"), expertise: ["UX"], goals: ["data analysis", "SQL"] },
    ]).join("\n");
    expect(reasons).toContain("Ani bisa berbagi pengalaman soal analisis data dan SQL, hal yang ingin dipelajari Budi.");
  });

  it("a goal the vocabulary does not know is named in its author's words, quoted", () => {
    const reasons = introReasons(translator("en"), "en", members, [
      { ...profile("a", "Data"), expertise: ["Merajut amigurumi"], goals: ["x"] },
      { ...profile("b", "Data"), expertise: ["y"], goals: ["merajut amigurumi"] },
    ]).join("\n");
    expect(reasons).toContain("Ani can share “merajut amigurumi”, which Budi wants to learn.");
  });
});
