/**
 * Messages go out when their transaction commits, not at the next tick: the
 * real core with the due-work listener and the Ticker's wake wired, a fake
 * Sender, and no cron (a spy proves no tick ran). Also: a job due now runs at
 * once; a burst of 1,000 commits costs a few coalesced passes, never two at
 * once, even with ticks in between, and sends each message once; a row held
 * back by a rate limit goes out when its wait is over. On the server only: a
 * commit in one "replica" wakes another's dispatcher through NOTIFY, and a
 * listener whose connection is cut reconnects and catches up.
 */

import { sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/app";
import type { Message } from "../../src/core/messages/message";
import type { Clock } from "../../src/core/time/clock";
import { systemClock } from "../../src/core/time/clock";
import type { Outgoing } from "../../src/delivery/outgoing";
import { PLATFORM_LIMITS, RateLimits } from "../../src/delivery/rate-limits";
import type { Sender } from "../../src/delivery/sender";
import { Ticker, type TickerOptions } from "../../src/scheduler/tick";
import type { Db } from "../../src/store/connect";
import type { DueWork } from "../../src/store/due-work";
import { type DueWorkListener, type ListenerOptions, listenForDueWork } from "../../src/store/due-work-listener";
import { kyselyStore, repositories } from "../../src/store/kysely-store";
import { Harness } from "../support/harness";
import { testDbKind, useTestDb } from "../support/test-db";
import { TEST_KEYS } from "../support/test-keys";

const t = useTestDb();
const onServer = testDbKind() === "postgres";

/** What "at once" means here: well under the tick's minute, with room for a busy 2-core machine. */
const AT_ONCE_MS = 2_000;

/** Records every send with its wall-clock time; a gate can hold sends back. */
class RecordingSender implements Sender {
  readonly sent: Array<{ key: string; at: number }> = [];
  private gate: Promise<void> | null = null;
  private open: () => void = () => undefined;

  async send(out: Outgoing): Promise<{ platformMessageId: string | null }> {
    if (this.gate) await this.gate;
    this.sent.push({ key: out.key, at: Date.now() });
    return { platformMessageId: `pm-${this.sent.length}` };
  }

  hold(): void {
    this.gate = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    this.gate = null;
    this.open();
  }

  keys(): string[] {
    return this.sent.map((s) => s.key);
  }
}

/** A dispatcher replica without cron: a Ticker woken by the listener only. */
interface Replica {
  ticker: Ticker;
  sender: RecordingSender;
  listener: DueWorkListener;
  wakes: DueWork[];
  errors: unknown[];
  tick: ReturnType<typeof vi.spyOn>;
}

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function replica(
  db: Db,
  clock: Clock,
  options: Partial<TickerOptions> = {},
  listenerOptions: ListenerOptions = {},
): Promise<Replica> {
  const sender = new RecordingSender();
  const errors: unknown[] = [];
  const ticker = new Ticker(db.kysely, sender, clock, {
    worker: `w-${stops.length}`,
    onError: (error) => errors.push(error),
    ...options,
  });
  const tick = vi.spyOn(ticker, "tick");
  const wakes: DueWork[] = [];
  const listener = listenForDueWork(
    db,
    (work) => {
      wakes.push(work);
      ticker.wake(work);
    },
    listenerOptions,
  );
  stops.push(async () => {
    ticker.stop();
    await listener.stop();
    await ticker.idle();
  });
  await listener.ready;
  return { ticker, sender, listener, wakes, errors, tick };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = AT_ONCE_MS): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= ms) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`not within ${ms} ms: ${what}`);
}

const msg = (text: string): Message => ({ blocks: [{ type: "text", text, style: "plain" }] });

async function members(db: Db, count: number) {
  const r = repositories(db.kysely);
  const tenant = await r.tenants.ensure("console", "T-burst");
  const list = [];
  for (let i = 0; i < count; i++) list.push(await r.members.ensure(tenant.id, `U${i}`, `Member ${i}`));
  return { tenant, members: list };
}

describe("instant delivery", () => {
  it("a command's messages reach the platform within 2 s of its commit, with no tick", async () => {
    const h = new Harness(t.db);
    const r = await replica(t.db, h.clock);
    await h.allowEveryoneToSetUp();
    await h.run("olga", { type: "program.setup", name: "Sahabat Belajar", language: "en" });
    await h.run("olga", { type: "round.open" });
    const committedAt = Date.now();
    const [announcement] = await h.keyed("round-open:");
    expect(announcement).toBeDefined();
    await waitFor(() => r.sender.keys().includes(announcement?.idempotency_key ?? ""), "the round's announcement");
    const arrived = r.sender.sent.find((s) => s.key === announcement?.idempotency_key)?.at ?? Number.NaN;
    expect(arrived - committedAt).toBeLessThan(AT_ONCE_MS);
    expect(r.tick).not.toHaveBeenCalled();
    expect(r.wakes).toContain("outbox");
    // Sent rows are marked once their pass's group is done.
    await r.ticker.idle();
    const row = await t.db.kysely
      .selectFrom("outbox")
      .select(["status", "platform_message_id"])
      .where("idempotency_key", "=", announcement?.idempotency_key ?? "")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(r.errors).toEqual([]);
  });

  it("a job that is due as it commits runs at once, and its messages follow, with no tick", async () => {
    const h = new Harness(t.db);
    await h.openProgram();
    const r = await replica(t.db, h.clock);
    const round = await t.db.kysely.selectFrom("rounds").select("id").executeTakeFirstOrThrow();
    await kyselyStore(t.db.kysely).transaction((tx) =>
      tx.jobs.schedule({
        kind: "round-signup-close",
        key: `round-signup-close:${round.id}:early`,
        dueAt: h.clock.now(),
        payload: { roundId: round.id },
        at: h.clock.now(),
      }),
    );
    await waitFor(() => r.sender.keys().some((k) => k.startsWith("signup-closed:")), "the sign-up closing message");
    expect(r.wakes).toContain("jobs");
    expect(r.tick).not.toHaveBeenCalled();
    // The job's own commit wrote outbox rows, so it woke delivery too.
    await waitFor(() => r.wakes.includes("outbox"), "the wake from the job's commit");
    // A job due later wakes nobody.
    const before = r.wakes.length;
    await kyselyStore(t.db.kysely).transaction((tx) =>
      tx.jobs.schedule({
        kind: "round-signup-close",
        key: `round-signup-close:${round.id}:later`,
        dueAt: new Date(h.clock.now().getTime() + 60_000),
        payload: { roundId: round.id },
        at: h.clock.now(),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.wakes.length).toBe(before);
  });

  it("nothing is woken by a transaction that rolls back, nor by a row due later", async () => {
    const { tenant, members: people } = await members(t.db, 3);
    const r = await replica(t.db, systemClock);
    const at = new Date();
    // Each row to its own member: a row due later holds back the rest of its conversation.
    const row = (key: string, availableAt?: Date) => ({
      tenantId: tenant.id,
      key,
      audience: { kind: "member" as const, memberId: people[["rolled-back", "later", "committed"].indexOf(key)]?.id ?? "" },
      message: msg(key),
      at,
      ...(availableAt ? { availableAt } : {}),
    });
    await expect(
      kyselyStore(t.db.kysely).transaction(async (tx) => {
        await tx.outbox.enqueue(row("rolled-back"));
        throw new Error("the use case failed after writing");
      }),
    ).rejects.toThrow("the use case failed");
    await kyselyStore(t.db.kysely).transaction((tx) => tx.outbox.enqueue(row("later", new Date(at.getTime() + 3_600_000))));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.wakes).toEqual([]);
    // The same kind of row, committed and due now, is heard.
    await kyselyStore(t.db.kysely).transaction((tx) => tx.outbox.enqueue(row("committed")));
    await waitFor(() => r.sender.keys().includes("committed"), "the committed row");
    expect(r.sender.keys()).toEqual(["committed"]);
  });

  it("a burst of 1,000 commits, with ticks in between: a few passes, never two at once, each message sent once", async () => {
    const { tenant, members: people } = await members(t.db, 100);
    const r = await replica(t.db, systemClock);
    let inFlight = 0;
    let most = 0;
    const dispatch = r.ticker.dispatcher.dispatchPending.bind(r.ticker.dispatcher);
    vi.spyOn(r.ticker.dispatcher, "dispatchPending").mockImplementation(async () => {
      most = Math.max(most, ++inFlight);
      try {
        return await dispatch();
      } finally {
        inFlight--;
      }
    });
    // The first pass is held at its first send while the other commits arrive: every wake meanwhile
    // must fold into the one queued pass.
    r.sender.hold();
    const store = kyselyStore(t.db.kysely);
    const ticks: Array<Promise<unknown>> = [];
    const commits = 1_000;
    for (let i = 0; i < commits; i++) {
      const member = people[i % people.length];
      if (!member) throw new Error("no member");
      await store.transaction((tx) =>
        tx.outbox.enqueue({
          tenantId: tenant.id,
          key: `burst:${i}`,
          audience: { kind: "member", memberId: member.id },
          message: msg(`n${i}`),
          at: new Date(),
        }),
      );
      if (i % 250 === 125) ticks.push(r.ticker.tick());
    }
    await waitFor(() => r.wakes.length >= commits, "a wake per commit", 10_000);
    r.sender.release();
    await waitFor(() => r.sender.sent.length >= commits, "every message", 30_000);
    await Promise.all(ticks);
    await r.ticker.idle();

    expect(r.wakes.length).toBe(commits);
    expect(new Set(r.sender.keys()).size).toBe(commits);
    expect(r.sender.sent.length).toBe(commits);
    expect(most).toBe(1);
    // The held pass, the one queued behind it, and at most a late straggler or two.
    const passes = r.ticker.deliveryPasses.started;
    console.info(`[instant] ${commits} commits, ${r.wakes.length} wakes, ${ticks.length} ticks: ${passes} delivery passes`);
    expect(passes).toBeLessThanOrEqual(4);
    expect(r.errors).toEqual([]);
  });

  it("rows a conversation's rate limit holds back go out when the wait is over, not at the next tick", async () => {
    const { tenant, members: people } = await members(t.db, 1);
    const limits = new RateLimits({ ...PLATFORM_LIMITS, console: { tenant: null, conversation: { perSecond: 5, burst: 1 } } });
    const r = await replica(t.db, systemClock, { timedWakes: true, delivery: { limits } });
    const member = people[0];
    if (!member) throw new Error("no member");
    const at = new Date();
    await kyselyStore(t.db.kysely).transaction(async (tx) => {
      for (const n of [1, 2, 3])
        await tx.outbox.enqueue({
          tenantId: tenant.id,
          key: `limited:${n}`,
          audience: { kind: "member", memberId: member.id },
          message: msg(`n${n}`),
          at,
        });
    });
    // 1 at once, then one every 200 ms.
    await waitFor(() => r.sender.sent.length === 3, "all three messages");
    expect(r.sender.keys()).toEqual(["limited:1", "limited:2", "limited:3"]);
    expect(r.tick).not.toHaveBeenCalled();
  });
});

describe("instant delivery across replicas", () => {
  it.runIf(onServer)("[server only] a commit in one replica wakes another's dispatcher through NOTIFY", async () => {
    if (!t.url) throw new Error("no server URL");
    // Replica A: the core only, no listener and no dispatcher. Replica B: its own pool, listener and dispatcher.
    const h = new Harness(t.db);
    const other = await openDatabase({ kind: "postgres", url: t.url, poolSize: 2 }, TEST_KEYS);
    stops.push(() => other.close());
    const b = await replica(other, h.clock);
    await h.allowEveryoneToSetUp();
    await h.run("olga", { type: "program.setup", name: "Sahabat Belajar", language: "en" });
    await h.run("olga", { type: "round.open" });
    const [announcement] = await h.keyed("round-open:");
    const took = await waitFor(
      () => b.sender.keys().includes(announcement?.idempotency_key ?? ""),
      "the announcement, sent by the other replica",
    );
    console.info(`[instant] commit in replica A, sent by replica B after ${took} ms`);
    expect(b.tick).not.toHaveBeenCalled();
    expect(b.wakes).toContain("outbox");
  });

  it.runIf(onServer)(
    "[server only] a listener whose connection is cut reconnects with backoff, catches up on what it missed, and hears commits again",
    async () => {
      const { tenant, members: people } = await members(t.db, 1);
      const member = people[0];
      if (!member) throw new Error("no member");
      const lost: unknown[] = [];
      const r = await replica(
        t.db,
        systemClock,
        {},
        { backoff: { baseMs: 100, capMs: 400 }, onLost: (error) => lost.push(error), random: () => 0.5 },
      );
      const commit = (key: string) =>
        kyselyStore(t.db.kysely).transaction((tx) =>
          tx.outbox.enqueue({
            tenantId: tenant.id,
            key,
            audience: { kind: "member", memberId: member.id },
            message: msg(key),
            at: new Date(),
          }),
        );
      const database = new URL(t.url ?? "").pathname.slice(1);
      const cut = async () => {
        const { rows } = await sql<{ ok: boolean }>`select pg_terminate_backend(pid) as ok from pg_stat_activity
            where datname = ${database} and application_name = 'sebaya-listener'`.execute(t.db.kysely);
        expect(rows).toEqual([{ ok: true }]);
      };

      // Cut, and commit at once, while the listener is away: the wake after reconnecting delivers it.
      await cut();
      await commit("while-cut");
      await waitFor(() => r.sender.keys().includes("while-cut"), "the message committed while cut off");
      expect(lost.length).toBe(1);
      await waitFor(() => r.listener.listening, "listening again");

      // Cut twice more: no crash, and after reconnecting the next commit is heard at once.
      for (const n of [2, 3]) {
        await cut();
        await waitFor(() => lost.length >= n && r.listener.listening, `listening after cut ${n}`);
      }
      const wakes = r.wakes.length;
      await commit("after-reconnect");
      await waitFor(() => r.sender.keys().includes("after-reconnect"), "a commit after reconnecting");
      expect(r.wakes.length).toBeGreaterThan(wakes);
      expect(r.sender.keys().filter((k) => k === "while-cut")).toHaveLength(1);
      expect(r.tick).not.toHaveBeenCalled();
      expect(r.errors).toEqual([]);
    },
  );
});
