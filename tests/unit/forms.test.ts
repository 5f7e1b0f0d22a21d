import { describe, expect, it } from "vitest";
import { answerSchemas, type FormRequest, parseCommand } from "../../src/core/commands/command";
import type { Session } from "../../src/core/domain";
import { formSubmission } from "../../src/core/forms/form-submission";
import { splitList } from "../../src/core/forms/text-list";
import { translator } from "../../src/core/i18n/translate";
import type { Form } from "../../src/core/messages/message";
import {
  cadenceForm,
  checkInForm,
  endForm,
  evaluationForm,
  intakeForm,
  journalForm,
  pauseForm,
  sessionMoveForm,
} from "../../src/core/views/forms";
import { profileForm, startingFrom } from "../../src/core/views/profile-form";

const UUID = "0b8f7a62-3c1e-4f4e-9d59-6f7c1f0d2a11";
const OTHER = "11111111-1111-4111-8111-111111111111";
const t = translator("en");
const SESSION: Session = {
  id: UUID,
  pairingId: OTHER,
  number: 1,
  startsAt: new Date("2026-12-02T03:00:00Z"),
  minutes: 60,
  status: "scheduled",
  checkInPromptedAt: null,
};

const PROFILE = {
  memberId: OTHER,
  programId: UUID,
  expertise: ["Data analysis (Excel, SQL)", "public speaking"],
  goals: ["design"],
  interests: [],
  team: "Data",
};

/** Every form the core builds. */
const FORMS: Form[] = [
  intakeForm(t, { roundId: UUID, timezone: "Asia/Jakarta", language: "en" }),
  cadenceForm(t, "en", UUID, "Asia/Jakarta"),
  checkInForm(t, SESSION),
  journalForm(t),
  pauseForm(t),
  endForm(t, UUID),
  evaluationForm(t, UUID, 1, ["SQL", "public speaking"]),
  sessionMoveForm(t, SESSION, "Asia/Jakarta"),
  profileForm(t, UUID, PROFILE, { timezone: "Asia/Makassar", language: "en" }),
];

describe("forms: a request opens, a submission answers", () => {
  it("every form's inputs are exactly answers its request's schema takes", () => {
    for (const form of FORMS) {
      const shape = Object.keys(answerSchemas[form.request.type].shape);
      for (const input of form.inputs) expect(shape, `${form.request.type}: ${input.name}`).toContain(input.name);
    }
  });

  it("a request carries the command's type and ids, never an answer (the end form's is the bug that ended pairings in one click)", () => {
    for (const form of FORMS) {
      const answerNames = new Set(Object.keys(answerSchemas[form.request.type].shape));
      expect(Object.keys(form.request).filter((k) => answerNames.has(k))).toEqual([]);
    }
    expect(endForm(t, UUID).request).toEqual({ type: "pairing.end", pairingId: UUID });
  });

  it("a request parses as a command without answers, so the use case answers it with its form", () => {
    for (const form of FORMS) {
      const parsed = parseCommand(form.request);
      expect(parsed.ok).toBe(true);
      expect(parsed.ok && "answers" in parsed.command).toBe(false);
    }
  });

  it("answers never ride on a request: a button carrying them is refused, not run", () => {
    for (const raw of [
      { type: "pairing.end", pairingId: UUID, rematch: false, notAFit: false },
      { type: "pairing.end", pairingId: UUID, answers: { rematch: false } },
      { type: "checkin", sessionId: UUID, outcome: "met", rating: 5 },
      { type: "evaluation.submit", pairingId: UUID, number: 1, working: 3, adjust: "end" },
      { type: "round.join", roundId: UUID, intake: { expertise: "x" } },
      { type: "journal.write", text: "a note" },
    ]) {
      expect(parseCommand(raw).ok, JSON.stringify(raw)).toBe(false);
    }
  });

  it("a completed intake form parses as a join with its answers", () => {
    const raw = formSubmission(FORMS[0]?.request as FormRequest, {
      expertise: "sql, python",
      goals: "public speaking",
      interests: "",
      team: "Data",
      timezone: "WITA",
      language: "en",
      partnersWanted: "2",
    });
    expect(parseCommand(raw)).toEqual({
      ok: true,
      command: {
        type: "round.join",
        roundId: UUID,
        answers: {
          expertise: ["sql", "python"],
          goals: ["public speaking"],
          interests: [],
          team: "Data",
          timezone: "Asia/Makassar",
          language: "en",
          partnersWanted: 2,
        },
      },
    });
  });

  it("the end form submitted with its boxes unticked ends without a re-match; false and 0 are answers, blanks are not", () => {
    expect(formSubmission({ type: "pairing.end", pairingId: UUID }, { reason: "", rematch: false, minutes: 0 })).toEqual({
      type: "form.submit",
      request: { type: "pairing.end", pairingId: UUID },
      answers: { rematch: false, minutes: 0 },
    });
    const parsed = parseCommand(formSubmission({ type: "pairing.end", pairingId: UUID }, { reason: "busy" }));
    expect(parsed).toEqual({
      ok: true,
      command: { type: "pairing.end", pairingId: UUID, answers: { reason: "busy", rematch: false, notAFit: false } },
    });
  });

  it("answers the form does not ask for are refused, by name, and nothing runs", () => {
    const parsed = parseCommand(formSubmission({ type: "pairing.end", pairingId: UUID }, { reason: "busy", pairingId: OTHER }));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["pairingId"] });
  });

  it("prototype paths cannot be named: __proto__, constructor and dotted names are refused and pollute nothing", () => {
    const forged = JSON.parse(
      '{"type":"form.submit","request":{"type":"journal.write"},"answers":{"text":"x","__proto__":{"polluted":"yes"}}}',
    );
    expect(parseCommand(forged).ok).toBe(false);
    for (const name of ["constructor", "__proto__.polluted", "constructor.prototype.polluted", "intake.team", "Text"]) {
      const parsed = parseCommand({
        type: "form.submit",
        request: { type: "journal.write" },
        answers: { text: "x", [name]: "y" },
      });
      expect(parsed.ok, name).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("a request naming what its form is not about is refused (no answers can change the ids)", () => {
    expect(parseCommand({ type: "form.submit", request: { type: "round.close" }, answers: {} }).ok).toBe(false);
    expect(
      parseCommand({ type: "form.submit", request: { type: "pairing.end", pairingId: UUID, rematch: true }, answers: {} }).ok,
    ).toBe(false);
  });

  it("the evaluation's goals are answered by position (g0, g1, ...)", () => {
    const parsed = parseCommand(
      formSubmission(
        { type: "evaluation.submit", pairingId: UUID, number: 2 },
        { g0: "reached", g1: "progressing", working: "4", adjust: "nothing" },
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      command: {
        type: "evaluation.submit",
        pairingId: UUID,
        number: 2,
        answers: { g0: "reached", g1: "progressing", working: 4, adjust: "nothing" },
      },
    });
  });

  it("a NUL or other control character in any answer is refused with the field named", () => {
    const parsed = parseCommand(formSubmission({ type: "journal.write" }, { text: "ok\u0000then" }));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues[0]).toMatchObject({ code: "custom", message: "control", path: ["text"] });
    // Line breaks and tabs are what people type.
    expect(parseCommand(formSubmission({ type: "journal.write" }, { text: "one\n\ttwo\r\n" })).ok).toBe(true);
  });

  it("the profile form is the intake's own inputs for what a profile keeps, filled in as saved, and submits back to the same profile", () => {
    const intake = intakeForm(t, { timezone: "Asia/Makassar", language: "en" });
    const form = profileForm(t, UUID, PROFILE, { timezone: "Asia/Makassar", language: "en" });
    expect(form.request).toEqual({ type: "profile.edit", programId: UUID });
    expect(form.inputs.map((i) => i.name)).toEqual(["expertise", "goals", "interests", "team", "timezone"]);
    // Same labels, hints and limits as the intake: only the starting values differ.
    for (const input of form.inputs) {
      const { initial: _ignored, ...rule } = input;
      const { initial: _intake, ...intakeRule } = intake.inputs.find((i) => i.name === input.name) ?? {};
      expect(rule, input.name).toEqual(intakeRule);
    }
    const initial = Object.fromEntries(form.inputs.map((i) => [i.name, i.initial]));
    expect(initial).toEqual({
      expertise: "Data analysis (Excel, SQL), public speaking",
      goals: "design",
      interests: undefined,
      team: "Data",
      timezone: "Asia/Makassar",
    });
    // Submitted unchanged, the answers are the saved profile again (a bracket's commas stay inside its item).
    const parsed = parseCommand(formSubmission(form.request, initial as Record<string, string>));
    expect(parsed).toEqual({
      ok: true,
      command: {
        type: "profile.edit",
        programId: UUID,
        answers: { expertise: PROFILE.expertise, goals: PROFILE.goals, interests: [], team: "Data", timezone: "Asia/Makassar" },
      },
    });
    // What belongs to one round (its partners, the reply language) is not the profile's to change.
    for (const extra of [{ partnersWanted: "2" }, { language: "id" }] as Array<Record<string, string>>) {
      expect(parseCommand(formSubmission(form.request, { ...initial, ...extra } as Record<string, string>)).ok).toBe(false);
    }
  });

  it("the intake starts from a saved profile, and is unchanged without one", () => {
    const intake = intakeForm(t, { roundId: UUID, timezone: "Asia/Jakarta", language: "en" });
    expect(startingFrom(intake, undefined)).toEqual(intake);
    const prefilled = startingFrom(intake, PROFILE);
    expect(prefilled.request).toEqual(intake.request);
    expect(prefilled.inputs.find((i) => i.name === "team")?.initial).toBe("Data");
    expect(prefilled.inputs.find((i) => i.name === "partnersWanted")?.initial).toBe(1);
    // A long list saved within the field's limit still fits it (a platform refuses a longer prefill), and reads back the same.
    const long = Array.from({ length: 10 }, (_, i) => `${"x".repeat(48)}${i}`);
    const interests = startingFrom(intake, { ...PROFILE, interests: long }).inputs.find((i) => i.name === "interests");
    const limit = interests?.kind === "text" ? (interests.maxLength ?? 0) : 0;
    expect(long.join(", ").length).toBeGreaterThan(limit);
    expect(String(interests?.initial).length).toBeLessThanOrEqual(limit);
    expect(splitList(String(interests?.initial))).toEqual(long);
  });
});
