/**
 * The real discord.js client against the fake Discord (REST and gateway on
 * 127.0.0.1), the real core on the test database, delivery through the real
 * dispatcher and the Discord sender. Everything a member or organizer does
 * arrives as INTERACTION_CREATE payloads; everything the bot does is a
 * recorded REST call. Runs on both databases.
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  ApplicationCommandOptionType,
  ChannelType,
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DiscordApp, startDiscordApp } from "../../src/adapters/discord/app";
import { decodeCustomId } from "../../src/adapters/discord/custom-id";
import { type DiscordSender, discordSender } from "../../src/adapters/discord/sender";
import { createAppCore, platformStore } from "../../src/app";
import type { Core } from "../../src/core/core";
import type { Language } from "../../src/core/domain";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { Dispatcher } from "../../src/delivery/dispatcher";
import { PLATFORM_LIMITS, RateLimits } from "../../src/delivery/rate-limits";
import { runDueJobs } from "../../src/scheduler/run-due-jobs";
import { DESIGNED_INTAKES, DESIGNED_PAIRS, DESIGNED_REASONS } from "../support/designed-intakes";
import {
  defaultGuild,
  defaultUsers,
  FAKE_IDS,
  FakeDiscord,
  type FakeInteraction,
  type LocaleString,
  type ModalData,
  type OptionInput,
  type RestCall,
} from "../support/fake-discord";
import { submit as formSubmit, START } from "../support/harness";
import { stateDigest } from "../support/state-digest";
import { useTestDb } from "../support/test-db";

const TOKEN = "fake-bot-token";
const APP = FAKE_IDS.application;
const CHANNEL = FAKE_IDS.programChannel;
const OLGA = FAKE_IDS.owner;
const ANI = "1400000000000000011";
const BUDI = "1400000000000000012";
const CITRA = "1400000000000000013";
const DEWI = "1400000000000000014";
const EKO = "1400000000000000015";
const RINA = "1400000000000000016";
const TONO = "1400000000000000017";
const LEADS = "1200000000000000031";
const MEMBERS = [ANI, BUDI, CITRA, DEWI, EKO];
const NAMES: Record<string, string> = { [ANI]: "Ani", [BUDI]: "Budi", [CITRA]: "Citra", [DEWI]: "Dewi", [EKO]: "Eko" };
const INTAKE: Record<string, { expertise: string; goals: string; team: string }> = {
  [ANI]: { expertise: "SQL", goals: "public speaking", team: "Data" },
  [BUDI]: { expertise: "public speaking", goals: "SQL", team: "Ops" },
  [CITRA]: { expertise: "design", goals: "leadership", team: "Product" },
  [DEWI]: { expertise: "leadership", goals: "design", team: "People" },
  // Topic names as the vocabulary spells them: nothing to read back before saving (intake-reading-discord.test.ts).
  [EKO]: { expertise: "software testing", goals: "design, SQL", team: "QA" },
};

type Json = Record<string, unknown>;

const tdb = useTestDb();
let fake: FakeDiscord;
let app: DiscordApp | null = null;
let clock: ManualClock;
let sender: DiscordSender;
let errors: unknown[] = [];

beforeEach(async () => {
  const guild = defaultGuild();
  fake = new FakeDiscord({
    token: TOKEN,
    // Discord answers 10062 to a first response later than 3 s.
    interactionDeadlineMs: 3000,
    guilds: [
      {
        ...guild,
        roles: [...guild.roles, { id: LEADS, name: "Mentor leads" }],
        members: [...MEMBERS, RINA, TONO],
        memberRoles: { ...guild.memberRoles, [RINA]: [LEADS] },
      },
    ],
    users: [
      ...defaultUsers(),
      ...MEMBERS.map((id) => ({ id, username: (NAMES[id] as string).toLowerCase(), globalName: NAMES[id] as string })),
      { id: RINA, username: "rina", globalName: "Rina" },
      { id: TONO, username: "tono", globalName: "Tono" },
    ],
  });
  await fake.start();
  clock = new ManualClock(START);
  errors = [];
  sender = discordSender({ token: TOKEN, apiUrl: fake.apiUrl, store: platformStore(tdb.db.kysely), clock });
});

afterEach(async () => {
  await app?.stop();
  app = null;
  await fake.stop();
  expect(errors).toEqual([]);
});

async function start(core: Core = createAppCore({ db: tdb.db, clock })): Promise<void> {
  app = await startDiscordApp({
    core,
    store: platformStore(tdb.db.kysely),
    clock,
    token: TOKEN,
    apiUrl: fake.apiUrl,
    onError: (error) => errors.push(error),
  });
}

/** Waits until no REST call has arrived for a moment: the app has finished what the interaction started. */
async function quiet(ms = 150): Promise<void> {
  let seen = -1;
  while (seen !== fake.calls.length) {
    seen = fake.calls.length;
    await sleep(ms);
  }
}

interface Answer {
  id: string;
  /** The callback's type (4 reply, 5 deferred reply, 6 deferred update, 7 update, 9 modal). */
  type: number | undefined;
  calls: RestCall[];
  /** Every message content the interaction was answered with, in order. */
  texts: string[];
  text: string;
  /** Whether each answer (callback data and follow-ups) was ephemeral. */
  ephemeral: boolean[];
  modal: ModalData | undefined;
  /** The custom ids of the buttons in the answer. */
  buttons: string[];
}

function bodyOf(call: RestCall): Json | undefined {
  const body = call.body as Json | null;
  if (!body) return undefined;
  return call.path.endsWith("/callback") ? (body.data as Json | undefined) : body;
}

async function run(payload: FakeInteraction): Promise<Answer> {
  await fake.interact(payload);
  await quiet();
  const calls = fake.responsesTo(payload.id);
  const callback = calls.find((c) => c.path.endsWith("/callback"));
  const bodies = calls.map(bodyOf).filter((b): b is Json => b !== undefined);
  const texts = bodies.map((b) => b.content).filter((c): c is string => typeof c === "string" && c !== "");
  const messages = calls.filter((c) => c.method === "POST" && (c.path.endsWith("/callback") || c.path.startsWith("/webhooks/")));
  return {
    id: payload.id,
    type: (callback?.body as { type?: number } | undefined)?.type,
    calls,
    texts,
    text: texts.join("\n"),
    ephemeral: messages
      .map(bodyOf)
      .filter((b): b is Json => b !== undefined && "content" in b)
      .map((b) => ((Number(b.flags ?? 0) & MessageFlags.Ephemeral) !== 0) as boolean),
    modal: fake.modalShown(payload.id),
    buttons: bodies.flatMap((b) =>
      ((b.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>).flatMap((row) =>
        (row.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : [])),
      ),
    ),
  };
}

let locale: LocaleString = "en-US";

const slash = (user: string, subcommand: string, options: Record<string, OptionInput> = {}, extra: Json = {}) =>
  run(fake.slashCommand({ user, subcommand, options, locale, ...extra }));
const press = (user: string, customId: string, extra: Json = {}) => run(fake.buttonPress({ user, customId, locale, ...extra }));
const submit = (from: Answer, fields: Record<string, string | string[]>) => run(fake.modalSubmit({ from: from.id, fields }));

/** The newest message in a channel with a button so labelled. */
function buttonIn(channelId: string, label: string): { customId: string; messageId: string } {
  for (const m of [...fake.messagesIn(channelId)].reverse()) {
    for (const row of (m.components ?? []) as Array<{ components?: Array<{ label?: string; custom_id?: string }> }>) {
      const found = row.components?.find((c) => c.label === label && c.custom_id);
      if (found?.custom_id) return { customId: found.custom_id, messageId: m.id };
    }
  }
  throw new Error(`no button "${label}" in ${channelId}`);
}

const contents = (channelId: string) => fake.messagesIn(channelId).map((m) => m.content);
const restBodies = () => JSON.stringify(fake.calls.map((c) => c.body));
const dmPosts = (user: string) => fake.of("POST", new RegExp(`^/channels/dm-${user}/messages$`));

async function deliver() {
  const dispatcher = new Dispatcher(tdb.db.kysely, sender, clock, {
    worker: "discord-test",
    concurrency: 1,
    // The test's clock stands still: no pacing, or rows would wait for time that never passes.
    limits: new RateLimits({ ...PLATFORM_LIMITS, discord: { tenant: null, conversation: null } }),
  });
  return dispatcher.dispatchPending();
}

const runJobs = () => runDueJobs(tdb.db.kysely, clock, { worker: "test", random: () => 0.5 });

async function count(table: "members" | "programs" | "rounds" | "enrollments" | "check_ins" | "evaluations" | "form_drafts") {
  const { n } = await tdb.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Active pairings with their members' platform ids and their thread. */
async function pairings() {
  const rows = await tdb.db.kysely
    .selectFrom("pairings as p")
    .innerJoin("pairing_members as pm", "pm.pairing_id", "p.id")
    .innerJoin("members as m", "m.id", "pm.member_id")
    .leftJoin("pairing_conversations as pc", "pc.pairing_id", "p.id")
    .select(["p.id", "p.created_at", "m.external_id", "pc.conversation_id"])
    .where("pm.left_at", "is", null)
    .where("p.status", "=", "active")
    .orderBy("p.created_at")
    .orderBy("pm.slot")
    .execute();
  const byId = new Map<string, { id: string; createdAt: Date; users: string[]; thread: string | null }>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { id: r.id, createdAt: r.created_at, users: [], thread: r.conversation_id };
    p.users.push(r.external_id);
    byId.set(r.id, p);
  }
  return [...byId.values()];
}

describe("Discord: gateway and input", () => {
  it("logs in with the Guilds intent only", async () => {
    await start();
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(app?.client.user?.id).toBe(APP);
  });

  it("runs the shards it is given: each identifies, and the guild's interactions reach its shard", async () => {
    await fake.stop();
    fake = new FakeDiscord({ token: TOKEN, shards: 2 });
    await fake.start();
    app = await startDiscordApp({
      core: createAppCore({ db: tdb.db, clock }),
      store: platformStore(tdb.db.kysely),
      clock,
      token: TOKEN,
      apiUrl: fake.apiUrl,
      shards: [0, 1],
      shardCount: 2,
      onError: (error) => errors.push(error),
    });
    expect(fake.identifies.map((x) => x.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.identifies.every((x) => x.intents === GatewayIntentBits.Guilds)).toBe(true);
    locale = "en-US";
    expect((await slash(OLGA, "help")).text).toContain("/mentoring join");
  });

  it.each([
    ["id", "id" as const],
    ["en-US", "en" as const],
  ])(
    "answers an unknown subcommand with the help, ephemerally, in the interaction's locale (%s); nothing is written",
    async (loc, language) => {
      await start();
      locale = loc as LocaleString;
      const t = translator(language);
      const unknown = await slash(TONO, "frobnicate");
      expect(unknown.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(unknown.texts[0]).toBe(t("error.unknownCommand"));
      expect(unknown.text).toContain("/mentoring join");
      expect(unknown.text).toContain(t("help.title").replace(/[*_]/g, ""));
      expect(unknown.ephemeral.length).toBeGreaterThanOrEqual(2);
      expect(unknown.ephemeral.every(Boolean)).toBe(true);

      // Malformed: the core lists what was wrong, in the same language, and changes nothing.
      const malformed = await slash(TONO, "pause", { until: "besok" });
      expect(malformed.texts[0]).toContain(t("error.invalid"));
      expect(malformed.ephemeral.every(Boolean)).toBe(true);
      expect(await count("members")).toBe(0);
      expect(await count("programs")).toBe(0);
      // No message anywhere but the ephemeral answers.
      expect(fake.of("POST", /^\/channels\//)).toEqual([]);
    },
  );

  it("organizer rights: Manage Server or the program's role; others get a polite refusal", async () => {
    await start();
    locale = "en-US";
    const t = translator("en");
    const setup = await slash(OLGA, "setup", { name: "Kopi Sore" });
    expect(setup.text).toBe(t("setup.done", { name: "Kopi Sore" }));

    const refused = await slash(TONO, "open");
    expect(refused.text).toBe(t("refusal.notOrganizer"));
    expect(refused.ephemeral).toEqual([true]);
    expect(await count("rounds")).toBe(0);

    // Rina has the Mentor leads role, without Manage Server: refused until the program names the role.
    expect((await slash(RINA, "open")).text).toBe(t("refusal.notOrganizer"));
    const role = await slash(OLGA, "role", { role: { type: ApplicationCommandOptionType.Role, value: LEADS } });
    expect(role.text).toBe(t("organizer.role", { role: `<@&${LEADS}>`, name: "Kopi Sore" }));
    const opened = await slash(RINA, "open");
    expect(opened.text).toBe(t("round.opened", { number: 1 }));
    expect(await count("rounds")).toBe(1);

    // Manage Server without being an organizer: allowed; the same member without it: refused.
    const manager = await slash(
      DEWI,
      "preview",
      {},
      { permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel },
    );
    // Past the organizer check: nobody has joined yet.
    expect(manager.text).toBe(t("refusal.tooFewToMatch"));
    expect((await slash(TONO, "match")).text).toBe(t("refusal.notOrganizer"));
  });
});

describe("Discord: once, and within 3 s", () => {
  it("a repeated INTERACTION_CREATE and a double click change nothing twice", async () => {
    await start();
    locale = "en-US";
    const setup = fake.slashCommand({ user: OLGA, subcommand: "setup", options: { name: "Kopi" }, locale });
    await run(setup);
    expect(fake.dispatch("INTERACTION_CREATE", setup)).toBe(1);
    await sleep(300);
    await quiet();
    expect(fake.responsesTo(setup.id).filter((c) => c.path.endsWith("/callback"))).toHaveLength(1);
    expect(await count("programs")).toBe(1);

    await slash(OLGA, "open");
    await deliver();
    const join = buttonIn(CHANNEL, translator("en")("round.announce.join", { number: 1 }));
    const first = await press(ANI, join.customId);
    expect(first.type).toBe(InteractionResponseType.Modal);
    // The same press again: acknowledged without a change (a deferred update and nothing after it), no second form.
    const again = fake.buttonPress({ user: ANI, customId: join.customId, locale });
    await fake.interact(again, { timeoutMs: 1000 }).catch(() => undefined);
    await quiet();
    expect(fake.responsesTo(again.id).map((c) => [c.method, c.body, c.status])).toEqual([
      ["POST", { type: InteractionResponseType.DeferredMessageUpdate }, 204],
    ]);
    expect(fake.modalShown(again.id)).toBeUndefined();
    expect(await count("form_drafts")).toBe(1);
    // Later, it is a new press.
    clock.advance(11_000);
    expect((await press(ANI, join.customId)).type).toBe(InteractionResponseType.Modal);
  });

  it("a slow core still gets the interaction acknowledged within 3 s, and the answer follows", async () => {
    const core = createAppCore({ db: tdb.db, clock });
    let delayMs = 0;
    await start({
      ...core,
      suggestTopics: (query) => core.suggestTopics(query),
      topicHints: (query) => core.topicHints(query),
      async execute(envelope) {
        await sleep(delayMs);
        return core.execute(envelope);
      },
    });
    locale = "en-US";
    const t = translator("en");
    await slash(OLGA, "setup", { name: "Kopi" });
    await slash(OLGA, "open");
    await deliver();
    delayMs = 4000;

    const status = fake.slashCommand({ user: OLGA, subcommand: "status", locale });
    const dispatched = Date.now();
    const answered = fake.interact(status, { timeoutMs: 10_000 });
    await fake.waitFor(() => fake.responsesTo(status.id).some((c) => c.path.endsWith("/callback")), 3000, "the acknowledgement");
    expect(Date.now() - dispatched).toBeLessThan(3000);
    const [callback] = await answered;
    // The fake refuses (10062) a first response later than 3 s, as Discord does.
    expect(callback?.status).toBe(204);
    expect(callback?.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: 64 } });
    await fake.waitFor(() => fake.responsesTo(status.id).some((c) => c.method === "PATCH"), 8000, "the answer");
    await quiet();

    // A button whose answer is a form: deferred, then the form opens from a button on the answer.
    const join = buttonIn(CHANNEL, t("round.announce.join", { number: 1 }));
    const joinPress = fake.buttonPress({ user: ANI, customId: join.customId, locale });
    const [deferred] = await fake.interact(joinPress, { timeoutMs: 10_000 });
    expect(deferred?.status).toBe(204);
    expect(deferred?.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    await fake.waitFor(() => fake.responsesTo(joinPress.id).some((c) => c.method === "PATCH"), 8000, "the form's button");
    await quiet();
    const edit = fake.responsesTo(joinPress.id).find((c) => c.method === "PATCH")?.body as Json;
    expect(edit.content).toBe(t("discord.form.open"));
    const open = ((edit.components as Array<{ components: Array<{ custom_id: string; label: string }> }>)[0]?.components ??
      [])[0];
    expect(open?.label).toBe(t("join.form.title"));
    delayMs = 0;
    const opened = await press(ANI, open?.custom_id as string);
    expect(opened.type).toBe(InteractionResponseType.Modal);
    expect(opened.modal?.title).toBe(`${t("join.form.title")} (1/2)`);
  }, 40_000);
});

describe("Discord: forms over several modals", () => {
  it("a form left for over an hour has expired: a translated word, nothing joined", async () => {
    await start();
    locale = "id";
    const t = translator("id");
    await slash(OLGA, "setup", { name: "Kopi" });
    await slash(OLGA, "open");
    await deliver();
    const opened = await press(ANI, buttonIn(CHANNEL, t("round.announce.join", { number: 1 })).customId);
    const saved = await submit(opened, {
      "t:expertise": "SQL",
      "t:goals": "desain",
      "t:interests": "",
      "t:team": "Data",
    });
    clock.advance(61 * 60_000);
    const stale = await press(ANI, saved.buttons[0] as string);
    // The Continue prompt itself says so, and loses its button.
    expect(stale.type).toBe(InteractionResponseType.UpdateMessage);
    expect(stale.text).toBe(t("discord.form.expired"));
    expect(stale.buttons).toEqual([]);
    expect(await count("enrollments")).toBe(0);
  });
});

describe("Discord: an answer the core would refuse", () => {
  it("is said at its step, and the step reopens with everything typed, to fix only that", async () => {
    locale = "en-US";
    await start();
    const t = translator("en");
    await slash(OLGA, "setup", { name: "Kopi" });
    await slash(OLGA, "open");
    await deliver();
    const opened = await press(ANI, buttonIn(CHANNEL, t("round.announce.join", { number: 1 })).customId);
    // Eleven things to share: the core takes at most ten.
    const tooMany = Array.from({ length: 11 }, (_, i) => `topic ${i}`).join(", ");
    const refused = await submit(opened, { "t:expertise": tooMany, "t:goals": "design", "t:interests": "", "t:team": "Data" });
    expect(refused.text).toContain(t("discord.form.problems"));
    expect(refused.text).toMatch(/10/);
    expect(refused.buttons).toHaveLength(1);
    // The button reopens step 1 as it was answered.
    const again = await press(ANI, refused.buttons[0] as string);
    expect(again.type).toBe(InteractionResponseType.Modal);
    const values = Object.fromEntries(
      // Labelled inputs only: the first step also shows the privacy note as a text display.
      (again.modal?.components ?? []).flatMap((l) => {
        if (!l.component) return [];
        const input = l.component as { custom_id: string; value?: string };
        return [[input.custom_id, input.value]];
      }),
    );
    expect(values["t:expertise"]).toBe(tooMany);
    expect(values["t:team"]).toBe("Data");
    expect(await count("enrollments")).toBe(0);
    // Corrected, the form goes on to its second step.
    const saved = await submit(again, { "t:expertise": "SQL", "t:goals": "design", "t:interests": "", "t:team": "Data" });
    expect(saved.text).toBe(t("discord.form.stepSaved", { step: 1, total: 2 }));
  });
});

describe("Discord: closed DMs", () => {
  it("records 50007, reaches the member in the thread and the channel, and never DMs them again until they interact", async () => {
    await start();
    const core = createAppCore({ db: tdb.db, clock });
    const as = (user: string, command: Json, channelId?: string) =>
      core.execute({
        actor: {
          platform: "discord",
          tenantId: APP,
          space: FAKE_IDS.guild,
          userId: user,
          displayName: NAMES[user] ?? "Olga",
          isAdmin: user === OLGA,
        },
        ...(channelId ? { channelId } : {}),
        command,
      });
    await as(OLGA, { type: "program.setup", name: "Kopi", language: "en" }, CHANNEL);
    await as(OLGA, { type: "round.open" }, CHANNEL);
    for (const user of [ANI, BUDI]) {
      const intake = INTAKE[user] as (typeof INTAKE)[string];
      await as(
        user,
        formSubmit(
          { type: "round.join" },
          { ...intake, interests: "kopi", timezone: "Asia/Jakarta", language: "en", partnersWanted: 1 },
        ),
        CHANNEL,
      );
    }
    fake.fail("POST", new RegExp(`^/channels/dm-${ANI}/messages$`), {
      status: 403,
      code: 50007,
      message: "Cannot send messages to this user",
    });
    await as(OLGA, { type: "round.match" }, CHANNEL);
    await deliver();

    // The thread pointer to Ani failed: recorded; she is in the thread anyway.
    const [pair] = await pairings();
    const thread = pair?.thread as string;
    expect(fake.threadMembers(thread).sort()).toEqual([APP, ANI, BUDI].sort());
    expect(contents(thread).join("\n")).toContain(translator("en")("intro.title"));
    expect(dmPosts(ANI).map((c) => c.status)).toEqual([403]);
    expect(dmPosts(BUDI)).toHaveLength(1);
    const blocked = async () =>
      (await tdb.db.kysely.selectFrom("members").select("dm_blocked_at").where("external_id", "=", ANI).executeTakeFirstOrThrow())
        .dm_blocked_at;
    expect(await blocked()).not.toBeNull();

    // A DM for her now is not attempted: it fails at once and she is mentioned in the channel instead.
    const dmTo = async (key: string) => {
      const member = await tdb.db.kysely
        .selectFrom("members")
        .select(["id", "tenant_id"])
        .where("external_id", "=", ANI)
        .executeTakeFirstOrThrow();
      const program = await tdb.db.kysely.selectFrom("programs").select("id").executeTakeFirstOrThrow();
      await tdb.db.kysely
        .insertInto("outbox")
        .values({
          tenant_id: member.tenant_id,
          idempotency_key: key,
          audience_kind: "member",
          member_id: member.id,
          message: JSON.stringify({ blocks: [{ type: "text", text: "private update" }] }),
          created_at: clock.now(),
          available_at: clock.now(),
          context_program_id: program.id,
        })
        .execute();
    };
    await dmTo("dm-1");
    await deliver();
    expect(dmPosts(ANI)).toHaveLength(1);
    const row = await tdb.db.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("idempotency_key", "=", "dm-1")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("failed");
    expect(row.last_error).toContain("dm-closed");
    const mention = fake.messagesIn(CHANNEL).find((m) => m.content.includes(`<@${ANI}>`));
    expect(mention?.content).toBe(translator("en")("delivery.dmClosed", { user: `<@${ANI}>` }));
    // Pinged (she must see it), and the undelivered text is not posted there.
    expect(fake.of("POST", new RegExp(`^/channels/${CHANNEL}/messages$`)).at(-1)?.body).toMatchObject({
      allowed_mentions: { parse: [], users: [ANI] },
    });
    expect(contents(CHANNEL).join("\n")).not.toContain("private update");

    // Still blocked on the next dispatch: no second attempt.
    await dmTo("dm-2");
    await deliver();
    expect(dmPosts(ANI)).toHaveLength(1);

    // She interacts, here in her DM with the bot (same member: the tenant is the bot, not the server): DMs are tried again.
    locale = "en-US";
    const status = await slash(ANI, "status", {}, { guildId: null });
    expect(status.text).toContain("Budi");
    expect(status.ephemeral.every(Boolean)).toBe(true);
    expect(await blocked()).toBeNull();
    await dmTo("dm-3");
    await deliver();
    expect(dmPosts(ANI)).toHaveLength(2);
  });
});

describe.each([
  ["id" as LocaleString, "id" as Language],
  ["en-US" as LocaleString, "en" as Language],
])("Discord: a whole program through Discord payloads (%s)", (loc, language) => {
  const t = translator(language);

  it("setup, join in modal steps, dry run, match with a trio in private threads, cadence, reminder, check-in, evaluation, a polite ending with re-match", async () => {
    await start();
    locale = loc;

    // Setup and the announcement.
    expect((await slash(OLGA, "setup", { name: "Kopi Sore" })).text).toBe(t("setup.done", { name: "Kopi Sore" }));
    const program = await tdb.db.kysely.selectFrom("programs").select(["language", "channel_id"]).executeTakeFirstOrThrow();
    expect(program).toEqual({ language, channel_id: CHANNEL });
    expect((await slash(OLGA, "open")).text).toBe(t("round.opened", { number: 1 }));
    await deliver();
    expect(contents(CHANNEL).join("\n")).toContain(t("round.announce.title", { number: 1 }));
    const join = buttonIn(CHANNEL, t("round.announce.join", { number: 1 }));

    // Five members join: the intake in two modals, Continue in between.
    for (const user of MEMBERS) {
      const opened = await press(user, join.customId);
      expect(opened.type).toBe(InteractionResponseType.Modal);
      const first = opened.modal as ModalData;
      expect(first.title).toBe(`${t("join.form.title")} (1/2)`);
      expect(first.components.length).toBeLessThanOrEqual(5);
      const intake = INTAKE[user] as (typeof INTAKE)[string];
      const saved = await submit(opened, {
        "t:expertise": intake.expertise,
        "t:goals": intake.goals,
        "t:interests": "kopi",
        "t:team": intake.team,
      });
      expect(saved.text).toBe(t("discord.form.stepSaved", { step: 1, total: 2 }));
      expect(saved.ephemeral).toEqual([true]);
      const next = await press(user, saved.buttons[0] as string);
      const second = next.modal as ModalData;
      expect(second.title).toBe(`${t("join.form.title")} (2/2)`);
      expect(second.components.length).toBeLessThanOrEqual(5);
      const kinds = Object.fromEntries(
        second.components.map((c) => {
          const inner = c.component as { custom_id: string; type: number };
          return [inner.custom_id, inner.type];
        }),
      );
      // Selects (type 3) for the time zone, the language and the number of partners.
      expect(kinds).toEqual({ "s:timezone": 3, "s:language": 3, "n:partnersWanted": 3 });
      const done = await submit(next, {
        "s:timezone": ["Asia/Jakarta"],
        "s:language": [language],
        "n:partnersWanted": ["1"],
      });
      // The Continue prompt becomes the confirmation.
      expect(done.type).toBe(InteractionResponseType.UpdateMessage);
      expect(done.text).toBe(t("join.done", { number: 1 }));
    }
    expect(await count("enrollments")).toBe(5);
    expect(await count("form_drafts")).toBe(0);

    // A dry run: the proposal for the organizer only; no thread, no DM.
    const callsBefore = fake.calls.length;
    const preview = await slash(OLGA, "preview");
    expect(preview.text).toContain(t("match.preview.title", { groups: 2 }));
    await deliver();
    const since = fake.calls.slice(callsBefore);
    expect(since.filter((c) => /\/threads$|\/users\/@me\/channels$|^\/channels\/.*\/messages$/.test(c.path))).toEqual([]);

    // The match: one pair and one trio, each in a private thread of the program channel.
    expect((await slash(OLGA, "match")).text).toBe(t("match.done", { groups: 2 }));
    await deliver();
    const made = await pairings();
    expect(made.map((p) => p.users.length).sort()).toEqual([2, 3]);
    const pair = made.find((p) => p.users.length === 2) as (typeof made)[number];
    const trio = made.find((p) => p.users.length === 3) as (typeof made)[number];
    expect(fake.of("POST", new RegExp(`^/channels/${CHANNEL}/threads$`))).toHaveLength(2);
    for (const p of [pair, trio]) {
      const thread = fake.channel(p.thread as string) as unknown as {
        type: number;
        parent_id: string;
        name: string;
        thread_metadata: Json;
      };
      expect(thread.type).toBe(ChannelType.PrivateThread);
      expect(thread.parent_id).toBe(CHANNEL);
      expect(thread.thread_metadata.invitable).toBe(false);
      // Named after its members, never after what they wrote.
      expect(thread.name).toContain(NAMES[p.users[0] as string]);
      expect(thread.name).not.toMatch(/SQL|design|leadership/);
      expect(fake.threadMembers(p.thread as string).sort()).toEqual([APP, ...p.users].sort());
      const intro = contents(p.thread as string).join("\n");
      expect(intro).toContain(p.users.length === 3 ? t("intro.titleTrio") : t("intro.title"));
      for (const user of p.users) {
        const pointer = fake.messagesIn(`dm-${user}`).map((m) => m.content);
        expect(pointer).toHaveLength(1);
        expect(pointer[0]).toContain(`<#${p.thread}>`);
        expect(pointer[0]).toBe(
          t("discord.thread.pointer", {
            names: new Intl.ListFormat(language, { type: "conjunction" }).format(
              p.users.filter((u) => u !== user).map((u) => NAMES[u] as string),
            ),
            thread: `<#${p.thread}>`,
          }),
        );
      }
    }
    for (const call of fake.of("POST", new RegExp(`^/channels/${CHANNEL}/threads$`)))
      expect(call.body).toMatchObject({ type: ChannelType.PrivateThread, invitable: false });
    const pairThread = pair.thread as string;
    const trioThread = trio.thread as string;
    const [a, b] = pair.users as [string, string];

    // Cadence: proposed with the intro's button and a modal, confirmed by the peer's button.
    const propose = await press(a, buttonIn(pairThread, t("intro.proposeButton")).customId);
    const cadence = propose.modal as ModalData;
    expect(cadence.components.length).toBeLessThanOrEqual(5);
    // Every 10 days on a Wednesday would drift across the week: said at once, the step reopens to fix it.
    const drifting = await submit(propose, {
      "n:everyDays": ["10"],
      "n:minutes": "60",
      "s:weekday": ["3"],
      "h:time": language === "id" ? "10.00" : "10:00",
    });
    expect(drifting.text).toContain(t("problem.weekdayWeeks"));
    const proposals = tdb.db.kysely.selectFrom("pairings").select("id").where("proposal_every_days", "is not", null);
    expect(await proposals.execute()).toEqual([]);
    const reopened = await press(a, drifting.buttons[0] as string);
    const proposed = await submit(reopened, {
      "n:everyDays": ["7"],
      "n:minutes": "60",
      "s:weekday": ["3"],
      "h:time": language === "id" ? "10.00" : "10:00",
    });
    expect(proposed.text).toBe(t("cadence.proposedReply"));
    await deliver();
    const confirm = buttonIn(pairThread, t("cadence.confirmButton"));
    const confirmed = await press(b, confirm.customId);
    expect(confirmed.text).toBe(t("cadence.confirmedReply"));
    // Settled for the pair: the note says who confirmed, and the buttons go.
    const confirmedNote = `-# ${t("answered.cadence", { name: NAMES[b] as string })}`;
    await fake.waitFor(() => fake.message(confirm.messageId)?.content.includes(confirmedNote), 3000, "the proposal noted");
    expect(fake.message(confirm.messageId)?.components).toEqual([]);
    await deliver();
    expect(contents(pairThread).join("\n")).toContain(t("cadence.agreed", { everyDays: 7, minutes: 60 }));
    const session = await tdb.db.kysely
      .selectFrom("sessions")
      .select(["id", "starts_at", "minutes"])
      .where("pairing_id", "=", pair.id)
      .executeTakeFirstOrThrow();

    // The 24-hour reminder reaches the pair where the core sends it (their thread; or each one's DM).
    clock.set(new Date(session.starts_at.getTime() - 24 * 3600_000));
    await runJobs();
    await deliver();
    const reminders = await tdb.db.kysely
      .selectFrom("outbox")
      .select(["audience_kind", "platform_message_id", "status"])
      .where("idempotency_key", "like", `session-reminder:${session.id}:24h:%`)
      .execute();
    expect(reminders.length).toBeGreaterThan(0);
    for (const r of reminders) {
      expect(r.status).toBe("sent");
      const [channel, id] = (r.platform_message_id as string).split(":");
      expect(fake.message(id as string)?.channel_id).toBe(channel);
      if (r.audience_kind === "pairing") expect(channel).toBe(pairThread);
      else expect(channel).toMatch(new RegExp(`^dm-(${a}|${b})$`));
    }

    // After the session: the check-in in the thread. "We met" opens a modal with the rating.
    clock.set(new Date(session.starts_at.getTime() + (session.minutes + 16) * 60_000));
    await runJobs();
    await deliver();
    expect(contents(pairThread).join("\n")).toContain(t("checkin.prompt", { number: 1 }).slice(0, 20));
    const met = buttonIn(pairThread, t("checkin.met"));
    const rating = await press(a, met.customId);
    expect(rating.type).toBe(InteractionResponseType.Modal);
    const ratingModal = rating.modal as ModalData;
    expect(ratingModal.components[0]?.component).toMatchObject({ type: 3, custom_id: "s:rating" });
    const thanks = await submit(rating, { "s:rating": ["5"], "t:note": "PRIVATE-NOTE-7f3a" });
    expect(thanks.texts[0]?.slice(0, 12)).toBe(t("checkin.thanks.met", { when: "" }).slice(0, 12));
    expect(thanks.ephemeral).toEqual([true]);
    // The thread's question notes who answered (never what); the buttons stay for the peer.
    const noteA = `-# ${t("answered.checkin", { name: NAMES[a] as string })}`;
    const noteB = `-# ${t("answered.checkin", { name: NAMES[b] as string })}`;
    await fake.waitFor(() => fake.message(met.messageId)?.content.includes(noteA), 3000, "the check-in noted");
    const marked = fake.message(met.messageId);
    expect(marked?.components?.length).toBeGreaterThan(0);
    // Answering again (later, another button) changes nothing.
    clock.advance(11_000);
    const again = await press(a, buttonIn(pairThread, t("checkin.notMet")).customId);
    expect(again.text).toBe(t("refusal.alreadyCheckedIn", { number: 1 }));
    expect(fake.message(met.messageId)?.content).toBe(marked?.content);
    // The peer answers: the message is settled for both and loses its buttons.
    const peer = await press(b, buttonIn(pairThread, t("checkin.notMet")).customId);
    expect(peer.texts[0]?.slice(0, 6)).toBe(t("checkin.thanks.notMet", { when: "" }).slice(0, 6));
    await fake.waitFor(() => fake.message(met.messageId)?.content.includes(noteB), 3000, "the check-in settled");
    expect(fake.message(met.messageId)?.content).toContain(`${noteA}\n${noteB}`);
    expect(fake.message(met.messageId)?.components).toEqual([]);
    expect(await count("check_ins")).toBe(2);
    await deliver();
    expect(contents(pairThread).join("\n")).toContain(t("milestone.firstMeeting"));

    // Two weeks in: the evaluation, answered through its modal, private.
    clock.set(new Date(pair.createdAt.getTime() + 14 * 86_400_000 + 60_000));
    await runJobs();
    await deliver();
    const evaluate = [pairThread, `dm-${a}`].flatMap((channel) => {
      try {
        return [{ channel, ...buttonIn(channel, t("evaluation.open")) }];
      } catch {
        return [];
      }
    })[0];
    if (!evaluate) throw new Error("no evaluation prompt reached Ani");
    const evaluation = await press(a, evaluate.customId);
    expect(evaluation.type).toBe(InteractionResponseType.Modal);
    const evalModal = evaluation.modal as ModalData;
    expect(evalModal.components.length).toBeLessThanOrEqual(5);
    const evaluated = await submit(evaluation, { "s:g0": ["progressing"], "s:working": ["4"], "s:adjust": ["nothing"] });
    expect(evaluated.texts[0]).toBe(t("evaluation.thanks"));
    expect(await count("evaluations")).toBe(1);
    await fake.waitFor(() => fake.message(evaluate.messageId)?.edited_timestamp, 3000, "the evaluation prompt settled");
    const settled = fake.message(evaluate.messageId);
    if (evaluate.channel === pairThread) {
      // Shared: noted as answered privately; the button stays for the peer.
      expect(settled?.content).toContain(`-# ${t("answered.evaluation", { name: NAMES[a] as string })}`);
      expect(settled?.components?.length).toBeGreaterThan(0);
    } else expect(settled?.components).toEqual([]);

    // The peer would rather end: "adjust → end" answers with an End button, which opens the ending form
    // and ends nothing until that form is sent.
    clock.advance(11_000);
    const peerEvaluate = [pairThread, `dm-${b}`].flatMap((channel) => {
      try {
        return [buttonIn(channel, t("evaluation.open"))];
      } catch {
        return [];
      }
    })[0];
    if (!peerEvaluate) throw new Error("no evaluation prompt reached the peer");
    const peerEvaluation = await press(b, peerEvaluate.customId);
    expect(peerEvaluation.type).toBe(InteractionResponseType.Modal);
    const peerEvaluated = await submit(peerEvaluation, { "s:g0": ["progressing"], "s:working": ["2"], "s:adjust": ["end"] });
    expect(peerEvaluated.text).toContain(t("evaluation.next.end"));
    const endFromEvaluation = peerEvaluated.buttons.find((id) => decodeCustomId(id)?.command.type === "pairing.end");
    if (!endFromEvaluation) throw new Error("no End button after 'adjust → end'");
    const beforeEndPress = await stateDigest(tdb.db);
    const endForm = await press(b, endFromEvaluation);
    expect(endForm.type).toBe(InteractionResponseType.Modal);
    expect((endForm.modal as ModalData).title).toBe(t("end.form.title"));
    expect(await stateDigest(tdb.db)).toBe(beforeEndPress);

    // A trio member ends politely and asks for a new peer: End pairing under their status, as people press it.
    const leaver = trio.users.includes(EKO) ? EKO : (trio.users[2] as string);
    const stay = trio.users.filter((u) => u !== leaver);
    const status = await slash(leaver, "status", {}, { channelId: trioThread });
    const endButton = status.buttons.find((id) => decodeCustomId(id)?.command.type === "pairing.end");
    if (!endButton) throw new Error("no End pairing button under the status");
    const beforeEnd = await stateDigest(tdb.db);
    const end = await press(leaver, endButton);
    expect(end.type).toBe(InteractionResponseType.Modal);
    expect(await stateDigest(tdb.db)).toBe(beforeEnd);
    expect((end.modal as ModalData).title).toBe(t("end.form.title"));
    const ended = await submit(end, {
      "t:reason": "SECRET-REASON-91c2",
      "b:notAFit": ["no"],
      "t:messageToPartner": "MESSAGE-TO-PEERS",
      "b:rematch": ["yes"],
    });
    expect(ended.text).toContain(t("end.rematchFound"));
    await deliver();
    // The others are told kindly where they talk, with the words meant for them; the reason goes nowhere.
    const trioText = contents(trioThread).join("\n");
    expect(trioText).toContain(t("end.remaining", { name: NAMES[leaver] as string }));
    expect(trioText).toContain("MESSAGE-TO-PEERS");
    expect(restBodies()).not.toContain("SECRET-REASON-91c2");
    expect(restBodies()).not.toContain("PRIVATE-NOTE-7f3a");
    expect(fake.threadMembers(trioThread).sort()).toEqual([APP, ...stay].sort());
    // Re-matched: into the pair, which becomes a trio; added to its thread, and pointed to it by DM.
    const after = await pairings();
    expect(after.find((p) => p.id === pair.id)?.users.sort()).toEqual([a, b, leaver].sort());
    expect(fake.threadMembers(pairThread).sort()).toEqual([APP, a, b, leaver].sort());
    expect(contents(pairThread).join("\n")).toContain(t("intro.joined", { name: NAMES[leaver] as string }));
    expect(fake.messagesIn(`dm-${leaver}`).at(-1)?.content).toContain(`<#${pairThread}>`);
    expect(fake.of("POST", new RegExp(`^/channels/${CHANNEL}/threads$`))).toHaveLength(2);

    // Everything the bot sent was delivered; nothing was sent twice.
    const outbox = await tdb.db.kysely.selectFrom("outbox").select(["status", "idempotency_key"]).execute();
    expect(outbox.filter((r) => r.status !== "sent")).toEqual([]);
    const posted = fake.of("POST", /^\/channels\/[^/]+\/messages$/).filter((c) => c.status === 200);
    const nonces = posted.map((c) => (c.body as { nonce?: string }).nonce);
    expect(new Set(nonces).size).toBe(nonces.length);
  }, 90_000);
});

describe("Discord: the private journal (issue 12)", () => {
  it("a member reads back their own notes with /mentoring notes and the button after saving; escaped, pinging nobody", async () => {
    locale = "en-US";
    await start();
    const dm = { guildId: null, channelId: `dm-${ANI}` };
    const saved = await slash(ANI, "journal", { text: "Ask <@123456789012345678> about @everyone" }, dm);
    expect(saved.text).toContain("Saved to your private journal (1 note)");
    expect(saved.buttons).toHaveLength(1);
    const notes = await slash(ANI, "notes", {}, dm);
    expect(notes.ephemeral.every(Boolean)).toBe(true);
    expect(notes.text).toContain("Your private journal");
    expect(notes.text).toContain("Ask \\<\\@123456789012345678> about \\@everyone");
    // The button under "saved" reads the same notes; someone else reads none of them.
    expect((await press(ANI, saved.buttons[0] as string, dm)).text).toContain("about \\@everyone");
    expect((await slash(BUDI, "notes", {}, { guildId: null, channelId: `dm-${BUDI}` })).text).not.toContain("about");
    expect(restBodies()).not.toContain('"parse":["everyone"');
  });
});

describe.each([
  ["en", "en-US"],
  ["id", "id"],
] as Array<["en" | "id", LocaleString]>)("Discord: issue 13's designed pairs, in %s", (language, loc) => {
  const t = translator(language);
  const USERS = [ANI, BUDI, CITRA, DEWI, EKO, RINA, TONO];

  it("seven intakes written as people write them: the designed pairs are matched together and their intros name the topics", async () => {
    await start();
    locale = loc;
    await slash(OLGA, "setup", { name: "Kopi Sore" });
    await slash(OLGA, "open");
    await deliver();
    const join = buttonIn(CHANNEL, t("round.announce.join", { number: 1 }));
    const userOf = new Map(DESIGNED_INTAKES.map((intake, k) => [intake.name, USERS[k] as string]));
    for (const intake of DESIGNED_INTAKES) {
      const user = userOf.get(intake.name) as string;
      const opened = await press(user, join.customId);
      const saved = await submit(opened, {
        "t:expertise": intake.expertise,
        "t:goals": intake.goals,
        "t:interests": "kopi",
        "t:team": intake.team,
      });
      const next = await press(user, saved.buttons[0] as string);
      const reading = await submit(next, { "s:timezone": ["Asia/Jakarta"], "s:language": [language], "n:partnersWanted": ["1"] });
      // Free text is read back first ("I read: …"); the member confirms it.
      expect(reading.text).toContain(t("review.intro"));
      const confirm = reading.buttons.find((id) => id.startsWith("sb1r:c:")) as string;
      const done = await press(user, confirm);
      expect(done.text).toBe(t("join.done", { number: 1 }));
    }
    expect((await slash(OLGA, "match")).text).toBe(t("match.done", { groups: 3 }));
    await deliver();
    const made = await pairings();
    for (const [a, b] of DESIGNED_PAIRS) {
      const pair = made.find((p) => p.users.includes(userOf.get(a) as string));
      expect(pair?.users.sort()).toEqual([userOf.get(a), userOf.get(b)].sort());
    }
    for (const [k, [a]] of DESIGNED_PAIRS.entries()) {
      const thread = made.find((p) => p.users.includes(userOf.get(a) as string))?.thread as string;
      // Display names in the fake guild are the users' global names (Ani, Budi, ...): the intro reads as written.
      const intro = contents(thread).join("\n");
      for (const reason of DESIGNED_REASONS[language].slice(2 * k, 2 * k + 2)) expect(intro).toContain(reason);
      expect(intro).not.toContain(t("intro.why.fallback"));
    }
  }, 60_000);
});

describe("Discord: issue 13, an organizer adjusts the program's topics", () => {
  it("the topics subcommand with its change option saves; the reply is the organizer's alone", async () => {
    locale = "en-US";
    await start();
    await slash(OLGA, "setup", { name: "Kopi Sore" });
    const saved = await slash(OLGA, "topics", { change: "merge statistik | data analysis" });
    expect(saved.text).toContain(translator("en")("topics.saved"));
    expect(saved.text).toContain("Merged: Statistics is read as Data analysis");
    expect(saved.ephemeral.every(Boolean)).toBe(true);
    const listed = await slash(OLGA, "topics");
    expect(listed.text).toContain("Merged: Statistics is read as Data analysis");
  });
});

describe("Discord: the gateway connection, as readiness sees it", () => {
  it("says the connection dropped when the gateway closes, and that it is back once the session resumes", async () => {
    const seen: boolean[] = [];
    app = await startDiscordApp({
      core: createAppCore({ db: tdb.db, clock }),
      store: platformStore(tdb.db.kysely),
      clock,
      token: TOKEN,
      apiUrl: fake.apiUrl,
      onError: (error) => errors.push(error),
      onConnection: (connected) => seen.push(connected),
    });
    expect(seen).toEqual([]);
    fake.closeShard(0, 4000);
    for (let waited = 0; seen.length < 2 && waited < 10_000; waited += 50) await sleep(50);
    expect(seen).toEqual([false, true]);
  });
});
