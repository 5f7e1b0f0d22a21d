/**
 * A pod given its shards runs exactly those in its own process, of the
 * total it was told (the real discord.js client against the fake Discord);
 * a pod given none (SHARD_LIST=none) opens no gateway and still has the
 * sender its dispatcher needs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { discordPlatform } from "../../src/adapters/discord/platform";
import type { DiscordSettings } from "../../src/adapters/discord/settings";
import type { PlatformDeps, RunningPlatform } from "../../src/adapters/platform";
import { systemClock } from "../../src/core/time/clock";
import { FakeDiscord } from "../support/fake-discord";

const TOKEN = "fake-discord-token-0123456789";

/** No interaction reaches these tests: the core and the store are never called. */
const deps: PlatformDeps = {
  core: {} as PlatformDeps["core"],
  store: {} as PlatformDeps["store"],
  clock: systemClock,
  onError: (error) => {
    throw error;
  },
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(fake: FakeDiscord, ownShards: DiscordSettings["ownShards"]): Promise<RunningPlatform> {
  const settings: DiscordSettings = {
    token: TOKEN,
    applicationId: "123456789012345678",
    apiUrl: fake.apiUrl,
    shards: ownShards?.of ?? 1,
    ...(ownShards ? { ownShards } : {}),
  };
  const running = await discordPlatform(settings).start(deps);
  cleanups.push(running.stop);
  return running;
}

describe("Discord shards given to a pod", () => {
  it("identifies as each of its own shards, of the total, and no other", async () => {
    const fake = new FakeDiscord({ token: TOKEN, shards: 4 });
    await fake.start();
    cleanups.push(() => fake.stop());
    const running = await start(fake, { list: [1, 2], of: 4 });
    await expect.poll(() => fake.identifies.length, { timeout: 20_000 }).toBe(2);
    expect(fake.identifies.map((i) => JSON.stringify(i.shard)).sort()).toEqual(["[1,4]", "[2,4]"]);
    expect(running.describe.details).toMatchObject({ shards: [1, 2], of: 4 });
  }, 30_000);

  it("with none, opens no gateway and still sends", async () => {
    const fake = new FakeDiscord({ token: TOKEN, shards: 2 });
    await fake.start();
    cleanups.push(() => fake.stop());
    const running = await start(fake, { list: [], of: 2 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.identifies).toEqual([]);
    expect(running.describe.message).toMatch(/no gateway/);
    expect(typeof running.sender.send).toBe("function");
  });
});
