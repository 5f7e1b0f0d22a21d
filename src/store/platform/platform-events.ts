/**
 * Events and button presses already handled, so that a platform's retry or a
 * double click changes nothing twice, across restarts and replicas. A key is
 * claimed once; with `windowMs` it may be claimed again after that long (a
 * button pressed again later is a new press, a second click within the
 * window is the same one).
 */

import type { Kysely } from "kysely";
import { DAY_MS } from "../../core/time/durations";
import type { Database } from "../schema";

/** How long handled keys are remembered: far beyond any platform's retries. */
export const REMEMBER_MS = DAY_MS;

/** True the first time `key` is seen (or first again after `windowMs`); false for a repeat. */
export async function claimEvent(db: Kysely<Database>, key: string, now: Date, windowMs?: number): Promise<boolean> {
  const claimed = await db
    .insertInto("platform_events")
    .values({ key: key.slice(0, 300), seen_at: now })
    .onConflict((oc) =>
      windowMs === undefined
        ? oc.column("key").doNothing()
        : oc
            .column("key")
            .doUpdateSet({ seen_at: now })
            .where("platform_events.seen_at", "<=", new Date(now.getTime() - windowMs)),
    )
    .returning("key")
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Forgets handled keys older than REMEMBER_MS, expired form drafts and expired OAuth states; run from the tick. */
export async function pruneHandled(db: Kysely<Database>, now: Date): Promise<number> {
  const events = await db
    .deleteFrom("platform_events")
    .where("seen_at", "<", new Date(now.getTime() - REMEMBER_MS))
    .executeTakeFirst();
  const drafts = await db.deleteFrom("form_drafts").where("expires_at", "<", now).executeTakeFirst();
  const states = await db.deleteFrom("slack_oauth_states").where("expires_at", "<", now).executeTakeFirst();
  return Number(events.numDeletedRows) + Number(drafts.numDeletedRows) + Number(states.numDeletedRows);
}
