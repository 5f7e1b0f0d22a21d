/**
 * Envelope encryption of members' private text: each tenant has its own data
 * key (32 random bytes, in `tenant_keys`), stored wrapped by the master key
 * and bound to its tenant. Private columns hold SecretBox bytes under the
 * tenant's data key. Unwrapped keys are cached (bounded) so a command pays
 * one small query only the first time it meets a tenant.
 *
 * A data key is cached only once it is surely committed (`created_at` before
 * this transaction began): a key made in a transaction that then rolled back
 * must never seal anything later.
 */
import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema";
import { BoundedCache } from "./bounded-cache";
import { KEY_BYTES, SecretBox } from "./secret-box";

/** The master key does not open what the database holds: never guess, never return garbage. */
export class WrongMasterKey extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(
      `the master key (SEBAYA_ENCRYPTION_KEY, or DATA_DIR's encryption.key when unset) does not open ${what}: it is not the key this database was sealed with`,
      options,
    );
    this.name = "WrongMasterKey";
  }
}

/** A sealed value that does not open under its tenant's key: changed in the database, or moved. */
export class UnreadableSealedValue extends Error {
  constructor(options?: { cause?: unknown }) {
    super("a sealed value does not open with its tenant's data key", options);
    this.name = "UnreadableSealedValue";
  }
}

const CHECK_TEXT = "sebaya master key check";
const CHECK_AAD = "master_key_check";
const wrapAad = (tenantId: string) => `tenant_keys:${tenantId}`;

export interface VaultOptions {
  /** How many tenants' unwrapped keys stay in memory. */
  cachedTenants?: number;
}

export class Vault {
  private readonly master: SecretBox;
  private readonly keys: BoundedCache<string, SecretBox>;
  /** Member id → tenant id: fixed for a member's life. */
  private readonly tenantOf: BoundedCache<string, string>;

  constructor(masterKey: Uint8Array, options: VaultOptions = {}) {
    this.master = new SecretBox(masterKey);
    this.keys = new BoundedCache(options.cachedTenants ?? 1000);
    this.tenantOf = new BoundedCache((options.cachedTenants ?? 1000) * 20);
  }

  /** The master check: made with this key on a new database; on any other, it must open. */
  async verify(db: Kysely<Database>): Promise<void> {
    await db
      .insertInto("master_key_check")
      .values({ id: true, sealed: sealCheck(this.master) })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    const row = await db.selectFrom("master_key_check").select("sealed").executeTakeFirstOrThrow();
    openCheck(this.master, row.sealed);
  }

  async seal(db: Kysely<Database>, tenantId: string, plain: string): Promise<Buffer> {
    return (await this.tenantKey(db, tenantId)).seal(Buffer.from(plain, "utf8"));
  }

  async open(db: Kysely<Database>, tenantId: string, sealed: Uint8Array): Promise<string> {
    const box = await this.tenantKey(db, tenantId);
    try {
      return box.open(sealed).toString("utf8");
    } catch (error) {
      throw new UnreadableSealedValue({ cause: error });
    }
  }

  async sealForMember(db: Kysely<Database>, memberId: string, plain: string): Promise<Buffer> {
    return this.seal(db, await this.memberTenant(db, memberId), plain);
  }

  async openForMember(db: Kysely<Database>, memberId: string, sealed: Uint8Array): Promise<string> {
    return this.open(db, await this.memberTenant(db, memberId), sealed);
  }

  async memberTenant(db: Kysely<Database>, memberId: string): Promise<string> {
    const known = this.tenantOf.get(memberId);
    if (known) return known;
    const { tenant_id } = await db.selectFrom("members").select("tenant_id").where("id", "=", memberId).executeTakeFirstOrThrow();
    this.tenantOf.set(memberId, tenant_id);
    return tenant_id;
  }

  /** The tenant's data key, made on first use. */
  async tenantKey(db: Kysely<Database>, tenantId: string): Promise<SecretBox> {
    const cached = this.keys.get(tenantId);
    if (cached) return cached;
    const found = await this.storedKey(db, tenantId);
    if (found) return found;
    // A new tenant's key is wrapped only after the master check opens under a share lock, so a
    // process still holding the old master key cannot wrap a key during or after keys:rotate.
    await db
      .insertInto("master_key_check")
      .values({ id: true, sealed: sealCheck(this.master) })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    const check = await db.selectFrom("master_key_check").select("sealed").forShare().executeTakeFirstOrThrow();
    openCheck(this.master, check.sealed);
    const dataKey = randomBytes(KEY_BYTES);
    const made = await db
      .insertInto("tenant_keys")
      .values({ tenant_id: tenantId, wrapped_key: wrapKey(this.master, tenantId, dataKey) })
      .onConflict((oc) => oc.column("tenant_id").doNothing())
      .returning("tenant_id")
      .executeTakeFirst();
    if (made) return new SecretBox(dataKey);
    // Another transaction made it first and has committed (the insert waited for it).
    const theirs = await this.storedKey(db, tenantId);
    if (!theirs) throw new Error("a tenant's data key was neither made nor found");
    return theirs;
  }

  private async storedKey(db: Kysely<Database>, tenantId: string): Promise<SecretBox | null> {
    const { rows } = await sql<{ wrapped_key: Uint8Array; settled: boolean }>`
      select wrapped_key, created_at < now() as settled from tenant_keys where tenant_id = ${tenantId}`.execute(db);
    const row = rows[0];
    if (!row) return null;
    const box = new SecretBox(unwrap(this.master, tenantId, row.wrapped_key));
    if (row.settled) this.keys.set(tenantId, box);
    return box;
  }

  /** Forgets every unwrapped key (tests; after a tenant's data is erased). */
  forget(): void {
    this.keys.clear();
    this.tenantOf.clear();
  }
}

export function sealCheck(master: SecretBox): Buffer {
  return master.seal(Buffer.from(CHECK_TEXT, "utf8"), CHECK_AAD);
}

export function openCheck(master: SecretBox, sealed: Uint8Array): void {
  try {
    if (master.open(sealed, CHECK_AAD).toString("utf8") === CHECK_TEXT) return;
  } catch (error) {
    throw new WrongMasterKey("the database's master key check", { cause: error });
  }
  throw new WrongMasterKey("the database's master key check");
}

export function wrapKey(master: SecretBox, tenantId: string, dataKey: Uint8Array): Buffer {
  return master.seal(dataKey, wrapAad(tenantId));
}

export function unwrap(master: SecretBox, tenantId: string, wrapped: Uint8Array): Buffer {
  try {
    return master.open(wrapped, wrapAad(tenantId));
  } catch (error) {
    throw new WrongMasterKey(`the data key of tenant ${tenantId}`, { cause: error });
  }
}
