/**
 * The outbox's and the job queue's state in one cheap statement, read when
 * Prometheus scrapes (ops/metrics.ts): how many rows wait, how long the
 * oldest due one has, how far behind the jobs run. Both use the partial
 * indexes on pending rows, so a scrape costs what a dispatcher pass does.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema";

export interface QueueStatsRow {
  outboxPending: number;
  outboxOldestSeconds: number;
  jobLagSeconds: number;
}

export async function queueStats(db: Kysely<Database>, now: Date): Promise<QueueStatsRow> {
  const { rows } = await sql<{ pending: string | number; oldest: Date | string | null; lag: Date | string | null }>`
    select
      (select count(*) from outbox where status = 'pending') as pending,
      (select min(available_at) from outbox where status = 'pending' and available_at <= ${now}) as oldest,
      (select min(due_at) from jobs where status = 'pending' and due_at <= ${now}) as lag
  `.execute(db);
  const row = rows[0];
  const age = (at: Date | string | null | undefined) =>
    at === null || at === undefined ? 0 : Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000);
  return { outboxPending: Number(row?.pending ?? 0), outboxOldestSeconds: age(row?.oldest), jobLagSeconds: age(row?.lag) };
}
