/**
 * A rule across answers (a weekday repeats every one or two weeks, never every 10 days) is told
 * at the field the core names, and a form asked field by field asks that field again with the
 * other answers kept, so nothing is thrown away at the end.
 */
import { describe, expect, it } from "vitest";
import { fillForm } from "../../src/adapters/console/form-prompt";
import type { LineReader } from "../../src/adapters/console/line-reader";
import { fieldErrors } from "../../src/adapters/slack/field-errors";
import { problemsAcrossAnswers } from "../../src/core/forms/form-validation";
import { translator } from "../../src/core/i18n/translate";
import { cadenceForm } from "../../src/core/views/forms";

const en = translator("en");
const id = translator("id");

/** A reader that answers each prompt with the next scripted line, and keeps the prompts it was shown. */
function scripted(lines: string[]): LineReader & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    prompts,
    ask: async (prompt) => {
      prompts.push(prompt);
      return lines.shift() ?? null;
    },
    close: () => {},
  };
}

describe("problems only the answers together show", () => {
  it("a weekday with a 10-day interval is told at the interval, in the reader's language", () => {
    const answers = { everyDays: "10", minutes: "60", weekday: "5", time: "10:00" };
    expect(problemsAcrossAnswers("cadence.propose", answers, en)).toEqual({ everyDays: en("problem.weekdayWeeks") });
    expect(problemsAcrossAnswers("cadence.propose", answers, id)).toEqual({ everyDays: id("problem.weekdayWeeks") });
  });

  it("is empty for a weekday every two weeks, and for 10 days with no weekday", () => {
    expect(problemsAcrossAnswers("cadence.propose", { everyDays: "14", minutes: "60", weekday: "5", time: "10:00" }, en)).toEqual(
      {},
    );
    expect(problemsAcrossAnswers("cadence.propose", { everyDays: "10", minutes: "60", weekday: "", time: "10:00" }, en)).toEqual(
      {},
    );
  });

  it("leaves a field's own problem to the field (one problem, not two)", () => {
    expect(problemsAcrossAnswers("cadence.propose", { everyDays: "30", minutes: "60", weekday: "5", time: "10:00" }, en)).toEqual(
      {},
    );
  });

  it("the playground asks the interval again after the last field, keeping the other answers", async () => {
    const form = cadenceForm(en, "en", "p-1", "Asia/Jakarta");
    const rl = scripted(["10", "45", "5", "09:30", "14"]);
    let out = "";
    const outcome = await fillForm(rl, form, en, (text) => {
      out += text;
    });
    expect(out).toContain(en("problem.weekdayWeeks"));
    expect(outcome).toEqual({ kind: "submitted", answers: { everyDays: "14", minutes: "45", weekday: "5", time: "09:30" } });
    // Five prompts: four fields, then the interval once more (and only it).
    expect(rl.prompts).toHaveLength(5);
    expect(rl.prompts[4]).toContain(en("field.everyDays"));
  });

  it("Slack shows it beside the interval, with the modal still open", () => {
    const form = cadenceForm(en, "en", "p-1");
    const blocks = form.inputs.map((i) => ({ type: "input", block_id: i.name, label: { text: i.label } }));
    const answers = { everyDays: "10", minutes: "60", weekday: "5", time: "10:00" };
    expect(fieldErrors(form.request, blocks, answers, en)).toEqual({ everyDays: en("problem.weekdayWeeks") });
    expect(fieldErrors(form.request, blocks, { ...answers, everyDays: "14" }, en)).toBeNull();
  });
});
