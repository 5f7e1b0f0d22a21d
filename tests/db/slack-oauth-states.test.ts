/**
 * OAuth states in the database: a state verifies once and only within ten
 * minutes; of two verifications at the same time exactly one succeeds; only
 * a digest of the state is stored; the tick prunes expired ones.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/core/time/clock";
import type { Sender } from "../../src/delivery/sender";
import { Ticker } from "../../src/scheduler/tick";
import { SlackOAuthStates, STATE_TTL_MS } from "../../src/store/platform/slack-oauth-states";
import { START } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const options = { scopes: ["commands", "chat:write"], metadata: "from-the-install-page" };
const later = (ms: number) => new Date(START.getTime() + ms);
const noSends: Sender = { send: async () => ({ platformMessageId: null }) };

describe("SlackOAuthStates", () => {
  it("gives back the install options once; the same state again is refused", async () => {
    const states = new SlackOAuthStates(tdb.db.kysely);
    const state = await states.generateStateParam(options, START);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await states.verifyStateParam(later(1_000), state)).toEqual(options);
    await expect(states.verifyStateParam(later(2_000), state)).rejects.toMatchObject({ code: "slack_oauth_invalid_state" });
    await expect(states.verifyStateParam(later(2_000), "never-issued")).rejects.toMatchObject({
      code: "slack_oauth_invalid_state",
    });
  });

  it("refuses a state after ten minutes, and stores only its digest", async () => {
    const states = new SlackOAuthStates(tdb.db.kysely);
    const state = await states.generateStateParam(options, START);
    const rows = await tdb.db.kysely.selectFrom("slack_oauth_states").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(state);
    await expect(states.verifyStateParam(later(STATE_TTL_MS), state)).rejects.toMatchObject({
      code: "slack_oauth_invalid_state",
    });
  });

  it("two redirects with one state at the same time: exactly one is let through", async () => {
    const states = new SlackOAuthStates(tdb.db.kysely);
    for (let i = 0; i < 5; i++) {
      const state = await states.generateStateParam(options, START);
      const outcomes = await Promise.allSettled([
        states.verifyStateParam(later(1_000), state),
        states.verifyStateParam(later(1_000), state),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    }
  });

  it("the tick prunes expired states and keeps the others", async () => {
    const states = new SlackOAuthStates(tdb.db.kysely);
    await states.generateStateParam(options, later(-STATE_TTL_MS - 1));
    const fresh = await states.generateStateParam(options, START);
    const ticker = new Ticker(tdb.db.kysely, noSends, new ManualClock(START), { worker: "prune-test" });
    expect((await ticker.tick()).pruned).toBe(1);
    expect(await tdb.db.kysely.selectFrom("slack_oauth_states").select("state_hash").execute()).toHaveLength(1);
    expect(await states.verifyStateParam(later(1_000), fresh)).toEqual(options);
  });
});
