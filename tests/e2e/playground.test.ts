/**
 * The playground driven as a person types into it: lines piped into the real
 * REPL on a real database, and what the terminal printed read back. Forms are
 * asked field by field and each answer checked as it is given; headings,
 * times and button numbers are each reader's own.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConsoleWorkspace } from "../../src/adapters/console/app";
import { CAST } from "../../src/adapters/console/cast";
import { lineReader } from "../../src/adapters/console/line-reader";
import { runRepl } from "../../src/adapters/console/repl";
import { createAppCore, playgroundStore } from "../../src/app";
import type { Language } from "../../src/core/domain";
import { problemWithAnswer } from "../../src/core/forms/form-validation";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { formatDateTime } from "../../src/core/time/time-format";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
// What people read, through the catalogs: the copy may be reworded, the behaviour may not.
const id = translator("id");
const en = translator("en");

/** Saturday 5 December 2026, 09:00 WIB. */
const START = new Date("2026-12-05T02:00:00Z");

interface Play {
  /** Everything the terminal printed, prompts included. */
  out: string;
  ws: ConsoleWorkspace;
}

/**
 * Pipes `lines` into the playground. `more` are what a terminal gives after Ctrl-D (each list
 * read after the one before ends), as a terminal reads on where a pipe stops.
 */
async function play(lines: string[], opts: { language?: Language; more?: string[][] } = {}): Promise<Play> {
  const clock = new ManualClock(START);
  const core = createAppCore({ db: tdb.db, clock });
  const ws = new ConsoleWorkspace(core, playgroundStore(tdb.db.kysely), clock, CAST);
  const typed = (ls: string[]) => {
    const input = new PassThrough();
    input.end(ls.length > 0 ? `${ls.join("\n")}\n` : "");
    return input;
  };
  const later = [...(opts.more ?? [])];
  const sink = new PassThrough();
  let out = "";
  const write = (text: string) => {
    out += text;
  };
  sink.on("data", (d) => write(String(d)));
  const rl = lineReader(typed(lines), sink, opts.more ? () => typed(later.shift() ?? []) : undefined);
  await runRepl({ ws, clock, rl, language: opts.language ?? "en", dataDir: "test", write });
  rl.close();
  return { out, ws };
}

const opening = ["/mentoring setup Kopi Belajar", "/mentoring open"];

async function member(userId: string) {
  return tdb.db.kysely
    .selectFrom("members as m")
    .leftJoin("profiles as p", "p.member_id", "m.id")
    .leftJoin("enrollments as e", "e.member_id", "m.id")
    .select(["m.language", "m.timezone", "p.team", "p.expertise", "e.partners_wanted"])
    .where("m.external_id", "=", userId)
    .executeTakeFirst();
}

/** The text after the first occurrence of `marker`. */
const textAfter = (text: string, marker: string) => text.slice(text.indexOf(marker) + marker.length);

describe("forms in the playground", () => {
  it("checks each answer as it is typed, says what is expected, asks that field again and keeps the others", async () => {
    const { out } = await play([
      ...opening,
      ":as ani",
      ":press 1",
      "SQL, public speaking",
      "data analysis",
      "",
      "", // team: required
      "Data",
      "Mars/Olympus", // an unknown zone
      "WITA",
      "English", // the option's text, not its number
      "dua", // not a number
      "2",
      "/mentoring status",
      ":quit",
    ]);
    // Each problem is told at its own field, before the next field is asked.
    const team = out.indexOf(`${problemWithAnswer("round.join", "team", "", id)}`);
    const zoneProblem = out.indexOf(`${problemWithAnswer("round.join", "timezone", "Mars/Olympus", id)}`);
    const zonePrompt = out.indexOf(`${id("field.timezone")} (`);
    const partners = out.indexOf(`${problemWithAnswer("round.join", "partnersWanted", "dua", id)}`);
    expect(team).toBeGreaterThan(0);
    expect(team).toBeLessThan(zonePrompt);
    expect(zoneProblem).toBeGreaterThan(zonePrompt);
    expect(partners).toBeGreaterThan(zoneProblem);
    // One submission with every answer: joined, in English (chosen by its name) and WITA.
    expect(out).toContain(en("join.done", { number: 1 }));
    expect(out).not.toContain(id("error.invalid"));
    expect(out).not.toContain(en("error.invalid"));
    expect(await member("ani")).toMatchObject({
      language: "en",
      timezone: "Asia/Makassar",
      team: "Data",
      partners_wanted: 2,
    });
  });

  it("closes a form with :cancel and says so; it does not come back after the next command, and opens again with the answers kept", async () => {
    const { out } = await play([
      ...opening,
      ":as budi",
      ":press 1",
      "SQL",
      "public speaking",
      "kopi",
      "", // team: required, asked again at once
      ":cancel",
      "/mentoring status",
      ":press 1", // the Join button again, on the new screen
      "", // expertise kept
      "", // goals kept
      "", // interests kept
      "Data",
      "",
      "",
      "",
      ":quit",
    ]);
    const cancelled = out.indexOf(id("console.formCancelled"));
    expect(cancelled).toBeGreaterThan(out.indexOf(`${problemWithAnswer("round.join", "team", "", id)}`));
    // After the status, no form until Join is pressed again.
    const status = textAfter(out, id("status.title"));
    const form = id("console.form", { title: id("join.form.title") });
    expect(status.indexOf(form)).toBeGreaterThan(status.indexOf("[Budi] > "));
    expect(out).toContain(id("console.formResumed"));
    expect(out).toContain("[SQL]");
    expect(await member("budi")).toMatchObject({ team: "Data", expertise: ["SQL"] });
  });

  it("offers a member their own zone: Makassar for Citra", async () => {
    const { out } = await play([
      ...opening,
      ":as citra",
      ":press 1",
      "UX research",
      "product management",
      "",
      "Design",
      "",
      "",
      "",
      ":quit",
    ]);
    expect(out).toContain("[Asia/Makassar] > ");
    expect(await member("citra")).toMatchObject({ timezone: "Asia/Makassar", team: "Design" });
  });

  it("Ctrl-D inside a form closes only the form on a terminal; the playground reads on", async () => {
    const { out } = await play([...opening, ":as dewi", ":press 1", "roadmapping"], {
      more: [[":as eko", "/mentoring status", ":quit"]],
    });
    expect(out).toContain(id("console.formCancelled"));
    expect(out).toContain(en("console.you", { name: "Eko" }));
    expect(out).toContain(id("status.notEnrolled"));
    expect(await member("dewi")).toMatchObject({ team: null });
  });

  it("a piped script that ends inside a form ends the playground cleanly", async () => {
    const { out } = await play([...opening, ":as dewi", ":press 1", "roadmapping"]);
    expect(out).toContain(en("console.bye", { dir: "test" }));
    expect(await member("dewi")).toMatchObject({ team: null });
  });
});

describe("each reader's own playground", () => {
  it("headings use the language and zone the member chose, not the cast's", async () => {
    // Citra's platform says English and Makassar; she chooses Indonesian and WIB in the form.
    const { out } = await play([
      ...opening,
      ":as citra",
      ":press 1",
      "UX research",
      "SQL",
      "",
      "Design",
      "WIB",
      "1",
      "",
      "/mentoring status",
      ":quit",
    ]);
    const status = textAfter(out, id("join.done", { number: 1 }));
    const heading = `── ${id("console.where.reply")} · ${formatDateTime(START, "Asia/Jakarta", "id")}`;
    expect(status).toContain(`${heading}\n*${id("status.title")}*`);
    expect(status).not.toContain(en("console.where.reply"));
    expect(status).not.toContain("WITA");
  });

  it("/mentoring setup sets the program's language: the channel reads English though the organizer reads Indonesian", async () => {
    const { out } = await play(["/mentoring setup Kopi Belajar language=en", "/mentoring open", ":as ani", ":quit"]);
    const ani = textAfter(out, en("console.you", { name: "Ani" }));
    expect(ani).toContain(`*${en("round.announce.title", { number: 1 })}*`);
    expect(ani).toContain(`[1] ${en("round.announce.join", { number: 1 })}`);
    expect(ani).toContain(`── #mentoring · ${formatDateTime(START, "Asia/Jakarta", "id")}`);
  });
});

describe("help and buttons", () => {
  it("the help after an unknown command lists the organizer commands to an organizer only", async () => {
    const { out } = await play([...opening, "/mentoring frobnicate", ":as ani", "/mentoring frobnicate", ":quit"]);
    const sari = out.slice(0, out.indexOf(en("console.you", { name: "Ani" })));
    const ani = textAfter(out, en("console.you", { name: "Ani" }));
    const organizers = id("help.organizer", { csv: "/mentoring report csv" }).split("\n")[0] ?? "";
    expect(organizers).not.toBe("");
    expect(sari).toContain(id("error.unknownCommand"));
    expect(sari).toContain(organizers);
    expect(ani).toContain(id("error.unknownCommand"));
    expect(ani).not.toContain(organizers);
  });

  it("the Indonesian :help does not call check-ins reports", async () => {
    const { out } = await play([":help", ":quit"], { language: "id" });
    expect(out).toContain(":advance <30m|2h|14d|1w>");
    expect(out).not.toMatch(/laporan sesi|lapor/i);
  });

  it("numbers each screen's buttons from 1, and :press takes a number on the last screen or a label", async () => {
    const { out, ws } = await play([
      ...opening,
      ":as ani",
      `:press ${id("round.announce.join", { number: 1 }).split(" ")[0]?.toLowerCase()}`, // the Join button, by the start of its label
      "SQL",
      "public speaking",
      "",
      "Data",
      "",
      "",
      "",
      "/mentoring status",
      ":press 2", // Take a break: the second button of this screen
      ":cancel",
      ":quit",
    ]);
    expect(ws.buttonsFor("ani").length).toBeGreaterThan(2);
    const status = textAfter(out, `*${id("status.title")}*`);
    expect(status).toContain(`\n[1] ${id("status.journalButton")}  [2] ${id("status.pauseButton")}\n`);
    expect(status).toContain(id("console.form", { title: id("pause.form.title") }));
    expect(await member("ani")).toMatchObject({ team: "Data" });
  });
});
