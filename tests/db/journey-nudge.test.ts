/**
 * Issue 12, item 9: a pair with no routine is nudged a few days after its
 * intro and again later, with a "Propose a schedule" button (status shows it
 * too); organizers hear, by name only, of a pair that has not started after
 * two weeks. Through the durable job queue, like every scheduled message.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/messages/message";
import { Harness, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
let pairingId: string;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  // Matched on Tuesday 1 December, 09:00 WIB.
  pairingId = await h.matchedPair({ goals: ["SQL"] }, { goals: ["Private goal nobody else reads"] });
});

const at = async (iso: string) => {
  h.clock.set(new Date(iso));
  await h.runJobs();
};

function formButtons(reply: Reply) {
  return reply.messages.flatMap((m) =>
    m.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])).flatMap((e) => (e.type === "button" ? [e] : [])),
  );
}

describe("a pair that has not scheduled", () => {
  it("is nudged on day 3 and day 7 with a button to propose a schedule; organizers hear after two weeks", async () => {
    await at("2026-12-04T01:59:00Z");
    expect(await h.keyed("schedule-nudge:")).toEqual([]);
    await at("2026-12-04T02:00:00Z"); // day 3, Friday 09:00 WIB
    const first = await h.keyed("schedule-nudge:");
    expect(first.map((r) => [r.audience_kind, r.pairing_id])).toEqual([["pairing", pairingId]]);
    expect(first[0]?.text).toBe(
      [
        "It’s been 3 days since your intro and there’s no regular time yet. Agreeing a routine early (45 to 60 minutes, every week or two) is what keeps a pairing going. One of you can propose it now:",
        "---",
        "Sudah 3 hari sejak perkenalan, tapi kalian belum punya jadwal rutin. Sepakati jadwal sejak awal (45–60 menit, tiap minggu atau dua minggu sekali) supaya pertemuannya terus berjalan. Salah satu dari kalian bisa mengusulkannya sekarang:",
        "[Propose a schedule]",
      ].join("\n"),
    );
    // The button opens the schedule form for that pairing.
    const button = first[0]?.message.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []))[0];
    expect(button?.type === "button" && button.action).toEqual({ kind: "form", request: { type: "cadence.propose", pairingId } });
    const opened = await h.run("budi", { type: "cadence.propose", pairingId }, DM);
    expect(opened.form?.request).toEqual({ type: "cadence.propose", pairingId });

    await at("2026-12-08T02:00:00Z"); // day 7
    expect((await h.keyed("schedule-nudge:")).map((r) => r.text.split("\n")[0]?.slice(0, 22))).toEqual([
      "It’s been 3 days since",
      "It’s been 7 days since",
    ]);
    expect(await h.keyed("not-started:")).toEqual([]);

    await at("2026-12-15T02:00:00Z"); // day 14
    const told = await h.keyed("not-started:");
    expect(told.map((r) => [r.audience_kind, r.member])).toEqual([["member", "olga"]]);
    expect(told[0]?.text).toBe(
      "Ani, Budi (Sahabat Belajar) haven’t held a session yet, two weeks after their intro. A friendly word from you may help them get started.",
    );
    expect(told[0]?.text).not.toContain("Private goal");
  });

  it("with a proposal waiting, asks the peer to confirm it (or propose another time)", async () => {
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 60, weekday: 3, time: "10:00" }),
      DM,
    );
    await at("2026-12-04T02:00:00Z");
    const [nudge] = await h.keyed("schedule-nudge:");
    expect(nudge?.text).toContain(
      "It’s been 3 days since your intro, and Ani’s proposed schedule is still waiting to be confirmed. Confirm it, or propose another time:",
    );
    expect(nudge?.text).toContain("[Confirm] [Propose another time]");
    const confirm = nudge?.message.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []))[0];
    if (confirm?.type !== "button" || confirm.action.kind !== "command") throw new Error("expected the confirm button");
    await h.run("budi", confirm.action.command, DM);
    const pairing = await tdb.db.kysely.selectFrom("pairings").selectAll().where("id", "=", pairingId).executeTakeFirstOrThrow();
    expect(pairing).toMatchObject({ cadence_weekday: 3, cadence_every_days: 7, proposal_at: null });
    expect((await tdb.db.kysely.selectFrom("sessions").select("id").execute()).length).toBe(1);
  });

  it("shows 'Propose a schedule' on the member's status until a routine is agreed", async () => {
    const before = formButtons(await h.run("ani", { type: "status" }, DM));
    expect(before.find((b) => b.label === "Propose a schedule")?.action).toEqual({
      kind: "form",
      request: { type: "cadence.propose", pairingId },
    });
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 60, weekday: 3, time: "10:00" }),
      DM,
    );
    await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
    const after = formButtons(await h.run("ani", { type: "status" }, DM));
    expect(after.map((b) => b.label)).not.toContain("Propose a schedule");
  });

  it("a pair that schedules and meets hears no nudge, and organizers nothing", async () => {
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 60, weekday: 3, time: "10:00" }),
      DM,
    );
    await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
    await at("2026-12-02T04:20:00Z");
    const session = await tdb.db.kysely.selectFrom("sessions").select("id").where("number", "=", 1).executeTakeFirstOrThrow();
    await h.run("ani", submit({ type: "checkin", sessionId: session.id }, { rating: 4 }), DM);
    for (const day of ["2026-12-04T02:00:00Z", "2026-12-08T02:00:00Z", "2026-12-15T02:00:00Z"]) await at(day);
    expect(await h.keyed("schedule-nudge:")).toEqual([]);
    expect(await h.keyed("not-started:")).toEqual([]);
    const jobs = await tdb.db.kysely
      .selectFrom("jobs")
      .select(["kind", "status", "outcome"])
      .where("kind", "in", ["schedule-nudge", "pair-not-started"])
      .orderBy("id")
      .execute();
    expect(jobs).toEqual([
      { kind: "schedule-nudge", status: "skipped", outcome: "routine agreed" },
      { kind: "schedule-nudge", status: "skipped", outcome: "routine agreed" },
      { kind: "pair-not-started", status: "skipped", outcome: "started" },
    ]);
  });
});
