/** Wiring shared by main, the demo and the tests: database, migrations, core. */
import type { Clock } from "./core/clock";
import { type Core, createCore } from "./core/core";
import type { Matcher } from "./core/matching/types";
import type { Db } from "./store/connect";
import { kyselyStore } from "./store/kysely-store";

export { openDatabase } from "./store/open-database";
export { platformStore } from "./store/platform/platform-store";

export interface AppOptions {
  db: Db;
  clock: Clock;
  matcher?: Matcher;
  onError?: (error: unknown, context: { command: string }) => void;
}

export function createAppCore(options: AppOptions): Core {
  return createCore({
    store: kyselyStore(options.db.kysely),
    clock: options.clock,
    ...(options.matcher ? { matcher: options.matcher } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
