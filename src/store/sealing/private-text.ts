/**
 * Reading a member's private column: the sealed value opened with the
 * tenant's key; a row the start has not sealed yet (written before migration
 * 0013 by a replica still on the old version) is read from its plain copy.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { vaultOf } from "./vault-carrier";

export async function openPrivate(
  db: Kysely<Database>,
  memberId: string,
  sealed: Uint8Array | null,
  plain: string | null,
): Promise<string | null> {
  if (sealed !== null) return vaultOf(db).openForMember(db, memberId, sealed);
  return plain;
}
