/**
 * The organizer report (totals only, averages only from enough answers), the
 * member's home (own goals, progress and journal) and the channel welcome.
 * Private text (journal notes, check-in notes) must never reach anyone else.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { CHANNEL, Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const NOTE = "PRIVATE-NOTE about my peer";
const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  h = new Harness(tdb.db);
});

/** Five members: one pair and one trio. */
async function fiveMatched() {
  await h.openProgram();
  for (const p of ["ani", "budi", "citra", "dewi", "eko"]) await h.join(p, { goals: [`goal of ${p}`, "SQL"] });
  await h.run("olga", { type: "round.match" });
}

async function meetOnce(userId: string) {
  const pairingId = (await h.pairingsOf(userId))[0] as string;
  const others = (await h.membersOf(pairingId)).filter((m) => m !== userId);
  await h.run(
    userId,
    submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
    DM,
  );
  for (const o of others) await h.run(o, { type: "cadence.confirm", pairingId }, DM);
  return { pairingId, members: [userId, ...others] };
}

describe("the organizer report", () => {
  it("is for organizers only; others get a polite refusal", async () => {
    await fiveMatched();
    expect(await h.text("ani", { type: "program.report" })).toContain("Only the program’s organizers can do that.");
    expect(await h.text("olga", { type: "program.report" })).toContain("Program report: Sahabat Belajar");
  });

  it("counts members, pairings and sessions, and holds averages back until five answered", async () => {
    await fiveMatched();
    const report = await h.text("olga", { type: "program.report" });
    expect(report).toContain("Members: 5 joined: 5 taking part (0 of them on a break), 0 left");
    expect(report).toContain("Pairings: 2 formed: 2 active (1 of them a trio), 0 ended early, 0 ended with the round");
    expect(report).toContain("Average session rating: shown once 5 answers carry a rating");

    const pair = await meetOnce("ani");
    const other = await meetOnce(
      (["ani", "budi", "citra", "dewi", "eko"] as const).find((p) => !pair.members.includes(p)) as string,
    );
    h.clock.advance(9 * DAY);
    const sessions = await tdb.db.kysely.selectFrom("sessions").select(["id", "pairing_id"]).where("number", "=", 1).execute();
    expect(sessions).toHaveLength(2);
    let rated = 0;
    for (const group of [pair, other]) {
      const session = sessions.find((s) => s.pairing_id === group.pairingId);
      for (const m of group.members) {
        await h.run(m, submit({ type: "checkin", sessionId: session?.id }, { rating: 4 + (rated++ % 2), note: NOTE }), DM);
      }
    }
    const after = await h.text("olga", { type: "program.report" });
    expect(after).toContain("Sessions: 4 planned: 2 held, 0 missed, 0 rescheduled, 0 waiting for check-ins, 2 coming up");
    expect(after).toContain("Check-ins: 5+ answers, 5+ of them with a rating");
    // 4, 5, 4, 5, 4 → 4.4 from five answers.
    expect(after).toContain("Average session rating: 4.4 of 5 (from the first 5 ratings)");
    expect(after).not.toContain("PRIVATE-NOTE");
  });

  it("an organizer shares the program with someone, who may then run organizer commands", async () => {
    await fiveMatched();
    expect(await h.text("ani", { type: "program.organizer", userId: "budi" })).toContain("Only the program’s organizers");
    expect(await h.text("olga", { type: "program.organizer", userId: "<@wulan>" })).toContain("That didn’t look right");
    expect(await h.text("olga", { type: "program.organizer", userId: "wulan" })).toContain(
      "<@wulan> is now an organizer of “Sahabat Belajar”.",
    );
    expect(await h.text("wulan", { type: "program.report" })).toContain("Program report: Sahabat Belajar");
  });

  it("members of the program's organizer role may organize; others may not", async () => {
    await fiveMatched();
    const as = (roles: string[]) =>
      h.core.execute({
        actor: { platform: "console", tenantId: "T1", userId: "rina", displayName: "Rina", locale: "en-US", roles },
        channelId: CHANNEL,
        command: { type: "program.report" },
      });
    expect(replyText(await as(["R-MENTORS"]))).toContain("Only the program’s organizers");
    expect(await h.text("ani", { type: "program.role", roleId: "R-MENTORS" })).toContain("Only the program’s organizers");
    expect(await h.text("olga", { type: "program.role", roleId: "R-MENTORS" })).toContain(
      "Everyone with the role <@&R-MENTORS> may now organize",
    );
    expect(replyText(await as(["R-OTHER"]))).toContain("Only the program’s organizers");
    expect(replyText(await as(["R-OTHER", "R-MENTORS"]))).toContain("Program report: Sahabat Belajar");
    await h.run("olga", { type: "program.role" });
    expect(replyText(await as(["R-MENTORS"]))).toContain("Only the program’s organizers");
  });

  it("in a DM covers every program the actor organizes; a workspace admin sees them all", async () => {
    await fiveMatched();
    await h.run("rina", { type: "program.setup", name: "Kopi Pagi", language: "en" }, { channel: "C-other" });
    const olga = await h.text("olga", { type: "program.report" }, DM);
    expect(olga).toContain("Sahabat Belajar");
    expect(olga).not.toContain("Kopi Pagi");
    const admin = await h.text("zaki", { type: "program.report" }, { ...DM, isAdmin: true });
    expect(admin).toContain("Sahabat Belajar");
    expect(admin).toContain("Kopi Pagi");
    expect(admin).toContain("No round has been opened yet.");
  });

  it("speaks Indonesian to an Indonesian organizer", async () => {
    await h.allowEveryoneToSetUp();
    await h.run("olga", { type: "program.setup", name: "Sahabat Belajar", language: "id" }, { locale: "id-ID" });
    await h.run("olga", { type: "round.open" }, { locale: "id-ID" });
    const text = await h.text("olga", { type: "program.report" }, { locale: "id-ID" });
    expect(text).toContain("Rekap program: Sahabat Belajar");
    expect(text).toContain("Anggota: 0 mendaftar: 0 ikut (0 di antaranya sedang rehat), 0 keluar");
  });
});

describe("the organizer report against differencing", () => {
  const PEOPLE = ["ani", "budi", "citra", "dewi", "eko", "fajar", "gita", "hadi", "intan", "joko", "kiki", "lina"];

  /** Twelve members in six pairs, each with a routine; the clock just after everyone's first session. */
  async function sixPairsMet(): Promise<Array<{ pairingId: string; members: string[]; sessionId: string }>> {
    await h.openProgram();
    for (const p of PEOPLE) await h.join(p, { goals: ["SQL", `goal of ${p}`] });
    await h.run("olga", { type: "round.match" });
    const groups: Array<{ pairingId: string; members: string[] }> = [];
    for (const p of PEOPLE) {
      if (groups.some((g) => g.members.includes(p))) continue;
      groups.push(await meetOnce(p));
    }
    expect(groups.map((g) => g.members.length)).toEqual([2, 2, 2, 2, 2, 2]);
    h.clock.advance(9 * DAY);
    const sessions = await tdb.db.kysely.selectFrom("sessions").select(["id", "pairing_id"]).where("number", "=", 1).execute();
    return groups.map((g) => ({ ...g, sessionId: sessions.find((s) => s.pairing_id === g.pairingId)?.id as string }));
  }

  const report = () => h.text("olga", { type: "program.report" });
  const line = (text: string, label: string) => text.split("\n").find((l) => l.startsWith(`${label}:`));

  it("a rating changes nothing until its block of five is complete, so no rating can be read back", async () => {
    const pairs = await sixPairsMet();
    // First one member of each pair, then the other: after six answers every session is held, so
    // the sessions line (not a private answer) stops moving and the whole report can be compared.
    const answers = [...pairs.map((p) => [p.members[0], p.sessionId]), ...pairs.map((p) => [p.members[1], p.sessionId])];
    // Answers 6 to 9 are all 1s: with an average over every answer, each report would have shown
    // its fall, and so each of those ratings, exactly.
    const ratings = [5, 4, 5, 4, 5, 1, 1, 1, 1, 5, 3, 2];
    const reports: string[] = [await report()];
    for (const [i, [userId, sessionId]] of answers.entries()) {
      // One answer arrives stamped an hour early (a replica's clock behind): the order is arrival, not the stamp.
      if (i === 7) h.clock.set(new Date(h.clock.now().getTime() - 60 * 60 * 1000));
      await h.run(userId as string, submit({ type: "checkin", sessionId }, { rating: ratings[i], note: NOTE }), DM);
      reports.push(await report());
    }
    // Two populations a single answer apart (7 and 8 answers, 8 and 9, 10 to 12) get the same report, word for word.
    expect(new Set(reports.slice(6, 10)).size).toBe(1);
    expect(new Set(reports.slice(10)).size).toBe(1);
    const rating = reports.map((r) => line(r, "Average session rating"));
    const checkIns = reports.map((r) => line(r, "Check-ins"));
    expect(rating.slice(0, 5)).toEqual(Array(5).fill("Average session rating: shown once 5 answers carry a rating"));
    // 5, 4, 5, 4, 5 → 4.6 from the first five, whatever came after.
    expect(rating.slice(5, 10)).toEqual(Array(5).fill("Average session rating: 4.6 of 5 (from the first 5 ratings)"));
    // The next whole block moves it, by five answers at once: 5, 4, 5, 4, 5, 1, 1, 1, 1, 5 → 3.2.
    expect(rating.slice(10)).toEqual(Array(3).fill("Average session rating: 3.2 of 5 (from the first 10 ratings)"));
    expect(checkIns).toEqual([
      ...Array(5).fill("Check-ins: fewer than 5"),
      ...Array(5).fill("Check-ins: 5+ answers, 5+ of them with a rating"),
      ...Array(3).fill("Check-ins: 10+ answers, 10+ of them with a rating"),
    ]);
    expect(reports.join("\n")).not.toContain("PRIVATE-NOTE");
  });

  it("evaluations, their “how it’s working” score and goals reached move only in blocks of five", async () => {
    const pairs = await sixPairsMet();
    h.clock.advance(6 * DAY); // the first evaluation is due 14 days after the pairing began
    const members = pairs.flatMap((p) => p.members.map((m) => ({ m, pairingId: p.pairingId })));
    const working = [4, 4, 4, 4, 4, 1, 1, 1, 1, 2, 5, 5];
    const reports: string[] = [await report()];
    for (const [i, { m, pairingId }] of members.entries()) {
      const reply = await h.text(
        m,
        submit(
          { type: "evaluation.submit", pairingId, number: 1 },
          {
            working: working[i],
            // Answers 6 to 9 each reach one goal: counted one by one, each would show.
            g0: i >= 5 && i < 9 ? "reached" : "progressing",
            g1: "progressing",
            adjust: "nothing",
          },
        ),
        DM,
      );
      expect(reply).not.toContain("didn’t look right");
      reports.push(await report());
    }
    // Nothing else in the report depends on evaluations: it is the same word for word within each block.
    expect(new Set(reports.slice(0, 5)).size).toBe(1);
    expect(new Set(reports.slice(5, 10)).size).toBe(1);
    expect(new Set(reports.slice(10)).size).toBe(1);
    const fieldsOf = (r: string) => ["Evaluations", "How pairings are working", "Goals reached"].map((label) => line(r, label));
    expect(fieldsOf(reports[0] as string)).toEqual([
      "Evaluations: fewer than 5",
      "How pairings are working: shown from 5 answers",
      "Goals reached: shown from 5 answers",
    ]);
    expect(fieldsOf(reports[5] as string)).toEqual([
      "Evaluations: 5+ answered",
      "How pairings are working: 4.0 of 5 (the first 5 answers)",
      "Goals reached: 0 (in the first 5 evaluations)",
    ]);
    expect(fieldsOf(reports[10] as string)).toEqual([
      "Evaluations: 10+ answered",
      "How pairings are working: 2.6 of 5 (the first 10 answers)",
      "Goals reached: 4 (in the first 10 evaluations)",
    ]);
  });
});

describe("home", () => {
  it("shows the member's own goals, the ones reached, and only their own journal", async () => {
    await fiveMatched();
    const { pairingId } = await meetOnce("ani");
    await h.run("ani", submit({ type: "journal.write" }, { text: NOTE }), DM);
    h.clock.advance(15 * DAY);
    const answered = await h.text(
      "ani",
      submit(
        { type: "evaluation.submit", pairingId, number: 1 },
        { working: 4, g0: "progressing", g1: "reached", adjust: "nothing" },
      ),
      DM,
    );
    expect(answered).not.toContain("didn’t look right");
    const home = replyText(await h.run("ani", { type: "home" }, DM));
    expect(home).toContain("Your goals");
    expect(home).toContain("• goal of ani (in progress)");
    expect(home).toContain("✓ SQL (reached)");
    expect(home).toContain(NOTE);
    const peer = (await h.membersOf(pairingId)).find((m) => m !== "ani") as string;
    const theirs = replyText(await h.run(peer, { type: "home" }, DM));
    expect(theirs).not.toContain("PRIVATE-NOTE");
    expect(theirs).toContain("No notes yet.");
    expect(theirs).not.toContain("Programs you organize");
  });

  it("gives organizers their programs in figures, with preview and match while sign-ups are open", async () => {
    await h.openProgram();
    await h.join("ani");
    const home = await h.run("olga", { type: "home" }, DM);
    const text = replyText(home);
    expect(text).toContain("Programs you organize");
    expect(text).toContain("Members: 1 joined: 1 taking part");
    expect(text).toContain("[Preview pairs] [Match now]");
  });
});

describe("the channel welcome", () => {
  it("offers the join button while a round takes sign-ups, and says nothing outside program channels", async () => {
    await h.openProgram();
    const welcome = await h.run("nina", { type: "welcome" });
    expect(replyText(welcome)).toContain("round 1 is taking sign-ups");
    expect(replyText(welcome)).toContain("[Join round 1]");
    expect((await h.run("nina", { type: "welcome" }, { channel: "C-random" })).messages).toEqual([]);
    await h.join("nina");
    expect(replyText(await h.run("nina", { type: "welcome" }))).toContain("Type /mentoring help");
  });
});

describe("the intake form's defaults", () => {
  it("prefills the time zone the platform reports and the language of the platform's locale", async () => {
    await h.openProgram();
    const reply = await h.core.execute({
      actor: {
        platform: "console",
        tenantId: "T1",
        userId: "wayan",
        displayName: "Wayan",
        locale: "id-ID",
        timezone: "Asia/Makassar",
      },
      channelId: CHANNEL,
      command: { type: "round.join" },
    });
    const inputs = new Map(reply.form?.inputs.map((i) => [i.name, i]));
    expect(inputs.get("timezone")?.initial).toBe("Asia/Makassar");
    expect(inputs.get("language")?.initial).toBe("id");
    expect(reply.form?.title).toBe("Ikut mentoring sebaya");
    // The reply says which language it speaks, so an adapter's own words (form steps) can match.
    expect(reply.language).toBe("id");
    await h.join("wayan", { language: "en" });
    const refusal = await h.core.execute({
      actor: { platform: "console", tenantId: "T1", userId: "wayan", displayName: "Wayan", locale: "id-ID" },
      channelId: CHANNEL,
      command: { type: "round.join" },
    });
    expect(refusal.language).toBe("en");
  });
});

describe("the organizer report adds up (issue 12, item 14)", () => {
  const SEVEN = ["ani", "budi", "citra", "dewi", "eko", "fajar", "gita"];
  const report = () => h.text("olga", { type: "program.report" });
  const line = (text: string, label: string) => text.split("\n").find((l) => l.startsWith(`${label}: `)) ?? "";
  /** The numbers a line holds, in order. */
  const numbers = (l: string) => [...l.matchAll(/\d+/g)].map((m) => Number(m[0]));

  /** Each line's total is the sum of its parts, and a trio is one of the active groups. */
  function expectSums(text: string) {
    const [joined, active, paused, left] = numbers(line(text, "Members"));
    expect(joined).toBe((active as number) + (left as number));
    expect(paused).toBeLessThanOrEqual(active as number);
    const pairs = line(text, "Pairings");
    const [total, activeGroups, trios, endedEarly, endedWithRound] = numbers(pairs.replace("none of them", "0 of them"));
    expect(total).toBe((activeGroups as number) + (endedEarly as number) + (endedWithRound as number));
    expect(trios).toBeLessThanOrEqual(activeGroups as number);
    const [planned, ...parts] = numbers(line(text, "Sessions"));
    expect(parts).toHaveLength(5);
    expect(planned).toBe(parts.reduce((a, b) => a + b, 0));
    return { total, activeGroups, trios, endedEarly, endedWithRound };
  }

  /** What the database holds: groups by state, trios as active groups of three now. */
  async function truth() {
    const rows = await tdb.db.kysely
      .selectFrom("pairings as p")
      .select([
        "p.status",
        (eb) =>
          eb
            .selectFrom("pairing_members as pm")
            .whereRef("pm.pairing_id", "=", "p.id")
            .where("pm.left_at", "is", null)
            .select(eb.fn.countAll<number>().as("n"))
            .as("present"),
      ])
      .execute();
    const present = (r: (typeof rows)[number]) => Number(r.present);
    return {
      total: rows.length,
      activeGroups: rows.filter((r) => r.status === "active").length,
      trios: rows.filter((r) => r.status === "active" && present(r) >= 3).length,
      endedEarly: rows.filter((r) => r.status === "ended" && present(r) < 2).length,
      endedWithRound: rows.filter((r) => r.status === "ended" && present(r) >= 2).length,
    };
  }

  it("with ended and active pairs and trios, before and after the round closes", async () => {
    await h.openProgram();
    for (const p of SEVEN) await h.join(p, { goals: [`goal of ${p}`, "SQL"] });
    await h.run("olga", { type: "round.match" });
    const groups = new Map<string, string[]>();
    for (const p of SEVEN) {
      const pairingId = (await h.pairingsOf(p))[0] as string;
      if (!groups.has(pairingId)) groups.set(pairingId, await h.membersOf(pairingId));
    }
    const trio = [...groups].find(([, m]) => m.length === 3) as [string, string[]];
    const pairs = [...groups].filter(([, m]) => m.length === 2);
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    const [pairA, pairB] = pairs as [[string, string[]], [string, string[]]];

    // Someone leaves the trio, which goes on as a pair: no group ended.
    await h.run(trio[1][0] as string, submit({ type: "pairing.end", pairingId: trio[0] }, { rematch: false }), DM);
    // A pair ends, and the one ending it asks for someone new: they join a pair, which becomes a trio.
    await h.run(pairA[1][0] as string, submit({ type: "pairing.end", pairingId: pairA[0] }, { rematch: true }), DM);
    // Another pair meets, and both say how it went: one rated, one did not meet.
    const met = await meetOnce(pairB[1][0] as string);
    h.clock.advance(9 * DAY);
    const session = await tdb.db.kysely
      .selectFrom("sessions")
      .select("id")
      .where("pairing_id", "=", met.pairingId)
      .where("number", "=", 1)
      .executeTakeFirstOrThrow();
    await h.run(met.members[0] as string, submit({ type: "checkin", sessionId: session.id }, { rating: 4, note: NOTE }), DM);

    const during = await report();
    const shown = expectSums(during);
    expect(shown).toEqual(await truth());
    expect(shown.endedEarly).toBe(1);
    // The old report counted the trio someone left as "ended early" too, beside it being active.
    expect(line(during, "Pairings")).not.toMatch(/ 2 ended early/);
    // Fewer than five check-ins: neither a count nor an average, and the two lines agree.
    expect(line(during, "Check-ins")).toBe("Check-ins: fewer than 5");
    expect(line(during, "Average session rating")).toBe("Average session rating: shown once 5 answers carry a rating");

    await h.run("olga", { type: "round.close" });
    const after = await report();
    const closed = expectSums(after);
    expect(closed).toEqual(await truth());
    expect(closed).toMatchObject({ activeGroups: 0, trios: 0, endedEarly: 1, endedWithRound: shown.activeGroups });
  });

  it("says how many check-ins carry a rating, so the count and the average never seem to disagree", async () => {
    await h.openProgram();
    const PEOPLE = ["ani", "budi", "citra", "dewi", "eko", "fajar"];
    for (const p of PEOPLE) await h.join(p, { goals: ["SQL", `goal of ${p}`] });
    await h.run("olga", { type: "round.match" });
    const groups: Array<{ pairingId: string; members: string[] }> = [];
    for (const p of PEOPLE) if (!groups.some((g) => g.members.includes(p))) groups.push(await meetOnce(p));
    h.clock.advance(9 * DAY);
    const sessions = await tdb.db.kysely.selectFrom("sessions").select(["id", "pairing_id"]).where("number", "=", 1).execute();
    // Six check-ins: three rated ("we met"), three without a rating ("we didn't meet").
    let i = 0;
    for (const g of groups) {
      const sessionId = sessions.find((s) => s.pairing_id === g.pairingId)?.id as string;
      for (const m of g.members) {
        if (i++ % 2 === 0) await h.run(m, submit({ type: "checkin", sessionId }, { rating: 5 }), DM);
        else await h.run(m, { type: "checkin", sessionId, outcome: "not_met" }, DM);
      }
    }
    const text = await report();
    expectSums(text);
    expect(line(text, "Check-ins")).toBe("Check-ins: 5+ answers, fewer than 5 of them with a rating (only “we met” has one)");
    expect(line(text, "Average session rating")).toBe("Average session rating: shown once 5 answers carry a rating");
  });
});
