/** Every job kind's handler by name, and running one job's handler inside the caller's transaction. */
import { z } from "zod";
import type { Tx } from "../ports";
import { isJobKindName } from "../schedule/job-kinds";
import { checkInNudge } from "./check-in-nudge";
import { checkInPrompt } from "./check-in-prompt";
import { evaluationPrompt } from "./evaluation-prompt";
import type { JobKind, JobKindName, JobOutcome, JobPayload } from "./job-kind";
import { pairNotStarted } from "./pair-not-started";
import { pauseEnd } from "./pause-end";
import { roundEnd } from "./round-end";
import { roundRetention } from "./round-retention";
import { roundSignupClose } from "./round-signup-close";
import { scheduleNudge } from "./schedule-nudge";
import { sessionReminder } from "./session-reminder";
import { sessionReview } from "./session-review";
import { spaceDeletion } from "./space-deletion";

/** Keyed by the union: a kind without a handler, or a handler under another kind's name, does not compile. */
export const JOB_KINDS: { readonly [K in JobKindName]: JobKind<K> } = {
  "session-reminder": sessionReminder,
  "check-in-prompt": checkInPrompt,
  "check-in-nudge": checkInNudge,
  "session-review": sessionReview,
  "evaluation-prompt": evaluationPrompt,
  "round-signup-close": roundSignupClose,
  "round-end": roundEnd,
  "pause-end": pauseEnd,
  "schedule-nudge": scheduleNudge,
  "pair-not-started": pairNotStarted,
  "space-deletion": spaceDeletion,
  "round-retention": roundRetention,
};

/** A job row this version cannot run: an error, so the runner reports it and retries it later. */
export class UnrunnableJob extends Error {
  override name = "UnrunnableJob";
}

/**
 * Runs a job. A row this version does not know (its kind, or its payload's shape) throws rather
 * than being skipped: nothing in the code can write one any more, so it comes from elsewhere (a
 * newer replica, a hand-made row) and must be seen. Retried with backoff, it runs once a replica
 * that knows it takes it; the runner reports each attempt meanwhile (onError, last_error).
 */
export async function runJob(tx: Tx, kind: string, payload: unknown, now: Date): Promise<JobOutcome> {
  if (!isJobKindName(kind)) throw new UnrunnableJob(`unknown job kind ${kind}`);
  return run(kind, tx, payload, now);
}

/** What running needs of one kind, its payload type tied to its name (so one generic call serves every kind). */
interface Handler<P> {
  payload: z.ZodType<P>;
  run(tx: Tx, payload: P, now: Date): Promise<JobOutcome>;
}
const HANDLERS: { readonly [K in JobKindName]: Handler<JobPayload<K>> } = JOB_KINDS;

async function run<K extends JobKindName>(kind: K, tx: Tx, payload: unknown, now: Date): Promise<JobOutcome> {
  const handler = HANDLERS[kind];
  const parsed = handler.payload.safeParse(payload);
  if (!parsed.success) throw new UnrunnableJob(`invalid ${kind} payload: ${z.prettifyError(parsed.error)}`);
  return handler.run(tx, parsed.data, now);
}
