/**
 * An outbox row is settled only by the dispatcher that holds its lease: a
 * replica that stalled past its lease while another took the row over must
 * not mark it sent, put it back or give it up (the job queue's rule too).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { MINUTE_MS } from "../../src/core/time/durations";
import { repositories } from "../../src/store/kysely-store";
import { leasePending, markFailed, markRetry, markSentMany, type Outgoing } from "../../src/store/outbox-queue";
import { useTestDb } from "../support/test-db";

const START = new Date("2026-12-01T02:00:00Z");
const LEASE_MS = MINUTE_MS;
const t = useTestDb();

/** Three rows, each to its own member (so each heads its own conversation). */
beforeEach(async () => {
  const r = repositories(t.db.kysely);
  const tenant = await r.tenants.ensure("slack", "T-lease");
  for (const name of ["sent", "retry", "failed"]) {
    const member = await r.members.ensure(tenant.id, `U-${name}`, name);
    await r.outbox.enqueue({
      tenantId: tenant.id,
      key: name,
      audience: { kind: "member", memberId: member.id },
      message: { blocks: [{ type: "text", text: name }] },
      at: START,
    });
  }
});

const rows = () =>
  t.db.kysely
    .selectFrom("outbox")
    .select(["idempotency_key", "status", "attempts", "available_at", "leased_by", "last_error", "platform_message_id"])
    .orderBy("idempotency_key")
    .execute();
const idOf = (leased: Outgoing[], key: string) => leased.find((o) => o.key === key)?.id ?? -1;

describe("outbox outcomes are settled only under the worker's own lease", () => {
  it("A's lease expires and B re-leases: A's marks change nothing, B's take effect", async () => {
    const byA = await leasePending(t.db.kysely, START, "A", LEASE_MS, 10);
    expect(byA.map((o) => o.key).sort()).toEqual(["failed", "retry", "sent"]);
    const later = new Date(START.getTime() + LEASE_MS + 1_000);
    const byB = await leasePending(t.db.kysely, later, "B", LEASE_MS, 10);
    expect(byB.map((o) => o.key).sort()).toEqual(["failed", "retry", "sent"]);
    const before = await rows();
    expect(before.every((r) => r.leased_by === "B")).toBe(true);

    // A wakes up late and reports what it did with rows that are no longer its own.
    await markSentMany(t.db.kysely, [{ id: idOf(byA, "sent"), platformMessageId: "pm-A" }], later, "A");
    await markRetry(t.db.kysely, idOf(byA, "retry"), new Date(later.getTime() + 5_000), "transient: A", true, "A");
    expect(await markFailed(t.db.kysely, idOf(byA, "failed"), later, "forbidden: A", "A")).toBe(false);
    expect(await rows()).toEqual(before);

    // B, which holds them now, settles them.
    await markSentMany(t.db.kysely, [{ id: idOf(byB, "sent"), platformMessageId: "pm-B" }], later, "B");
    await markRetry(t.db.kysely, idOf(byB, "retry"), new Date(later.getTime() + 5_000), "transient: B", true, "B");
    expect(await markFailed(t.db.kysely, idOf(byB, "failed"), later, "forbidden: B", "B")).toBe(true);
    const after = new Map((await rows()).map((r) => [r.idempotency_key, r]));
    expect(after.get("sent")).toMatchObject({ status: "sent", platform_message_id: "pm-B", attempts: 1 });
    expect(after.get("retry")).toMatchObject({ status: "pending", leased_by: null, last_error: "transient: B", attempts: 1 });
    expect(after.get("retry")?.available_at.getTime()).toBe(later.getTime() + 5_000);
    expect(after.get("failed")).toMatchObject({ status: "failed", last_error: "forbidden: B", attempts: 1 });
  });
});
