/**
 * Ending well means words that fit what happened: a pair that never met is
 * not thanked "for the sessions you shared"; a pair that met still is.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { Harness, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
let pairingId: string;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  pairingId = await h.matchedPair({ timezone: "Asia/Jakarta" }, { timezone: "Asia/Jakarta", language: "en" });
});

const end = () => h.text("ani", submit({ type: "pairing.end", pairingId }, { rematch: false }), DM);
const toBudi = async () => (await h.outbox()).filter((r) => r.member === "budi" && r.idempotency_key.startsWith("ended:"));

describe("the words of an ending", () => {
  it("thanks nobody for sessions when the pair held none", async () => {
    const reply = await end();
    expect(reply).toContain("You’ve ended your pairing with Budi. Your reason stays private.");
    expect(reply).not.toContain("sessions you shared");
    const [partner] = await toBudi();
    expect(partner?.text).toContain("Ani has decided to end your mentoring pairing.");
    expect(partner?.text).not.toContain("sessions you shared");
  });

  it("thanks both for the sessions they held together", async () => {
    await h.run(
      "ani",
      submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
      DM,
    );
    await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
    // Wednesday 2 December, after the session at 10:00 WIB.
    h.clock.set(new Date("2026-12-02T05:00:00Z"));
    await h.run("budi", submit({ type: "checkin" }, { rating: 4 }), DM);
    expect(await end()).toContain("Thank you for the sessions you shared.");
    const [partner] = await toBudi();
    expect(partner?.text).toContain("Thank you for the sessions you shared.");
  });
});
