/**
 * The setup most Discord end-to-end files share: the fake Discord on
 * 127.0.0.1, the real discord.js app on the test database with a manual
 * clock, and delivery through the real Discord sender and dispatcher. A test
 * that logged an error fails in its afterEach.
 */
import { afterEach, beforeEach, expect } from "vitest";
import { type DiscordApp, startDiscordApp } from "../../src/adapters/discord/app";
import { discordSender } from "../../src/adapters/discord/sender";
import { createAppCore, platformStore } from "../../src/app";
import type { Core } from "../../src/core/core";
import { ManualClock } from "../../src/core/time/clock";
import { Dispatcher, type DispatchStats } from "../../src/delivery/dispatcher";
import { PLATFORM_LIMITS, RateLimits } from "../../src/delivery/rate-limits";
import { defaultGuild, defaultUsers, FakeDiscord, type FakeDiscordOptions } from "./fake-discord";
import { START } from "./harness";
import type { TestDb } from "./test-db";

export const DISCORD_TOKEN = "fake-bot-token";

export interface DiscordSession {
  fake: FakeDiscord;
  app: DiscordApp;
  core: Core;
  clock: ManualClock;
  /** Sends what the outbox holds, as the bot's dispatcher would (no rate limits). */
  deliver(): Promise<DispatchStats>;
}

/**
 * Registers the session's beforeEach and afterEach; call the returned function inside a test.
 * `world` gives the guilds and users (the default guild and users when left out).
 */
export function useDiscordSession(
  tdb: TestDb,
  world: () => Pick<FakeDiscordOptions, "guilds" | "users"> = () => ({ guilds: [defaultGuild()], users: defaultUsers() }),
): () => DiscordSession {
  let session: DiscordSession | null = null;
  let errors: unknown[] = [];
  beforeEach(async () => {
    const fake = new FakeDiscord({ token: DISCORD_TOKEN, ...world() });
    await fake.start();
    const clock = new ManualClock(START);
    errors = [];
    const store = platformStore(tdb.db.kysely);
    const core = createAppCore({ db: tdb.db, clock });
    const app = await startDiscordApp({
      core,
      store,
      clock,
      token: DISCORD_TOKEN,
      apiUrl: fake.apiUrl,
      onError: (error) => errors.push(error),
    });
    const sender = discordSender({ token: DISCORD_TOKEN, apiUrl: fake.apiUrl, store, clock });
    const deliver = () =>
      new Dispatcher(tdb.db.kysely, sender, clock, {
        worker: "discord-test",
        concurrency: 1,
        limits: new RateLimits({ ...PLATFORM_LIMITS, discord: { tenant: null, conversation: null } }),
      }).dispatchPending();
    session = { fake, app, core, clock, deliver };
  });
  afterEach(async () => {
    await session?.app.stop();
    await session?.fake.stop();
    session = null;
    expect(errors).toEqual([]);
  });
  return () => {
    if (!session) throw new Error("the Discord session runs inside a test only");
    return session;
  };
}
