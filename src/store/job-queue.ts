/**
 * The worker side of the jobs table. A tick leases due rows (SKIP LOCKED, so
 * replicas never take the same row) for a while; each job then runs in its own
 * transaction that re-locks the row, checks the lease is still this worker's,
 * and finishes it together with the handler's changes. A worker that dies
 * leaves its lease to expire; another replica takes the job up then. One that
 * shuts down hands its leases back (releaseJobLeases) so another takes them at once.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema";

export interface LeasedJob {
  id: number;
  kind: string;
  key: string;
  groupKey: string | null;
  dueAt: Date;
  payload: unknown;
  attempts: number;
}

export async function leaseDueJobs(
  db: Kysely<Database>,
  now: Date,
  worker: string,
  leaseMs: number,
  limit: number,
): Promise<LeasedJob[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("jobs")
      .select(["id", "kind", "key", "group_key", "due_at", "payload", "attempts"])
      .where("status", "=", "pending")
      .where("due_at", "<=", now)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
      // Oldest first: a process catching up works through its backlog in order.
      .orderBy("due_at")
      .orderBy("id")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable("jobs")
      .set({ lease_until: new Date(now.getTime() + leaseMs), leased_by: worker })
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      key: r.key,
      groupKey: r.group_key,
      dueAt: r.due_at,
      payload: r.payload,
      attempts: r.attempts,
    }));
  });
}

/** Locks a leased job for running; null when it is no longer this worker's or no longer pending. */
export async function lockLeasedJob(trx: Kysely<Database>, id: number, worker: string): Promise<boolean> {
  const row = await trx
    .selectFrom("jobs")
    .select("id")
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("leased_by", "=", worker)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** A later job of the same group is due too: this one is stale (catch-up after downtime). */
export async function isSuperseded(trx: Kysely<Database>, job: LeasedJob, now: Date): Promise<boolean> {
  if (!job.groupKey) return false;
  const row = await trx
    .selectFrom("jobs")
    .select("id")
    .where("group_key", "=", job.groupKey)
    .where("status", "=", "pending")
    .where("due_at", "<=", now)
    .where((eb) => eb.or([eb("due_at", ">", job.dueAt), eb.and([eb("due_at", "=", job.dueAt), eb("id", ">", job.id)])]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishJob(
  trx: Kysely<Database>,
  id: number,
  status: "done" | "skipped",
  outcome: string | null,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("jobs")
    .set((eb) => ({
      status,
      outcome,
      finished_at: now,
      lease_until: null,
      last_error: null,
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "=", id)
    .execute();
}

/** Not yet (quiet hours): back in the queue for `until`, lease released. */
export async function deferJob(trx: Kysely<Database>, id: number, until: Date): Promise<void> {
  await trx.updateTable("jobs").set({ due_at: until, lease_until: null, leased_by: null }).where("id", "=", id).execute();
}

/** The handler threw: its transaction rolled back; try again later. Only the error's kind is kept. */
export async function retryJob(db: Kysely<Database>, id: number, worker: string, retryAt: Date, error: string): Promise<void> {
  await db
    .updateTable("jobs")
    .set((eb) => ({
      due_at: retryAt,
      lease_until: null,
      leased_by: null,
      last_error: error.slice(0, 300),
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "=", id)
    .where("leased_by", "=", worker)
    .where("status", "=", "pending")
    .execute();
}

/**
 * Hands back every pending job this worker still holds (leased, not yet run: a shutting-down
 * replica, after its running jobs have finished), so another replica takes them at its next pass.
 * When each is due is kept. Returns how many were put back.
 */
export async function releaseJobLeases(db: Kysely<Database>, worker: string): Promise<number> {
  const result = await db
    .updateTable("jobs")
    .set({ lease_until: null, leased_by: null })
    .where("status", "=", "pending")
    .where("leased_by", "=", worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
