/**
 * The audit trail (issue 16, item 6): every organizer action the audit table
 * names is recorded by the executor once it succeeded (refusals, previews and
 * looks at a setting are not), `/mentoring audit` shows the latest to the
 * program's organizers and the workspace's admins in their language and time
 * zone, anyone else is refused, another workspace sees nothing of it, and
 * nothing a member wrote privately reaches the table or the view.
 */
import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const en = translator("en");
const id = translator("id");
const DM = { channel: null } as const;

beforeEach(() => {
  h = new Harness(tdb.db);
});

async function events() {
  return tdb.db.kysely
    .selectFrom("audit_events as a")
    .leftJoin("members as m", "m.id", "a.actor_member_id")
    .select(["a.action", "a.details", "a.program_id", "a.space_id", "m.external_id as actor"])
    .orderBy("a.id")
    .execute();
}

describe("the audit trail", () => {
  it("records each organizer action once it succeeded, with who and a few settings; not refusals, previews or looks", async () => {
    await h.openProgram();
    await h.join("ani");
    await h.join("budi", { expertise: ["SQL"], goals: ["public speaking"] });
    // Refused: not an organizer. Nothing is recorded for it.
    expect(await h.text("ani", { type: "round.close" })).toBe(en("refusal.notOrganizer"));
    // Looks and previews change nothing: not recorded.
    await h.run("olga", { type: "program.hours" });
    await h.run("olga", { type: "program.weights" });
    await h.run("olga", { type: "round.match", dryRun: true });
    await h.run("admin", { type: "setup.access" }, { isAdmin: true });
    // Changes.
    await h.run("olga", { type: "program.hours", from: 8, until: 18, workingDays: [5, 1, 1] });
    await h.run("olga", { type: "program.weights", weights: { goal: 4 } });
    await h.run("olga", { type: "program.organizer", userId: "rudi" });
    await h.run("olga", { type: "program.role", roleId: "R-leads" });
    await h.run("olga", { type: "round.match" });
    await h.run("olga", { type: "program.report" });
    await h.run("olga", { type: "round.close" });

    const recorded = await events();
    expect(recorded.map((e) => [e.actor, e.action])).toEqual([
      ["admin", "setup.access"],
      ["olga", "program.setup"],
      ["olga", "round.open"],
      ["olga", "program.hours"],
      ["olga", "program.weights"],
      ["olga", "program.organizer"],
      ["olga", "program.role"],
      ["olga", "round.match"],
      ["olga", "program.report"],
      ["olga", "round.close"],
    ]);
    const program = await tdb.db.kysely.selectFrom("programs").select("id").executeTakeFirstOrThrow();
    const rudi = await tdb.db.kysely
      .selectFrom("members")
      .select("id")
      .where("external_id", "=", "rudi")
      .executeTakeFirstOrThrow();
    const byAction = new Map(recorded.map((e) => [e.action, e]));
    expect(byAction.get("setup.access")).toMatchObject({ program_id: null, space_id: "T1", details: { who: "everyone" } });
    expect(byAction.get("round.open")).toMatchObject({ program_id: program.id, details: { round: 1 } });
    expect(byAction.get("program.hours")?.details).toEqual({ from: 8, until: 18, workingDays: [1, 5] });
    expect(byAction.get("program.weights")?.details).toEqual({ weights: { goal: 4 } });
    expect(byAction.get("program.organizer")?.details).toEqual({ memberId: rudi.id });
    expect(byAction.get("round.close")?.details).toEqual({ round: 1 });
  });

  it("a report asked for in a DM is recorded for every program it covered", async () => {
    await h.openProgram();
    await h.run("olga", { type: "program.setup", name: "Kedua" }, { channel: "C-second" });
    await h.run("olga", { type: "program.report" }, DM);
    const reports = (await events()).filter((e) => e.action === "program.report");
    expect(reports).toHaveLength(2);
    expect(new Set(reports.map((e) => e.program_id)).size).toBe(2);
  });

  it("shows the latest actions to organizers, in English and in Indonesian, at the viewer's own time", async () => {
    await h.openProgram();
    await h.run("olga", { type: "program.hours", from: 9, until: 17 });
    await h.run("olga", { type: "program.organizer", userId: "rudi" });
    // START is 02:00 UTC: 09:00 in Jakarta, 10:00 in Makassar (the viewers' zones).
    await h.join("olga", { timezone: "Asia/Jakarta", language: "en" });
    const english = await h.text("olga", { type: "program.audit" });
    expect(english).toContain(en("audit.title", { name: "Sahabat Belajar" }));
    expect(english).toContain("1 Dec 2026, 09:00 · Olga: ");
    expect(english).toContain(en("audit.action.program.setup"));
    expect(english).toContain(en("audit.action.round.open", { round: 1 }));
    // Named as Sebaya knows them now: Rudi has not used it yet, so by the id the mention gave.
    expect(english).toContain(en("audit.action.program.organizer", { name: "rudi" }));
    expect(english).toContain("changed the contact hours (9–17)");
    expect(english).toContain("Admin: changed who may set up programs (everyone)");
    // Newest first.
    expect(english.indexOf("added rudi")).toBeLessThan(english.indexOf("set up the program"));

    await h.run("rudi", { type: "program.weights", weights: { goal: 2 } });
    const rudiJoined = await h.join("rudi", { timezone: "Asia/Makassar", language: "id" });
    expect(replyText(rudiJoined)).not.toBe("");
    const indonesian = await h.text("rudi", { type: "program.audit" });
    expect(indonesian).toContain(id("audit.title", { name: "Sahabat Belajar" }));
    expect(indonesian).toContain("1 Des 2026, 10.00 · Rudi: ");
    expect(indonesian).toContain(id("audit.action.program.weights", { values: "goal=2" }));
    expect(indonesian).toContain(id("audit.action.program.organizer", { name: "Rudi" }));
  });

  it("refuses anyone who is not an organizer or the workspace's admin, in their language", async () => {
    await h.openProgram();
    await h.join("ani");
    expect(await h.text("ani", { type: "program.audit" })).toBe(en("refusal.notOrganizer"));
    expect(await h.text("ani", { type: "program.audit" }, { locale: "id-ID" })).toBe(en("refusal.notOrganizer"));
    expect(await h.text("budi", { type: "program.audit" }, { locale: "id-ID" })).toBe(id("refusal.notOrganizer"));
    expect(await h.text("budi", { type: "program.audit" }, DM)).toBe(en("refusal.notOrganizer"));
    // The workspace's admin may see it without being an organizer.
    expect(await h.text("boss", { type: "program.audit" }, { isAdmin: true })).toContain(
      en("audit.action.round.open", { round: 1 }),
    );
  });

  it("shows another workspace's organizer nothing of this one's", async () => {
    await h.openProgram();
    const program = await tdb.db.kysely.selectFrom("programs").select("id").executeTakeFirstOrThrow();
    const other = (command: Record<string, unknown>, channel: string | null = "C-elsewhere") =>
      h.core.execute({
        actor: {
          platform: "console",
          tenantId: "T2",
          space: "T2",
          userId: "mallory",
          displayName: "Mallory",
          locale: "en-US",
          isAdmin: true,
        },
        ...(channel ? { channelId: channel } : {}),
        command,
      });
    await other({ type: "program.setup", name: "Elsewhere" });
    expect(replyText(await other({ type: "program.audit", programId: program.id }))).toBe(en("refusal.notFound"));
    expect(replyText(await other({ type: "program.audit", programId: program.id }, null))).toBe(en("refusal.notFound"));
    const own = replyText(await other({ type: "program.audit" }));
    expect(own).toContain("Elsewhere");
    expect(own).not.toContain("Olga");
    expect(own).not.toContain(en("audit.action.round.open", { round: 1 }));
    // Nor in a DM, where the view lists every program the actor organizes.
    const dm = replyText(await other({ type: "program.audit" }, null));
    expect(dm).not.toContain("Olga");
  });

  it("never holds or shows what members wrote privately", async () => {
    const PLANTED = ["zq-journal-7f3a", "zq-note-91c2", "zq-reason-4b8e"];
    await h.openProgram();
    await h.join("ani");
    await h.join("budi", { expertise: ["SQL"], goals: ["public speaking"] });
    await h.run("olga", { type: "round.match" });
    const [pairingId] = await h.pairingsOf("ani");
    if (!pairingId) throw new Error("no pairing");
    await h.run("ani", submit({ type: "journal.write" }, { text: `my ${PLANTED[0]}` }), DM);
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 60, weekday: 3, time: "10:00" }),
      DM,
    );
    await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
    const session = await tdb.db.kysely
      .selectFrom("sessions")
      .select(["id", "starts_at"])
      .orderBy("number")
      .executeTakeFirstOrThrow();
    h.clock.set(new Date(new Date(session.starts_at).getTime() + 2 * 60 * 60 * 1000));
    await h.run("ani", submit({ type: "checkin", sessionId: session.id }, { rating: 4, note: `a ${PLANTED[1]}` }), DM);
    await h.run("ani", submit({ type: "pairing.end", pairingId }, { reason: `the ${PLANTED[2]}`, rematch: false }), DM);
    // Organizers act all around it.
    await h.run("olga", { type: "program.report" });
    await h.run("olga", { type: "program.weights", weights: { goal: 3 } });
    await h.run("olga", { type: "round.close" });
    const planted = await sql<{ n: number }>`
      select (select count(*) from journal_entries) + (select count(*) from check_ins where note is not null)
        + (select count(*) from pairing_endings where reason is not null) as n`.execute(tdb.db.kysely);
    expect(Number(planted.rows[0]?.n)).toBe(3);

    const table = JSON.stringify(await tdb.db.kysely.selectFrom("audit_events").selectAll().execute());
    const shown = await h.text("olga", { type: "program.audit" });
    expect(shown).toContain(en("audit.action.program.report"));
    for (const text of PLANTED) {
      expect(table).not.toContain(text);
      expect(shown).not.toContain(text);
    }
  });
});
