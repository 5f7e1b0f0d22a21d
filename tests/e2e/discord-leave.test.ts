/**
 * Discord, end to end through real discord.js and the fake Discord's gateway:
 * an organizer reads the audit trail (`/privacy audit`); the bot
 * removed from a server (GUILD_DELETE) marks the server for deletion 30 days
 * on and DMs its organizers the date; the job then deletes that server's
 * programs; the bot added back first (GUILD_CREATE) calls it off and says
 * nothing was lost. The fake clock moves the 30 days.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DiscordApp, startDiscordApp } from "../../src/adapters/discord/app";
import { discordSender } from "../../src/adapters/discord/sender";
import { createAppCore, platformStore } from "../../src/app";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { DAY_MS, MINUTE_MS } from "../../src/core/time/durations";
import { Dispatcher } from "../../src/delivery/dispatcher";
import { PLATFORM_LIMITS, RateLimits } from "../../src/delivery/rate-limits";
import { runDueJobs } from "../../src/scheduler/run-due-jobs";
import { defaultGuild, defaultUsers, FAKE_IDS, FakeDiscord, type FakeInteraction } from "../support/fake-discord";
import { START } from "../support/harness";
import { useTestDb } from "../support/test-db";

const TOKEN = "fake-bot-token";
const OLGA = FAKE_IDS.owner;
const GUILD = FAKE_IDS.guild;
const en = translator("en");
const id = translator("id");

const tdb = useTestDb();
let fake: FakeDiscord;
let app: DiscordApp | null = null;
let clock: ManualClock;
let errors: unknown[] = [];

beforeEach(async () => {
  fake = new FakeDiscord({ token: TOKEN, guilds: [defaultGuild()], users: defaultUsers() });
  await fake.start();
  clock = new ManualClock(START);
  errors = [];
  app = await startDiscordApp({
    core: createAppCore({ db: tdb.db, clock }),
    store: platformStore(tdb.db.kysely),
    clock,
    token: TOKEN,
    apiUrl: fake.apiUrl,
    onError: (error) => errors.push(error),
  });
});

afterEach(async () => {
  await app?.stop();
  app = null;
  await fake.stop();
  expect(errors).toEqual([]);
});

async function run(payload: FakeInteraction): Promise<string> {
  await fake.interact(payload);
  const bodies = fake.responsesTo(payload.id).map((c) => c.body as { content?: string; data?: { content?: string } } | undefined);
  return bodies.map((b) => b?.content ?? b?.data?.content ?? "").join("\n");
}

async function deliver() {
  const sender = discordSender({ token: TOKEN, apiUrl: fake.apiUrl, store: platformStore(tdb.db.kysely), clock });
  const dispatcher = new Dispatcher(tdb.db.kysely, sender, clock, {
    worker: "discord-leave-test",
    concurrency: 1,
    limits: new RateLimits({ ...PLATFORM_LIMITS, discord: { tenant: null, conversation: null } }),
  });
  return dispatcher.dispatchPending();
}

const runJobs = () => runDueJobs(tdb.db.kysely, clock, { worker: "discord-leave-test" });
const departures = () => tdb.db.kysely.selectFrom("space_departures").selectAll().execute();
const programs = () => tdb.db.kysely.selectFrom("programs").select("name").execute();
const dmTexts = (user: string) =>
  fake.of("POST", new RegExp(`^/channels/dm-${user}/messages$`)).map((c) => String((c.body as { content?: string }).content));

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function setUpProgram() {
  await run(fake.slashCommand({ user: OLGA, subcommand: "setup", options: { name: "Kopi Belajar" } }));
  await run(fake.slashCommand({ user: OLGA, subcommand: "open" }));
  expect(await programs()).toEqual([{ name: "Kopi Belajar" }]);
}

describe("Discord: the audit trail and a server that removed the bot", () => {
  it("shows organizers the audit trail under /privacy audit, and refuses a member", async () => {
    await setUpProgram();
    const shown = await run(fake.slashCommand({ user: OLGA, name: "privacy", subcommand: "audit" }));
    expect(shown).toContain(en("audit.title", { name: "Kopi Belajar" }));
    expect(shown).toContain(en("audit.action.round.open", { round: 1 }));
    const refused = await run(fake.slashCommand({ user: FAKE_IDS.member, name: "privacy", subcommand: "audit", locale: "id" }));
    expect(refused).toContain(id("refusal.notOrganizer").slice(0, 40));
  });

  it("GUILD_DELETE: organizers get the date by DM, and the server's data is deleted 30 days on", async () => {
    await setUpProgram();
    fake.removeBotFrom(GUILD);
    const [marked] = await until(departures, (rows) => rows.length === 1, "the departure");
    expect(marked?.space_id).toBe(GUILD);
    await deliver();
    expect(dmTexts(OLGA)).toEqual([en("departure.left", { names: "Kopi Belajar", date: "Thursday, 31 December 2026" })]);
    // Said again: one mark, one DM.
    fake.removeBotFrom(GUILD);
    await sleep(200);
    await deliver();
    expect(await departures()).toEqual([marked]);
    expect(dmTexts(OLGA)).toHaveLength(1);

    clock.advance(29 * DAY_MS);
    await runJobs();
    expect(await programs()).toHaveLength(1);
    clock.advance(DAY_MS + MINUTE_MS);
    for (let pass = 0; pass < 5 && (await programs()).length > 0; pass++) {
      expect((await runJobs()).failed).toBe(0);
      clock.advance(MINUTE_MS);
    }
    expect(await programs()).toEqual([]);
    expect(await tdb.db.kysely.selectFrom("rounds").selectAll().execute()).toEqual([]);
    expect(await tdb.db.kysely.selectFrom("members").selectAll().execute()).toEqual([]);
  });

  it("GUILD_CREATE before the 30 days: the deletion is called off and organizers hear nothing was lost", async () => {
    await setUpProgram();
    fake.removeBotFrom(GUILD);
    await until(departures, (rows) => rows.length === 1, "the departure");
    clock.advance(7 * DAY_MS);
    fake.addBotTo(GUILD);
    await until(departures, (rows) => rows.length === 0, "the return");
    await deliver();
    expect(dmTexts(OLGA).at(-1)).toBe(en("departure.back", { names: "Kopi Belajar" }));
    clock.advance(31 * DAY_MS);
    await runJobs();
    expect(await programs()).toEqual([{ name: "Kopi Belajar" }]);
  });
});
