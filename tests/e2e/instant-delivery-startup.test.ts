import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_IDS, FakeDiscord } from "../support/fake-discord";
import { processDatabase, startMain as startProcess } from "../support/main-process";
import { testDbKind } from "../support/test-db";

const TOKEN = "fake-discord-token-0123456789";
/** Midnight on 1 January: the only tick in a test's lifetime is the one at start. */
const YEARLY = "0 0 1 1 *";
const AT_ONCE_MS = 2_000;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The bot as its own process, stopped after each test. */
function startMain(env: Record<string, string>) {
  const main = startProcess(env, "warn");
  cleanups.push(main.stop);
  return main;
}

async function waitFor(check: () => boolean, what: string, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= ms) {
    if (check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`not within ${ms} ms: ${what}`);
}

const database = () => processDatabase("instant", cleanups);

async function bot(extra: Record<string, string> = {}): Promise<{ fake: FakeDiscord; output: () => string }> {
  const fake = new FakeDiscord(extra.SHARDS ? { shards: Number(extra.SHARDS) } : {});
  await fake.start();
  cleanups.push(() => fake.stop());
  const { output } = startMain({
    ...(await database()),
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: FAKE_IDS.application,
    DISCORD_API_URL: fake.apiUrl,
    TICK_SCHEDULE: YEARLY,
    ...extra,
  });
  return { fake, output };
}

const announcements = (fake: FakeDiscord) =>
  fake
    .of("POST", new RegExp(`^/channels/${FAKE_IDS.programChannel}/messages$`))
    .filter((c) => JSON.stringify(c.body).includes("round 1 is open"));

/** Setup and open as the organizer; resolves with how long after open's answer the announcement arrived. */
async function openAndTime(fake: FakeDiscord): Promise<number> {
  const organizer = { user: FAKE_IDS.owner, permissions: PermissionFlagsBits.ManageGuild, locale: "en-US" as const };
  await fake.interact(fake.slashCommand({ ...organizer, subcommand: "setup", options: { name: "Kopi Pagi" } }), {
    timeoutMs: 15_000,
  });
  await fake.interact(fake.slashCommand({ ...organizer, subcommand: "open" }), { timeoutMs: 15_000 });
  // The answer comes after the commit: from here the announcement may only wait for the wake.
  return waitFor(() => announcements(fake).length > 0, "the round's announcement", AT_ONCE_MS);
}

describe("npm start delivers on commit, not at the next tick", () => {
  it("with the tick once a year, /mentoring open's announcement reaches the channel within 2 s", async () => {
    const { fake, output } = await bot();
    await waitFor(() => fake.identifies.length === 1, "the IDENTIFY", 60_000);
    const took = await openAndTime(fake);
    console.info(`[instant] npm start (${testDbKind()}): announcement ${took} ms after open was answered`);
    expect(announcements(fake)).toHaveLength(1);
    expect(output()).not.toContain(TOKEN);
  }, 90_000);

  it.runIf(testDbKind() === "postgres")(
    "[server only] with SHARDS=2 the command commits in a shard's process and NOTIFY wakes the parent's dispatcher",
    async () => {
      const { fake } = await bot({ SHARDS: "2", SHARD_SPAWN_DELAY_MS: "0" });
      await waitFor(() => fake.identifies.length === 2, "both shards' IDENTIFY", 90_000);
      const took = await openAndTime(fake);
      console.info(`[instant] SHARDS=2: announcement ${took} ms after open was answered in a shard`);
      expect(announcements(fake)).toHaveLength(1);
    },
    150_000,
  );
});
