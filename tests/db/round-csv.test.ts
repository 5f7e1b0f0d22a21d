/**
 * The organizers' CSV (issue 17, `/mentoring report csv`): typed by an
 * organizer, it lands in their own DM as a file whose numbers are the
 * database's, one row per member of the round; a member is refused and gets
 * nothing. Ratings, notes, ending reasons, evaluation answers and journal text
 * are planted with marker words, and none of them is in the file.
 */
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { commandFromText } from "../../src/core/commands/slash";
import type { TextAttachment } from "../../src/core/messages/attachment";
import type { Message } from "../../src/core/messages/message";
import { Harness, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

/** RFC 4180, read by csv-parse: a reader written apart from our writer. */
const readCsv = (text: string): string[][] => parse(text, { relax_quotes: false, record_delimiter: "\r\n" });

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const DAY = 24 * 60 * 60 * 1000;
/** Display names are the user id capitalized: one starts like a formula, one holds a comma and quotes. */
const PEOPLE = ["ani", "budi", "citra", "dewi", "=cmd|calc", 'lina, "la"'];
const MARKERS = ["MARKERNOTE", "MARKERJOURNAL", "MARKERREASON", "MARKERPARTNERMSG", "MARKERGOAL"];

beforeEach(() => {
  h = new Harness(tdb.db);
});

/** Six members in three pairs: one pair met (rated, with notes), one missed, one ended early. */
async function plantedRound() {
  await h.openProgram();
  for (const p of PEOPLE) await h.join(p, { goals: ["SQL", `MARKERGOAL ${p.length}`] });
  await h.run("olga", { type: "round.match" });
  const groups: Array<{ pairingId: string; members: string[] }> = [];
  for (const p of PEOPLE) {
    if (groups.some((g) => g.members.includes(p))) continue;
    const pairingId = (await h.pairingsOf(p))[0] as string;
    const members = await h.membersOf(pairingId);
    await h.run(p, submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }), DM);
    for (const o of members.filter((m) => m !== p)) await h.run(o, { type: "cadence.confirm", pairingId }, DM);
    groups.push({ pairingId, members });
  }
  expect(groups.map((g) => g.members.length)).toEqual([2, 2, 2]);
  h.clock.advance(9 * DAY);
  const sessionOf = async (pairingId: string) =>
    (
      await tdb.db.kysely
        .selectFrom("sessions")
        .select("id")
        .where("pairing_id", "=", pairingId)
        .where("number", "=", 1)
        .executeTakeFirstOrThrow()
    ).id;
  const [met, missed, ended] = groups as [(typeof groups)[0], (typeof groups)[0], (typeof groups)[0]];
  for (const [i, m] of met.members.entries()) {
    await h.run(
      m,
      submit({ type: "checkin", sessionId: await sessionOf(met.pairingId) }, { rating: 4 + i, note: "MARKERNOTE" }),
      DM,
    );
    await h.run(m, submit({ type: "journal.write" }, { text: "MARKERJOURNAL of mine" }), DM);
  }
  await h.run(
    missed.members[0] as string,
    { type: "checkin", sessionId: await sessionOf(missed.pairingId), outcome: "not_met" },
    DM,
  );
  h.clock.advance(6 * DAY);
  for (const m of met.members) {
    await h.run(
      m,
      submit({ type: "evaluation.submit", pairingId: met.pairingId, number: 1 }, { working: 2, g0: "reached", adjust: "agenda" }),
      DM,
    );
  }
  await h.run(
    ended.members[0] as string,
    submit(
      { type: "pairing.end", pairingId: ended.pairingId },
      { reason: "MARKERREASON", messageToPartner: "MARKERPARTNERMSG", rematch: false },
    ),
    DM,
  );
  return { met, missed, ended };
}

/** The CSV rows the outbox holds for an organizer, and the row's other facts. */
async function csvFiles() {
  const rows = await h.keyed("report-csv:");
  return rows.map((r) => ({
    member: r.member,
    programId: r.program_id,
    audience: r.audience_kind,
    text: r.text,
    file: (r.message as Message).attachment as TextAttachment,
  }));
}

const name = (userId: string) => userId[0]?.toUpperCase() + userId.slice(1);

describe("/mentoring report csv", () => {
  it("sends the organizer one row per member, with the database's numbers, to their DM only", async () => {
    const { met, missed, ended } = await plantedRound();
    const reply = await h.text("olga", commandFromText("report csv"));
    expect(reply).toContain("I’ve sent the member list of round 1 to your DMs as sebaya-round-1-2026-12-16.csv");
    const files = await csvFiles();
    expect(files).toHaveLength(1);
    const [sent] = files;
    // Olga's DM, and no program on the row: an undeliverable DM is never replaced by a channel message.
    expect(sent?.member).toBe("olga");
    expect(sent?.audience).toBe("member");
    expect(sent?.programId).toBeNull();
    expect(sent?.file.mime).toBe("text/csv");
    expect(sent?.text).toContain("Round 1 of Sahabat Belajar, one row per member");
    const text = sent?.file.text ?? "";
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = readCsv(text.slice(1));
    expect(header).toEqual(["Name", "Paired with", "Sessions held", "Sessions missed", "Last check-in"]);
    expect(rows).toHaveLength(PEOPLE.length);
    // Exactly these five columns in every row: no rating, goal or other column slips in unnamed.
    for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);

    // Each member's row against the database, counted here apart from the roster's query.
    const db = tdb.db.kysely;
    for (const p of PEOPLE) {
      const shown = name(p).startsWith("=") ? `'${name(p)}` : name(p);
      const row = rows.find((r) => r[0] === shown);
      expect(row, p).toBeDefined();
      const group = [met, missed, ended].find((g) => g.members.includes(p));
      const partner = group?.members.find((m) => m !== p) as string;
      expect(row?.[1]).toBe(name(partner).startsWith("=") ? `'${name(partner)}` : name(partner));
      const statuses = await db
        .selectFrom("sessions")
        .select("status")
        .where("pairing_id", "=", group?.pairingId as string)
        .execute();
      expect(row?.[2], p).toBe(String(statuses.filter((s) => s.status === "held").length));
      expect(row?.[3], p).toBe(String(statuses.filter((s) => s.status === "missed").length));
      const last = await db
        .selectFrom("check_ins")
        .innerJoin("members", "members.id", "check_ins.member_id")
        .select("check_ins.created_at")
        .where("members.external_id", "=", p)
        .orderBy("check_ins.created_at", "desc")
        .executeTakeFirst();
      // The check-ins came 9 days after 2026-12-01 09:00 WIB: the 10th in Jakarta.
      expect(row?.[4], p).toBe(last ? "2026-12-10" : "");
    }
    expect(rows.filter((r) => r[2] === "1")).toHaveLength(2);
    expect(rows.filter((r) => r[3] === "1")).toHaveLength(2);

    // Nothing private: no marker word, no rating or evaluation column.
    for (const marker of MARKERS) expect(text).not.toContain(marker);
    expect(sent?.text).not.toMatch(/MARKER/);
    expect(header?.join(" ")).not.toMatch(/rating|goal|evaluation|note|reason/i);
  });

  it("neutralizes a formula and quotes a name with a comma and quotes", async () => {
    await plantedRound();
    await h.run("olga", commandFromText("report csv"));
    const text = (await csvFiles())[0]?.file.text ?? "";
    expect(text).toContain("\r\n'=cmd|calc,");
    expect(text).toContain('"Lina, ""la"""');
    expect(text).not.toMatch(/(^|\r\n|,)=cmd/);
  });

  it("refuses a member, in their language, and sends nothing", async () => {
    await plantedRound();
    expect(await h.text("ani", commandFromText("report csv"))).toContain("Only the program’s organizers can do that.");
    expect(await h.text("wulan", commandFromText("rekap csv"), { locale: "id-ID" })).toContain("Hanya penyelenggara program");
    expect(await csvFiles()).toEqual([]);
  });

  it("takes a named round, refuses one that does not exist, and works from a DM for a one-program organizer", async () => {
    await plantedRound();
    expect(await h.text("olga", commandFromText("report csv 9"))).toContain("This program has no round 9.");
    await h.run("olga", { type: "round.close" });
    await h.run("olga", { type: "round.open" });
    await h.join("kiki");
    await h.run("olga", commandFromText("report csv"), DM);
    await h.run("olga", commandFromText("report csv 1"), DM);
    const [second, first] = (await csvFiles()).map((f) => readCsv(f.file.text.slice(1)));
    expect(second?.slice(1).map((r) => r[0])).toEqual(["Kiki"]);
    expect(first?.slice(1)).toHaveLength(PEOPLE.length);
    // The trail says which round's member list an organizer took.
    const trail = await h.text("olga", { type: "program.audit" });
    expect(trail).toContain("Olga: took the member list (CSV) of round 2");
    expect(trail).toContain("Olga: took the member list (CSV) of round 1");
  });

  it("names its columns in Indonesian for an Indonesian organizer", async () => {
    await h.allowEveryoneToSetUp();
    await h.run("olga", { type: "program.setup", name: "Sahabat Belajar", language: "id" }, { locale: "id-ID" });
    await h.run("olga", { type: "round.open" }, { locale: "id-ID" });
    await h.join("ani", { language: "id" });
    expect(await h.text("olga", commandFromText("rekap csv"), { locale: "id-ID" })).toContain(
      "Daftar anggota putaran 1 sudah saya kirim lewat DM",
    );
    const [sent] = await csvFiles();
    expect(readCsv(sent?.file.text.slice(1) ?? "")).toEqual([
      ["Nama", "Pasangan", "Sesi terlaksana", "Sesi terlewat", "Cerita sesi terakhir"],
      ["Ani", "", "0", "0", ""],
    ]);
    expect(sent?.text).toContain("satu baris per anggota");
  });
});
