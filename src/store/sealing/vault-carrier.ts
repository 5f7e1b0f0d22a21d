/**
 * The vault travels with the database handle: a do-nothing Kysely plugin
 * holds it, and Kysely hands a handle's plugins on to every transaction it
 * opens. So each repository finds the keys from the `db` it was given,
 * without a module-level global and without every caller passing them along.
 * (tests/unit/vault-carrier.test.ts checks a transaction still carries it.)
 */
import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import type { Vault } from "./vault";

class VaultCarrier implements KyselyPlugin {
  constructor(readonly vault: Vault) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export function withVault<DB>(db: Kysely<DB>, vault: Vault): Kysely<DB> {
  return db.withPlugin(new VaultCarrier(vault));
}

/** The handle's vault; a handle opened without keys (openDatabase gives them) cannot touch private text. */
export function vaultOf(db: Pick<Kysely<unknown>, "getExecutor">): Vault {
  const carrier = db.getExecutor().plugins.find((p): p is VaultCarrier => p instanceof VaultCarrier);
  if (!carrier) throw new Error("this database handle has no keys: open it with openDatabase to read or write private text");
  return carrier.vault;
}
