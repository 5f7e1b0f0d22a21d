import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/core/commands/command";
import { describeIssues } from "../../src/core/commands/problems";
import { translator } from "../../src/core/i18n/translate";

const en = translator("en");
const id = translator("id");

const UUID = "0b8f7a62-3c1e-4f4e-9d59-6f7c1f0d2a11";
const intake = {
  expertise: ["sql"],
  goals: ["public speaking"],
  team: "Data",
  timezone: "WIB",
  language: "en",
};

function issuesOf(input: unknown) {
  const r = parseCommand(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return r.issues;
}

/** A submitted form as adapters send it: a field left empty is not sent. */
const sub = (request: Record<string, unknown>, answers: Record<string, unknown>) => ({
  type: "form.submit",
  request,
  answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)),
});
const join = (extra: Record<string, unknown>) => issuesOf(sub({ type: "round.join" }, { ...intake, ...extra }));
const cadence = (extra: Record<string, unknown>) =>
  issuesOf(sub({ type: "cadence.propose" }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00", ...extra }));

/** [input issues, English lines, Indonesian lines] */
const cases: Array<[string, () => ReturnType<typeof issuesOf>, string[], string[]]> = [
  [
    "partnersWanted too big",
    () => join({ partnersWanted: 4 }),
    ["Number of partners must be at most 3."],
    ["Jumlah rekan maksimal 3."],
  ],
  [
    "partnersWanted too small (string from a form)",
    () => join({ partnersWanted: "0" }),
    ["Number of partners must be at least 1."],
    ["Jumlah rekan minimal 1."],
  ],
  [
    "unknown time zone",
    () => join({ timezone: "Mars/Olympus_Mons" }),
    ["Time zone: I don’t know that time zone. Try WIB, WITA, WIT or a name like Asia/Jakarta."],
    ["Zona waktu: saya belum kenal zona waktu itu. Coba WIB, WITA, WIT, atau nama seperti Asia/Jakarta."],
  ],
  [
    "missing goals",
    () => join({ goals: undefined }),
    ["What you want to learn is required."],
    ["Yang ingin dipelajari wajib diisi."],
  ],
  [
    "empty goals text (an empty list)",
    () => join({ goals: " , " }),
    ["What you want to learn is required."],
    ["Yang ingin dipelajari wajib diisi."],
  ],
  ["blank team", () => join({ team: "   " }), ["Team cannot be empty."], ["Tim tidak boleh kosong."]],
  [
    "a list item that is too long names the list",
    () => join({ expertise: ["ok", "x".repeat(101)] }),
    ["Expertise you can share is too long (at most 100 characters)."],
    ["Keahlian yang bisa dibagikan terlalu panjang (maksimal 100 karakter)."],
  ],
  [
    "program name too long",
    () => issuesOf({ type: "program.setup", name: "x".repeat(201) }),
    ["Program name is too long (at most 200 characters)."],
    ["Nama program terlalu panjang (maksimal 200 karakter)."],
  ],
  [
    "rating too big",
    () => issuesOf(sub({ type: "checkin" }, { rating: 6 })),
    ["The rating must be at most 5."],
    ["Nilai sesi maksimal 5."],
  ],
  [
    "cadence out of bounds (two issues, in order)",
    () => cadence({ everyDays: 6, minutes: 61 }),
    ["The number of days between sessions must be at least 7.", "Session length (minutes) must be at most 60."],
    ["Jarak antarsesi (hari) minimal 7.", "Lama sesi (menit) maksimal 60."],
  ],
  ["bad time format", () => cadence({ time: "24:00" }), ["Time is not valid."], ["Jam belum benar."]],
  [
    "a NUL byte in a note names the field",
    () => issuesOf(sub({ type: "journal.write" }, { text: "hari ini\u0000" })),
    ["Note holds an invisible control character I can’t keep. Please type it again."],
    ["Catatan berisi karakter tak terlihat yang tidak bisa saya simpan. Coba ketik ulang, ya."],
  ],
  ["missing pairing id", () => issuesOf({ type: "cadence.confirm" }), ["Pairing is required."], ["Pasangan wajib diisi."]],
  [
    "unexpected key names the key",
    () => issuesOf({ type: "status", isAdmin: true }),
    ["isAdmin is not something I expected here."],
    ["“isAdmin” tidak saya kenal di sini."],
  ],
  ["unknown command type", () => issuesOf({ type: "nope" }), ["Command is not valid."], ["Perintah belum benar."]],
  [
    "an id field is named by what it identifies",
    () => issuesOf({ type: "round.join", roundId: "not-a-uuid" }),
    ["Round is not valid."],
    ["Putaran belum benar."],
  ],
];

describe("describeIssues", () => {
  it.each(cases)("%s", (_name, make, english, indonesian) => {
    const issues = make();
    expect(describeIssues(en, issues)).toEqual(english);
    expect(describeIssues(id, issues)).toEqual(indonesian);
  });

  it("repeated identical lines are said once", () => {
    const issues = join({ expertise: ["x".repeat(101), "y".repeat(101)] });
    expect(issues).toHaveLength(2);
    expect(describeIssues(en, issues)).toEqual(["Expertise you can share is too long (at most 100 characters)."]);
  });

  it("different problems are all reported, each naming its own field", () => {
    const issues = join({ goals: undefined, timezone: "nowhere", partnersWanted: 9 });
    const lines = describeIssues(en, issues);
    expect(lines).toHaveLength(3);
    expect(lines).toContain("What you want to learn is required.");
    expect(lines).toContain("Time zone: I don’t know that time zone. Try WIB, WITA, WIT or a name like Asia/Jakarta.");
    expect(lines).toContain("Number of partners must be at most 3.");
  });

  it("no line is left with ICU placeholders or an undefined field", () => {
    const inputs: unknown[] = [
      sub({ type: "round.join" }, {}),
      sub({ type: "round.join" }, { ...intake, partnersWanted: "abc", language: "fr", extra: 1 }),
      sub({ type: "cadence.propose", pairingId: "x" }, { everyDays: "x", minutes: 10, weekday: 9, time: "x" }),
      sub({ type: "checkin", sessionId: UUID }, { rating: 0, note: "n".repeat(2001) }),
      { type: "checkin", outcome: "maybe", sessionId: UUID },
      sub({ type: "pairing.end" }, { rematch: "perhaps" }),
      { type: "pairing.end", rematch: true },
    ];
    for (const input of inputs) {
      for (const t of [en, id]) {
        const lines = describeIssues(t, issuesOf(input));
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          expect(line).not.toMatch(/[{}]|undefined|NaN/);
          expect(line.trim().length).toBeGreaterThan(3);
        }
      }
    }
  });

  it("an empty list of issues says nothing", () => {
    expect(describeIssues(en, [])).toEqual([]);
  });
});
