/**
 * Ticker.drain, a replica's shutdown: the send in flight finishes and is
 * recorded, no other send starts, and the rows it leased but did not send are
 * handed back, so another worker delivers them at once (each exactly once).
 * Past the deadline nothing is handed back: the send may still be in flight.
 */
import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/time/clock";
import type { Outgoing } from "../../src/delivery/outgoing";
import type { Sender } from "../../src/delivery/sender";
import { Ticker } from "../../src/scheduler/tick";
import { repositories } from "../../src/store/kysely-store";
import { useTestDb } from "../support/test-db";

const t = useTestDb();

/** Sends wait at the gate while it is held; every send that starts is recorded. */
class GatedSender implements Sender {
  readonly started: string[] = [];
  readonly finished: string[] = [];
  private open: () => void = () => undefined;
  private gate: Promise<void> | null = new Promise((resolve) => {
    this.open = resolve;
  });

  async send(out: Outgoing): Promise<{ platformMessageId: string | null }> {
    this.started.push(out.key);
    if (this.gate) await this.gate;
    this.finished.push(out.key);
    return { platformMessageId: `pm-${out.key}` };
  }

  release(): void {
    this.gate = null;
    this.open();
  }
}

/** Five rows due now, each to its own member (each heads its own conversation). */
async function fiveRows(): Promise<string[]> {
  const r = repositories(t.db.kysely);
  const tenant = await r.tenants.ensure("slack", "T-drain");
  const keys = ["d1", "d2", "d3", "d4", "d5"];
  for (const key of keys) {
    const member = await r.members.ensure(tenant.id, `U-${key}`, key);
    await r.outbox.enqueue({
      tenantId: tenant.id,
      key,
      audience: { kind: "member", memberId: member.id },
      message: { blocks: [{ type: "text", text: key }] },
      at: new Date(Date.now() - 1_000),
    });
  }
  return keys;
}

const ticker = (worker: string, sender: Sender) =>
  new Ticker(t.db.kysely, sender, systemClock, { worker, delivery: { concurrency: 1, batch: 10 } });

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

const outbox = () => t.db.kysely.selectFrom("outbox").select(["idempotency_key", "status", "leased_by"]).execute();

describe("Ticker.drain", () => {
  it("lets the send in flight finish, starts no other, and hands the rest back for another worker", async () => {
    const keys = await fiveRows();
    const senderA = new GatedSender();
    const a = ticker("A", senderA);
    const pass = a.deliver();
    await until(() => senderA.started.length === 1);
    // A holds all five; one is on its way to the platform.
    expect((await outbox()).every((r) => r.leased_by === "A")).toBe(true);

    let result: Awaited<ReturnType<Ticker["drain"]>> | null = null;
    const draining = a.drain(10_000).then((r) => {
      result = r;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(result).toBeNull(); // waiting for the send in flight
    senderA.release();
    await draining;
    await pass;
    expect(result).toEqual({ drained: true, released: { jobs: 0, outbox: 4 } });
    expect(senderA.started).toEqual(senderA.finished);
    expect(senderA.finished).toHaveLength(1);
    const after = await outbox();
    expect(after.filter((r) => r.status === "sent").map((r) => r.idempotency_key)).toEqual(senderA.finished);
    expect(after.filter((r) => r.status === "pending").every((r) => r.leased_by === null)).toBe(true);

    // Another worker takes the rest at once: every row delivered exactly once in all.
    const senderB = new GatedSender();
    senderB.release();
    await ticker("B", senderB).deliver();
    expect([...senderA.finished, ...senderB.finished].sort()).toEqual(keys);
  });

  it("past the deadline hands nothing back: the send may still be in flight", async () => {
    await fiveRows();
    const sender = new GatedSender();
    const a = ticker("A", sender);
    const pass = a.deliver();
    await until(() => sender.started.length === 1);
    expect(await a.drain(50)).toEqual({ drained: false });
    expect((await outbox()).every((r) => r.leased_by === "A")).toBe(true);
    sender.release();
    await pass;
    expect(sender.finished).toHaveLength(1);
  });
});
