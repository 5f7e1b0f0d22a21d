/** Every job kind by name, and running one job's handler inside the caller's transaction. */
import type { Tx } from "../ports";
import { checkInNudge } from "./check-in-nudge";
import { checkInPrompt } from "./check-in-prompt";
import { evaluationPrompt } from "./evaluation-prompt";
import type { JobKind, JobOutcome } from "./job-kind";
import { pairNotStarted } from "./pair-not-started";
import { pauseEnd } from "./pause-end";
import { roundEnd } from "./round-end";
import { roundSignupClose } from "./round-signup-close";
import { scheduleNudge } from "./schedule-nudge";
import { sessionReminder } from "./session-reminder";
import { sessionReview } from "./session-review";

// Each kind has its own payload type; the registry only needs the common shape.
// biome-ignore lint/suspicious/noExplicitAny: payload types differ per kind and are checked by each kind's zod schema.
const KINDS: ReadonlyArray<JobKind<any>> = [
  sessionReminder,
  checkInPrompt,
  checkInNudge,
  sessionReview,
  evaluationPrompt,
  roundSignupClose,
  roundEnd,
  pauseEnd,
  scheduleNudge,
  pairNotStarted,
];

export const JOB_KINDS: ReadonlyMap<string, (typeof KINDS)[number]> = new Map(KINDS.map((k) => [k.kind, k]));

/** Runs a job; a payload that does not validate, or an unknown kind, is skipped rather than retried forever. */
export async function runJob(tx: Tx, kind: string, payload: unknown, now: Date): Promise<JobOutcome> {
  const handler = JOB_KINDS.get(kind);
  if (!handler) return { status: "skipped", outcome: `unknown kind ${kind}` };
  const parsed = handler.payload.safeParse(payload);
  if (!parsed.success) return { status: "skipped", outcome: "invalid payload" };
  return handler.run(tx, parsed.data, now);
}
