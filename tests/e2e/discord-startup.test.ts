import { GatewayIntentBits, PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_IDS, FakeDiscord } from "../support/fake-discord";
import { processDatabase, startMain } from "../support/main-process";
import { testDbKind } from "../support/test-db";

const TOKEN = "fake-discord-token-0123456789";

async function waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const database = () => processDatabase("discord", cleanups);

/** The bot's environment: a fresh database, the fake Discord, a tick every second. */
async function botEnv(fake: FakeDiscord, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    ...(await database()),
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: FAKE_IDS.application,
    DISCORD_API_URL: fake.apiUrl,
    TICK_SCHEDULE: "* * * * * *",
    ...extra,
  };
}

/** The organizer sets up and opens a round; resolves when the round's announcement reached the channel. */
async function setupAndOpen(fake: FakeDiscord): Promise<void> {
  const organizer = { user: FAKE_IDS.owner, permissions: PermissionFlagsBits.ManageGuild, locale: "en-US" as const };
  const setup = await fake.interact(fake.slashCommand({ ...organizer, subcommand: "setup", options: { name: "Kopi Pagi" } }), {
    timeoutMs: 15_000,
  });
  expect(JSON.stringify(setup)).toContain("Kopi Pagi");
  await fake.interact(fake.slashCommand({ ...organizer, subcommand: "open" }), { timeoutMs: 15_000 });
  await waitFor(() => announcements(fake).length > 0, "the round announcement from the scheduler's tick");
}

const announcements = (fake: FakeDiscord) =>
  fake
    .of("POST", new RegExp(`^/channels/${FAKE_IDS.programChannel}/messages$`))
    .filter((c) => JSON.stringify(c.body).includes("round 1 is open"));

describe("npm start with Discord", () => {
  it("logs in with the Guilds intent only, answers /mentoring, and delivers on its own tick", async () => {
    const fake = new FakeDiscord();
    await fake.start();
    cleanups.push(() => fake.stop());
    const bot = startMain(await botEnv(fake));
    cleanups.push(bot.stop);
    await waitFor(() => fake.identifies.length === 1, "the IDENTIFY");
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    await setupAndOpen(fake);
    expect(bot.output()).not.toContain(TOKEN);
  }, 90_000);

  it.runIf(testDbKind() === "postgres")(
    "[server only] with SHARDS=2 both shards identify, the guild's shard answers, and scheduled work is delivered once",
    async () => {
      const fake = new FakeDiscord({ shards: 2 });
      await fake.start();
      cleanups.push(() => fake.stop());
      const bot = startMain(await botEnv(fake, { SHARDS: "2", SHARD_SPAWN_DELAY_MS: "0" }));
      cleanups.push(bot.stop);
      await waitFor(() => fake.identifies.length === 2, "both shards' IDENTIFY", 60_000);
      expect(fake.identifies.map((i) => JSON.stringify(i.shard)).sort()).toEqual(["[0,2]", "[1,2]"]);
      expect(fake.identifies.every((i) => i.intents === GatewayIntentBits.Guilds)).toBe(true);
      await setupAndOpen(fake);
      // A few more ticks: the announcement is not sent again.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(announcements(fake)).toHaveLength(1);
    },
    120_000,
  );
});
