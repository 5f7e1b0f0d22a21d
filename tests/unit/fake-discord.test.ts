/**
 * The fake Discord against the real discord.js client: login and READY/GUILD_CREATE,
 * heartbeats, interactions (slash command, button, modal with labels), DMs and the
 * 50007 failure, private threads, and a 429 retried by @discordjs/rest.
 */
import { once } from "node:events";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  type RateLimitData,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  type TextChannel,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAKE_IDS, FakeDiscord, type FakeDiscordOptions } from "../support/fake-discord.js";

const TOKEN = "fake-bot-token";

let fake: FakeDiscord;
let client: Client | null = null;

async function startFake(options: FakeDiscordOptions = {}): Promise<void> {
  fake = new FakeDiscord({ token: TOKEN, ...options });
  await fake.start();
}

async function login(intents = [GatewayIntentBits.Guilds]): Promise<Client> {
  const c = new Client({ intents, rest: { api: fake.apiUrl } });
  client = c;
  const ready = once(c, Events.ClientReady);
  await c.login(TOKEN);
  await ready;
  return c;
}

/** Runs `handler` on the next interaction and rethrows its error in the test. */
function onNextInteraction(c: Client, handler: (i: Interaction) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    c.once(Events.InteractionCreate, (i) => {
      handler(i).then(resolve, reject);
    });
  });
}

function programChannel(c: Client): TextChannel {
  const channel = c.channels.cache.get(FAKE_IDS.programChannel);
  if (!channel || channel.type !== ChannelType.GuildText) throw new Error("program channel not cached");
  return channel;
}

beforeEach(async () => {
  await startFake();
});

afterEach(async () => {
  await client?.destroy();
  client = null;
  await fake.stop();
});

describe("gateway", () => {
  it("logs in with the Guilds intent only, caches the guild and its text channel, acks heartbeats", async () => {
    const c = await login();

    expect(fake.of("GET", /^\/gateway\/bot$/)).toHaveLength(1);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds, shard: [0, 1] });

    expect(c.user?.id).toBe(FAKE_IDS.application);
    expect(c.application?.id).toBe(FAKE_IDS.application);
    const guild = c.guilds.cache.get(FAKE_IDS.guild);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe("Sebaya Test Guild");
    expect(guild?.ownerId).toBe(FAKE_IDS.owner);
    expect(guild?.roles.cache.get(FAKE_IDS.organizerRole)?.name).toBe("Organizer");
    expect(guild?.members.me?.id).toBe(FAKE_IDS.application);
    expect(programChannel(c).name).toBe("mentoring");

    const acked = new Promise<void>((resolve) => {
      c.on(Events.Debug, (m) => {
        if (m.includes("Heartbeat acknowledged")) resolve();
      });
    });
    await fake.requestHeartbeat(0);
    await acked;
    expect(fake.heartbeats).toBeGreaterThanOrEqual(1);
    expect(c.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("closes with 4014 when a privileged intent is not enabled, and login rejects", async () => {
    const c = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers], rest: { api: fake.apiUrl } });
    client = c;
    await expect(c.login(TOKEN)).rejects.toThrow(/disallowed intents/i);
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMembers);
  });

  it("serves a two-shard client: each shard identifies with [id, 2], the guild and its interactions go to its shard", async () => {
    await fake.stop();
    await startFake({ shards: 2 });
    const c = new Client({ intents: [GatewayIntentBits.Guilds], shards: "auto", rest: { api: fake.apiUrl } });
    client = c;
    const ready = once(c, Events.ClientReady);
    await c.login(TOKEN);
    await ready;
    expect(fake.identifies.map((x) => x.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const home = FakeDiscord.shardOf(FAKE_IDS.guild, 2);
    expect(c.guilds.cache.get(FAKE_IDS.guild)?.shardId).toBe(home);
    const shardOfInteraction = new Promise<number>((resolve) => {
      c.once(Events.Raw, (_packet: unknown, shardId: number) => resolve(shardId));
    });
    const handled = onNextInteraction(c, async (i) => {
      if (i.isRepliable()) await i.reply("ok");
    });
    await fake.interact(fake.slashCommand({ subcommand: "status" }));
    await handled;
    expect(await shardOfInteraction).toBe(home);
  });

  it("resumes the session after the gateway closes with 4000", async () => {
    const c = await login();
    const resumed = once(c.ws.shards.get(0) as NonNullable<ReturnType<typeof c.ws.shards.get>>, "resumed");
    fake.closeShard(0, 4000);
    await resumed;
    expect(fake.received.filter((r) => r.op === 6)).toHaveLength(1);
    expect(fake.identifies).toHaveLength(1);
  });
});

describe("interactions", () => {
  it("delivers a slash command with subcommand, options and locale; deferReply + editReply are recorded", async () => {
    const c = await login();
    let seen: Record<string, unknown> = {};
    const handled = onNextInteraction(c, async (i) => {
      if (!i.isChatInputCommand()) throw new Error(`expected a chat input command, got type ${i.type}`);
      seen = {
        command: i.commandName,
        sub: i.options.getSubcommand(),
        goal: i.options.getString("goal"),
        weeks: i.options.getInteger("weeks"),
        remote: i.options.getBoolean("remote"),
        locale: i.locale,
        guild: i.guildId,
        channel: i.channel?.id,
        user: i.user.id,
        member: i.inCachedGuild(),
      };
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply("Terima kasih, kamu sudah terdaftar.");
    });
    const payload = fake.slashCommand({
      user: FAKE_IDS.member,
      name: "mentoring",
      subcommand: "join",
      options: { goal: "Belajar TypeScript", weeks: 6, remote: true },
      locale: "id",
    });
    const responses = await fake.interact(payload);
    await handled;

    expect(seen).toEqual({
      command: "mentoring",
      sub: "join",
      goal: "Belajar TypeScript",
      weeks: 6,
      remote: true,
      locale: "id",
      guild: FAKE_IDS.guild,
      channel: FAKE_IDS.programChannel,
      user: FAKE_IDS.member,
      member: true,
    });
    expect(responses.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", `/interactions/${payload.id}/${payload.token}/callback`, 204],
      ["PATCH", `/webhooks/${FAKE_IDS.application}/${payload.token}/messages/@original`, 200],
    ]);
    expect(responses[0]?.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(responses[1]?.body).toMatchObject({ content: "Terima kasih, kamu sudah terdaftar." });
    const reply = fake.messagesIn(FAKE_IDS.programChannel).at(-1);
    expect(reply?.content).toBe("Terima kasih, kamu sudah terdaftar.");
    expect(reply?.flags).toBe(MessageFlags.Ephemeral);
  });

  it("button: deferUpdate + editReply edit the button's message; update() is type 7; a second ack is refused", async () => {
    const c = await login();
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId("checkin:yes").setLabel("Yes").setStyle(ButtonStyle.Success),
      new ButtonBuilder().setCustomId("checkin:no").setLabel("No").setStyle(ButtonStyle.Secondary),
    );
    const sent = await programChannel(c).send({ content: "Did you meet?", components: [row] });

    const first = onNextInteraction(c, async (i) => {
      if (!i.isButton()) throw new Error("expected a button");
      expect(i.customId).toBe("checkin:yes");
      expect(i.message.id).toBe(sent.id);
      await i.deferUpdate();
      await i.editReply({ content: "Thanks, noted: you met.", components: [] });
      await expect(
        i.client.rest.post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 6 }, auth: false }),
      ).rejects.toMatchObject({
        code: 40060,
      });
    });
    const press = fake.buttonPress({ user: FAKE_IDS.member, customId: "checkin:yes" });
    expect(press.message.id).toBe(sent.id);
    const responses = await fake.interact(press);
    await first;
    expect(responses[0]?.body).toEqual({ type: 6 });
    expect(responses[1]?.path).toBe(`/webhooks/${FAKE_IDS.application}/${press.token}/messages/@original`);
    expect(fake.message(sent.id)?.content).toBe("Thanks, noted: you met.");
    expect(fake.message(sent.id)?.components).toEqual([]);

    const second = onNextInteraction(c, async (i) => {
      if (!i.isButton()) throw new Error("expected a button");
      await i.update({ content: "Updated in place" });
    });
    const responses2 = await fake.interact(
      fake.buttonPress({ user: FAKE_IDS.otherMember, customId: "checkin:no", message: sent.id }),
    );
    await second;
    expect(responses2).toHaveLength(1);
    expect(responses2[0]?.body).toMatchObject({ type: 7, data: { content: "Updated in place" } });
    expect(fake.message(sent.id)?.content).toBe("Updated in place");
  });

  it("showModal with labels (text input + string select) is type 9; the submission parses in discord.js", async () => {
    const c = await login();
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId("signup:open").setLabel("Sign up").setStyle(ButtonStyle.Primary),
    );
    await programChannel(c).send({ content: "Round 3 is open", components: [row] });

    const modal = new ModalBuilder()
      .setCustomId("signup:form")
      .setTitle("Sign up")
      .addLabelComponents(
        new LabelBuilder()
          .setLabel("Your goal")
          .setTextInputComponent(new TextInputBuilder().setCustomId("goal").setStyle(TextInputStyle.Paragraph)),
        new LabelBuilder()
          .setLabel("Topics")
          .setStringSelectMenuComponent(
            new StringSelectMenuBuilder()
              .setCustomId("topics")
              .setMinValues(1)
              .setMaxValues(2)
              .addOptions(
                new StringSelectMenuOptionBuilder().setLabel("Career").setValue("career"),
                new StringSelectMenuOptionBuilder().setLabel("Code").setValue("code"),
                new StringSelectMenuOptionBuilder().setLabel("Leadership").setValue("leadership"),
              ),
          ),
      );
    const opened = onNextInteraction(c, async (i) => {
      if (!i.isButton()) throw new Error("expected a button");
      await i.showModal(modal);
    });
    const press = fake.buttonPress({ user: FAKE_IDS.member, customId: "signup:open", locale: "id" });
    const [callback] = await fake.interact(press);
    await opened;
    expect(callback?.body).toMatchObject({ type: 9, data: { custom_id: "signup:form", title: "Sign up" } });
    const shown = fake.modalShown(press.id);
    expect(shown?.components.map((x) => x.type)).toEqual([18, 18]);

    let values: unknown[] = [];
    const submitted = onNextInteraction(c, async (i) => {
      if (!i.isModalSubmit()) throw new Error("expected a modal submit");
      values = [
        i.customId,
        i.fields.getTextInputValue("goal"),
        i.fields.getStringSelectValues("topics"),
        i.isFromMessage(),
        i.locale,
        i.user.id,
      ];
      await i.reply({ content: "Saved", flags: MessageFlags.Ephemeral });
    });
    const submission = fake.modalSubmit({ from: press, fields: { goal: "Grow as a reviewer", topics: ["career", "code"] } });
    expect(submission.data.components).toEqual([
      { type: 18, id: 1, component: { type: 4, id: 2, custom_id: "goal", value: "Grow as a reviewer" } },
      { type: 18, id: 3, component: { type: 3, id: 4, custom_id: "topics", values: ["career", "code"] } },
    ]);
    const responses = await fake.interact(submission);
    await submitted;
    expect(values).toEqual(["signup:form", "Grow as a reviewer", ["career", "code"], true, "id", FAKE_IDS.member]);
    expect(responses[0]?.body).toMatchObject({ type: 4, data: { content: "Saved", flags: MessageFlags.Ephemeral } });
    expect(() => fake.modalSubmit({ from: press, fields: { gaol: "typo" } })).toThrow(/no field "gaol"/);
  });

  it("a DM slash command carries user (no member) and context BotDM", async () => {
    const c = await login();
    let got: unknown[] = [];
    const handled = onNextInteraction(c, async (i) => {
      if (!i.isChatInputCommand()) throw new Error("expected a command");
      got = [i.guildId, i.member, i.user.id, i.context, i.channelId];
      await i.reply("hi");
    });
    await fake.interact(fake.slashCommand({ user: FAKE_IDS.otherMember, guildId: null, subcommand: "status" }));
    await handled;
    expect(got).toEqual([null, null, FAKE_IDS.otherMember, 1, `dm-${FAKE_IDS.otherMember}`]);
  });
});

describe("REST", () => {
  it("DMs a member; a 50007 for another member rejects with DiscordAPIError code 50007", async () => {
    const c = await login();
    const budi = await c.users.fetch(FAKE_IDS.member);
    const sent = await budi.send("Your match this round: Citra");
    expect(sent.channelId).toBe(`dm-${FAKE_IDS.member}`);
    expect(fake.of("POST", /^\/users\/@me\/channels$/)[0]?.body).toEqual({ recipient_id: FAKE_IDS.member });
    expect(fake.of("POST", /^\/channels\/dm-\d+\/messages$/)[0]?.body).toMatchObject({ content: "Your match this round: Citra" });

    fake.fail("POST", new RegExp(`^/channels/dm-${FAKE_IDS.otherMember}/messages$`), {
      status: 403,
      code: 50007,
      message: "Cannot send messages to this user",
    });
    const error = await c.users.send(FAKE_IDS.otherMember, "Your match this round: Budi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50007);
    expect((error as DiscordAPIError).status).toBe(403);
    expect(fake.messagesIn(`dm-${FAKE_IDS.otherMember}`)).toHaveLength(0);
  });

  it("creates a private thread in the program channel and adds both members", async () => {
    const c = await login();
    const thread = await programChannel(c).threads.create({
      type: ChannelType.PrivateThread,
      invitable: false,
      name: "Budi & Citra",
    });
    await thread.members.add(FAKE_IDS.member);
    await thread.members.add(FAKE_IDS.otherMember);
    await thread.send("Meet your peer!");

    expect(thread.type).toBe(ChannelType.PrivateThread);
    expect(thread.parentId).toBe(FAKE_IDS.programChannel);
    expect(thread.invitable).toBe(false);
    expect(fake.of("POST", /^\/channels\/\d+\/threads$/)[0]?.body).toMatchObject({
      name: "Budi & Citra",
      type: ChannelType.PrivateThread,
      invitable: false,
    });
    expect(fake.of("PUT", /\/thread-members\//).map((x) => x.path)).toEqual([
      `/channels/${thread.id}/thread-members/${FAKE_IDS.member}`,
      `/channels/${thread.id}/thread-members/${FAKE_IDS.otherMember}`,
    ]);
    expect(fake.threadMembers(thread.id).sort()).toEqual([FAKE_IDS.application, FAKE_IDS.member, FAKE_IDS.otherMember].sort());
    expect(fake.messagesIn(thread.id).map((m) => m.content)).toEqual(["Meet your peer!"]);
  });

  it("a 429 with retry_after is waited out and retried by @discordjs/rest", async () => {
    const c = await login();
    const limits: RateLimitData[] = [];
    c.rest.on("rateLimited", (info) => limits.push(info));
    fake.fail("POST", /^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 0.05, times: 1 });

    const started = Date.now();
    const message = await programChannel(c).send("Round 3 starts tomorrow");
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);

    expect(message.content).toBe("Round 3 starts tomorrow");
    expect(fake.of("POST", /^\/channels\/\d+\/messages$/).map((x) => x.status)).toEqual([429, 200]);
    expect(limits).toHaveLength(1);
    expect(limits[0]?.global).toBe(false);
    expect(limits[0]?.retryAfter).toBeGreaterThanOrEqual(50);
  });

  it("registers commands and answers unknown routes with 404", async () => {
    const c = await login();
    const registered = await c.application?.commands.set([{ name: "mentoring", description: "Peer mentoring" }], FAKE_IDS.guild);
    expect(registered?.first()?.name).toBe("mentoring");
    expect(fake.commands(FAKE_IDS.guild)).toHaveLength(1);
    await expect(c.rest.get("/nope/nothing")).rejects.toMatchObject({ status: 404, code: 0 });
    expect(fake.of("GET", /^\/nope/)).toHaveLength(1);
  });
});
