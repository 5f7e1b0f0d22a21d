/** The join use case reads the intake back before saving it (issue 13, item 2), on the real core and database. */
import { beforeEach, describe, expect, it } from "vitest";
import { formSubmission } from "../../src/core/forms/form-submission";
import { translator } from "../../src/core/i18n/translate";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
beforeEach(() => {
  h = new Harness(tdb.db);
});

const OFFERED = "Data analysis (Excel, SQL, Power BI dashboards)";
const WANTED = "Public speaking: presenting quarterly results with confidence";
const intake = (answers: Record<string, unknown> = {}) =>
  submit(
    { type: "round.join" },
    { expertise: OFFERED, goals: WANTED, team: "Data", timezone: "WITA", language: "id", partnersWanted: "2", ...answers },
  );

describe("the intake read back", () => {
  it("answers a submission with what it read and saves nothing; its confirm saves exactly those answers", async () => {
    await h.openProgram();
    const review = await h.run("ani", intake());
    const id = translator("id");
    expect(replyText(review)).toContain(`${id("field.expertise")}: Analisis data`);
    expect(replyText(review)).toContain(`${id("field.goals")}: Berbicara di depan umum`);
    expect(await h.count("enrollments")).toBe(0);
    expect(review.review?.answers).toMatchObject({ expertise: [OFFERED], goals: [WANTED], confirmed: true, partnersWanted: 2 });
    // The form to fix it with: the same request, the answers in it.
    const inputs = Object.fromEntries((review.review?.form.inputs ?? []).map((i) => [i.name, i.initial]));
    expect(inputs).toMatchObject({ expertise: OFFERED, goals: WANTED, team: "Data", timezone: "Asia/Makassar", language: "id" });
    expect(inputs.partnersWanted).toBe(2);

    const read = review.review;
    if (!read) throw new Error("no review");
    const done = await h.run("ani", formSubmission(read.request, read.answers));
    expect(replyText(done)).toContain(id("join.done", { number: 1 }));
    const saved = await tdb.db.kysely.selectFrom("profiles").select(["expertise", "goals", "team"]).executeTakeFirstOrThrow();
    expect(saved).toEqual({ expertise: [OFFERED], goals: [WANTED], team: "Data" });
  });

  it("saves at once what needs no second look: topic names as the vocabulary spells them", async () => {
    await h.openProgram();
    const reply = await h.run("budi", intake({ expertise: "SQL, Analisis data", goals: "public speaking" }));
    expect(reply.review).toBeUndefined();
    expect(await h.count("enrollments")).toBe(1);
  });

  it("still refuses before reading back: no round open, no review", async () => {
    const reply = await h.run("ani", intake());
    expect(reply.review).toBeUndefined();
    expect(await h.count("enrollments")).toBe(0);
  });
});
