/**
 * A kind of scheduled work: its declaration (name, payload schema, typed
 * `schedule`, see `core/schedule/job-kinds.ts`) and its handler. The handler
 * runs inside the transaction that marks its job row finished, so its state
 * changes and outbox rows commit together with "done" or not at all.
 */

import type { Tx } from "../ports";
import type { JobDeclarations, JobKindName, JobPayload } from "../schedule/job-kinds";

export type { JobKindName, JobPayload } from "../schedule/job-kinds";

export type JobOutcome =
  | { status: "done"; outcome?: string }
  /** Nothing to do any more (the pairing ended, the session moved, a later prompt replaced it). */
  | { status: "skipped"; outcome: string }
  /** Not yet: quiet hours for its recipients; run again at `until`. */
  | { status: "deferred"; until: Date };

export type JobKind<K extends JobKindName> = JobDeclarations[K] & {
  run(tx: Tx, payload: JobPayload<K>, now: Date): Promise<JobOutcome>;
};

export const done = (outcome?: string): JobOutcome => (outcome ? { status: "done", outcome } : { status: "done" });
export const skipped = (outcome: string): JobOutcome => ({ status: "skipped", outcome });
export const deferred = (until: Date): JobOutcome => ({ status: "deferred", until });
