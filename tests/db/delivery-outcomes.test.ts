/**
 * The dispatcher's outcome callback (for metrics and the delivery log line):
 * one result per send, and the request id of the command that wrote the row,
 * stored on it through Store.transaction's `requestId`. Real database, a
 * scripted sender.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock";
import { DeliveryFailure } from "../../src/delivery/delivery-failure";
import { Dispatcher, type DispatcherOptions } from "../../src/delivery/dispatcher";
import type { Outgoing } from "../../src/delivery/outgoing";
import { PLATFORM_LIMITS, RateLimits } from "../../src/delivery/rate-limits";
import type { Sender } from "../../src/delivery/sender";
import { kyselyStore, repositories } from "../../src/store/kysely-store";
import { useTestDb } from "../support/test-db";

const START = new Date("2026-12-01T02:00:00Z");
const t = useTestDb();

class ScriptedSender implements Sender {
  readonly script = new Map<string, DeliveryFailure[]>();
  async send(out: Outgoing): Promise<{ platformMessageId: string | null }> {
    const next = this.script.get(out.key)?.shift();
    if (next) throw next;
    return { platformMessageId: `pm-${out.key}` };
  }
}

describe("the dispatcher's outcomes", () => {
  it("tells each send's result with the request id its row was written under", async () => {
    const r = repositories(t.db.kysely);
    const tenant = await r.tenants.ensure("slack", "T-1");
    const olga = await r.members.ensure(tenant.id, "U-OLGA", "Olga");
    const ana = await r.members.ensure(tenant.id, "U-ANA", "Ana");
    const program = await r.programs.create({
      tenantId: tenant.id,
      channelId: "C-1",
      spaceId: null,
      name: "Mentoring",
      language: "en",
      timezone: "Asia/Jakarta",
      roundWeeks: 8,
      createdBy: olga.id,
    });
    const message = { blocks: [{ type: "text" as const, text: "hi" }] };
    // Written as a command's would be: in a transaction carrying the platform event's id.
    await kyselyStore(t.db.kysely).transaction(
      async (tx) => {
        await tx.outbox.enqueue({
          tenantId: tenant.id,
          key: "ok",
          audience: { kind: "channel", programId: program.id },
          message,
          at: START,
          programId: program.id,
        });
        await tx.outbox.enqueue({
          tenantId: tenant.id,
          key: "flaky",
          audience: { kind: "member", memberId: olga.id },
          message,
          at: START,
          programId: program.id,
        });
        await tx.outbox.enqueue({
          tenantId: tenant.id,
          key: "closed",
          audience: { kind: "member", memberId: ana.id },
          message,
          at: START,
          programId: program.id,
        });
      },
      { requestId: "trigger-1" },
    );
    // Written outside a command (a job's): no request id; no program, so no fallback applies.
    const budi = await r.members.ensure(tenant.id, "U-BUDI", "Budi");
    const dan = await r.members.ensure(tenant.id, "U-DAN", "Dan");
    await r.outbox.enqueue({
      tenantId: tenant.id,
      key: "slow",
      audience: { kind: "member", memberId: budi.id },
      message,
      at: START,
    });
    await r.outbox.enqueue({
      tenantId: tenant.id,
      key: "lost",
      audience: { kind: "member", memberId: dan.id },
      message,
      at: START,
    });
    const rows = await t.db.kysely.selectFrom("outbox").select(["idempotency_key", "request_id"]).orderBy("id").execute();
    expect(rows.map((x) => [x.idempotency_key, x.request_id])).toEqual([
      ["ok", "trigger-1"],
      ["flaky", "trigger-1"],
      ["closed", "trigger-1"],
      ["slow", null],
      ["lost", null],
    ]);

    const sender = new ScriptedSender();
    sender.script.set("flaky", [new DeliveryFailure("transient", "500")]);
    sender.script.set("closed", [new DeliveryFailure("dm-closed", "cannot send")]);
    sender.script.set("slow", [new DeliveryFailure("rate-limited", "429", 1_000, "conversation")]);
    sender.script.set("lost", [new DeliveryFailure("permanent", "channel_not_found")]);
    const told: Array<[string, string | null, string]> = [];
    const options: DispatcherOptions = {
      worker: "w",
      concurrency: 1,
      limits: new RateLimits({ ...PLATFORM_LIMITS, slack: { tenant: null, conversation: null } }),
      random: () => 0.5,
      onOutcome: (row, result) => told.push([row.key, row.requestId, result]),
    };
    const clock = new ManualClock(START);
    await new Dispatcher(t.db.kysely, sender, clock, options).dispatchPending();
    expect(told).toEqual(
      expect.arrayContaining([
        ["ok", "trigger-1", "sent"],
        ["flaky", "trigger-1", "retried"],
        ["closed", "trigger-1", "fallback"],
        ["slow", null, "rate-limited"],
        ["lost", null, "failed"],
      ]),
    );
    // Beside them only the fallback's own message (written by the dispatcher, so without a request id), sent.
    const others = told.filter(([key]) => !["ok", "flaky", "closed", "slow", "lost"].includes(key));
    expect(others.map(([, requestId, result]) => [requestId, result])).toEqual([[null, "sent"]]);
  });
});
