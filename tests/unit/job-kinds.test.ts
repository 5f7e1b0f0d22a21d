/**
 * Job kinds are typed end to end: a misspelt kind or a payload of the wrong
 * shape does not compile (the `@ts-expect-error` lines below fail `tsc` the
 * day they compile), and a row the running version cannot read is an error,
 * not a silent skip.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { ScheduledJob } from "../../src/core/domain";
import { type JobKind, type JobKindName, skipped } from "../../src/core/jobs/job-kind";
import { JOB_KINDS, runJob, UnrunnableJob } from "../../src/core/jobs/registry";
import type { Tx } from "../../src/core/ports";
import { JOB_DECLARATIONS, type JobPayload, sessionReminderJob } from "../../src/core/schedule/job-kinds";

const NOW = new Date("2026-12-01T02:00:00Z");
const SESSION = "00000000-0000-4000-8000-000000000001";

/** A transaction that only records what is scheduled; any other use fails the test. */
function recordingTx(): { tx: Tx; scheduled: ScheduledJob[] } {
  const scheduled: ScheduledJob[] = [];
  const jobs: Tx["jobs"] = {
    async schedule(job) {
      scheduled.push(job);
    },
  };
  // Only `jobs` is ever reached in these tests; a handler touching anything else would throw.
  return { tx: { jobs } as Tx, scheduled };
}

describe("typed scheduling", () => {
  it("a kind's schedule stores its kind, and the key under the kind's name", async () => {
    const { tx, scheduled } = recordingTx();
    await sessionReminderJob.schedule(tx, {
      key: `${SESSION}:15m`,
      dueAt: NOW,
      payload: { sessionId: SESSION, lead: "15m", startsAt: NOW.toISOString() },
      at: NOW,
    });
    expect(scheduled).toEqual([
      {
        kind: "session-reminder",
        key: `session-reminder:${SESSION}:15m`,
        dueAt: NOW,
        payload: { sessionId: SESSION, lead: "15m", startsAt: NOW.toISOString() },
        at: NOW,
      },
    ]);
  });

  it("does not compile with a misspelt kind or a payload of the wrong shape", () => {
    // @ts-expect-error: no such kind.
    const typo: JobKindName = "session-remindr";
    expect(typo).toBe("session-remindr");
    expectTypeOf<"session-reminder">().toExtend<JobKindName>();
    expectTypeOf<JobPayload<"round-end">>().toEqualTypeOf<{ roundId: string }>();

    const { tx } = recordingTx();
    const job = { key: "k", dueAt: NOW, at: NOW };
    // @ts-expect-error: "1h" is not a reminder lead.
    void sessionReminderJob.schedule(tx, { ...job, payload: { sessionId: SESSION, lead: "1h", startsAt: "" } });
    // @ts-expect-error: a reminder's payload needs the start it was planned for.
    void sessionReminderJob.schedule(tx, { ...job, payload: { sessionId: SESSION, lead: "24h" } });
    // @ts-expect-error: a handler may not declare a kind that does not exist.
    const stray: JobKind<"session-remindr"> = { ...sessionReminderJob, run: async () => skipped("never") };
    expect(typeof stray.run).toBe("function");
  });

  it("every declared kind has its handler, under its own name", () => {
    expect(Object.keys(JOB_KINDS).sort()).toEqual(Object.keys(JOB_DECLARATIONS).sort());
    for (const [kind, handler] of Object.entries(JOB_KINDS)) expect(handler.kind).toBe(kind);
  });
});

describe("runJob on a row it cannot read", () => {
  it("throws for an unknown kind, before touching the transaction", async () => {
    const { tx, scheduled } = recordingTx();
    await expect(runJob(tx, "session-remindr", { sessionId: SESSION }, NOW)).rejects.toThrow(
      new UnrunnableJob("unknown job kind session-remindr"),
    );
    expect(scheduled).toEqual([]);
  });

  it("throws for a payload of the wrong shape, naming the kind and the field", async () => {
    const { tx } = recordingTx();
    const error = await runJob(tx, "round-end", { roundId: 42 }, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrunnableJob);
    expect((error as Error).message).toMatch(/^invalid round-end payload: .*roundId/s);
  });
});
