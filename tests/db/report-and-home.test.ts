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
    expect(report).toContain("Members: 5 taking part, 0 on a break, 0 left");
    expect(report).toContain("Pairings: 2 active of 2 (1 trio), 0 ended early");
    expect(report).toContain("Average session rating: shown from 5 answers");

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
    expect(after).toContain("Sessions: 2 held, 0 missed");
    expect(after).toContain("Check-ins: 5 answers");
    // 4, 5, 4, 5, 4 → 4.4 from five answers.
    expect(after).toContain("Average session rating: 4.4 of 5 (5 answers)");
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
    await h.run("olga", { type: "program.setup", name: "Sahabat Belajar", language: "id" }, { locale: "id-ID" });
    await h.run("olga", { type: "round.open" }, { locale: "id-ID" });
    const text = await h.text("olga", { type: "program.report" }, { locale: "id-ID" });
    expect(text).toContain("Laporan program: Sahabat Belajar");
    expect(text).toContain("Anggota: 0 ikut, 0 sedang rehat, 0 keluar");
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
    expect(text).toContain("Members: 1 taking part");
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
