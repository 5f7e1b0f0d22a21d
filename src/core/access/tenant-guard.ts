/**
 * Every id a command carries must name something of the actor's own tenant
 * (workspace or bot). Checked here, once, for every command before its use
 * case runs, so no command can forget it; a missing id and another tenant's
 * get the same answer, so nobody can probe for ids that exist elsewhere.
 * Rights inside the tenant (member of that pairing, organizer of that
 * program) remain each use case's to check.
 */
import type { Command } from "../commands/command";
import { Refusal } from "../errors";
import type { OwnedKind, Tx } from "../ports";

/** The command fields that hold ids, and what they name (a unit test keeps this in step with the schemas). */
export const ID_FIELDS = {
  programId: "program",
  roundId: "round",
  pairingId: "pairing",
  sessionId: "session",
} as const satisfies Record<string, OwnedKind>;

export async function requireOwnIds(tx: Tx, tenantId: string, command: Command): Promise<void> {
  const fields = command as Partial<Record<keyof typeof ID_FIELDS, unknown>>;
  for (const [field, kind] of Object.entries(ID_FIELDS) as Array<[keyof typeof ID_FIELDS, OwnedKind]>) {
    const id = fields[field];
    if (typeof id !== "string") continue;
    if ((await tx.tenancy.ownerOf(kind, id)) !== tenantId) throw new Refusal("refusal.notFound");
  }
}
