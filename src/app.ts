/** Wiring shared by main, the demo and the tests: database, migrations, core, the adapters' ports. */
import type { Kysely } from "kysely";
import type { PlaygroundStore } from "./adapters/console/playground-port";
import { type Core, type CoreDeps, createCore } from "./core/core";
import type { Matcher } from "./core/matching/types";
import type { Clock } from "./core/time/clock";
import { Ticker } from "./scheduler/tick";
import type { Db } from "./store/connect";
import { kyselyStore } from "./store/kysely-store";
import { playgroundData } from "./store/platform/playground-store";
import type { Database } from "./store/schema";

export { openDatabase } from "./store/open-database";
export { platformStore } from "./store/platform/platform-store";

export interface AppOptions {
  db: Db;
  clock: Clock;
  matcher?: Matcher;
  onError?: CoreDeps["onError"];
  /** How each command ended, for the metrics and the logs (platforms.ts). */
  onOutcome?: CoreDeps["onOutcome"];
}

export function createAppCore(options: AppOptions): Core {
  return createCore({
    store: kyselyStore(options.db.kysely),
    clock: options.clock,
    ...(options.matcher ? { matcher: options.matcher } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.onOutcome ? { onOutcome: options.onOutcome } : {}),
  });
}

/** The playground's port: its data, and the bots' own scheduler in-process (no rate limits, one process). */
export function playgroundStore(db: Kysely<Database>): PlaygroundStore {
  return { ...playgroundData(db), dueWork: (sender, clock) => new Ticker(db, sender, clock, { worker: "console" }) };
}
