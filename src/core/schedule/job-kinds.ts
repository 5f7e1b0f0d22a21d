/**
 * Every kind of scheduled work, declared once: its name, the shape of its
 * payload, and a `schedule` typed by both, so that a misspelt kind or a
 * payload of the wrong shape does not compile. The handlers (`core/jobs`)
 * read the stored payload back with the same schema.
 *
 * Declared apart from the handlers on purpose: handlers call core services
 * (a check-in prompt plans the next session), and those services schedule
 * jobs; with the declarations here, services import no handler and the
 * dependency runs one way only (jobs → services → schedule).
 */
import { z } from "zod";
import type { Tx } from "../ports";

export type JobKindName =
  | "session-reminder"
  | "check-in-prompt"
  | "check-in-nudge"
  | "session-review"
  | "evaluation-prompt"
  | "round-signup-close"
  | "round-end"
  | "pause-end"
  | "schedule-nudge"
  | "pair-not-started"
  | "space-deletion"
  | "round-retention";

/** One job to put in the queue, in the caller's transaction. */
export interface JobToSchedule<P> {
  /** Unique within the kind (the stored key is `${kind}:${key}`): scheduling the same key twice is a no-op. */
  key: string;
  /** When several jobs of one group are due at once (catching up), only the latest runs. */
  groupKey?: string;
  dueAt: Date;
  payload: P;
  /** The moment it is scheduled (the caller's now). */
  at: Date;
}

type PayloadSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

export interface JobDeclaration<K extends JobKindName, S extends PayloadSchema> {
  readonly kind: K;
  readonly payload: S;
  schedule(tx: Tx, job: JobToSchedule<z.input<S>>): Promise<void>;
}

function declare<K extends JobKindName, S extends PayloadSchema>(kind: K, payload: S): JobDeclaration<K, S> {
  return {
    kind,
    payload,
    schedule: (tx, job) => tx.jobs.schedule({ ...job, kind, key: `${kind}:${job.key}` }),
  };
}

export const sessionReminderJob = declare(
  "session-reminder",
  z.object({ sessionId: z.uuid(), lead: z.enum(["24h", "15m"]), startsAt: z.iso.datetime() }),
);
/** `startsAt`: the start it was planned for, so the prompt of a session moved since finds itself stale. */
export const checkInPromptJob = declare(
  "check-in-prompt",
  z.object({ sessionId: z.uuid(), startsAt: z.iso.datetime().optional() }),
);
export const checkInNudgeJob = declare("check-in-nudge", z.object({ sessionId: z.uuid() }));
export const sessionReviewJob = declare("session-review", z.object({ sessionId: z.uuid() }));
export const evaluationPromptJob = declare(
  "evaluation-prompt",
  z.object({ pairingId: z.uuid(), number: z.number().int().positive() }),
);
export const roundSignupCloseJob = declare("round-signup-close", z.object({ roundId: z.uuid() }));
export const roundEndJob = declare("round-end", z.object({ roundId: z.uuid() }));
export const pauseEndJob = declare("pause-end", z.object({ enrollmentId: z.uuid(), until: z.iso.datetime() }));
export const scheduleNudgeJob = declare("schedule-nudge", z.object({ pairingId: z.uuid(), days: z.number().int().positive() }));
export const pairNotStartedJob = declare("pair-not-started", z.object({ pairingId: z.uuid() }));
/** A departed workspace or server's data, deleted 30 days on; `deleteAt` tells a later departure's job from this one. */
export const spaceDeletionJob = declare(
  "space-deletion",
  z.object({ tenantId: z.uuid(), spaceId: z.string().min(1).max(100), deleteAt: z.iso.datetime() }),
);
/** A closed round's private text, deleted once its program's retention period has passed (see retention.ts). */
export const roundRetentionJob = declare("round-retention", z.object({ roundId: z.uuid() }));

/** Every declaration by its kind; the type checks that each kind is declared, once, under its own name. */
export const JOB_DECLARATIONS = {
  "session-reminder": sessionReminderJob,
  "check-in-prompt": checkInPromptJob,
  "check-in-nudge": checkInNudgeJob,
  "session-review": sessionReviewJob,
  "evaluation-prompt": evaluationPromptJob,
  "round-signup-close": roundSignupCloseJob,
  "round-end": roundEndJob,
  "pause-end": pauseEndJob,
  "schedule-nudge": scheduleNudgeJob,
  "pair-not-started": pairNotStartedJob,
  "space-deletion": spaceDeletionJob,
  "round-retention": roundRetentionJob,
} as const satisfies { [K in JobKindName]: JobDeclaration<K, PayloadSchema> };

export type JobDeclarations = typeof JOB_DECLARATIONS;
/** A kind's payload as its handler receives it (parsed). */
export type JobPayload<K extends JobKindName> = z.output<JobDeclarations[K]["payload"]>;

/** Whether a stored row's kind is one this version knows. */
export const isJobKindName = (kind: string): kind is JobKindName => Object.hasOwn(JOB_DECLARATIONS, kind);
