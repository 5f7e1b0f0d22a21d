/**
 * One answer at a time, by the core's own rule for that field: what the
 * console asks again at once, and what Slack and Discord can show beside the
 * field. Whatever it accepts, the submitted form is accepted too; whatever it
 * refuses, the submitted form is refused for that field.
 */
import { describe, expect, it } from "vitest";
import { type FormType, parseCommand } from "../../src/core/commands/command";
import { describeIssues } from "../../src/core/commands/problems";
import { formSubmission } from "../../src/core/forms/form-submission";
import { type AnswerValue, optionFor, problemWithAnswer } from "../../src/core/forms/form-validation";
import { translator } from "../../src/core/i18n/translate";

const en = translator("en");
const id = translator("id");
const UUID = "0b8f7a62-3c1e-4f4e-9d59-6f7c1f0d2a11";

/** A valid submission of each form, to change one answer in. */
const VALID: Record<FormType, Record<string, AnswerValue>> = {
  "round.join": {
    expertise: "SQL",
    goals: "public speaking",
    interests: "",
    team: "Data",
    timezone: "WIB",
    language: "id",
    partnersWanted: "1",
  },
  "cadence.propose": { everyDays: "14", minutes: "60", weekday: "3", time: "10:00" },
  checkin: { rating: "4", note: "" },
  "journal.write": { text: "Belajar SQL" },
  pause: { until: "2026-12-24" },
  "pairing.end": { reason: "", messageToPartner: "", notAFit: false, rematch: true },
  "evaluation.submit": { g0: "reached", working: "4", adjust: "nothing" },
  "session.move": { date: "2026-12-10", time: "14:00", minutes: "60" },
  "profile.edit": { expertise: "SQL", goals: "public speaking", interests: "", team: "Data", timezone: "WITA" },
  "member.forget": { confirm: "yes" },
};
const REQUESTS = {
  "round.join": { type: "round.join" },
  "cadence.propose": { type: "cadence.propose", pairingId: UUID },
  checkin: { type: "checkin", sessionId: UUID },
  "journal.write": { type: "journal.write" },
  pause: { type: "pause" },
  "pairing.end": { type: "pairing.end", pairingId: UUID },
  "evaluation.submit": { type: "evaluation.submit", pairingId: UUID, number: 1 },
  "session.move": { type: "session.move", sessionId: UUID },
  "profile.edit": { type: "profile.edit", programId: UUID },
  "member.forget": { type: "member.forget" },
} as const;

/** [form, field, answer, English problem, Indonesian problem] */
const bad: Array<[FormType, string, AnswerValue, string, string]> = [
  ["round.join", "team", "", "Team is required.", "Tim wajib diisi."],
  // The profile form answers the intake's fields by the intake's own rules, in the same words.
  ["profile.edit", "team", "", "Team is required.", "Tim wajib diisi."],
  ["profile.edit", "expertise", "", "Expertise you can share is required.", "Keahlian yang bisa dibagikan wajib diisi."],
  [
    "profile.edit",
    "timezone",
    "Mars/Olympus",
    "Time zone: I don’t know that time zone. Try WIB, WITA, WIT or a name like Asia/Jakarta.",
    "Zona waktu: saya belum kenal zona waktu itu. Coba WIB, WITA, WIT, atau nama seperti Asia/Jakarta.",
  ],
  ["round.join", "team", undefined, "Team is required.", "Tim wajib diisi."],
  ["round.join", "team", "   ", "Team cannot be empty.", "Tim tidak boleh kosong."],
  ["round.join", "expertise", "", "Expertise you can share is required.", "Keahlian yang bisa dibagikan wajib diisi."],
  [
    "round.join",
    "timezone",
    "Mars/Olympus",
    "Time zone: I don’t know that time zone. Try WIB, WITA, WIT or a name like Asia/Jakarta.",
    "Zona waktu: saya belum kenal zona waktu itu. Coba WIB, WITA, WIT, atau nama seperti Asia/Jakarta.",
  ],
  [
    "round.join",
    "partnersWanted",
    "dua",
    "Number of partners must be a whole number, like 2.",
    "Jumlah rekan perlu diisi angka bulat, misalnya 2.",
  ],
  ["round.join", "partnersWanted", "4", "Number of partners must be at most 3.", "Jumlah rekan maksimal 3."],
  [
    "round.join",
    "language",
    "Bahasa Indonesia",
    "Language: choose one of the options, by its number or its name.",
    "Bahasa: pilih salah satu, dengan nomor atau namanya.",
  ],
  ["checkin", "rating", "", "The rating is required.", "Nilai sesi wajib diisi."],
  ["journal.write", "text", "", "Note is required.", "Catatan wajib diisi."],
  ["cadence.propose", "time", "25:00", "Time: write it like 10:00.", "Jam: tulis seperti 10:00."],
  [
    "cadence.propose",
    "everyDays",
    "6",
    "The number of days between sessions must be at least 7.",
    "Jarak antarsesi (hari) minimal 7.",
  ],
  ["pause", "until", "besok", "The date to come back: write it like 2026-12-24.", "Tanggal kembali: tulis seperti 2026-12-24."],
  ["session.move", "date", "Kamis", "Date: write it like 2026-12-24.", "Tanggal: tulis seperti 2026-12-24."],
  [
    "pairing.end",
    "rematch",
    "maybe",
    "Match me with someone new: answer yes or no.",
    "Cocokkan saya dengan rekan baru: jawab ya atau tidak.",
  ],
  [
    "journal.write",
    "text",
    "hari ini\u0000",
    "Note holds an invisible control character I can’t keep. Please type it again.",
    "Catatan berisi karakter tak terlihat yang tidak bisa saya simpan. Coba ketik ulang, ya.",
  ],
];

describe("problemWithAnswer", () => {
  it.each(bad)("%s %s = %j: said at once, in either language", (form, field, value, english, indonesian) => {
    expect(problemWithAnswer(form, field, value, en)).toBe(english);
    expect(problemWithAnswer(form, field, value, id)).toBe(indonesian);
  });

  it.each(bad)("%s %s = %j: the submitted form is refused for that same field", (form, field, value) => {
    const result = parseCommand(formSubmission(REQUESTS[form], { ...VALID[form], [field]: value }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path[0])).toContain(field);
  });

  it.each(Object.keys(VALID) as FormType[])("every answer of a valid %s passes, and so does the form", (form) => {
    for (const [field, value] of Object.entries(VALID[form])) expect(problemWithAnswer(form, field, value, en), field).toBeNull();
    expect(parseCommand(formSubmission(REQUESTS[form], VALID[form])).ok).toBe(true);
  });

  it("blank is fine where the core fills a default or the field is optional", () => {
    expect(problemWithAnswer("round.join", "partnersWanted", "", en)).toBeNull();
    expect(problemWithAnswer("round.join", "interests", "", en)).toBeNull();
    expect(problemWithAnswer("checkin", "note", undefined, en)).toBeNull();
  });

  it("names a field the catalog has no name for by the label given (an evaluation's goal)", () => {
    expect(problemWithAnswer("evaluation.submit", "g0", "done", en, "Progress on: SQL")).toBe(
      "Progress on: SQL: choose one of the options, by its number or its name.",
    );
  });

  it("a field the form does not have is unexpected, not ignored", () => {
    expect(problemWithAnswer("round.join", "isAdmin", "yes", en)).toBe("isAdmin is not something I expected here.");
    expect(problemWithAnswer("round.join", "__proto__", "x", en)).toBe("__proto__ is not something I expected here.");
  });

  it("the whole-form wording is unchanged: a missing field is required", () => {
    const r = parseCommand(formSubmission(REQUESTS.checkin, {}));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeIssues(en, r.issues)).toEqual(["The rating is required."]);
  });
});

describe("optionFor", () => {
  const languages = [
    { label: "Bahasa Indonesia", value: "id" },
    { label: "English", value: "en" },
  ];
  it.each([
    ["1", "id"],
    ["2", "en"],
    ["en", "en"],
    ["Bahasa Indonesia", "id"],
    ["  bahasa   indonesia ", "id"],
    ["ENGLISH", "en"],
  ])("%j names %j", (answer, value) => {
    expect(optionFor(languages, answer)).toBe(value);
  });

  it.each(["", "3", "0", "Jawa", "-1"])("%j names no option", (answer) => {
    expect(optionFor(languages, answer)).toBeNull();
  });
});
