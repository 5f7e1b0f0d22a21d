/**
 * Issue 12, item 10: a member waiting for a new peer after sign-ups closed
 * is not left stuck: organizers see who is waiting (names only), the next
 * matching places them where it can (as a pair's third), and a matching
 * that forms nothing says so plainly.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { Harness, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const cap = (id: string) => id[0]?.toUpperCase() + id.slice(1);

beforeEach(async () => {
  h = new Harness(tdb.db);
  await h.openProgram();
  for (const p of ["ani", "budi", "citra", "dewi"]) await h.join(p);
  expect(await h.text("olga", { type: "round.match" })).toBe("Matched 2 groups. Intros are on their way.");
});

describe("waiting for a new peer after sign-ups closed", () => {
  it("is seen by organizers, answered plainly when nothing forms, and placed at the next matching", async () => {
    const first = (await h.pairingsOf("ani"))[0] as string;
    const [x, y] = (await h.membersOf(first)) as [string, string];
    const others = ["ani", "budi", "citra", "dewi"].filter((p) => p !== x && p !== y) as [string, string];
    // x ends the pairing and asks for someone new: x joins the other pair as its third.
    const ended = await h.text(x, submit({ type: "pairing.end", pairingId: first }, { rematch: true }), DM);
    expect(ended).toContain("You have a new peer");
    // y asks too: nobody is free (the other group is full), and y is told so honestly.
    expect(await h.text(y, { type: "rematch.request", pairingId: first }, DM)).toBe(
      "No one is free for a new pairing right now, so you’re on the waiting list. The organizers can see who is waiting, and I’ll introduce you as soon as someone is free.",
    );

    // The organizers see who is waiting, by name only.
    expect(await h.text("olga", { type: "program.report" })).toContain(`Waiting for a peer: ${cap(y)}`);
    // A matching that forms nothing says so, and sends no intro.
    const outboxBefore = await h.count("outbox");
    const nothing = await h.text("olga", { type: "round.match" });
    expect(nothing).toBe(
      `No one could be matched this time, so no intros were sent. Still waiting: ${cap(y)}. Everyone free has already been with them this round, or can’t be paired with them; they’ll be introduced when someone becomes free or joins the next round.`,
    );
    expect(nothing).not.toContain("Intros are on their way");
    expect((await h.outbox()).slice(outboxBefore).filter((r) => r.idempotency_key.startsWith("intro:"))).toEqual([]);

    // x leaves the round: the group is a pair again, and the next matching gives y a place in it.
    await h.run(x, { type: "round.leave", confirm: true }, DM);
    expect(await h.text("olga", { type: "round.match" })).toBe(
      "1 person who was waiting joined a pair as its third: the intro is on its way.",
    );
    const placed = (await h.pairingsOf(y))[0] as string;
    expect((await h.membersOf(placed)).sort()).toEqual([...others, y].sort());
    // Two "joined" intros in that group's conversation: x's earlier, and now y's.
    const joined = await h.keyed(`intro:${placed}:joined:`);
    expect(joined).toHaveLength(2);
    expect(joined.at(-1)?.text).toContain(cap(y));
    expect(await h.text("olga", { type: "program.report" })).not.toContain("Waiting for a peer");
  });
});
