/**
 * A replica that shuts down hands back the outbox rows and jobs it still
 * holds, and only those: rows another worker leased, rows already sent or
 * finished, and when each is due stay as they were; another worker leases the
 * handed-back rows at once, long before their lease would have run out.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { MINUTE_MS } from "../../src/core/time/durations";
import { leaseDueJobs, releaseJobLeases } from "../../src/store/job-queue";
import { repositories } from "../../src/store/kysely-store";
import { leasePending, markSentMany, releaseOutboxLeases } from "../../src/store/outbox-queue";
import { useTestDb } from "../support/test-db";

const START = new Date("2026-12-01T02:00:00Z");
const LEASE_MS = 10 * MINUTE_MS;
const t = useTestDb();

/** Four outbox rows, each to its own member (each heads its own conversation), and four due jobs. */
beforeEach(async () => {
  const r = repositories(t.db.kysely);
  const tenant = await r.tenants.ensure("slack", "T-release");
  for (const name of ["o1", "o2", "o3", "o4"]) {
    const member = await r.members.ensure(tenant.id, `U-${name}`, name);
    await r.outbox.enqueue({
      tenantId: tenant.id,
      key: name,
      audience: { kind: "member", memberId: member.id },
      message: { blocks: [{ type: "text", text: name }] },
      at: START,
    });
  }
  await t.db.kysely
    .insertInto("jobs")
    .values(
      ["j1", "j2", "j3", "j4"].map((key, i) => ({
        kind: "test",
        key,
        due_at: new Date(START.getTime() - (4 - i) * 1_000),
        payload: JSON.stringify({}),
        created_at: START,
      })),
    )
    .execute();
});

const outbox = () =>
  t.db.kysely
    .selectFrom("outbox")
    .select(["idempotency_key as key", "status", "leased_by", "lease_until", "available_at"])
    .orderBy("idempotency_key")
    .execute();
const jobs = () =>
  t.db.kysely.selectFrom("jobs").select(["key", "status", "leased_by", "lease_until", "due_at"]).orderBy("key").execute();

describe("a shutting-down worker hands back its own leases", () => {
  it("outbox: only A's pending rows are put back; B's and the sent one are untouched; C leases A's at once", async () => {
    const byA = await leasePending(t.db.kysely, START, "A", LEASE_MS, 3);
    const byB = await leasePending(t.db.kysely, START, "B", LEASE_MS, 3);
    expect(byA.map((o) => o.key)).toEqual(["o1", "o2", "o3"]);
    expect(byB.map((o) => o.key)).toEqual(["o4"]);
    // A delivered o1 before it was told to stop.
    await markSentMany(t.db.kysely, [{ id: byA[0]?.id ?? -1, platformMessageId: "pm-1" }], START, "A");
    const before = new Map((await outbox()).map((r) => [r.key, r]));

    expect(await releaseOutboxLeases(t.db.kysely, "A")).toBe(2);
    const after = new Map((await outbox()).map((r) => [r.key, r]));
    expect(after.get("o1")).toEqual(before.get("o1"));
    expect(after.get("o4")).toEqual(before.get("o4"));
    for (const key of ["o2", "o3"]) {
      expect(after.get(key)).toMatchObject({ status: "pending", leased_by: null, lease_until: null });
      expect(after.get(key)?.available_at).toEqual(before.get(key)?.available_at);
    }
    // A second release finds nothing of A's left.
    expect(await releaseOutboxLeases(t.db.kysely, "A")).toBe(0);

    // A moment later (not a lease later) another worker takes exactly what A gave back.
    const soon = new Date(START.getTime() + 1_000);
    const byC = await leasePending(t.db.kysely, soon, "C", LEASE_MS, 10);
    expect(byC.map((o) => o.key)).toEqual(["o2", "o3"]);
  });

  it("jobs: only A's pending jobs are put back; B's and the finished one are untouched; C leases A's at once", async () => {
    const byA = await leaseDueJobs(t.db.kysely, START, "A", LEASE_MS, 3);
    const byB = await leaseDueJobs(t.db.kysely, START, "B", LEASE_MS, 3);
    expect(byA.map((j) => j.key)).toEqual(["j1", "j2", "j3"]);
    expect(byB.map((j) => j.key)).toEqual(["j4"]);
    // A finished j1 before it was told to stop.
    await t.db.kysely
      .updateTable("jobs")
      .set({ status: "done", finished_at: START, lease_until: null })
      .where("key", "=", "j1")
      .execute();
    const before = new Map((await jobs()).map((r) => [r.key, r]));

    expect(await releaseJobLeases(t.db.kysely, "A")).toBe(2);
    const after = new Map((await jobs()).map((r) => [r.key, r]));
    expect(after.get("j1")).toEqual(before.get("j1"));
    expect(after.get("j4")).toEqual(before.get("j4"));
    for (const key of ["j2", "j3"]) {
      expect(after.get(key)).toMatchObject({ status: "pending", leased_by: null, lease_until: null });
      expect(after.get(key)?.due_at).toEqual(before.get(key)?.due_at);
    }
    expect(await releaseJobLeases(t.db.kysely, "A")).toBe(0);

    const soon = new Date(START.getTime() + 1_000);
    const byC = await leaseDueJobs(t.db.kysely, soon, "C", LEASE_MS, 10);
    expect(byC.map((j) => j.key)).toEqual(["j2", "j3"]);
  });
});
