/** Programs, rounds, joining, leaving and matching through the real core and database. */
import { beforeEach, describe, expect, it } from "vitest";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
beforeEach(() => {
  h = new Harness(tdb.db);
});

describe("setting up a program", () => {
  it("makes whoever sets it up its organizer, once per channel", async () => {
    await h.allowEveryoneToSetUp();
    expect(await h.text("olga", { type: "program.setup", name: "Sahabat Belajar" })).toContain("“Sahabat Belajar” is set up");
    const again = await h.text("rudi", { type: "program.setup", name: "Other" });
    expect(again).toContain("already runs the program “Sahabat Belajar”");
    expect(await h.count("programs")).toBe(1);
  });

  it("needs a channel", async () => {
    expect(await h.text("olga", { type: "program.setup" }, { channel: null })).toContain("program’s channel");
    expect(await h.count("programs")).toBe(0);
  });

  it("answers in Indonesian for an Indonesian locale", async () => {
    await h.allowEveryoneToSetUp();
    const text = await h.text("olga", { type: "program.setup", name: "Sahabat" }, { locale: "id-ID" });
    expect(text).toContain("sudah disiapkan di kanal ini");
  });
});

describe("opening a round", () => {
  it("announces the round in the channel with a Join button bound to that round", async () => {
    await h.openProgram();
    const [announce] = (await h.outbox()).filter((r) => r.audience_kind === "channel");
    expect(announce?.text).toContain("Peer mentoring round 1 is open!");
    const actions = announce?.message.blocks.find((b) => b.type === "actions");
    expect(actions?.type === "actions" && actions.elements[0]?.type === "button" && actions.elements[0].action).toMatchObject({
      kind: "form",
      request: { type: "round.join" },
    });
  });

  it("refuses a member who is not an organizer, and a second open round", async () => {
    await h.allowEveryoneToSetUp();
    await h.run("olga", { type: "program.setup" });
    expect(await h.text("rudi", { type: "round.open" })).toContain("Only the program’s organizers");
    expect(await h.count("rounds")).toBe(0);
    await h.run("olga", { type: "round.open" });
    expect(await h.text("olga", { type: "round.open" })).toContain("Round 1 is still running");
    expect(await h.count("rounds")).toBe(1);
  });

  it("lets a workspace admin act as organizer", async () => {
    await h.allowEveryoneToSetUp();
    await h.run("olga", { type: "program.setup" });
    expect(await h.text("admin", { type: "round.open" }, { isAdmin: true })).toContain("Round 1 is open");
  });

  it("refuses where no program exists", async () => {
    expect(await h.text("olga", { type: "round.open" }, { channel: "C-elsewhere" })).toContain(
      "no mentoring program in this channel",
    );
  });
});

describe("joining", () => {
  beforeEach(() => h.openProgram());

  it("answers a bare join with the intake form and stores nothing", async () => {
    const reply = await h.run("ani", { type: "round.join" });
    expect(reply.form?.inputs.map((i) => i.name)).toEqual([
      "expertise",
      "goals",
      "interests",
      "team",
      "timezone",
      "language",
      "partnersWanted",
    ]);
    expect(await h.count("enrollments")).toBe(0);
  });

  it("enrolls once, with profile and preferences, and refuses a second join", async () => {
    expect(replyText(await h.join("ani", { timezone: "WITA", language: "id" }))).toContain("Anda sudah terdaftar di putaran 1");
    const member = await tdb.db.kysely
      .selectFrom("members")
      .selectAll()
      .where("external_id", "=", "ani")
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({ language: "id", timezone: "Asia/Makassar" });
    expect(replyText(await h.join("ani"))).toContain("sudah terdaftar di putaran 1");
    expect(await h.count("enrollments")).toBe(1);
  });

  it("refuses bad intake with a translated list of problems and changes nothing", async () => {
    const before = await h.count("members");
    const en = await h.text(
      "ani",
      submit(
        { type: "round.join" },
        { expertise: "", goals: "SQL", team: "Data", timezone: "Mars/Base", language: "en", partnersWanted: 5 },
      ) as Record<string, unknown>,
    );
    expect(en).toContain("nothing was changed");
    expect(en).toContain("Expertise you can share is required.");
    expect(en).toContain("I don’t know that time zone");
    expect(en).toContain("Number of partners must be at most 3.");
    const id = await h.text(
      "ani",
      submit({ type: "round.join" }, { expertise: "x", goals: "y", team: "Data", timezone: "WIB", language: "xx" }) as Record<
        string,
        unknown
      >,
      { locale: "id-ID" },
    );
    expect(id).toContain("tidak ada yang diubah");
    expect(id).toContain("Bahasa belum benar.");
    expect(await h.count("enrollments")).toBe(0);
    // Not even the first-contact member row survives a refused command.
    expect(await h.count("members")).toBe(before);
  });

  it("an old announcement's Join button acts on its own round, which may be over", async () => {
    const round1 = await tdb.db.kysely.selectFrom("rounds").select("id").executeTakeFirstOrThrow();
    await h.run("olga", { type: "round.close" });
    await h.run("olga", { type: "round.open" });
    expect(await h.text("ani", { type: "round.join", roundId: round1.id })).toContain("no open round");
    expect(await h.count("enrollments")).toBe(0);
  });

  it("refuses joining when no round is open", async () => {
    await h.run("olga", { type: "round.close" });
    expect(await h.text("ani", { type: "round.join" })).toContain("no open round");
  });

  it("leaving takes the member out of the round", async () => {
    await h.join("ani");
    expect(await h.text("ani", { type: "round.leave", confirm: true }, { channel: null })).toContain("You’ve left round 1");
    expect(await h.text("ani", { type: "status" }, { channel: null })).toContain("You’re not in a round.");
    expect(await h.text("ani", { type: "round.leave" }, { channel: null })).toContain("not in the current round");
  });
});

describe("matching", () => {
  const people = ["ani", "budi", "citra", "dewi", "eko", "fajar", "gita"];
  beforeEach(async () => {
    await h.openProgram();
    for (const p of people) await h.join(p);
  });

  it("is for organizers only", async () => {
    expect(await h.text("ani", { type: "round.match" })).toContain("Only the program’s organizers");
    expect(await h.count("pairings")).toBe(0);
  });

  it("shows a dry run without changing or sending anything", async () => {
    const outboxBefore = await h.count("outbox");
    const text = await h.text("olga", { type: "round.match", dryRun: true });
    expect(text).toContain("Dry run: 3 groups proposed (nothing has been sent)");
    expect(await h.count("pairings")).toBe(0);
    expect(await h.count("outbox")).toBe(outboxBefore);
  });

  it("matches seven into two pairs and a trio, everyone exactly once, with an intro each", async () => {
    expect(await h.text("olga", { type: "round.match" })).toContain("Matched 3 groups");
    const groups = await Promise.all(
      (await tdb.db.kysely.selectFrom("pairings").select("id").execute()).map((p) => h.membersOf(p.id)),
    );
    expect(groups.map((g) => g.length).sort()).toEqual([2, 2, 3]);
    expect(groups.flat().sort()).toEqual([...people].sort());
    const intros = (await h.outbox()).filter((r) => r.idempotency_key.startsWith("intro:"));
    expect(intros).toHaveLength(3);
    for (const intro of intros) {
      expect(intro.audience_kind).toBe("pairing");
      expect(intro.text).toContain("Why you were matched");
      expect(intro.text).toContain("A first agenda");
      expect(intro.text).toContain("Keep what you share confidential, set clear boundaries");
      expect(intro.text).toContain("[Propose a schedule]");
    }
    const channel = (await h.outbox()).filter((r) => r.audience_kind === "channel").map((r) => r.text);
    expect(channel.at(-1)).toContain("Round 1 is matched: 3 groups");
  });

  it("closes sign-ups once matched, and has nobody left to match", async () => {
    await h.run("olga", { type: "round.match" });
    expect(replyText(await h.join("late"))).toContain("Sign-ups for round 1 are closed");
    expect(await h.text("olga", { type: "round.match" })).toContain("not enough people waiting");
  });

  it("explains why in the intro: expertise that meets goals, both ways", async () => {
    await h.run("olga", { type: "round.close" });
    await h.run("olga", { type: "round.open" });
    await h.join("ani", { expertise: ["SQL"], goals: ["public speaking"], interests: ["coffee"] });
    await h.join("budi", { expertise: ["public speaking"], goals: ["sql"], interests: ["Coffee"] });
    await h.run("olga", { type: "round.match" });
    const intro = (await h.outbox()).find((r) => r.idempotency_key.startsWith("intro:"))?.text ?? "";
    expect(intro).toContain("Ani can share SQL, which Budi wants to learn.");
    expect(intro).toContain("Budi can share public speaking, which Ani wants to learn.");
    expect(intro).toMatch(/You both wrote “coffee” among your interests\./i);
  });
});

describe("history across rounds", () => {
  it("avoids last round's pairs when another option exists", async () => {
    await h.openProgram();
    for (const p of ["a1", "a2", "a3", "a4"]) await h.join(p);
    await h.run("olga", { type: "round.match" });
    const first = new Set(
      await Promise.all(
        (await tdb.db.kysely.selectFrom("pairings").select("id").execute()).map(async (p) =>
          (await h.membersOf(p.id)).sort().join("+"),
        ),
      ),
    );
    await h.run("olga", { type: "round.close" });
    await h.run("olga", { type: "round.open" });
    for (const p of ["a1", "a2", "a3", "a4"]) await h.join(p);
    await h.run("olga", { type: "round.match" });
    const round2 = await tdb.db.kysely
      .selectFrom("pairings as p")
      .innerJoin("rounds as r", "r.id", "p.round_id")
      .select("p.id")
      .where("r.number", "=", 2)
      .execute();
    expect(round2).toHaveLength(2);
    for (const p of round2) expect(first.has((await h.membersOf(p.id)).sort().join("+"))).toBe(false);
  });

  it("closing a round ends its pairings; nothing more can be done on them", async () => {
    await h.openProgram();
    await h.join("ani");
    await h.join("budi");
    await h.run("olga", { type: "round.match" });
    const [pairingId] = await h.pairingsOf("ani");
    expect(await h.text("olga", { type: "round.close" })).toContain("Round 1 is closed");
    expect(
      await h.text(
        "ani",
        submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 45, weekday: 1, time: "09:00" }),
      ),
    ).toContain("That pairing has ended");
    expect(await h.text("olga", { type: "round.close" })).toContain("no round to close");
  });
});
