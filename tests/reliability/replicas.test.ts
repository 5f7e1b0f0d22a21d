/**
 * Scheduler + dispatcher replicas as separate processes against the real
 * PostgreSQL server and a fake platform on 127.0.0.1:
 * - three replicas, 5,000 due jobs: every message arrives exactly once (woken
 *   on every commit, as main runs them, besides the tick);
 * - a replica killed with SIGKILL mid-dispatch: after its lease expires
 *   everything is delivered; duplicates from the crash window are counted;
 * - every connection to the database cut mid-run (what a server restart looks
 *   like to the replicas), their LISTEN connections included: they reconnect
 *   and finish, nothing lost;
 * - the platform answering 429 with Retry-After, then 500s, then recovering:
 *   everything delivered, in order within each conversation;
 * - a replica stopped with SIGTERM mid-load (graceful shutdown): it finishes
 *   what is in flight and hands its leases back; the other goes on at once (long
 *   before the leases would run out), every message delivered exactly once.
 * Only with TEST_DATABASE_URL (the vitest "reliability" project).
 */

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/app";
import { systemClock } from "../../src/core/time/clock";
import { runDueJobs } from "../../src/scheduler/run-due-jobs";
import type { Db } from "../../src/store/connect";
import { createServerDatabase } from "../support/test-db";
import { TEST_KEYS } from "../support/test-keys";
import { FakePlatform } from "./fake-platform";
import { seedDueReminders } from "./seed";

interface Replica {
  child: ChildProcess;
  worker: string;
  /** Everything it printed so far ("ready", "stopped ..."). */
  lines: string[];
}

const running: Replica[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const r of running.splice(0)) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill("SIGKILL");
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<{ db: Db; url: string; platform: FakePlatform }> {
  const server = await createServerDatabase();
  const db = await openDatabase({ kind: "postgres", url: server.url, poolSize: 5 }, TEST_KEYS);
  const platform = new FakePlatform();
  await platform.start();
  cleanups.push(async () => {
    await platform.stop();
    await db.close();
    await server.drop();
  });
  return { db, url: server.url, platform };
}

async function startReplica(worker: string, env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/reliability/replica.ts"], {
    env: { ...process.env, WORKER: worker, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const replica: Replica = { child, worker, lines: [] };
  running.push(replica);
  const output = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  await new Promise<void>((resolve, reject) => {
    output.on("line", (line) => {
      replica.lines.push(line);
      if (line.startsWith("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`replica ${worker} exited (${code}) before it was ready`)));
  });
  return replica;
}

async function stopReplica(r: Replica): Promise<void> {
  if (r.child.exitCode !== null || r.child.signalCode !== null) return;
  r.child.kill("SIGTERM");
  await once(r.child, "exit");
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function pending(db: Db): Promise<{ jobs: number; outbox: number }> {
  const { rows } = await sql<{ jobs: number; outbox: number }>`
    select (select count(*)::int from jobs where status = 'pending') as jobs,
           (select count(*)::int from outbox where status = 'pending') as outbox`.execute(db.kysely);
  return rows[0] as { jobs: number; outbox: number };
}

const allDone = (db: Db) => async () => {
  const p = await pending(db);
  return p.jobs === 0 && p.outbox === 0;
};

describe("replicas", () => {
  it("three replicas, 5,000 due jobs: every message reaches the platform exactly once", async () => {
    const { db, url, platform } = await setup();
    const seeded = await seedDueReminders(db.kysely, 2_500);
    expect(seeded.jobs).toBe(5_000);
    // WAKE=1: each job's commit also wakes every replica's dispatcher; the leases still keep each row to one.
    const env = { DATABASE_URL: url, PLATFORM_URL: platform.url, WAKE: "1" };
    await Promise.all(["r1", "r2", "r3"].map((w) => startReplica(w, env)));
    await waitFor(allDone(db), 120_000, "all jobs and messages");
    await Promise.all(running.map(stopReplica));

    const counts = platform.counts();
    expect(counts.size).toBe(seeded.messages);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const sent = await db.kysely
      .selectFrom("outbox")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("status", "=", "sent")
      .executeTakeFirstOrThrow();
    expect(sent.n).toBe(seeded.messages);
    // All three took part.
    const workers = new Set(platform.received.map((r) => r.worker));
    expect(workers.size).toBe(3);
    console.info(
      `[reliability] 3 replicas: ${seeded.jobs} jobs, ${seeded.messages} messages, each delivered once; per replica ${[...workers]
        .map((w) => `${w}=${platform.received.filter((r) => r.worker === w).length}`)
        .join(" ")}`,
    );
  });

  it("a replica killed with SIGKILL mid-dispatch: after its lease expires everything is delivered", async () => {
    const { db, url, platform } = await setup();
    const seeded = await seedDueReminders(db.kysely, 1_000);
    const env = { DATABASE_URL: url, PLATFORM_URL: platform.url, LEASE_MS: "6000" };
    const [victim] = await Promise.all(["k1", "k2", "k3"].map((w) => startReplica(w, env)));
    await waitFor(async () => platform.received.length >= seeded.messages * 0.2, 60_000, "a fifth of the messages");
    victim?.child.kill("SIGKILL");
    const killedAt = platform.received.length;
    await waitFor(allDone(db), 120_000, "everything after the kill");
    await Promise.all(running.map(stopReplica));

    const counts = platform.counts();
    expect(counts.size).toBe(seeded.messages);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    console.info(
      `[reliability] SIGKILL after ${killedAt} of ${seeded.messages} messages: all delivered, ${duplicates} duplicate(s) from the crash window`,
    );
    // At most what the killed replica had sent but not yet marked: the group being marked and the
    // next one filling up (markEvery, 16, each) and the sends in flight (its concurrency, 16).
    expect(duplicates).toBeLessThanOrEqual(2 * 16 + 16);
  });

  it("every database connection cut mid-run: the replicas reconnect and finish, nothing lost", async () => {
    const { db, url, platform } = await setup();
    const seeded = await seedDueReminders(db.kysely, 1_000);
    const env = { DATABASE_URL: url, PLATFORM_URL: platform.url, LEASE_MS: "3000", BACKOFF_BASE_MS: "200", WAKE: "1" };
    await Promise.all(["d1", "d2", "d3"].map((w) => startReplica(w, env)));
    await waitFor(async () => platform.received.length >= seeded.messages * 0.2, 60_000, "a fifth of the messages");
    // What a restart looks like to a client: every session to this database ends at once, twice.
    const database = new URL(url).pathname.slice(1);
    for (let i = 0; i < 2; i++) {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
                where datname = ${database} and pid <> pg_backend_pid()`.execute(db.kysely);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await waitFor(allDone(db), 120_000, "everything after the cut");
    await Promise.all(running.map(stopReplica));
    const counts = platform.counts();
    expect(counts.size).toBe(seeded.messages);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    console.info(`[reliability] connections cut twice: all ${seeded.messages} delivered, ${duplicates} duplicate(s)`);
    // Each cut can cost each replica what it had sent but not yet marked (as above), twice.
    expect(duplicates).toBeLessThanOrEqual(2 * 3 * (2 * 16 + 16));
  });

  it("429 with Retry-After, then 500s, then recovery: everything delivered, in order within each conversation", async () => {
    const { db, url, platform } = await setup();
    const seeded = await seedDueReminders(db.kysely, 300);
    // The jobs run first, here, so that the outbox order is fixed before delivery starts.
    await runDueJobs(db.kysely, systemClock, { worker: "seed", batch: 100 });
    platform.script.push(
      ...Array.from({ length: 30 }, () => ({ status: 429 as const, retryAfterSeconds: 1 })),
      ...Array.from({ length: 60 }, () => ({ status: 500 as const })),
    );
    const env = { DATABASE_URL: url, PLATFORM_URL: platform.url, BACKOFF_BASE_MS: "200" };
    await Promise.all(["o1", "o2", "o3"].map((w) => startReplica(w, env)));
    await waitFor(allDone(db), 120_000, "everything after recovery");
    await Promise.all(running.map(stopReplica));

    expect(platform.counts().size).toBe(seeded.messages);
    expect(platform.requests).toBeGreaterThanOrEqual(seeded.messages + 90);
    const rows = await db.kysely.selectFrom("outbox").select(["id", "idempotency_key", "conversation"]).orderBy("id").execute();
    const expected = new Map<string, string[]>();
    for (const r of rows) expected.set(r.conversation, [...(expected.get(r.conversation) ?? []), r.idempotency_key]);
    const arrived = new Map<string, string[]>();
    for (const r of platform.received) arrived.set(r.conversation, [...(arrived.get(r.conversation) ?? []), r.key]);
    expect(arrived).toEqual(expected);
  });

  it("a replica stopped with SIGTERM mid-load: in flight finishes, its leases go back, the other takes over at once, each message once", async () => {
    const { db, url, platform } = await setup();
    // Each send takes a while, so the victim has sends in flight and leased rows waiting when it is stopped.
    platform.delayMs = 50;
    // Half the load already in the outbox, half still jobs: the victim may hold leases on both.
    const first = await seedDueReminders(db.kysely, 500);
    await runDueJobs(db.kysely, systemClock, { worker: "seed", batch: 100 });
    const second = await seedDueReminders(db.kysely, 500, new Date(Date.now() + 1_000));
    const seeded = { jobs: first.jobs + second.jobs, messages: first.messages + second.messages };
    // Leases far longer than the test waits for the rest: only handed-back leases let the survivor finish in time.
    const LEASE_MS = 300_000;
    const env = { DATABASE_URL: url, PLATFORM_URL: platform.url, LEASE_MS: String(LEASE_MS), GRACEFUL: "1", WAKE: "1" };
    const [victim, survivor] = await Promise.all(["s1", "s2"].map((w) => startReplica(w, env)));
    if (!victim || !survivor) throw new Error("replicas did not start");
    const byVictim = () => platform.received.filter((r) => r.worker === victim.worker).length;
    // Stopped while it holds more leased rows than it can have in flight (16 sends, a job at a time), so
    // some are handed back whatever the moment: between two batches it may hold none.
    const holdsWaiting = async () => {
      const { rows } = await sql<{ outbox: number; jobs: number }>`select
        (select count(*)::int from outbox where leased_by = ${victim.worker} and status = 'pending') as outbox,
        (select count(*)::int from jobs where leased_by = ${victim.worker} and status = 'pending') as jobs`.execute(db.kysely);
      return (rows[0]?.outbox ?? 0) > 40 || (rows[0]?.jobs ?? 0) > 5;
    };
    await waitFor(
      async () => platform.received.length >= seeded.messages * 0.2 && byVictim() > 0 && (await holdsWaiting()),
      60_000,
      "a fifth of the messages, some from the victim, and the victim holding leased rows not yet in flight",
    );
    const exited = once(victim.child, "exit");
    victim.child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    const stoppedAt = Date.now();
    expect(code).toBe(0);
    const receivedAtStop = platform.received.length;

    // It held leases when told to stop (jobs, outbox rows or both, depending on the moment) and
    // handed every one back: none is left in its name.
    const stopped = victim.lines.find((l) => l.startsWith("stopped")) ?? "";
    const released = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(stopped)?.[1] ?? Number.NaN);
    expect(released("released_jobs") + released("released_outbox")).toBeGreaterThan(0);
    const { rows } = await sql<{ n: number }>`
      select (select count(*)::int from jobs where status = 'pending' and leased_by = ${victim.worker})
           + (select count(*)::int from outbox where status = 'pending' and leased_by = ${victim.worker}) as n`.execute(
      db.kysely,
    );
    expect(rows[0]?.n).toBe(0);

    // The survivor finishes everything, far sooner than the victim's leases would have run out.
    // (On a busy 2-core machine the survivor alone needs 6 to 35 s for the rest: its throughput, not a wait.)
    await waitFor(allDone(db), 120_000, "everything after the SIGTERM");
    const takeoverMs = Date.now() - stoppedAt;
    expect(takeoverMs).toBeLessThan(LEASE_MS / 2);
    await Promise.all(running.map(stopReplica));

    const counts = platform.counts();
    expect(counts.size).toBe(seeded.messages);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    // Nothing from the victim after it exited; the survivor carried on.
    expect(platform.received.filter((r) => r.worker === victim.worker && r.at > stoppedAt)).toEqual([]);
    expect(platform.received.filter((r) => r.worker === survivor.worker && r.at > stoppedAt).length).toBeGreaterThan(0);
    console.info(
      `[reliability] SIGTERM after ${receivedAtStop} of ${seeded.messages} messages (${stopped.replace(/^stopped \S+ /, "")}); the survivor finished the rest in ${takeoverMs} ms (leases: ${LEASE_MS} ms), each delivered once`,
    );
  });
});
