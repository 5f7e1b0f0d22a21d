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
    expect(introReasons(t, members, profiles).join(" ")).toContain("You work in different teams (Data, Ops)");
  });

  it("does not, when the program prefers the same team or ignores teams", () => {
    for (const teamPolicy of ["same", "ignore"] as const) {
      const reasons = introReasons(t, members, profiles, { ...DEFAULT_WEIGHTS, teamPolicy });
      expect(reasons.join(" ")).not.toContain("different teams");
    }
  });
});
