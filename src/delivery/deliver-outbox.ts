/**
 * Delivers committed outbox rows through a platform sender. A row is marked
 * sent in the same transaction that claimed it, so a crash before commit
 * leaves it pending (at least once); the idempotency key lets a platform
 * adapter drop a repeat. Retries, leases and rate limits come with the
 * scheduler (see ARCHITECTURE.md).
 */
import type { Kysely } from "kysely";
import type { Clock } from "../core/clock";
import { claimPending, markFailed, markSent, type Outgoing } from "../store/outbox-queue";
import type { Database } from "../store/schema";

export interface Sender {
  send(message: Outgoing): Promise<{ platformMessageId: string | null }>;
}

const RETRY_MS = 60_000;

export async function deliverPending(db: Kysely<Database>, sender: Sender, clock: Clock, batch = 100): Promise<number> {
  let delivered = 0;
  for (;;) {
    const sent = await db.transaction().execute(async (trx) => {
      const rows = await claimPending(trx, clock.now(), batch);
      let n = 0;
      for (const row of rows) {
        try {
          const { platformMessageId } = await sender.send(row);
          await markSent(trx, row.id, clock.now(), platformMessageId);
          n++;
        } catch (error) {
          // One failing recipient never blocks the rest of the batch.
          await markFailed(trx, row.id, new Date(clock.now().getTime() + RETRY_MS), String(error));
        }
      }
      return { n, claimed: rows.length };
    });
    delivered += sent.n;
    if (sent.claimed < batch) return delivered;
  }
}
