/** The playground's port (adapters/console/playground-port.ts) on Kysely, but for its ticker (see app.ts). */
import type { Kysely } from "kysely";
import type { PlaygroundStore } from "../../adapters/console/playground-port";
import { nextDueAfter } from "../next-due";
import type { Database } from "../schema";
import { chosenReaders, latestRecordedMoment, loadPlaygroundState, savePlaygroundState } from "./playground-state";

export function playgroundData(db: Kysely<Database>): Omit<PlaygroundStore, "dueWork"> {
  return {
    nextDueAfter: (after) => nextDueAfter(db, after),
    chosenReaders: (tenant) => chosenReaders(db, tenant),
    loadState: (tenant) => loadPlaygroundState(db, tenant),
    saveState: (tenant, saved, now) => savePlaygroundState(db, tenant, saved, now),
    latestRecordedMoment: () => latestRecordedMoment(db),
  };
}
