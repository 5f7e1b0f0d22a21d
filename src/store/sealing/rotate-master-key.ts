/**
 * Moving the database to a new master key (`npm run keys:rotate`): every
 * tenant's data key is unwrapped with the old master key and wrapped with the
 * new one, Slack installations are resealed, and the master check is sealed
 * anew, all in one transaction. The private text itself is not touched: its
 * data keys do not change. Any value that does not open under the old key
 * stops the rotation and rolls it all back.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { SecretBox } from "./secret-box";
import { openCheck, sealCheck, unwrap, WrongMasterKey, wrapKey } from "./vault";

export interface Rotated {
  tenantKeys: number;
  installations: number;
}

export async function rotateMasterKey(db: Kysely<Database>, oldKey: Uint8Array, newKey: Uint8Array): Promise<Rotated> {
  const before = new SecretBox(oldKey);
  const after = new SecretBox(newKey);
  if (Buffer.compare(Buffer.from(oldKey), Buffer.from(newKey)) === 0) throw new Error("the new master key is the current one");
  return db.transaction().execute(async (trx) => {
    // The check's row lock keeps any process from wrapping a new tenant's key meanwhile (vault.ts).
    const check = await trx.selectFrom("master_key_check").select("sealed").forUpdate().executeTakeFirst();
    if (check) openCheck(before, check.sealed);
    const now = new Date();
    const keys = await trx.selectFrom("tenant_keys").select(["tenant_id", "wrapped_key"]).forUpdate().execute();
    for (const k of keys) {
      const dataKey = unwrap(before, k.tenant_id, k.wrapped_key);
      await trx
        .updateTable("tenant_keys")
        .set({ wrapped_key: wrapKey(after, k.tenant_id, dataKey), rotated_at: now })
        .where("tenant_id", "=", k.tenant_id)
        .execute();
    }
    const installations = await trx.selectFrom("slack_installations").select(["key", "sealed"]).forUpdate().execute();
    for (const i of installations) {
      let plain: Buffer;
      try {
        plain = before.open(i.sealed);
      } catch (error) {
        throw new WrongMasterKey(`the Slack installation ${i.key}`, { cause: error });
      }
      await trx
        .updateTable("slack_installations")
        .set({ sealed: after.seal(plain) })
        .where("key", "=", i.key)
        .execute();
    }
    if (check)
      await trx
        .updateTable("master_key_check")
        .set({ sealed: sealCheck(after), rotated_at: now })
        .execute();
    else
      await trx
        .insertInto("master_key_check")
        .values({ id: true, sealed: sealCheck(after) })
        .execute();
    return { tenantKeys: keys.length, installations: installations.length };
  });
}
