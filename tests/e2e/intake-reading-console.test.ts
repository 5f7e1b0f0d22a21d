/**
 * The intake read back in the playground (issue 13, item 2): a member types
 * the issue's example, sees what was understood before anything is saved,
 * fixes a field in the form reopened with their answers, and confirms.
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { playConsole } from "../support/console-play";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const en = translator("en");
const id = translator("id");
const START = new Date("2026-12-05T02:00:00Z");

const OFFERED = "Data analysis (Excel, SQL, Power BI dashboards)";
const WANTED = "Public speaking: presenting quarterly results with confidence";

const play = async (lines: string[]) => (await playConsole(tdb.db, lines, { start: START, echo: true })).out;

async function profileOf(userId: string) {
  return tdb.db.kysely
    .selectFrom("members as m")
    .innerJoin("profiles as p", "p.member_id", "m.id")
    .innerJoin("enrollments as e", "e.member_id", "m.id")
    .select(["p.expertise", "p.goals", "p.team", "m.language"])
    .where("m.external_id", "=", userId)
    .executeTakeFirst();
}

describe("the intake read back in the playground", () => {
  it("shows what it read, saves nothing until confirmed, and reopens the form prefilled to fix it", async () => {
    const out = await play([
      "/mentoring setup Kopi Belajar",
      "/mentoring open",
      ":as citra",
      ":press 1",
      OFFERED,
      WANTED,
      "",
      "Design",
      "",
      "English",
      "",
      "/mentoring status", // between the reading and the answer: not in the round yet
      `:press ${en("review.fix")}`,
      "", // expertise kept
      `${WANTED}, negosiasi dengan klien korporat, origami lipat`,
      "",
      "", // team kept
      "",
      "",
      "",
      `:press ${en("review.confirm")}`,
      ":quit",
    ]);
    const first = out.indexOf(en("review.intro"));
    expect(first).toBeGreaterThan(0);
    const firstReading = out.slice(first, out.indexOf(en("review.question"), first));
    expect(firstReading).toContain(`${en("field.expertise")}: Data analysis`);
    expect(firstReading).toContain(`${en("field.goals")}: Public speaking`);
    expect(firstReading).not.toContain(en("review.kept", { text: "x" }).slice(3));
    // Nothing saved while the member looks: the status says they are not in a round.
    expect(out.indexOf(en("status.notEnrolled"))).toBeGreaterThan(first);
    // Fix: the form again, each answer in it as given.
    const fix = out.indexOf(en("console.form", { title: en("join.form.title") }), first);
    expect(fix).toBeGreaterThan(first);
    expect(out.slice(fix)).toContain(`[${OFFERED}]`);
    expect(out.slice(fix)).toContain("[Design]");
    // The second reading: the new goals by their labels, the phrase it does not know kept as written.
    const second = out.indexOf(en("review.intro"), fix);
    expect(second).toBeGreaterThan(fix);
    expect(out.slice(second)).toContain(
      `${en("field.goals")}: Public speaking · Negotiation · ${en("review.kept", { text: "origami lipat" })}`,
    );
    expect(out.slice(second)).toContain(en("review.keptWhy"));
    expect(out.slice(second)).toContain(en("join.done", { number: 1 }));
    expect(out).not.toContain(id("error.invalid"));
    expect(await profileOf("citra")).toEqual({
      expertise: [OFFERED],
      goals: [WANTED, "negosiasi dengan klien korporat", "origami lipat"],
      team: "Design",
      language: "en",
    });
  });

  it("says after each list what it read, and the topics near an item it could not read", async () => {
    const out = await play([
      "/mentoring setup Kopi Belajar",
      "/mentoring open",
      ":as citra",
      ":press 1",
      `${OFFERED}, analsis data`,
      "SQL",
      "",
      ":cancel",
      ":quit",
    ]);
    const goals = out.indexOf(`${en("field.goals")} (`);
    const hints = out.slice(out.indexOf(`${en("field.expertise")} (`), goals);
    expect(hints).toContain(`↳ ${en("hint.read", { topics: `Data analysis · ${en("review.kept", { text: "analsis data" })}` })}`);
    expect(hints).toContain(`↳ ${en("hint.didYouMean", { text: "analsis data", options: "Data analysis" })}`);
    // "SQL" is read as written: nothing to add before the next field.
    const afterGoals = out.slice(goals, out.indexOf(`${en("field.interests")} (`));
    expect(afterGoals).not.toContain("↳");
  });

  it("reads the list with the program's own topics: one its organizer added is read and offered", async () => {
    const out = await play([
      "/mentoring setup Kopi Belajar",
      "/mentoring topics add Batik tulis | Batik tulis | membatik",
      "/mentoring open",
      ":as citra",
      ":press 1",
      "membatik, batikk",
      ":cancel",
      ":quit",
    ]);
    const hints = out.slice(out.indexOf(`${en("field.expertise")} (`));
    expect(hints).toContain(`↳ ${en("hint.read", { topics: `Batik tulis · ${en("review.kept", { text: "batikk" })}` })}`);
    expect(hints).toContain(`↳ ${en("hint.didYouMean", { text: "batikk", options: "Batik tulis" })}`);
  });

  it("reads back in Indonesian, with the Indonesian labels", async () => {
    const out = await play([
      "/mentoring setup Kopi Belajar",
      "/mentoring open",
      ":as ani",
      ":press 1",
      OFFERED,
      WANTED,
      "",
      "Data",
      "",
      "Bahasa Indonesia",
      "",
      `:press ${id("review.confirm")}`,
      ":quit",
    ]);
    expect(out).toContain(`${id("field.expertise")}: Analisis data`);
    expect(out).toContain(`${id("field.goals")}: Berbicara di depan umum`);
    expect(out).toContain(id("join.done", { number: 1 }));
    expect(await profileOf("ani")).toMatchObject({ expertise: [OFFERED], goals: [WANTED], language: "id" });
  });
});
