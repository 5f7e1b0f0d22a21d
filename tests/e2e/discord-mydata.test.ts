/**
 * Issue 16 item 1 on Discord: the real discord.js client and the Discord
 * sender against the fake Discord. A member runs /privacy mydata (the data
 * words live under /privacy: /mentoring holds Discord's 25 subcommands); the
 * answer is ephemeral, and their DM gets the summary with the JSON file as a
 * multipart attachment. Nothing of it reaches a channel.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { MessageFlags } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DiscordApp, startDiscordApp } from "../../src/adapters/discord/app";
import { type DiscordSender, discordSender } from "../../src/adapters/discord/sender";
import { createAppCore, platformStore } from "../../src/app";
import { ATTACHMENT_MAX_BYTES } from "../../src/core/messages/attachment";
import { ManualClock } from "../../src/core/time/clock";
import { Dispatcher } from "../../src/delivery/dispatcher";
import { PLATFORM_LIMITS, RateLimits } from "../../src/delivery/rate-limits";
import { defaultGuild, defaultUsers, FAKE_IDS, FakeDiscord, type FakeInteraction, type RestCall } from "../support/fake-discord";
import { START } from "../support/harness";
import { useTestDb } from "../support/test-db";

const TOKEN = "fake-bot-token";
const BUDI = FAKE_IDS.member;
const CITRA = FAKE_IDS.otherMember;
const NOTE = "NOTE-d1 ask <@123456789012345678> about @everyone";

const tdb = useTestDb();
let fake: FakeDiscord;
let app: DiscordApp | null = null;
let clock: ManualClock;
let sender: DiscordSender;
let errors: unknown[] = [];

beforeEach(async () => {
  fake = new FakeDiscord({ token: TOKEN, guilds: [defaultGuild()], users: defaultUsers() });
  await fake.start();
  clock = new ManualClock(START);
  errors = [];
  sender = discordSender({ token: TOKEN, apiUrl: fake.apiUrl, store: platformStore(tdb.db.kysely), clock });
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

async function quiet(ms = 150): Promise<void> {
  let seen = -1;
  while (seen !== fake.calls.length) {
    seen = fake.calls.length;
    await sleep(ms);
  }
}

/** The interaction's answers: their texts and whether each was ephemeral. */
async function run(payload: FakeInteraction) {
  await fake.interact(payload);
  await quiet();
  const bodies = fake
    .responsesTo(payload.id)
    .filter((c) => c.method === "POST" || c.method === "PATCH")
    .map((c) => {
      const body = c.body as Record<string, unknown> | null;
      return (c.path.endsWith("/callback") ? body?.data : body) as Record<string, unknown> | undefined;
    })
    .filter((b): b is Record<string, unknown> => !!b && typeof b.content === "string");
  return {
    text: bodies.map((b) => b.content).join("\n"),
    ephemeral: bodies.map((b) => (Number(b.flags ?? 0) & MessageFlags.Ephemeral) !== 0),
  };
}

async function deliver() {
  const dispatcher = new Dispatcher(tdb.db.kysely, sender, clock, {
    worker: "discord-test",
    concurrency: 1,
    limits: new RateLimits({ ...PLATFORM_LIMITS, discord: { tenant: null, conversation: null } }),
  });
  return dispatcher.dispatchPending();
}

const withFiles = (): RestCall[] => fake.calls.filter((c) => c.method === "POST" && c.files.length > 0);

describe("/privacy mydata on Discord", () => {
  it("answers ephemerally and sends the summary with the file as an attachment in the member's DM", async () => {
    const dm = { guildId: null, channelId: `dm-${BUDI}` };
    await run(fake.slashCommand({ user: BUDI, subcommand: "journal", options: { text: NOTE }, locale: "en-US", ...dm }));
    const answer = await run(
      fake.slashCommand({
        user: BUDI,
        name: "privacy",
        subcommand: "mydata",
        locale: "en-US",
        channelId: FAKE_IDS.programChannel,
      }),
    );
    expect(answer.text).toContain("I’ve sent everything Sebaya holds about you to your DMs");
    expect(answer.ephemeral.every(Boolean)).toBe(true);
    expect(answer.text).not.toContain("NOTE-d1");

    await deliver();
    const posts = withFiles();
    expect(posts).toHaveLength(1);
    const post = posts[0] as RestCall;
    expect(post.path).toBe(`/channels/dm-${BUDI}/messages`);
    const file = post.files[0];
    expect(file?.name).toMatch(/^sebaya-mydata-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file?.contentType).toBe("application/json");
    expect(file?.size).toBeLessThanOrEqual(ATTACHMENT_MAX_BYTES);
    const json = JSON.parse(file?.bytes.toString("utf8") ?? "{}") as {
      member: { displayName: string };
      journal: Array<{ text: string }>;
    };
    expect(json.member.displayName).toBe("Budi");
    expect(json.journal.map((j) => j.text)).toEqual([NOTE]);
    // The summary rides with the file; Discord is told the attachment and mentions nobody.
    const body = post.body as { content?: string; attachments?: unknown; allowed_mentions?: unknown };
    expect(body.attachments).toEqual([{ id: 0, filename: file?.name }]);
    const dmTexts = fake
      .messagesIn(`dm-${BUDI}`)
      .map((m) => m.content)
      .join("\n");
    expect(dmTexts).toContain("Your data in Sebaya");
    expect(dmTexts).toContain("/privacy mydata sends you everything");
    expect(
      fake
        .messagesIn(`dm-${BUDI}`)
        .at(-1)
        ?.attachments?.map((a) => a.filename),
    ).toEqual([file?.name]);
    // Nothing in the program channel but the ephemeral answer, which only Budi sees.
    const shown = fake.messagesIn(FAKE_IDS.programChannel).filter((m) => (Number(m.flags ?? 0) & MessageFlags.Ephemeral) === 0);
    expect(shown.map((m) => m.content).join("\n")).not.toMatch(/Sebaya holds|NOTE-d1/);
    expect(fake.messagesIn(FAKE_IDS.programChannel).some((m) => (m.attachments ?? []).length > 0)).toBe(false);
  });

  it("in Indonesian for a member whose Discord is in Indonesian", async () => {
    const answer = await run(
      fake.slashCommand({ user: CITRA, name: "privacy", subcommand: "mydata", locale: "id", guildId: null }),
    );
    expect(answer.text).toContain("sudah saya kirim lewat DM");
    await deliver();
    expect(withFiles().map((c) => c.path)).toEqual([`/channels/dm-${CITRA}/messages`]);
    const dmTexts = fake
      .messagesIn(`dm-${CITRA}`)
      .map((m) => m.content)
      .join("\n");
    expect(dmTexts).toContain("Data Anda di Sebaya");
    expect(dmTexts).toContain("/privacy mydata mengirimi Anda");
  });
});
