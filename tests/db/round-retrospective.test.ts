/**
 * The round retrospective (issue 17): when a round closes, each organizer
 * gets, in their language, a few sentences on participation, meetings and
 * goals reached, against the round before. Written with the close, once: a
 * second close or the round's end job afterwards sends nothing more. Goals
 * reached from fewer than five evaluations are said to be hidden.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { ChartAttachment } from "../../src/core/messages/attachment";
import type { Message } from "../../src/core/messages/message";
import { sendRetrospective } from "../../src/core/pairing/round-retrospective";
import { repositories } from "../../src/store/kysely-store";
import { Harness, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const DAY = 24 * 60 * 60 * 1000;
const SIX = ["ani", "budi", "citra", "dewi", "eko", "fajar"];

beforeEach(() => {
  h = new Harness(tdb.db);
});

/** Pairs the people in the open round and has the first `meeting` groups meet once; the groups. */
async function matchAndMeet(people: string[], meeting: number) {
  for (const p of people) await h.join(p, { goals: ["SQL", `goal of ${p}`] });
  await h.run("olga", { type: "round.match" });
  const groups: Array<{ pairingId: string; members: string[] }> = [];
  for (const p of people) {
    if (groups.some((g) => g.members.includes(p))) continue;
    const pairingId = (await h.pairingsOf(p))[0] as string;
    groups.push({ pairingId, members: await h.membersOf(pairingId) });
  }
  for (const g of groups.slice(0, meeting)) {
    const [first, ...others] = g.members as [string, ...string[]];
    await h.run(
      first,
      submit({ type: "cadence.propose", pairingId: g.pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
      DM,
    );
    for (const o of others) await h.run(o, { type: "cadence.confirm", pairingId: g.pairingId }, DM);
  }
  h.clock.advance(9 * DAY);
  for (const g of groups.slice(0, meeting)) {
    const session = await tdb.db.kysely
      .selectFrom("sessions")
      .select("id")
      .where("pairing_id", "=", g.pairingId)
      .where("number", "=", 1)
      .executeTakeFirstOrThrow();
    await h.run(g.members[0] as string, submit({ type: "checkin", sessionId: session.id }, { rating: 5 }), DM);
  }
  return groups;
}

const retrospectives = () => h.keyed("retrospective:");

describe("the round retrospective", () => {
  it("tells the organizer how the round went once, with goals hidden below five answers", async () => {
    await h.openProgram();
    await matchAndMeet(SIX, 2);
    expect(await retrospectives()).toEqual([]);
    expect(await h.text("olga", { type: "round.close" })).toContain("Round 1 is closed.");
    const [row, ...more] = await retrospectives();
    expect(more).toEqual([]);
    expect(row?.member).toBe("olga");
    expect(row?.audience_kind).toBe("member");
    expect(row?.text.split("\n")).toEqual([
      "Round 1 of Sahabat Belajar: how it went",
      "6 people joined round 1, and 3 pairs were formed.",
      "2 of 3 pairs met at least once (67%).",
      "Goals reached stay hidden this time: fewer than 5 evaluations came back, and so few answers could point at someone.",
      "All the figures: /mentoring report · one row per member: /mentoring report csv 1",
      "[Full report] [Member list (CSV)]",
    ]);
    // The program's chart follows in its own row, to the organizer's DM only (issue 17, item 3).
    const [chart, ...moreCharts] = await h.keyed("retrospective-chart:");
    expect(moreCharts).toEqual([]);
    expect(chart?.member).toBe("olga");
    expect(chart?.audience_kind).toBe("member");
    expect(chart?.program_id).toBeNull();
    const attachment = (chart?.message as Message | undefined)?.attachment as ChartAttachment | undefined;
    expect(attachment?.chart.title).toBe("Sahabat Belajar: how the program is going");
    expect(attachment?.alt).toContain("Round 1: joined: 6, matched: 6, met at least once: 4");
    // A second close is refused, and the round's own end (its job) finds it closed: nothing more is sent.
    expect(await h.text("olga", { type: "round.close" })).toContain("There is no round to close.");
    h.clock.advance(100 * DAY);
    await h.runJobs();
    expect(await retrospectives()).toHaveLength(1);
    expect(await h.keyed("retrospective-chart:")).toHaveLength(1);
    // Members get their wrap-up, never the organizers' figures.
    expect((await h.outbox()).filter((r) => r.text.includes("pairs met at least once")).map((r) => r.member)).toEqual(["olga"]);
  });

  it("compares with the round before, and gives goals reached once five evaluations came back", async () => {
    await h.openProgram();
    await matchAndMeet(SIX, 2);
    await h.run("olga", { type: "round.close" });
    await h.run("olga", { type: "round.open" });
    const groups = await matchAndMeet([...SIX, "gita", "hadi"], 4);
    h.clock.advance(6 * DAY);
    let answered = 0;
    for (const g of groups) {
      for (const m of g.members) {
        const reply = await h.text(
          m,
          submit(
            { type: "evaluation.submit", pairingId: g.pairingId, number: 1 },
            // The first three answers reach a goal; the first five are counted.
            { working: 4, g0: answered < 3 ? "reached" : "progressing", g1: "progressing", adjust: "nothing" },
          ),
          DM,
        );
        expect(reply).not.toContain("didn’t look right");
        answered++;
      }
    }
    await h.run("olga", { type: "round.close" });
    const rows = await retrospectives();
    expect(rows).toHaveLength(2);
    expect(rows[1]?.text.split("\n")).toEqual([
      "Round 2 of Sahabat Belajar: how it went",
      "8 people joined round 2 (6 in round 1), and 4 pairs were formed.",
      "4 of 4 pairs met at least once (100%), up from 67% last round.",
      "Members marked 3 goals reached in the first 5 evaluations.",
      "All the figures: /mentoring report · one row per member: /mentoring report csv 2",
      "[Full report] [Member list (CSV)]",
    ]);
  });

  it("speaks Indonesian to the organizers of an Indonesian program", async () => {
    await h.openProgram({ language: "id" });
    await matchAndMeet(["ani", "budi"], 1);
    await h.run("olga", { type: "round.close" });
    expect((await retrospectives())[0]?.text.split("\n")).toEqual([
      "Putaran 1 Sahabat Belajar: rangkumannya",
      "Ada 2 orang yang ikut putaran 1, dan terbentuk 1 pasangan.",
      "1 dari 1 pasangan sempat bertemu setidaknya sekali (100%).",
      "Jumlah tujuan yang tercapai kali ini tidak ditampilkan: evaluasi yang masuk belum sampai 5, dan jawaban sesedikit itu bisa menunjuk ke orang tertentu.",
      "Angka lengkapnya: /mentoring report · satu baris per anggota: /mentoring report csv 1",
      "[Rekap lengkap] [Daftar anggota (CSV)]",
    ]);
  });

  it("is keyed by round and organizer: written again (a retried close), it is still one message each", async () => {
    await h.openProgram();
    await h.run("olga", { type: "program.organizer", userId: "wulan" });
    await matchAndMeet(["ani", "budi"], 1);
    await h.run("olga", { type: "round.close" });
    const tx = repositories(tdb.db.kysely);
    const program = await tdb.db.kysely.selectFrom("programs").select("id").executeTakeFirstOrThrow();
    const round = await tx.rounds.latest(program.id);
    await sendRetrospective(tx, await tx.programs.get(program.id), round as NonNullable<typeof round>, h.clock.now());
    expect((await retrospectives()).map((r) => r.member).sort()).toEqual(["olga", "wulan"]);
  });

  it("does not compare goals with a round whose goal answers its retention has already deleted", async () => {
    const evaluateAll = async (groups: Array<{ pairingId: string; members: string[] }>) => {
      for (const g of groups)
        for (const m of g.members) {
          const reply = await h.text(
            m,
            submit(
              { type: "evaluation.submit", pairingId: g.pairingId, number: 1 },
              { working: 4, g0: "reached", g1: "progressing", adjust: "nothing" },
            ),
            DM,
          );
          expect(reply).not.toContain("didn’t look right");
        }
    };
    await h.openProgram();
    let groups = await matchAndMeet(SIX, 3);
    h.clock.advance(6 * DAY);
    await evaluateAll(groups);
    await h.run("olga", { type: "round.close" });
    expect((await retrospectives())[0]?.text).toContain("Members marked 5 goals reached in the first 5 evaluations.");
    await h.run("olga", { type: "program.retention", months: 1 });
    await h.run("olga", { type: "round.open" });
    groups = await matchAndMeet(SIX, 3);
    h.clock.advance(25 * DAY);
    await h.runJobs();
    await evaluateAll(groups);
    await h.run("olga", { type: "round.close" });
    const lines = (await retrospectives())[1]?.text.split("\n") ?? [];
    expect(lines[3]).toBe("Members marked 5 goals reached in the first 5 evaluations.");
  });
});
