/** Ending a pairing politely and privately, and being matched again. */

import { beforeEach, describe, expect, it } from "vitest";
import { vaultOf } from "../../src/store/sealing/vault-carrier";
import { Harness, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const REASON = "PRIVATE-REASON: they never prepare";
const KIND = "Thank you, and good luck!";

beforeEach(() => {
  h = new Harness(tdb.db);
});

async function matched(people: string[]) {
  await h.openProgram();
  for (const p of people) await h.join(p);
  await h.run("olga", { type: "round.match" });
}

async function partnerOf(userId: string): Promise<{ pairingId: string; others: string[] }> {
  const pairingId = (await h.pairingsOf(userId))[0] as string;
  return { pairingId, others: (await h.membersOf(pairingId)).filter((m) => m !== userId) };
}

describe("ending a pairing", () => {
  it("without answers, replies with the ending form and changes nothing", async () => {
    await matched(["ani", "budi"]);
    const reply = await h.run("ani", { type: "pairing.end" }, DM);
    expect(reply.form?.inputs.map((i) => i.name)).toEqual(["reason", "notAFit", "messageToPartner", "rematch"]);
    expect(reply.form?.inputs[0]?.hint).toContain("only you will ever see this");
    expect(await h.pairingsOf("ani")).toHaveLength(1);
  });

  it("tells the partner kindly, passes on only the chosen message, and keeps the reason private", async () => {
    await matched(["ani", "budi"]);
    const { pairingId } = await partnerOf("ani");
    const text = await h.text(
      "ani",
      submit({ type: "pairing.end", pairingId }, { reason: REASON, messageToPartner: KIND, rematch: false }),
      DM,
    );
    expect(text).toContain("You’ve ended your pairing with Budi. Your reason stays private.");
    const toBudi = (await h.outbox()).filter((r) => r.member === "budi");
    expect(toBudi).toHaveLength(1);
    expect(toBudi[0]?.text).toContain("Ani has decided to end your mentoring pairing.");
    expect(toBudi[0]?.text).toContain(`Ani left you a message: “${KIND}”`);
    expect(toBudi[0]?.text).toContain("[Match me with someone new]");
    // The reason is stored for its author and appears in no message at all.
    expect((await h.outbox()).some((r) => JSON.stringify(r.message).includes("PRIVATE-REASON"))).toBe(false);
    // Sealed at rest under the tenant's key; it opens for its author's tenant.
    const stored = await tdb.db.kysely.selectFrom("pairing_endings").select(["reason", "member_id"]).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.reason ?? []).toString("latin1")).not.toContain("PRIVATE-REASON");
    expect(await vaultOf(tdb.db.kysely).openForMember(tdb.db.kysely, stored.member_id, stored.reason ?? new Uint8Array())).toBe(
      REASON,
    );
    expect((await tdb.db.kysely.selectFrom("pairings").select("status").executeTakeFirstOrThrow()).status).toBe("ended");
  });

  it("refuses a second end and acting on an ended pairing", async () => {
    await matched(["ani", "budi"]);
    const { pairingId } = await partnerOf("ani");
    await h.run("ani", submit({ type: "pairing.end", pairingId }, { rematch: false }), DM);
    const outbox = await h.count("outbox");
    expect(await h.text("ani", submit({ type: "pairing.end", pairingId }, { rematch: false }), DM)).toContain(
      "That pairing has ended",
    );
    expect(
      await h.text(
        "budi",
        submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 45, weekday: 1, time: "09:00" }),
        DM,
      ),
    ).toContain("That pairing has ended");
    expect(await h.count("outbox")).toBe(outbox);
  });

  it("refuses someone outside the pairing", async () => {
    await matched(["ani", "budi"]);
    const { pairingId } = await partnerOf("ani");
    expect(await h.text("mallory", submit({ type: "pairing.end", pairingId }, { rematch: true }), DM)).toContain(
      "That pairing isn’t yours.",
    );
    expect(await h.pairingsOf("ani")).toEqual([pairingId]);
  });

  it("in a trio, the other two carry on together", async () => {
    await matched(["ani", "budi", "citra"]);
    const { pairingId, others } = await partnerOf("ani");
    expect(others).toHaveLength(2);
    await h.run("ani", submit({ type: "pairing.end", pairingId }, { reason: REASON, rematch: false }), DM);
    expect((await h.membersOf(pairingId)).sort()).toEqual([...others].sort());
    expect((await tdb.db.kysely.selectFrom("pairings").select("status").executeTakeFirstOrThrow()).status).toBe("active");
    const left = (await h.outbox()).find((r) => r.idempotency_key.startsWith("left:"));
    expect(left?.audience_kind).toBe("pairing");
    expect(left?.text).toContain("Ani has left your group. The rest of you continue together.");
  });
});

describe("leaving the round", () => {
  it("tells the partner kindly and ends the pairing; check-ins on it are refused", async () => {
    await matched(["ani", "budi"]);
    const { pairingId } = await partnerOf("ani");
    expect(await h.text("ani", { type: "round.leave", confirm: true }, DM)).toContain("You’ve left round 1");
    const toBudi = (await h.outbox()).filter((r) => r.member === "budi");
    expect(toBudi.at(-1)?.text).toContain("Ani has left this mentoring round. Thank you for the time you shared.");
    expect(await h.text("budi", { type: "checkin", outcome: "not_met" }, DM)).toContain("don’t have an active pairing");
    const sessionless = await h.text("budi", submit({ type: "pairing.end", pairingId }, { rematch: false }), DM);
    expect(sessionless).toContain("That pairing has ended");
  });
});

describe("checking in on an ended pairing", () => {
  it("is refused from an old button for a session planned after the end, and changes nothing", async () => {
    await matched(["ani", "budi"]);
    const { pairingId } = await partnerOf("ani");
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 45, weekday: 3, time: "10:00" }),
      DM,
    );
    await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
    const session = await tdb.db.kysely.selectFrom("sessions").select("id").executeTakeFirstOrThrow();
    // Ended the day before session 1 (Wed 2 Dec 10:00 WIB); Budi presses an old button afterwards.
    h.clock.set(new Date("2026-12-01T05:00:00Z"));
    await h.run("ani", submit({ type: "pairing.end", pairingId }, { rematch: false }), DM);
    h.clock.set(new Date("2026-12-03T00:00:00Z"));
    expect(await h.text("budi", submit({ type: "checkin", sessionId: session.id }, { rating: 5 }), DM)).toContain(
      "That pairing has ended",
    );
    expect(await h.count("check_ins")).toBe(0);
  });

  it("counts a late answer for a session held before the pairing ended", async () => {
    await matched(["ani", "budi"]);
    const { pairingId } = await partnerOf("ani");
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 7, minutes: 45, weekday: 3, time: "10:00" }),
      DM,
    );
    await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
    const session = await tdb.db.kysely.selectFrom("sessions").select("id").executeTakeFirstOrThrow();
    h.clock.set(new Date("2026-12-03T00:00:00Z"));
    await h.run("ani", submit({ type: "pairing.end", pairingId }, { rematch: false }), DM);
    expect(await h.text("budi", submit({ type: "checkin", sessionId: session.id }, { rating: 5 }), DM)).toContain(
      "Thanks for checking in",
    );
    expect(await h.count("check_ins")).toBe(1);
    // No next session for a pairing that has ended.
    expect(await h.count("sessions")).toBe(1);
  });
});

describe("re-matching", () => {
  it("joins a pair as third when nobody else is waiting", async () => {
    await matched(["ani", "budi", "citra", "dewi"]);
    const { pairingId, others } = await partnerOf("ani");
    const text = await h.text("ani", submit({ type: "pairing.end", pairingId }, { rematch: true }), DM);
    expect(text).toContain("You have a new peer");
    const [newPairing] = await h.pairingsOf("ani");
    expect(newPairing).not.toBe(pairingId);
    const members = await h.membersOf(newPairing as string);
    expect(members).toHaveLength(3);
    expect(members).not.toContain(others[0]);
    const aniId = await memberId("ani");
    const intro = (await h.outbox()).find((r) => r.idempotency_key === `intro:${newPairing}:joined:${aniId}`);
    expect(intro?.text).toContain("Ani joins your group for this round.");
  });

  it("pairs two waiting members, never with someone they already had this round", async () => {
    await matched(["ani", "budi", "citra", "dewi"]);
    const ani = await partnerOf("ani");
    const [x, y] = ["budi", "citra", "dewi"].filter((p) => p !== ani.others[0]) as [string, string];
    const xs = await partnerOf(x);
    expect(xs.others).toEqual([y]);
    // x ends without asking for a new peer; Ani ends asking for one, and waits: nobody is free.
    await h.run(x, submit({ type: "pairing.end", pairingId: xs.pairingId }, { rematch: false }), DM);
    expect(await h.text("ani", submit({ type: "pairing.end", pairingId: ani.pairingId }, { rematch: true }), DM)).toContain(
      "on the waiting list",
    );
    // y (left by x) asks: the waiting Ani comes first; x, who did not ask, is left in peace.
    expect(await h.text(y, { type: "rematch.request", pairingId: xs.pairingId }, DM)).toContain("You have a new peer");
    const [fresh] = await h.pairingsOf("ani");
    expect((await h.membersOf(fresh as string)).sort()).toEqual(["ani", y].sort());
    expect(await h.pairingsOf(x)).toHaveLength(0);
    // Ani's former partner asks too: the only pair with room has Ani in it, so they wait.
    const former = ani.others[0] as string;
    expect(await h.text(former, { type: "rematch.request", pairingId: ani.pairingId }, DM)).toContain("on the waiting list");
    expect(await h.pairingsOf(former)).toHaveLength(0);
  });

  it("waits kindly when no one fits, and a second click sends nothing new", async () => {
    await matched(["ani", "budi"]);
    const { pairingId } = await partnerOf("ani");
    expect(await h.text("ani", submit({ type: "pairing.end", pairingId }, { rematch: true }), DM)).toContain(
      "you’re on the waiting list",
    );
    const outbox = await h.count("outbox");
    expect(await h.text("budi", { type: "rematch.request", pairingId }, DM)).toContain("you’re on the waiting list");
    expect(await h.text("budi", { type: "rematch.request", pairingId }, DM)).toContain("you’re on the waiting list");
    expect(await h.count("outbox")).toBe(outbox);
    // Nobody is ever paired with the same person twice in a round.
    expect(await h.pairingsOf("ani")).toHaveLength(0);
  });

  it("is only offered on an ended pairing of one's own", async () => {
    await matched(["ani", "budi"]);
    const { pairingId } = await partnerOf("ani");
    expect(await h.text("budi", { type: "rematch.request", pairingId }, DM)).toContain("A new match isn’t available");
    expect(await h.text("mallory", { type: "rematch.request", pairingId }, DM)).toContain("That pairing isn’t yours.");
  });
});

async function memberId(externalId: string): Promise<string> {
  return (await tdb.db.kysely.selectFrom("members").select("id").where("external_id", "=", externalId).executeTakeFirstOrThrow())
    .id;
}
