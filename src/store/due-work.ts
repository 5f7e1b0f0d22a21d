/**
 * The "work is due now" signal. A transaction that writes an outbox row (or a
 * job) due now also calls pg_notify on one channel; PostgreSQL delivers it to
 * every LISTENing session only when that transaction commits (never on a
 * rollback), and folds repeats within one transaction into one. Listeners
 * (due-work-listener.ts) wake the dispatcher, in this process and in every
 * other replica. The payload only says which queue: never ids or content.
 */
import { sql } from "kysely";

export const DUE_WORK_CHANNEL = "sebaya_due";

export type DueWork = "outbox" | "jobs";

const KINDS: ReadonlySet<string> = new Set<DueWork>(["outbox", "jobs"]);

/** The payload of a notification on the channel, or null for anything else. */
export function dueWorkOf(payload: string | undefined): DueWork | null {
  return payload !== undefined && KINDS.has(payload) ? (payload as DueWork) : null;
}

/** A select-list expression that notifies when evaluated (once per row it is selected for). */
export const notifyDue = (kind: DueWork) => sql<string>`pg_notify(${DUE_WORK_CHANNEL}, ${kind})`;
