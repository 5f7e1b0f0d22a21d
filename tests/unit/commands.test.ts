import { describe, expect, it } from "vitest";
import { type Command, type FormRequest, type ParseResult, parseCommand } from "../../src/core/commands/command";
import { commandFromText } from "../../src/core/commands/slash";

const UUID = "0b8f7a62-3c1e-4f4e-9d59-6f7c1f0d2a11";

const intake = {
  expertise: ["sql"],
  goals: ["public speaking"],
  team: "Data",
  timezone: "Asia/Jakarta",
  language: "id",
};

function ok(input: unknown): Command {
  const r = parseCommand(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got ${JSON.stringify(r.issues)}`);
  return r.command;
}

function issues(input: unknown) {
  const r: ParseResult = parseCommand(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, got ${JSON.stringify(r.command)}`);
  expect(r.issues.length).toBeGreaterThan(0);
  return r.issues;
}

/** A submitted form, as adapters send it. */
const sub = (request: FormRequest, answers: Record<string, unknown>) => ({ type: "form.submit", request, answers });
/** The answers a submission parsed to. */
function answersOf(input: unknown): Record<string, unknown> {
  const c = ok(input);
  if (!("answers" in c) || !c.answers) throw new Error("expected a command with answers");
  return c.answers;
}
const cadence = (extra: Record<string, unknown>) =>
  sub({ type: "cadence.propose" }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00", ...extra });
const checkin = (extra: Record<string, unknown>) => sub({ type: "checkin" }, { rating: 4, ...extra });

function joined(extra: Record<string, unknown>) {
  return answersOf(sub({ type: "round.join" }, { ...intake, ...extra })) as typeof intake & Record<string, unknown>;
}

function joinIssues(extra: Record<string, unknown>) {
  return issues(sub({ type: "round.join" }, { ...intake, ...extra }));
}

describe("parseCommand: lists", () => {
  it("comma, semicolon and newline separated text becomes a trimmed array without empty items", () => {
    const parsed = joined({ expertise: " sql,  python ;data viz\n\nux research ,", goals: "mentoring" });
    expect(parsed.expertise).toEqual(["sql", "python", "data viz", "ux research"]);
    expect(parsed.goals).toEqual(["mentoring"]);
  });

  it("arrays are accepted as they are, with items trimmed", () => {
    expect(joined({ expertise: ["  a  ", "b"] }).expertise).toEqual(["a", "b"]);
  });

  it("required lists must have at least one item", () => {
    for (const expertise of ["", " , ; \n", []]) {
      const found = joinIssues({ expertise });
      expect(found.map((i) => i.path)).toEqual([["expertise"]]);
    }
  });

  it("at most 10 items of at most 100 characters", () => {
    expect(joined({ goals: Array.from({ length: 10 }, (_, i) => `g${i}`) }).goals).toHaveLength(10);
    expect(joinIssues({ goals: Array.from({ length: 11 }, (_, i) => `g${i}`) })[0]?.path).toEqual(["goals"]);
    expect(joined({ goals: ["x".repeat(100)] }).goals).toEqual(["x".repeat(100)]);
    expect(joinIssues({ goals: ["ok", "x".repeat(101)] })[0]?.path).toEqual(["goals", 1]);
  });

  it("interests are optional: missing or empty text is an empty list", () => {
    expect(joined({}).interests).toEqual([]);
    expect(joined({ interests: "" }).interests).toEqual([]);
    expect(joined({ interests: "music,  hiking" }).interests).toEqual(["music", "hiking"]);
  });
});

describe("parseCommand: time zones", () => {
  it.each([
    ["WIB", "Asia/Jakarta"],
    ["wib", "Asia/Jakarta"],
    ["WITA", "Asia/Makassar"],
    ["Wita", "Asia/Makassar"],
    ["WIT", "Asia/Jayapura"],
    ["wit", "Asia/Jayapura"],
    [" WIT ", "Asia/Jayapura"],
    ["Asia/Jakarta", "Asia/Jakarta"],
    ["Europe/Berlin", "Europe/Berlin"],
  ])("%j resolves to %s", (input, zone) => {
    expect(joined({ timezone: input }).timezone).toBe(zone);
  });

  it.each(["Mars/Olympus_Mons", "WITB", "", "GMT+25"])("%j is rejected with a custom 'timezone' issue", (input) => {
    const found = joinIssues({ timezone: input });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "custom", message: "timezone", path: ["timezone"] });
  });

  it("program.setup resolves and validates its time zone the same way", () => {
    expect(ok({ type: "program.setup", timezone: "wita" })).toEqual({ type: "program.setup", timezone: "Asia/Makassar" });
    expect(issues({ type: "program.setup", timezone: "Nowhere/City" })[0]).toMatchObject({
      code: "custom",
      message: "timezone",
      path: ["timezone"],
    });
  });
});

describe("parseCommand: numbers", () => {
  it("partnersWanted defaults to 1 and accepts 1..3, numbers or numeric strings", () => {
    expect(joined({}).partnersWanted).toBe(1);
    expect(joined({ partnersWanted: 1 }).partnersWanted).toBe(1);
    expect(joined({ partnersWanted: 3 }).partnersWanted).toBe(3);
    expect(joined({ partnersWanted: "2" }).partnersWanted).toBe(2);
  });

  it.each([0, 4, "0", "4", 1.5, "two"])("partnersWanted %j is rejected", (n) => {
    const found = joinIssues({ partnersWanted: n });
    expect(found.map((i) => i.path)).toEqual([["partnersWanted"]]);
  });

  it("partnersWanted 0 is too small and 4 too big, with the bounds in the issue", () => {
    expect(joinIssues({ partnersWanted: 0 })[0]).toMatchObject({ code: "too_small", minimum: 1 });
    expect(joinIssues({ partnersWanted: 4 })[0]).toMatchObject({ code: "too_big", maximum: 3 });
  });

  it.each([7, 14, "10"])("cadence everyDays %j is accepted", (everyDays) => {
    // Other than a week or two, only without a fixed weekday (issue 12).
    const weekday = everyDays === "10" ? "" : 3;
    expect(answersOf(cadence({ everyDays, weekday })).everyDays).toBe(Number(everyDays));
  });

  it.each([6, 15, 0, "6", "15"])("cadence everyDays %j is rejected", (everyDays) => {
    expect(issues(cadence({ everyDays })).map((i) => i.path)).toEqual([["everyDays"]]);
  });

  it.each([45, 60, "50"])("cadence minutes %j is accepted", (minutes) => {
    expect(answersOf(cadence({ minutes })).minutes).toBe(Number(minutes));
  });

  it.each([44, 61, "44", "61"])("cadence minutes %j is rejected", (minutes) => {
    expect(issues(cadence({ minutes })).map((i) => i.path)).toEqual([["minutes"]]);
  });

  it("weekday is 1..7", () => {
    expect(answersOf(cadence({ weekday: 1 }))).toMatchObject({ weekday: 1 });
    expect(answersOf(cadence({ weekday: "7" }))).toMatchObject({ weekday: 7 });
    expect(issues(cadence({ weekday: 0 }))[0]?.path).toEqual(["weekday"]);
    expect(issues(cadence({ weekday: 8 }))[0]?.path).toEqual(["weekday"]);
  });

  it.each([1, 5, "3"])("check-in rating %j is accepted", (rating) => {
    expect(answersOf(checkin({ rating }))).toEqual({ rating: Number(rating) });
  });

  it.each([0, 6, "6", 2.5])("check-in rating %j is rejected", (rating) => {
    expect(issues(checkin({ rating })).map((i) => i.path)).toEqual([["rating"]]);
  });

  it("the 'we met' form needs its rating: left empty, it is missing", () => {
    expect(issues(sub({ type: "checkin" }, {}))[0]).toMatchObject({ code: "invalid_type", path: ["rating"] });
  });

  it("a check-in without a form is 'not met' or 'rescheduled', never 'met' and never with a rating", () => {
    expect(ok({ type: "checkin", sessionId: UUID, outcome: "not_met" })).toEqual({
      type: "checkin",
      sessionId: UUID,
      outcome: "not_met",
    });
    expect(issues({ type: "checkin", outcome: "met" })[0]?.path).toEqual(["outcome"]);
    expect(issues({ type: "checkin", outcome: "not_met", rating: 2 })[0]).toMatchObject({ code: "unrecognized_keys" });
  });

  it("round lengths are 4..52 weeks", () => {
    expect(ok({ type: "round.open", weeks: "4" })).toEqual({ type: "round.open", weeks: 4 });
    expect(ok({ type: "round.open", weeks: 52 })).toEqual({ type: "round.open", weeks: 52 });
    expect(issues({ type: "round.open", weeks: 3 })[0]?.path).toEqual(["weeks"]);
    expect(issues({ type: "program.setup", roundWeeks: 53 })[0]?.path).toEqual(["roundWeeks"]);
  });
});

describe("parseCommand: text formats", () => {
  it.each(["09:30", "00:00", "23:59", "10:00"])("time %s is accepted", (time) => {
    expect(answersOf(cadence({ time })).time).toBe(time);
  });

  it.each(["24:00", "9:30", "12:60", "09:30:00", "0930", " 09:30", "ab:cd"])("time %j is rejected", (time) => {
    expect(issues(cadence({ time })).map((i) => i.path)).toEqual([["time"]]);
  });

  it("pause until is YYYY-MM-DD", () => {
    expect(ok(sub({ type: "pause" }, { until: "2026-12-24" }))).toEqual({ type: "pause", answers: { until: "2026-12-24" } });
    expect(ok({ type: "pause" })).toEqual({ type: "pause" });
    for (const until of ["24-12-2026", "2026-12-24T00:00", "tomorrow"]) {
      expect(issues(sub({ type: "pause" }, { until }))[0]?.path).toEqual(["until"]);
    }
  });

  it("ids must be UUIDs", () => {
    expect(ok({ type: "cadence.confirm", pairingId: UUID })).toEqual({ type: "cadence.confirm", pairingId: UUID });
    expect(issues({ type: "cadence.confirm", pairingId: "not-a-uuid" })[0]?.path).toEqual(["pairingId"]);
    expect(issues({ type: "cadence.confirm" })[0]).toMatchObject({ code: "invalid_type", path: ["pairingId"] });
    expect(issues({ type: "rematch.request", pairingId: 42 })[0]?.path).toEqual(["pairingId"]);
  });

  it("texts are trimmed and their length is limited; a blank note is refused, a blank optional text is absent", () => {
    const journal = (text: string) => sub({ type: "journal.write" }, { text });
    expect(issues(journal("   "))[0]).toMatchObject({ code: "too_small", path: ["text"] });
    expect(answersOf(journal("  hari ini  "))).toEqual({ text: "hari ini" });
    expect(answersOf(journal("x".repeat(4000))).text).toHaveLength(4000);
    expect(issues(journal("x".repeat(4001)))[0]).toMatchObject({ code: "too_big", path: ["text"] });
    const end = (answers: Record<string, unknown>) => sub({ type: "pairing.end", pairingId: UUID }, answers);
    expect(issues(end({ messageToPartner: "x".repeat(501) }))[0]?.path).toEqual(["messageToPartner"]);
    expect(answersOf(end({ reason: "   " }))).toEqual({ notAFit: false, rematch: false });
  });

  it("program name: empty means default, blank is rejected, text is trimmed", () => {
    expect(ok({ type: "program.setup", name: "" })).toEqual({ type: "program.setup" });
    expect(ok({ type: "program.setup", name: "  Mentoring Sebaya  " })).toEqual({
      type: "program.setup",
      name: "Mentoring Sebaya",
    });
    expect(issues({ type: "program.setup", name: "   " })[0]).toMatchObject({ code: "too_small", path: ["name"] });
  });

  it("team is required and non-blank", () => {
    expect(joinIssues({ team: "  " })[0]).toMatchObject({ code: "too_small", path: ["team"] });
    const { team: _team, ...noTeam } = intake;
    expect(issues(sub({ type: "round.join" }, noTeam))[0]).toMatchObject({
      code: "invalid_type",
      path: ["team"],
    });
  });

  it("language is id or en", () => {
    expect(joined({ language: "en" }).language).toBe("en");
    expect(joinIssues({ language: "fr" })[0]?.path).toEqual(["language"]);
  });
});

describe("parseCommand: flags", () => {
  it.each([
    [true, true],
    ["true", true],
    ["yes", true],
    ["on", true],
    [false, false],
    ["false", false],
    ["no", false],
    ["", false],
  ])("dryRun %j -> %s", (input, expected) => {
    expect(ok({ type: "round.match", dryRun: input })).toEqual({ type: "round.match", dryRun: expected });
  });

  it("dryRun defaults to false and rejects other values", () => {
    expect(ok({ type: "round.match" })).toEqual({ type: "round.match", dryRun: false });
    expect(issues({ type: "round.match", dryRun: "maybe" })[0]?.path).toEqual(["dryRun"]);
    expect(issues({ type: "round.match", dryRun: 1 })[0]?.path).toEqual(["dryRun"]);
  });
});

describe("parseCommand: shape", () => {
  it("unknown keys are rejected at the top level", () => {
    const found = issues({ type: "help", extra: 1 });
    expect(found).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: ["extra"], path: [] })]);
  });

  it("unknown keys are rejected inside the intake", () => {
    const found = joinIssues({ isAdmin: true });
    expect(found).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: ["isAdmin"], path: [] })]);
  });

  it("a command cannot carry another command's fields", () => {
    expect(issues({ type: "round.leave", pairingId: UUID })[0]).toMatchObject({ code: "unrecognized_keys" });
    expect(issues({ type: "status", dryRun: true })[0]).toMatchObject({ code: "unrecognized_keys" });
  });

  it.each([{ type: "nope" }, { type: "unknown:frobnicate", rest: 0 }, {}, { type: 42 }, { type: "HELP" }])(
    "%j is rejected with an issue at path ['type']",
    (input) => {
      const found = issues(input);
      expect(found.some((i) => i.path.length === 1 && i.path[0] === "type")).toBe(true);
    },
  );

  it.each([null, undefined, "help", 42, []])("non-object input %j is rejected", (input) => {
    issues(input);
  });

  it("a full intake parses to exactly the normalised command", () => {
    expect(
      ok(
        sub(
          { type: "round.join", roundId: UUID },
          { ...intake, expertise: "sql, python", timezone: "wita", partnersWanted: "3", interests: "music" },
        ),
      ),
    ).toEqual({
      type: "round.join",
      roundId: UUID,
      answers: {
        expertise: ["sql", "python"],
        goals: ["public speaking"],
        interests: ["music"],
        team: "Data",
        timezone: "Asia/Makassar",
        language: "id",
        partnersWanted: 3,
      },
    });
  });
});

describe("commandFromText", () => {
  it.each(["", "   ", "\n\t"])("%j is help", (text) => {
    expect(commandFromText(text)).toEqual({ type: "help" });
  });

  it.each([
    ["help", { type: "help" }],
    ["bantuan", { type: "help" }],
    ["status", { type: "status" }],
    ["join", { type: "round.join" }],
    ["JOIN", { type: "round.join" }],
    ["ikut", { type: "round.join" }],
    ["leave", { type: "round.leave" }],
    ["keluar", { type: "round.leave" }],
    ["match", { type: "round.match" }],
    ["preview", { type: "round.match", dryRun: true }],
    ["pratinjau", { type: "round.match", dryRun: true }],
    ["cocokkan", { type: "round.match" }],
    ["siapkan", { type: "program.setup" }],
    ["report", { type: "program.report" }],
    ["laporan", { type: "program.report" }],
    ["close", { type: "round.close" }],
    ["tutup", { type: "round.close" }],
    ["schedule", { type: "cadence.propose" }],
    ["jadwal", { type: "cadence.propose" }],
    ["checkin", { type: "checkin" }],
    ["lapor", { type: "checkin" }],
    ["journal", { type: "journal.write" }],
    ["jurnal", { type: "journal.write" }],
    ["pause", { type: "pause" }],
    ["rehat", { type: "pause" }],
    ["resume", { type: "resume" }],
    ["lanjut", { type: "resume" }],
    ["end", { type: "pairing.end" }],
    ["akhiri", { type: "pairing.end" }],
    ["setup", { type: "program.setup" }],
    ["open", { type: "round.open" }],
    ["buka", { type: "round.open" }],
  ])("%j -> %j", (text, expected) => {
    expect(commandFromText(text)).toEqual(expected);
  });

  it.each([
    ["hours", { type: "program.hours" }],
    ["hours 8-20 1-5", { type: "program.hours", from: 8, until: 20, workingDays: [1, 2, 3, 4, 5] }],
    ["jam 7-21 1,3,5-6", { type: "program.hours", from: 7, until: 21, workingDays: [1, 3, 5, 6] }],
  ])("contact hours: %j parses to %j", (text, expected) => {
    expect(ok(commandFromText(text))).toEqual(expected);
  });

  it.each(["hours 8", "hours x-20", "hours 8-25", "hours 8-20 0-5", "hours 8-20 mon"])("contact hours %j is refused", (text) => {
    expect(parseCommand(commandFromText(text)).ok).toBe(false);
  });

  it.each([
    ["report csv", { type: "program.report", format: "csv" }],
    ["rekap CSV 3", { type: "program.report", format: "csv", round: 3 }],
    ["laporan csv 12", { type: "program.report", format: "csv", round: 12 }],
  ])("the report's CSV: %j parses to %j", (text, expected) => {
    expect(ok(commandFromText(text))).toEqual(expected);
  });

  it.each(["report pdf", "report csv x", "report csv 0", "report csv 3 4"])("report %j is refused", (text) => {
    expect(parseCommand(commandFromText(text)).ok).toBe(false);
  });

  it("Indonesian 'rehat <date>' is the pause form answered in one line, and it parses", () => {
    const raw = commandFromText("rehat 2026-12-24");
    expect(raw).toEqual(sub({ type: "pause" }, { until: "2026-12-24" }));
    expect(ok(raw)).toEqual({ type: "pause", answers: { until: "2026-12-24" } });
    expect(commandFromText("  pause\t2026-12-24  ")).toEqual(sub({ type: "pause" }, { until: "2026-12-24" }));
  });

  it("'preview' is a dry-run match, and it parses as one", () => {
    expect(ok(commandFromText("preview"))).toEqual({ type: "round.match", dryRun: true });
    expect(ok(commandFromText("match"))).toEqual({ type: "round.match", dryRun: false });
  });

  it("the rest of the text is kept (inner spacing included) for commands that take it", () => {
    expect(commandFromText("setup   Mentoring  Sebaya  ")).toEqual({ type: "program.setup", name: "Mentoring  Sebaya" });
    expect(commandFromText("journal Belajar SQL hari ini")).toEqual(
      sub({ type: "journal.write" }, { text: "Belajar SQL hari ini" }),
    );
    expect(ok(commandFromText("buka 6"))).toEqual({ type: "round.open", weeks: 6 });
  });

  it("setup takes the program's language (and zone, length) after its name, in English or Indonesian", () => {
    expect(ok(commandFromText("setup Kopi Belajar language=en"))).toEqual({
      type: "program.setup",
      name: "Kopi Belajar",
      language: "en",
    });
    expect(ok(commandFromText("siapkan Sahabat Belajar bahasa=ID zona=wita minggu=8"))).toEqual({
      type: "program.setup",
      name: "Sahabat Belajar",
      language: "id",
      timezone: "Asia/Makassar",
      roundWeeks: 8,
    });
    expect(ok(commandFromText("setup language=en"))).toEqual({ type: "program.setup", language: "en" });
    // Not a setting: part of the name. A language we do not speak is refused, naming the field.
    expect(commandFromText("setup 1+1=2 club")).toEqual({ type: "program.setup", name: "1+1=2 club" });
    expect(issues(commandFromText("setup Kopi language=fr"))[0]?.path).toEqual(["language"]);
  });

  it("commands that take no text ignore it", () => {
    expect(commandFromText("join please")).toEqual({ type: "round.join" });
    expect(commandFromText("help me")).toEqual({ type: "help" });
  });

  it("every known word produces input that parseCommand accepts", () => {
    const words =
      "help bantuan status setup siapkan open buka join ikut leave keluar preview pratinjau match cocokkan close tutup report rekap laporan schedule jadwal checkin cerita lapor journal catatan jurnal pause rehat resume lanjut end akhiri role peran";
    for (const word of words.split(" ")) {
      const r = parseCommand(commandFromText(word));
      expect(r.ok, word).toBe(true);
    }
  });

  it.each(["frobnicate", "frobnicate with args", "toString", "constructor", "__proto__"])(
    "unknown word %j becomes an unknown-command type that parseCommand rejects at ['type']",
    (text) => {
      const raw = commandFromText(text);
      expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
      expect(typeof raw.type).toBe("string");
      expect(String(raw.type).startsWith("unknown:")).toBe(true);
      const found = issues(raw);
      expect(found.some((i) => i.path.length === 1 && i.path[0] === "type")).toBe(true);
    },
  );

  it("the unknown word is named in the type, cut to 40 characters", () => {
    expect(commandFromText("frobnicate x y")).toEqual({ type: "unknown:frobnicate", rest: 2 });
    const long = "x".repeat(60);
    expect(commandFromText(long).type).toBe(`unknown:${"x".repeat(40)}`);
  });
});
