import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/core/commands";
import { completeForm } from "../../src/core/forms";
import { translator } from "../../src/core/i18n/translate";
import type { Form } from "../../src/core/messages";
import { endForm, intakeForm } from "../../src/core/views/forms";

const UUID = "0b8f7a62-3c1e-4f4e-9d59-6f7c1f0d2a11";
const t = translator("en");

function joinForm(): Form {
  return {
    title: "Join",
    submitLabel: "Join",
    command: { type: "round.join", roundId: UUID },
    inputs: [
      { kind: "textarea", name: "intake.expertise", label: "Expertise", required: true },
      { kind: "textarea", name: "intake.goals", label: "Goals", required: true },
      { kind: "text", name: "intake.interests", label: "Interests", required: false },
      { kind: "number", name: "intake.partnersWanted", label: "Partners", required: true, min: 1, max: 3 },
    ],
  };
}

describe("completeForm", () => {
  it("dotted names set nested values, creating the parent object", () => {
    const command = completeForm(joinForm(), {
      "intake.expertise": "sql, python",
      "intake.goals": "design",
      "intake.partnersWanted": 2,
    });
    expect(command).toEqual({
      type: "round.join",
      roundId: UUID,
      intake: { expertise: "sql, python", goals: "design", partnersWanted: 2 },
    });
  });

  it("plain names set top-level fields", () => {
    const form: Form = {
      title: "Pause",
      submitLabel: "Pause",
      command: { type: "pause" },
      inputs: [{ kind: "date", name: "until", label: "Until", required: true }],
    };
    expect(completeForm(form, { until: "2026-12-24" })).toEqual({ type: "pause", until: "2026-12-24" });
  });

  it("answers for names the form did not declare are ignored", () => {
    const command = completeForm(joinForm(), {
      "intake.goals": "design",
      type: "round.close",
      roundId: "00000000-0000-4000-8000-000000000000",
      "intake.team": "Injected",
      "intake.timezone": "UTC",
      isAdmin: true,
      "__proto__.polluted": "yes",
    });
    expect(command).toEqual({ type: "round.join", roundId: UUID, intake: { goals: "design" } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("empty strings and undefined are skipped, so no empty object is created", () => {
    const command = completeForm(joinForm(), {
      "intake.expertise": "",
      "intake.goals": undefined,
      "intake.interests": "",
    });
    expect(command).toEqual({ type: "round.join", roundId: UUID });
    expect("intake" in command).toBe(false);
  });

  it("an empty string does not overwrite a value already in the command", () => {
    const form: Form = {
      title: "End",
      submitLabel: "End",
      command: { type: "pairing.end", pairingId: UUID, reason: "kept" },
      inputs: [{ kind: "textarea", name: "reason", label: "Reason", required: false }],
    };
    expect(completeForm(form, { reason: "" })).toEqual({ type: "pairing.end", pairingId: UUID, reason: "kept" });
  });

  it("false and 0 are answers, not blanks", () => {
    const form: Form = {
      title: "End",
      submitLabel: "End",
      command: { type: "pairing.end", pairingId: UUID, rematch: true },
      inputs: [
        { kind: "checkbox", name: "rematch", label: "Rematch", required: false },
        { kind: "number", name: "minutes", label: "Minutes", required: false, min: 0, max: 60 },
      ],
    };
    expect(completeForm(form, { rematch: false, minutes: 0 })).toEqual({
      type: "pairing.end",
      pairingId: UUID,
      rematch: false,
      minutes: 0,
    });
  });

  it("answers override values the command already had, including nested ones", () => {
    const form: Form = {
      ...joinForm(),
      command: {
        type: "round.join",
        intake: {
          expertise: ["old"],
          goals: ["old"],
          interests: [],
          team: "Data",
          timezone: "Asia/Jakarta",
          language: "id",
          partnersWanted: 1,
        },
      },
    };
    const command = completeForm(form, { "intake.goals": "new" });
    expect(command).toEqual({
      type: "round.join",
      intake: {
        expertise: ["old"],
        goals: "new",
        interests: [],
        team: "Data",
        timezone: "Asia/Jakarta",
        language: "id",
        partnersWanted: 1,
      },
    });
  });

  it("does not mutate form.command, not even nested objects", () => {
    const form: Form = {
      ...joinForm(),
      command: {
        type: "round.join",
        roundId: UUID,
        intake: {
          expertise: ["old"],
          goals: ["old"],
          interests: [],
          team: "Data",
          timezone: "Asia/Jakarta",
          language: "id",
          partnersWanted: 1,
        },
      },
    };
    const before = structuredClone(form.command);
    const command = completeForm(form, { "intake.goals": "new", "intake.partnersWanted": 3, "intake.expertise": "x" });
    expect(form.command).toEqual(before);
    expect(command).not.toBe(form.command);
    expect(command.intake).not.toBe((form.command as { intake?: unknown }).intake);

    // Two completions of the same form do not leak into each other.
    const first = completeForm(joinForm(), { "intake.goals": "a" });
    const second = joinForm();
    completeForm(second, { "intake.goals": "b" });
    expect(second.command).toEqual({ type: "round.join", roundId: UUID });
    expect(first).toEqual({ type: "round.join", roundId: UUID, intake: { goals: "a" } });
  });

  it("a completed intake form parses as a valid join command", () => {
    const form = intakeForm(t, { roundId: UUID, timezone: "Asia/Jakarta", language: "en" });
    const raw = completeForm(form, {
      "intake.expertise": "sql, python",
      "intake.goals": "public speaking",
      "intake.interests": "",
      "intake.team": "Data",
      "intake.timezone": "WITA",
      "intake.language": "en",
      "intake.partnersWanted": "2",
    });
    const parsed = parseCommand(raw);
    expect(parsed).toEqual({
      ok: true,
      command: {
        type: "round.join",
        roundId: UUID,
        intake: {
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

  it("a crafted submission of a real form cannot redirect it to another pairing", () => {
    const other = "11111111-1111-4111-8111-111111111111";
    const form = endForm(t, UUID);
    const raw = completeForm(form, { pairingId: other, reason: "busy", rematch: true });
    expect(raw).toEqual({ type: "pairing.end", pairingId: UUID, reason: "busy", rematch: true, notAFit: false });
    expect(parseCommand(raw).ok).toBe(true);
  });
});
