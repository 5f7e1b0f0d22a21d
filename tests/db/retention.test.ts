/**
 * Issue 16, item 3: a closed round's private text (journal notes tied to its
 * pairings, check-in notes, end reasons, evaluation answers) is deleted by a
 * job once the program's retention period has passed (12 months unless an
 * organizer changes it); every count stays. Driven by the manual clock.
 */

import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { PERSONAL_DATA } from "../../src/core/privacy/personal-data";
import { goalProgressOf } from "../../src/store/repositories/evaluations";
import { vaultOf } from "../../src/store/sealing/vault-carrier";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const DAY = 24 * 60 * 60 * 1000;

/** A round with every kind of private text in it, then closed by its organizer. Its id and the close. */
async function closedRoundWithPrivateText(): Promise<{ roundId: string; closedAt: Date }> {
  await h.openProgram();
  for (const p of ["ani", "budi", "carl", "dewi"]) await h.join(p, { goals: ["SQL"] });
  await h.run("olga", { type: "round.match" });
  const pairingId = (await h.pairingsOf("ani"))[0] as string;
  const peer = (await h.membersOf(pairingId)).find((m) => m !== "ani") as string;
  await h.run(
    "ani",
    submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
    DM,
  );
  await h.run(peer, { type: "cadence.confirm", pairingId }, DM);
  h.clock.advance(9 * DAY);
  const session = await tdb.db.kysely
    .selectFrom("sessions")
    .select("id")
    .where("pairing_id", "=", pairingId)
    .where("number", "=", 1)
    .executeTakeFirstOrThrow();
  await h.run("ani", submit({ type: "checkin", sessionId: session.id }, { rating: 4, note: "RETAINED-NOTE" }), DM);
  await h.run("ani", submit({ type: "journal.write" }, { text: "RETAINED-JOURNAL" }), DM);
  h.clock.advance(6 * DAY);
  await h.run(
    "ani",
    submit({ type: "evaluation.submit", pairingId, number: 1 }, { working: 4, g0: "reached", adjust: "nothing" }),
    DM,
  );
  await h.run("ani", submit({ type: "pairing.end", pairingId }, { reason: "RETAINED-REASON" }), DM);
  // A note written with no pairing is not the round's: it stays.
  await h.run("ani", submit({ type: "journal.write" }, { text: "UNPAIRED-JOURNAL" }), DM);
  expect(await h.text("olga", { type: "round.close" })).toContain("Round 1 is closed");
  const round = await tdb.db.kysely.selectFrom("rounds").select(["id", "closed_at"]).executeTakeFirstOrThrow();
  expect(round.closed_at).toEqual(h.clock.now());
  return { roundId: round.id, closedAt: h.clock.now() };
}

/** What the round's private text looks like now (sealed values opened for their author), and the counts that must not move. */
async function privateText() {
  const db = tdb.db.kysely;
  const vault = vaultOf(db);
  const open = async (rows: Array<{ member_id: string; sealed: Uint8Array | null }>) => {
    const texts: string[] = [];
    for (const r of rows) if (r.sealed !== null) texts.push(await vault.openForMember(db, r.member_id, r.sealed));
    return texts;
  };
  const goals = await db.selectFrom("evaluations").select(["member_id", "goal_progress as sealed"]).execute();
  return {
    journal: (await open(await db.selectFrom("journal_entries").select(["member_id", "body as sealed"]).execute())).sort(),
    notes: await open(await db.selectFrom("check_ins").select(["member_id", "note as sealed"]).execute()),
    reasons: await open(await db.selectFrom("pairing_endings").select(["member_id", "reason as sealed"]).execute()),
    goals: await Promise.all(goals.map((r) => goalProgressOf(db, r.member_id, r.sealed, null))),
  };
}

async function counts() {
  return {
    checkIns: await h.count("check_ins"),
    endings: await h.count("pairing_endings"),
    evaluations: Number(
      (
        await tdb.db.kysely
          .selectFrom("evaluations")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    sessions: await h.count("sessions"),
    pairings: await h.count("pairings"),
  };
}

const KEPT = {
  journal: ["RETAINED-JOURNAL", "UNPAIRED-JOURNAL"],
  notes: ["RETAINED-NOTE"],
  reasons: ["RETAINED-REASON"],
  goals: [{ SQL: "reached" }],
};
const DELETED = { journal: ["UNPAIRED-JOURNAL"], notes: [], reasons: [], goals: [{}] };

beforeEach(() => {
  h = new Harness(tdb.db);
});

describe("retention", () => {
  it("keeps a closed round's private text for 12 months, then deletes it and keeps every count", async () => {
    const { roundId, closedAt } = await closedRoundWithPrivateText();
    const job = await tdb.db.kysely
      .selectFrom("jobs")
      .select(["due_at", "payload"])
      .where("kind", "=", "round-retention")
      .executeTakeFirstOrThrow();
    expect(job.payload).toEqual({ roundId });
    const due = new Date(closedAt);
    due.setUTCMonth(due.getUTCMonth() + 12);
    expect(job.due_at).toEqual(due);
    const before = await counts();
    expect(await privateText()).toEqual(KEPT);

    // A day before: the job is not due; nothing goes.
    h.clock.set(new Date(due.getTime() - DAY));
    await h.runJobs();
    expect(await privateText()).toEqual(KEPT);

    h.clock.set(new Date(due.getTime() + 60_000));
    await h.runJobs();
    expect(await privateText()).toEqual(DELETED);
    expect(await counts()).toEqual(before);
    // Every field the privacy notice says retention deletes is empty in the round's pairings.
    const fields = PERSONAL_DATA.filter((f) => f.retention);
    expect(fields.length).toBeGreaterThanOrEqual(5);
    for (const f of fields) {
      const inRound =
        f.table === "check_ins"
          ? sql`session_id in (select s.id from sessions s join pairings p on p.id = s.pairing_id where p.round_id = ${roundId})`
          : sql`pairing_id in (select id from pairings where round_id = ${roundId})`;
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(f.table)} where ${inRound} and ${sql.ref(f.column)} is not null`.execute(
        tdb.db.kysely,
      );
      expect(rows[0]?.n, `${f.table}.${f.column}`).toBe(0);
    }
    const finished = await tdb.db.kysely
      .selectFrom("jobs")
      .select(["status", "outcome"])
      .where("kind", "=", "round-retention")
      .execute();
    expect(finished).toEqual([{ status: "done", outcome: "4 rows" }]);
  });

  it("follows the organizers' setting: a shorter period deletes sooner, a second run finds nothing left", async () => {
    const { closedAt } = await closedRoundWithPrivateText();
    expect(await h.text("ani", { type: "program.retention", months: 3 })).toContain("Only the program’s organizers");
    expect(await h.text("olga", { type: "program.retention" })).toContain("deleted 12 months after their round closes");
    expect(await h.text("olga", { type: "program.retention", months: 3 })).toContain(
      "Saved: in Sahabat Belajar, private notes are now deleted 3 months after their round closes.",
    );
    const soon = new Date(closedAt);
    soon.setUTCMonth(soon.getUTCMonth() + 3);
    h.clock.set(new Date(soon.getTime() - DAY));
    await h.runJobs();
    expect(await privateText()).toEqual(KEPT);
    h.clock.set(new Date(soon.getTime() + DAY));
    await h.runJobs();
    expect(await privateText()).toEqual(DELETED);
    // The 12-month job, when it comes, finds nothing more to delete (idempotent).
    h.clock.set(new Date(closedAt.getTime() + 400 * DAY));
    await h.runJobs();
    const outcomes = await tdb.db.kysely
      .selectFrom("jobs")
      .select(["key", "outcome"])
      .where("kind", "=", "round-retention")
      .orderBy("due_at")
      .execute();
    expect(outcomes.map((o) => o.outcome)).toEqual(["4 rows", "0 rows"]);
  });

  it("a longer period set after closing holds the deletion back until its own date", async () => {
    const { closedAt } = await closedRoundWithPrivateText();
    await h.run("olga", { type: "program.retention", months: 24 });
    h.clock.set(new Date(closedAt.getTime() + 370 * DAY));
    await h.runJobs();
    expect(await privateText()).toEqual(KEPT);
    h.clock.set(new Date(closedAt.getTime() + 735 * DAY));
    await h.runJobs();
    expect(await privateText()).toEqual(DELETED);
  });

  it("is shown in status, with the date in the member's zone and language", async () => {
    await h.openProgram();
    await h.join("ani", { timezone: "Asia/Jakarta" });
    await h.join("budi", { timezone: "Asia/Jayapura", language: "id" });
    const ani = await h.text("ani", { type: "status" }, DM);
    // The round ends on 23 February 2027 (12 weeks from 1 December 2026): its notes are kept a year from then.
    expect(ani).toContain("Private notes kept until: Wednesday, 23 February 2028 (12 months after the round closes)");
    const budi = await h.text("budi", { type: "status" }, DM);
    expect(budi).toContain("Catatan pribadi disimpan sampai: Rabu, 23 Februari 2028 (12 bulan setelah putaran ditutup)");
    // Typed after /mentoring, in either language.
    expect(replyText(await h.run("olga", { type: "program.retention", months: "6" }))).toContain("6 months");
  });
});
