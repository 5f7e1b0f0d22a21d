/**
 * Which commands are organizer actions the audit trail keeps, and what it
 * keeps of each: the action's name and a few settings or counts from the
 * organizer's own command. Read once, by the executor (record-audit.ts),
 * after the use case succeeded; a refusal rolls back and records nothing.
 * A command not named here is not audited; one that only shows a setting
 * (hours, weights, access without a change) or previews (a dry-run match)
 * returns null details and is not recorded either.
 */
import type { CommandType } from "../commands/command";
import type { Tx } from "../ports";
import type { CommandOf } from "../use-cases/types";
import type { AuditAction, AuditDetails } from "./audit-event";

/** What the details may read after the use case: the transaction and the program acted on. */
export interface AfterAction {
  tx: Tx;
  tenantId: string;
  programId: string | null;
}

export interface AuditSpec<T extends CommandType> {
  action: AuditAction;
  /** `space`: an action on the whole workspace or server (no program). */
  scope?: "space";
  /** Null: nothing changed, nothing to record. */
  details(command: CommandOf<T>, after: AfterAction): Promise<AuditDetails | null> | AuditDetails | null;
}

/** The number of the program's newest round: which round was opened, matched or closed. */
async function roundNumber(after: AfterAction): Promise<AuditDetails> {
  const round = after.programId ? await after.tx.rounds.latest(after.programId) : null;
  return round ? { round: round.number } : {};
}

/** The member an organizer named (as add-organizer.ts found them): kept by id, shown by their current name. */
async function namedMember(command: CommandOf<"program.organizer">, after: AfterAction): Promise<AuditDetails> {
  const typed = command.userId ?? command.person;
  if (!typed) return {};
  const member =
    (await after.tx.members.findByExternalId(after.tenantId, typed)) ??
    (command.person ? (await after.tx.members.findByName(after.tenantId, command.person))[0] : undefined);
  return member ? { memberId: member.id } : {};
}

export const AUDITED: { readonly [T in CommandType]?: AuditSpec<T> } = {
  "program.setup": { action: "program.setup", details: () => ({}) },
  "round.open": { action: "round.open", details: (_c, after) => roundNumber(after) },
  "round.match": { action: "round.match", details: (c, after) => (c.dryRun ? null : roundNumber(after)) },
  "round.close": { action: "round.close", details: (_c, after) => roundNumber(after) },
  "program.weights": {
    action: "program.weights",
    details: (c) =>
      c.weights && Object.keys(c.weights).length > 0 ? { weights: { ...c.weights } as Record<string, number> } : null,
  },
  "program.hours": {
    action: "program.hours",
    details: (c) =>
      c.from === undefined && c.until === undefined && c.workingDays === undefined
        ? null
        : {
            ...(c.from !== undefined ? { from: c.from } : {}),
            ...(c.until !== undefined ? { until: c.until } : {}),
            ...(c.workingDays ? { workingDays: [...new Set(c.workingDays)].sort((a, b) => a - b) } : {}),
          },
  },
  "program.organizer": { action: "program.organizer", details: namedMember },
  "program.role": { action: "program.role", details: (c) => ({ roleId: c.roleId ?? null }) },
  "program.topics": { action: "program.topics", details: (c) => (c.change ? { change: c.change } : null) },
  "setup.access": { action: "setup.access", scope: "space", details: (c) => (c.who ? { who: c.who } : null) },
  "program.report": {
    action: "program.report",
    // The CSV names members, so the trail says which round's was taken.
    details: async (c, after) =>
      c.format === "csv" ? { format: c.format, ...(c.round ? { round: c.round } : await roundNumber(after)) } : {},
  },
};
