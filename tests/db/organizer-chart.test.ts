/**
 * The organizer's chart against the database: a program with several rounds
 * played through the commands members and organizers use, its chart figures
 * compared with counts computed here by plain SQL; the figures from private
 * answers hidden below a block of five and not differenced back to one
 * answer; and the chart itself sent as a PNG to the organizer's DM only.
 */
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { chartAltText, programChartDocument } from "../../src/core/charts/program-chart";
import { translator } from "../../src/core/i18n/translate";
import type { ChartAttachment } from "../../src/core/messages/attachment";
import type { Message, Reply } from "../../src/core/messages/message";
import type { ProgramChartFigures } from "../../src/core/ports";
import { ANSWER_BLOCK } from "../../src/core/views/report";
import { kyselyStore } from "../../src/store/kysely-store";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const DAY = 24 * 60 * 60 * 1000;
const PEOPLE = ["ani", "budi", "citra", "dewi", "eko", "fajar", "gita", "hadi", "intan", "joko"];
const TEAMS = ["Data", "Design", "Engineering"];

beforeEach(() => {
  h = new Harness(tdb.db);
});

const programId = async () => (await tdb.db.kysely.selectFrom("programs").select("id").executeTakeFirstOrThrow()).id;

/** The command on the reply's button so labelled (an organizer presses what they see). */
function commandButton(reply: Reply, label: string): Record<string, unknown> {
  for (const m of reply.messages)
    for (const b of m.blocks)
      if (b.type === "actions")
        for (const e of b.elements)
          if (e.type === "button" && e.label === label && e.action.kind === "command") return e.action.command;
  throw new Error(`no button "${label}" in ${replyText(reply)}`);
}

const chartFigures = async (): Promise<ProgramChartFigures> => {
  const id = await programId();
  return kyselyStore(tdb.db.kysely).transaction((tx) => tx.reports.chart(id, h.clock.now(), ANSWER_BLOCK, 6));
};

/** Each group agrees a routine; their first session comes and goes. */
async function everyoneMeets(people: readonly string[]) {
  const groups: Array<{ pairingId: string; members: string[] }> = [];
  for (const p of people) {
    if (groups.some((g) => g.members.includes(p))) continue;
    const pairingId = (await h.pairingsOf(p))[0];
    if (!pairingId) continue;
    const members = await h.membersOf(pairingId);
    await h.run(p, submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 60, weekday: 3, time: "10:00" }), DM);
    for (const o of members.filter((m) => m !== p)) await h.run(o, { type: "cadence.confirm", pairingId }, DM);
    groups.push({ pairingId, members });
  }
  h.clock.advance(9 * DAY);
  await h.runJobs();
  return groups;
}

async function checkIn(groups: Array<{ pairingId: string; members: string[] }>, count: number, rating = 4) {
  let done = 0;
  for (const g of groups) {
    const session = await tdb.db.kysely
      .selectFrom("sessions")
      .select("id")
      .where("pairing_id", "=", g.pairingId)
      .orderBy("number")
      .executeTakeFirstOrThrow();
    for (const m of g.members) {
      if (done++ >= count) return;
      await h.run(m, submit({ type: "checkin", sessionId: session.id }, { rating, note: "PRIVATE" }), DM);
    }
  }
}

/** The same figures by plain SQL and a little arithmetic here, round by round. */
async function countedHere(id: string) {
  const db = tdb.db.kysely;
  const rounds = await db.selectFrom("rounds").select(["id", "number"]).where("program_id", "=", id).orderBy("number").execute();
  const out = [];
  for (const r of rounds) {
    const pairings = await db.selectFrom("pairings").select(["id", "status"]).where("round_id", "=", r.id).execute();
    const pids = pairings.map((p) => p.id);
    const pm = pids.length ? await db.selectFrom("pairing_members").selectAll().where("pairing_id", "in", pids).execute() : [];
    const sessions = pids.length ? await db.selectFrom("sessions").selectAll().where("pairing_id", "in", pids).execute() : [];
    const held = sessions.filter((s) => s.status === "held");
    const met = new Set(pm.filter((m) => held.some((s) => s.pairing_id === m.pairing_id)).map((m) => m.member_id));
    const present = (pairingId: string) => pm.filter((m) => m.pairing_id === pairingId && m.left_at === null).length;
    const still = new Set(pm.filter((m) => m.left_at === null && present(m.pairing_id) >= 2).map((m) => m.member_id));
    const prompted = sessions.filter((s) => s.check_in_prompted_at !== null);
    const asked = prompted.reduce((n, s) => n + pm.filter((m) => m.pairing_id === s.pairing_id).length, 0);
    const sids = sessions.map((s) => s.id);
    const checkIns = sids.length ? await db.selectFrom("check_ins").selectAll().where("session_id", "in", sids).execute() : [];
    const rated = checkIns.filter((c) => c.ordinal !== null).sort((a, b) => Number(a.ordinal) - Number(b.ordinal));
    const counted = rated.slice(0, Math.floor(rated.length / ANSWER_BLOCK) * ANSWER_BLOCK);
    const byValue = [1, 2, 3, 4, 5].map((v) => counted.filter((c) => c.rating === v).length);
    const joined = await db.selectFrom("enrollments").select("id").where("round_id", "=", r.id).execute();
    out.push({
      number: r.number,
      participation: {
        joined: joined.length,
        matched: new Set(pm.map((m) => m.member_id)).size,
        met: met.size,
        stillMeeting: still.size,
      },
      checkIns: { counted: Math.floor(checkIns.length / ANSWER_BLOCK) * ANSWER_BLOCK, asked },
      ratings: { counted: counted.length, byValue },
      sessions,
    });
  }
  return out;
}

describe("the organizer's chart figures", () => {
  it("match counts taken straight from the database, over several rounds", async () => {
    await h.openProgram();
    for (const [i, p] of PEOPLE.entries()) await h.join(p, { team: TEAMS[i % 3] });
    await h.run("olga", { type: "round.match" });
    const first = await everyoneMeets(PEOPLE);
    await checkIn(first, 7, 5);
    await h.run("olga", { type: "round.close" });
    h.clock.advance(2 * DAY);
    await h.run("olga", { type: "round.open" });
    // Round 2: fewer people, one leaves before matching; three answers only.
    for (const [i, p] of PEOPLE.slice(0, 7).entries()) await h.join(p, { team: TEAMS[i % 3] });
    await h.run("gita", { type: "round.leave", confirm: true });
    await h.run("olga", { type: "round.match" });
    const second = await everyoneMeets(PEOPLE.slice(0, 6));
    await checkIn(second, 3, 2);

    const figures = await chartFigures();
    const here = await countedHere(await programId());
    expect(figures.rounds.map((r) => r.number)).toEqual([1, 2]);
    for (const [i, round] of figures.rounds.entries()) {
      const expected = here[i];
      expect(round.participation).toEqual(expected?.participation);
      expect(round.checkIns).toEqual(expected?.checkIns);
      expect(round.ratings).toEqual(expected?.ratings);
    }
    // Round 1: ten joined; seven check-ins held four pairs' sessions; all stayed to the end; five of seven ratings counted.
    expect(figures.rounds[0]?.participation).toEqual({ joined: 10, matched: 10, met: 8, stillMeeting: 10 });
    expect(figures.rounds[0]?.ratings).toEqual({ counted: 5, byValue: [0, 0, 0, 0, 5] });
    expect(figures.rounds[1]?.participation.joined).toBe(7);
    expect(figures.rounds[1]?.ratings.counted).toBe(0);

    // Held and missed sessions by week, in the program's zone, counted here from every session.
    const timezone = (await tdb.db.kysely.selectFrom("programs").select("timezone").executeTakeFirstOrThrow()).timezone;
    const weeks = new Map<string, { held: number; missed: number }>();
    for (const s of here.flatMap((r) => r.sessions)) {
      if (s.status !== "held" && s.status !== "missed") continue;
      const week = DateTime.fromJSDate(s.starts_at).setZone(timezone).startOf("week").toFormat("yyyy-LL-dd");
      const w = weeks.get(week) ?? { held: 0, missed: 0 };
      w[s.status] += 1;
      weeks.set(week, w);
    }
    expect(figures.weeks).toEqual([...weeks.entries()].sort().map(([week, w]) => ({ week, ...w })));
    expect(figures.weeks.reduce((n, w) => n + w.held, 0)).toBeGreaterThan(0);

    // Teams: every two people ever grouped together, once, by their two teams.
    const pairs = await tdb.db.kysely
      .selectFrom("pairing_members as x")
      .innerJoin("pairing_members as y", (j) =>
        j.onRef("y.pairing_id", "=", "x.pairing_id").onRef("x.member_id", "<", "y.member_id"),
      )
      .innerJoin("profiles as tx", "tx.member_id", "x.member_id")
      .innerJoin("profiles as ty", "ty.member_id", "y.member_id")
      .select(["tx.team as a", "ty.team as b"])
      .execute();
    const mixing = new Map<string, number>();
    for (const p of pairs) {
      const key = [p.a, p.b].sort().join("|");
      mixing.set(key, (mixing.get(key) ?? 0) + 1);
    }
    expect(new Map(figures.mixing.map((m) => [`${m.a}|${m.b}`, m.pairs]))).toEqual(mixing);

    // Round 2's answers are too few: hidden in the chart's words, in both languages.
    const subject = { programName: "Sahabat Belajar", timezone, now: h.clock.now(), block: ANSWER_BLOCK };
    for (const [language, hidden] of [
      ["en", "Round 2: hidden (fewer than 5 answers)"],
      ["id", "Putaran 2: disembunyikan (kurang dari 5 jawaban)"],
    ] as const) {
      const t = translator(language);
      const alt = chartAltText(t, programChartDocument(t, language, subject, figures));
      expect(alt).toContain(hidden);
      expect(alt).not.toContain("PRIVATE");
    }
  }, 240_000);

  it("cannot be differenced: answers past a whole block change nothing, and fewer than five are hidden", async () => {
    await h.openProgram();
    for (const [i, p] of PEOPLE.entries()) await h.join(p, { team: TEAMS[i % 3] });
    await h.run("olga", { type: "round.match" });
    const groups = await everyoneMeets(PEOPLE);
    const answers = groups.flatMap((g) => g.members.map((m) => ({ m, pairingId: g.pairingId })));
    // Answers 6 to 9 are all 1s: if the spread moved by one answer, each would be read off it.
    const ratings = [5, 4, 5, 4, 5, 1, 1, 1, 1, 3];
    const seen: Array<ProgramChartFigures["rounds"][number]> = [];
    for (const [i, { m, pairingId }] of answers.entries()) {
      const session = await tdb.db.kysely
        .selectFrom("sessions")
        .select("id")
        .where("pairing_id", "=", pairingId)
        .orderBy("number")
        .executeTakeFirstOrThrow();
      await h.run(m, submit({ type: "checkin", sessionId: session.id }, { rating: ratings[i] }), DM);
      const round = (await chartFigures()).rounds[0];
      if (round) seen.push(round);
    }
    const answerFigures = seen.map((r) => JSON.stringify([r.checkIns.counted, r.ratings]));
    // Fewer than five: nothing counted, so the chart hides it.
    for (const r of seen.slice(0, 4)) expect(r.ratings).toEqual({ counted: 0, byValue: [0, 0, 0, 0, 0] });
    // Five to nine answers: the same figures, whichever answers came after the fifth.
    expect(new Set(answerFigures.slice(4, 9)).size).toBe(1);
    expect(seen[4]?.ratings).toEqual({ counted: 5, byValue: [0, 0, 0, 2, 3] });
    // The tenth completes the next block: it moves by five answers at once.
    expect(seen[9]?.ratings).toEqual({ counted: 10, byValue: [4, 0, 1, 2, 3] });
    const t = translator("en");
    const subject = { programName: "P", timezone: "Asia/Jakarta", now: h.clock.now(), block: ANSWER_BLOCK };
    const hidden = programChartDocument(t, "en", subject, { rounds: [seen[3] as never], weeks: [], mixing: [] });
    const ratingPanel = hidden.panels.find((p) => p.kind === "bars" && p.title === t("chart.ratings"));
    expect(ratingPanel?.kind === "bars" && ratingPanel.series.every((s) => s.values.every((v) => v === null))).toBe(true);
  }, 240_000);
});

describe("/mentoring report's chart", () => {
  const chartRows = async () => (await h.outbox()).filter((r) => (r.message as Message).attachment?.mime === "image/png");

  it("goes to the organizer's own DM as a PNG with its figures in words; a member gets none", async () => {
    await h.openProgram({ language: "id" });
    for (const [i, p] of PEOPLE.slice(0, 4).entries()) await h.join(p, { team: TEAMS[i % 3] });
    await h.run("olga", { type: "round.match" });
    expect(await h.text("ani", { type: "program.report" })).toContain("Only the program’s organizers");
    expect(await chartRows()).toHaveLength(0);

    const reply = await h.text("olga", { type: "program.report" }, { locale: "id-ID" });
    expect(reply).toContain("Grafik Sahabat Belajar sudah saya kirim ke DM Anda.");
    const rows = await chartRows();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.audience_kind).toBe("member");
    expect(row?.member).toBe("olga");
    // The row holds the chart as data, in the organizer's language; delivery draws the PNG (the e2e tests).
    const file = (row?.message as Message | undefined)?.attachment as ChartAttachment;
    expect(file.name).toMatch(/^sebaya-chart-round-1-\d{4}-\d{2}-\d{2}\.png$/);
    expect(file.mime).toBe("image/png");
    expect(file.chart.language).toBe("id");
    expect(file.chart.title).toContain("Sahabat Belajar");
    expect(file.alt).toContain("Putaran 1: mendaftar: 4, dapat pasangan: 4");
    expect(row?.text).toContain("Putaran 1: mendaftar: 4");

    // The App Home's organizer section offers the chart as a button; opening the home sends nothing.
    const opened = await h.run("olga", { type: "home" }, { ...DM, locale: "en-US" });
    expect(replyText(opened)).toContain("[Send me the chart]");
    expect(await chartRows()).toHaveLength(1);
    const pressed = commandButton(opened, "Send me the chart");
    expect(pressed).toEqual({ type: "program.report", programId: await programId(), chartOnly: true });
    // Pressed a minute later: the chart alone, once more, to the same DM.
    h.clock.advance(60_000);
    const home = await h.text("olga", pressed, { locale: "en-US" });
    expect(home).toBe("I’ve sent the chart for Sahabat Belajar to your DMs.");
    expect(home).not.toContain("Program report");
    const again = await chartRows();
    expect(again).toHaveLength(2);
    expect(again[1]?.member).toBe("olga");
    expect(((again[1]?.message as Message | undefined)?.attachment as ChartAttachment | undefined)?.alt).toContain(
      "Round 1: joined: 4",
    );
  }, 120_000);
});
