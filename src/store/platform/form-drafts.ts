/**
 * A form filled in over several steps (Discord: a modal holds at most five
 * inputs, and a modal cannot open another). Between steps the draft keeps the
 * form, the answers so far and where the form was opened, for one person of
 * one tenant only. Drafts live an hour from their last step (pruned with the
 * handled events, see platform-events.ts) and are deleted when the last step
 * is taken: answers, some of them private, are not kept beyond the form.
 *
 * The table's `answers` column holds the whole draft document as JSON,
 * sealed under the tenant's data key (answers may be private text).
 */

import type { Kysely } from "kysely";
import type { DraftDocument, DraftOwner } from "../../adapters/platform-port";
import type { FormAnswers } from "../../core/forms/form-submission";
import { HOUR_MS } from "../../core/time/durations";
import type { Database } from "../schema";
import { vaultOf } from "../sealing/vault-carrier";

export const DRAFT_TTL_MS = HOUR_MS;

function tenantOf(db: Kysely<Database>, owner: DraftOwner) {
  return db
    .selectFrom("tenants")
    .select("id")
    .where("platform", "=", owner.platform)
    .where("external_id", "=", owner.tenantExternalId);
}

const sealDraft = (db: Kysely<Database>, tenantId: string, draft: DraftDocument) =>
  vaultOf(db).seal(db, tenantId, JSON.stringify(draft));

const openDraft = async (db: Kysely<Database>, tenantId: string, sealed: Uint8Array) =>
  JSON.parse(await vaultOf(db).open(db, tenantId, sealed)) as DraftDocument;

/** Stores a new draft and returns its id; null when the tenant is unknown (the core has not seen it yet). */
export async function createDraft(
  db: Kysely<Database>,
  id: string,
  owner: DraftOwner,
  draft: DraftDocument,
  now: Date,
): Promise<string | null> {
  const tenant = await tenantOf(db, owner).executeTakeFirst();
  if (!tenant) return null;
  await db
    .insertInto("form_drafts")
    .values({
      id,
      tenant_id: tenant.id,
      user_external_id: owner.userId,
      answers: await sealDraft(db, tenant.id, draft),
      expires_at: new Date(now.getTime() + DRAFT_TTL_MS),
    })
    .execute();
  return id;
}

/** The draft, if it exists, has not expired and belongs to this person. */
export async function getDraft(db: Kysely<Database>, id: string, owner: DraftOwner, now: Date): Promise<DraftDocument | null> {
  const row = await db
    .selectFrom("form_drafts")
    .select(["answers", "tenant_id"])
    .where("id", "=", id)
    .where("tenant_id", "=", tenantOf(db, owner))
    .where("user_external_id", "=", owner.userId)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row ? openDraft(db, row.tenant_id, row.answers) : null;
}

/**
 * Adds a step's answers (later answers win) and gives the draft another hour.
 * The sealed draft cannot be merged in SQL, so the row is read under a lock
 * and written back in one transaction: two steps submitted at once both
 * count. False when the draft is gone.
 */
export async function mergeDraftAnswers(
  db: Kysely<Database>,
  id: string,
  owner: DraftOwner,
  answers: FormAnswers,
  now: Date,
): Promise<boolean> {
  const merge = async (trx: Kysely<Database>) => {
    const row = await trx
      .selectFrom("form_drafts")
      .select(["answers", "tenant_id"])
      .where("id", "=", id)
      .where("tenant_id", "=", tenantOf(trx, owner))
      .where("user_external_id", "=", owner.userId)
      .where("expires_at", ">", now)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return false;
    const draft = await openDraft(trx, row.tenant_id, row.answers);
    const merged: DraftDocument = { ...draft, answers: { ...draft.answers, ...answers } };
    await trx
      .updateTable("form_drafts")
      .set({ answers: await sealDraft(trx, row.tenant_id, merged), expires_at: new Date(now.getTime() + DRAFT_TTL_MS) })
      .where("id", "=", id)
      .execute();
    return true;
  };
  return db.isTransaction ? merge(db) : db.transaction().execute(merge);
}

/**
 * Deletes the draft and returns it: whoever takes it completes the form, so
 * a last step submitted twice completes it once.
 */
export async function takeDraft(db: Kysely<Database>, id: string, owner: DraftOwner, now: Date): Promise<DraftDocument | null> {
  const row = await db
    .deleteFrom("form_drafts")
    .where("id", "=", id)
    .where("tenant_id", "=", tenantOf(db, owner))
    .where("user_external_id", "=", owner.userId)
    .where("expires_at", ">", now)
    .returning(["answers", "tenant_id"])
    .executeTakeFirst();
  return row ? openDraft(db, row.tenant_id, row.answers) : null;
}
