/**
 * Order within a conversation, and its one exception: a row written held for later (quiet hours,
 * contact hours, a set time) keeps no later row of its conversation back until it is due, while a
 * row put back to wait (a 429, a local rate limit, a retry's backoff) keeps its place. Both have
 * attempts 0 and a future available_at, so only the `held` flag tells them apart.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Tenant } from "../../src/core/domain";
import { MINUTE_MS } from "../../src/core/time/durations";
import { repositories } from "../../src/store/kysely-store";
import { leasePending, markRetry, markSentMany, markWaitingMany, type Outgoing } from "../../src/store/outbox-queue";
import { useTestDb } from "../support/test-db";

/** A Saturday, 09.00 WIB. */
const START = new Date("2026-12-05T02:00:00Z");
/** The Monday after, 09.00 WIB: when the retrospective was held for. */
const MONDAY = new Date("2026-12-07T02:00:00Z");
const LEASE_MS = MINUTE_MS;
const WORKER = "w1";
const t = useTestDb();

let tenant: Tenant;
let sari: string;
let budi: string;

beforeEach(async () => {
  const r = repositories(t.db.kysely);
  tenant = await r.tenants.ensure("slack", "T-held");
  sari = (await r.members.ensure(tenant.id, "U-sari", "Sari")).id;
  budi = (await r.members.ensure(tenant.id, "U-budi", "Budi")).id;
});

const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** A DM to `memberId` written at `at`, not before `availableAt` when given. */
async function enqueue(key: string, at: Date, availableAt?: Date, memberId = sari): Promise<void> {
  await repositories(t.db.kysely).outbox.enqueue({
    tenantId: tenant.id,
    key,
    audience: { kind: "member", memberId },
    message: { blocks: [{ type: "text", text: key }] },
    at,
    ...(availableAt ? { availableAt } : {}),
  });
}

let leased: Outgoing[] = [];
/** Leases what is due at `now` (every conversation's head); returns the keys, in lease order. */
async function lease(now: Date): Promise<string[]> {
  leased = await leasePending(t.db.kysely, now, WORKER, LEASE_MS, 10);
  return leased.map((o) => o.key);
}
const idOf = (key: string): number => {
  const row = leased.find((o) => o.key === key);
  if (!row) throw new Error(`${key} was not leased`);
  return row.id;
};
async function send(at: Date, ...keys: string[]): Promise<void> {
  await markSentMany(
    t.db.kysely,
    keys.map((k) => ({ id: idOf(k), platformMessageId: `pm-${k}` })),
    at,
    WORKER,
  );
}

/** Each row's `held` flag, by key. */
async function heldFlags(): Promise<Record<string, boolean>> {
  const rows = await t.db.kysely.selectFrom("outbox").select(["idempotency_key", "held"]).execute();
  return Object.fromEntries(rows.map((r) => [r.idempotency_key, r.held]));
}

describe("a row held for later", () => {
  it("does not keep back a later row of its conversation that is due now; once due, it is leased, and in order", async () => {
    await enqueue("retrospective", START, MONDAY);
    const asked = plus(START, 5 * MINUTE_MS);
    await enqueue("chart", asked);
    expect(await heldFlags()).toEqual({ retrospective: true, chart: false });

    // The chart asked for on Saturday goes at once, not on Monday behind the retrospective.
    expect(await lease(asked)).toEqual(["chart"]);
    await send(asked, "chart");
    expect(await lease(plus(MONDAY, -1_000))).toEqual([]);

    // Due now, the held row is an ordinary one: it keeps back what was written after it.
    await enqueue("after", MONDAY);
    expect(await lease(MONDAY)).toEqual(["retrospective"]);
    await send(MONDAY, "retrospective");
    expect(await lease(MONDAY)).toEqual(["after"]);
  });

  it("two held rows due at the same moment go out in the order written, one at a time", async () => {
    await enqueue("first", START, MONDAY);
    await enqueue("second", plus(START, 1_000), MONDAY);
    await enqueue("third", plus(START, 2_000), MONDAY);
    // Another conversation's row is not kept back by Sari's.
    await enqueue("budi-now", plus(START, 3_000), undefined, budi);
    expect(await lease(plus(START, 3_000))).toEqual(["budi-now"]);
    await send(plus(START, 3_000), "budi-now");

    for (const key of ["first", "second", "third"]) {
      expect(await lease(MONDAY)).toEqual([key]);
      await send(MONDAY, key);
    }
    expect(await lease(MONDAY)).toEqual([]);
  });

  it("holds later rows back again once a dispatcher has taken it, even after its lease ran out", async () => {
    await enqueue("retrospective", START, MONDAY);
    expect(await lease(MONDAY)).toEqual(["retrospective"]);
    // The dispatcher that took it stopped; what comes next waits behind it, and it is taken again first.
    await enqueue("chart", plus(MONDAY, 1_000));
    expect(await lease(plus(MONDAY, 1_000))).toEqual([]);
    expect(await lease(plus(MONDAY, LEASE_MS + 1_000))).toEqual(["retrospective"]);
  });
});

describe("a row put back to wait keeps its place", () => {
  it("an ordinary row put back for a 429 or a rate limit (markWaitingMany) keeps later rows back", async () => {
    await enqueue("first", START);
    await enqueue("second", START);
    expect(await lease(START)).toEqual(["first"]);
    await markWaitingMany(t.db.kysely, [{ id: idOf("first"), at: plus(START, 30_000) }], WORKER);
    expect(await lease(plus(START, 1_000))).toEqual([]);
    expect(await lease(plus(START, 30_000))).toEqual(["first"]);
    await send(plus(START, 30_000), "first");
    expect(await lease(plus(START, 30_000))).toEqual(["second"]);
  });

  it("a held row, once due and put back for a 429 or a rate limit (markWaitingMany), keeps later rows back", async () => {
    await enqueue("retrospective", START, MONDAY);
    expect(await lease(MONDAY)).toEqual(["retrospective"]);
    // Unattempted, due later: like a row written held, yet it must keep its place.
    await markWaitingMany(t.db.kysely, [{ id: idOf("retrospective"), at: plus(MONDAY, 30_000) }], WORKER);
    expect(await heldFlags()).toEqual({ retrospective: false });
    await enqueue("chart", plus(MONDAY, 1_000));
    expect(await lease(plus(MONDAY, 1_000))).toEqual([]);
    expect(await lease(plus(MONDAY, 30_000))).toEqual(["retrospective"]);
    await send(plus(MONDAY, 30_000), "retrospective");
    expect(await lease(plus(MONDAY, 30_000))).toEqual(["chart"]);
  });

  for (const attempted of [false, true]) {
    it(`a held row, once due and put back by markRetry (${attempted ? "a failed attempt" : "a Retry-After, no attempt"}), keeps later rows back`, async () => {
      await enqueue("retrospective", START, MONDAY);
      expect(await lease(MONDAY)).toEqual(["retrospective"]);
      await markRetry(t.db.kysely, idOf("retrospective"), plus(MONDAY, 60_000), "rate_limited", attempted, WORKER);
      expect(await heldFlags()).toEqual({ retrospective: false });
      await enqueue("chart", plus(MONDAY, 1_000));
      expect(await lease(plus(MONDAY, 1_000))).toEqual([]);
      expect(await lease(plus(MONDAY, 60_000))).toEqual(["retrospective"]);
      await send(plus(MONDAY, 60_000), "retrospective");
      expect(await lease(plus(MONDAY, 60_000))).toEqual(["chart"]);
    });
  }
});
