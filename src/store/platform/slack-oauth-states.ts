/**
 * OAuth `state` values for @slack/oauth's InstallProvider, kept in
 * PostgreSQL so that each works once, on any replica. Its default store signs
 * the state instead, so a captured state (with its cookie) installs again
 * and again until it expires.
 *
 * - generate: a random value; its SHA-256 (never the value) is stored with the
 *   install options and an expiry ten minutes on.
 * - verify: deletes the row as it reads it (DELETE ... RETURNING), so of two
 *   redirects carrying the same state only one finds it, even at the same time.
 */

import { createHash, randomBytes } from "node:crypto";
import { type InstallURLOptions, InvalidStateError, type StateStore } from "@slack/oauth";
import type { Kysely } from "kysely";
import { MINUTE_MS } from "../../core/time/durations";
import type { Database } from "../schema";

/** How long an install may take from /slack/install to the redirect (the state cookie lives as long). */
export const STATE_TTL_MS = 10 * MINUTE_MS;

const digest = (state: string) => createHash("sha256").update(state).digest("base64url");

export class SlackOAuthStates implements StateStore {
  constructor(private readonly db: Kysely<Database>) {}

  async generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    const state = randomBytes(32).toString("base64url");
    await this.db
      .insertInto("slack_oauth_states")
      .values({
        state_hash: digest(state),
        install_options: JSON.stringify(installOptions),
        created_at: now,
        expires_at: new Date(now.getTime() + STATE_TTL_MS),
      })
      .execute();
    return state;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const row = await this.db
      .deleteFrom("slack_oauth_states")
      .where("state_hash", "=", digest(state))
      .returning(["install_options", "expires_at"])
      .executeTakeFirst();
    if (!row) throw new InvalidStateError("The state is unknown or was already used");
    if (row.expires_at.getTime() <= now.getTime()) throw new InvalidStateError("The state has expired");
    return row.install_options;
  }
}
