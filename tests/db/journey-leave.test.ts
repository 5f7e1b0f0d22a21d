/**
 * Issue 12, item 11: leaving asks first, says honestly whether one can come
 * back, and a member who left may join again while sign-ups are open.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/messages/message";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  await h.openProgram();
});

/** The command on the reply's button labelled `label`, as a member pressing it would send it. */
function pressed(reply: Reply, label: string) {
  for (const m of reply.messages)
    for (const b of m.blocks)
      if (b.type === "actions")
        for (const e of b.elements)
          if (e.type === "button" && e.label === label && e.action.kind === "command") return e.action.command;
  throw new Error(`no button ${label} in: ${replyText(reply)}`);
}

const enrollment = async (userId: string) =>
  tdb.db.kysely
    .selectFrom("enrollments as e")
    .innerJoin("members as m", "m.id", "e.member_id")
    .select(["e.status", "e.partners_wanted", "e.paused_until"])
    .where("m.external_id", "=", userId)
    .executeTakeFirst();

describe("leaving a round", () => {
  it("asks for confirmation first; nothing changes until the member confirms", async () => {
    await h.join("ani");
    const asked = await h.run("ani", { type: "round.leave" }, DM);
    expect(replyText(asked)).toBe("Leave round 1? You won’t be matched in it.\n[Yes, leave the round]");
    expect(await enrollment("ani")).toMatchObject({ status: "active" });
    const done = await h.run("ani", pressed(asked, "Yes, leave the round"), DM);
    expect(replyText(done)).toBe(
      [
        "You’ve left round 1. Changed your mind? You can join again while sign-ups are open.",
        // Issue 16: leaving keeps the profile for next time; erasing everything is offered.
        "Would you also like Sebaya to erase what it keeps about you (profile, notes, ratings)? You can, with /mentoring forget-me or the button below.",
        "[Erase my data…]",
      ].join("\n"),
    );
    expect(done.settled).toBe(true);
    expect(await enrollment("ani")).toMatchObject({ status: "left" });
  });

  it("a member who left re-joins while sign-ups are open, and is matched", async () => {
    await h.join("ani");
    await h.join("budi");
    // A break taken before leaving must not keep the member out after re-joining.
    await h.run("ani", submit({ type: "pause" }, { until: "2026-12-20" }), DM);
    expect((await enrollment("ani"))?.paused_until).not.toBeNull();
    await h.run("ani", { type: "round.leave", confirm: true }, DM);
    // Join again: the intake form opens, not "you're already in round 1".
    const again = await h.run("ani", { type: "round.join" });
    expect(replyText(again)).toBe("");
    expect(again.form?.request).toMatchObject({ type: "round.join" });
    const joined = await h.join("ani", { partnersWanted: 2 });
    expect(replyText(joined)).toContain("round 1");
    expect(await enrollment("ani")).toMatchObject({ status: "active", partners_wanted: 2, paused_until: null });
    await h.run("olga", { type: "round.match" });
    expect(await h.pairingsOf("ani")).toHaveLength(1);
  });

  it("in a pairing, the question says the pairing ends; after sign-ups closed, the goodbye says so", async () => {
    await h.join("ani");
    await h.join("budi", { language: "id" });
    await h.run("olga", { type: "round.match" });
    expect(await h.text("ani", { type: "round.leave" }, DM)).toContain(
      "Your pairing ends and your peer is told kindly (without any reason).",
    );
    expect(await h.text("budi", { type: "round.leave" }, DM)).toContain("Yakin mau keluar dari putaran 1?");
    const bye = await h.text("ani", { type: "round.leave", confirm: true }, DM);
    expect(bye.split("\n")[0]).toBe("You’ve left round 1. Sign-ups are closed now, so you’re welcome back in the next round.");
    expect(await h.text("ani", { type: "round.join" })).toContain("closed");
  });
});
