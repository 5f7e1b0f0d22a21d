/**
 * One organizer action as the audit trail keeps it (issue 16, item 6): who,
 * what, when, and a few settings or counts. Never anything a member wrote:
 * details are built from an organizer's own command (see audited-commands.ts).
 */

/** What an organizer did; the view names each in the reader's language (`audit.action.*`). */
export const AUDIT_ACTIONS = [
  "program.setup",
  "round.open",
  "round.match",
  "round.close",
  "program.weights",
  "program.hours",
  "program.organizer",
  "program.role",
  "program.topics",
  "setup.access",
  "program.report",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(value);

/** Settings and counts only: flat, small values. */
export type AuditDetails = Record<string, string | number | boolean | null | readonly number[] | Record<string, number>>;

export interface AuditEvent {
  tenantId: string;
  /** The program acted on; null for an action on a whole space (who may set up programs there). */
  programId: string | null;
  /** The workspace or server the actor acted in, when known. */
  spaceId: string | null;
  actorMemberId: string;
  action: AuditAction;
  details: AuditDetails;
  at: Date;
}

/** An event read back for the audit view; the actor is null once their member row is gone. */
export interface AuditRecord {
  programId: string | null;
  actorMemberId: string | null;
  action: string;
  details: Record<string, unknown>;
  at: Date;
}
