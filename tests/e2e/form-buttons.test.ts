/**
 * Every form button the core renders, pressed the way a member presses it:
 * through the real Bolt app (signed HTTP from the fake Slack) and the real
 * discord.js client (INTERACTION_CREATE from the fake Discord). Each press
 * must open its form and change nothing: no pairing ended, no check-in, no
 * evaluation, no message queued. The buttons are collected from what the
 * core actually sent (outbox rows) and answered (status, home, the
 * evaluation's "adjust → end"), and the test checks that every kind of form
 * was among them, so a new form button cannot slip past it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DiscordApp, startDiscordApp } from "../../src/adapters/discord/app";
import { renderMessage as renderDiscord } from "../../src/adapters/discord/render";
import { renderMessage as renderSlack } from "../../src/adapters/slack/render";
import { createAppCore, platformStore } from "../../src/app";
import { answerSchemas, type FormRequest } from "../../src/core/commands/command";
import type { Core } from "../../src/core/core";
import type { Platform } from "../../src/core/domain";
import type { Button, Message, Reply } from "../../src/core/messages/message";
import { ManualClock } from "../../src/core/time/clock";
import { actions, message } from "../../src/core/views/blocks";
import { runDueJobs } from "../../src/scheduler/run-due-jobs";
import { botMessage, defaultGuild, defaultUsers, FAKE_IDS, FakeDiscord } from "../support/fake-discord";
import { FakeSlack } from "../support/fake-slack";
import { START, submit } from "../support/harness";
import { PROGRAM_CHANNEL, SlackDriver, TEAM, until } from "../support/slack-driver";
import { stateDigest } from "../support/state-digest";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();

/** Who presses a button, and where it sits: the program channel, or a conversation of the presser's. */
interface Pressable {
  button: Button & { action: { kind: "form"; request: FormRequest } };
  presser: string;
  inChannel: boolean;
  from: string;
}

const isFormButton = (b: unknown): b is Pressable["button"] =>
  typeof b === "object" && b !== null && (b as Button).type === "button" && (b as Button).action?.kind === "form";

function formButtonsOf(m: Message): Array<Pressable["button"]> {
  return m.blocks.flatMap((b) => (b.type === "actions" ? b.elements.filter(isFormButton) : []));
}

/**
 * The core's side of a program, driven directly, with each form-bearing message collected
 * as its members would see it. `press` is called as soon as a batch of buttons exists (the
 * join button only works while sign-ups are open).
 */
async function playProgram(
  core: Core,
  clock: ManualClock,
  platform: Platform,
  tenantId: string,
  space: string,
  users: { olga: string; ani: string; budi: string; citra: string },
  channel: string,
  press: (found: Pressable[]) => Promise<void>,
): Promise<Set<string>> {
  const pressed = new Set<string>();
  const as = (user: string, command: Record<string, unknown>, where?: string): Promise<Reply> =>
    core.execute({
      actor: { platform, tenantId, space, userId: user, displayName: user, locale: "en-US", isAdmin: user === users.olga },
      ...(where ? { channelId: where } : {}),
      command,
    });
  const seen = new Set<number>();
  /** Form buttons of outbox rows not collected yet, each pressed by someone it reaches. */
  const fromOutbox = async (presserOf: (row: { audience_kind: string; member: string | null }) => string) => {
    const rows = await tdb.db.kysely
      .selectFrom("outbox as o")
      .leftJoin("members as m", "m.id", "o.member_id")
      .select(["o.id", "o.audience_kind", "o.message", "o.idempotency_key", "m.external_id as member"])
      .orderBy("o.id")
      .execute();
    const found: Pressable[] = [];
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      for (const button of formButtonsOf(row.message as Message)) {
        found.push({ button, presser: presserOf(row), inChannel: row.audience_kind === "channel", from: row.idempotency_key });
      }
    }
    return found;
  };
  const fromReply = (reply: Reply, presser: string, from: string, inChannel = false): Pressable[] =>
    reply.messages.flatMap(formButtonsOf).map((button) => ({ button, presser, inChannel, from }));
  const pressAll = async (found: Pressable[]) => {
    await press(found);
    for (const p of found) pressed.add(p.button.action.request.type);
  };

  await as(users.olga, { type: "program.setup", name: "Kopi", language: "en" }, channel);
  await as(users.olga, { type: "round.open" }, channel);
  const intake = (team: string) => ({ expertise: "SQL", goals: "design", team, timezone: "Asia/Jakarta", language: "en" });
  await as(users.ani, submit({ type: "round.join" }, intake("Data")), channel);
  await as(users.budi, submit({ type: "round.join" }, { ...intake("Ops"), expertise: "design", goals: "SQL" }), channel);
  // Sign-ups are open: the announcement's and the welcome's Join, pressed by someone who has not joined.
  await pressAll([
    ...(await fromOutbox(() => users.citra)),
    ...fromReply(await as(users.citra, { type: "welcome" }, channel), users.citra, "welcome", true),
  ]);

  await as(users.olga, { type: "round.match" }, channel);
  const pairing = await tdb.db.kysely.selectFrom("pairings").select(["id", "created_at"]).executeTakeFirstOrThrow();
  await as(
    users.ani,
    submit({ type: "cadence.propose", pairingId: pairing.id }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
  );
  // The intro's "propose a schedule" and the proposal's counter-proposal, before it is confirmed.
  await pressAll(await fromOutbox(() => users.budi));
  await as(users.budi, { type: "cadence.confirm", pairingId: pairing.id });

  // After session 1 (Wednesday 2 December, 10.00 WIB): the check-in prompt.
  clock.set(new Date("2026-12-02T05:00:00Z"));
  await runDueJobs(tdb.db.kysely, clock, { worker: "test", random: () => 0.5 });
  // "We rescheduled" asks for the new time: its reply carries the button that opens the move form.
  const first = await tdb.db.kysely.selectFrom("sessions").select("id").where("number", "=", 1).executeTakeFirstOrThrow();
  const rescheduled = await as(users.ani, { type: "checkin", sessionId: first.id, outcome: "rescheduled" });
  // Two weeks in: the evaluation prompt.
  clock.set(new Date(pairing.created_at.getTime() + 14 * 86_400_000 + 60_000));
  await runDueJobs(tdb.db.kysely, clock, { worker: "test", random: () => 0.5 });
  await pressAll(await fromOutbox((row) => row.member ?? users.budi));

  // What a member is answered: their status, their home, their profile, and the evaluation's "adjust → end".
  const evaluated = await as(
    users.ani,
    submit({ type: "evaluation.submit", pairingId: pairing.id, number: 1 }, { g0: "progressing", working: 3, adjust: "end" }),
  );
  await pressAll([
    ...fromReply(await as(users.ani, { type: "status" }), users.ani, "status"),
    ...fromReply(await as(users.ani, { type: "home" }), users.ani, "home"),
    ...fromReply(await as(users.ani, { type: "profile.show" }), users.ani, "profile"),
    ...fromReply(evaluated, users.ani, "evaluation: adjust → end"),
    ...fromReply(rescheduled, users.ani, "we rescheduled"),
  ]);
  // Leaving offers to erase (issue 16): the reply's button opens the forget-me form.
  await pressAll(fromReply(await as(users.budi, { type: "round.leave", confirm: true }), users.budi, "leave"));
  return pressed;
}

const EVERY_FORM = Object.keys(answerSchemas).sort();

describe("Slack: every form button opens its form and changes nothing", () => {
  const slack = new FakeSlack();
  const driver = new SlackDriver(slack, () => tdb.db);
  beforeAll(() => slack.start());
  afterAll(() => slack.stop());
  afterEach(() => driver.stop());

  it("through the real Bolt app, in the channel or in the member's conversation", async () => {
    await driver.start();
    const core = createAppCore({ db: tdb.db, clock: driver.clock });
    const users = { olga: "U-OLGA", ani: "U-ANI", budi: "U-BUDI", citra: "U-CITRA" };
    const pressed = await playProgram(core, driver.clock, "slack", TEAM, TEAM, users, PROGRAM_CHANNEL.id, async (found) => {
      for (const p of found) {
        const rendered = renderSlack(message(actions(p.button)));
        const element = rendered.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []))[0];
        if (element?.type !== "button") throw new Error("expected a button");
        const before = await stateDigest(tdb.db);
        const opened = slack.of("views.open").length;
        const { status } = await driver.press(
          p.presser,
          { action_id: element.action_id as string, value: element.value as string },
          p.inChannel ? { channel: PROGRAM_CHANNEL } : {},
        );
        expect(status, `${p.from}: ${p.button.label}`).toBe(200);
        await until(() => slack.of("views.open").length === opened + 1, `the form of "${p.button.label}" (${p.from})`);
        const view = driver.lastView();
        // The modal is about what the button named, and nothing was done.
        const sealed = JSON.parse(view.private_metadata.split(".").slice(2).join(".")) as { request: unknown };
        expect(sealed.request, p.from).toEqual(p.button.action.request);
        expect(view.blocks.length, p.from).toBeGreaterThan(0);
        expect(await stateDigest(tdb.db), `${p.from}: ${p.button.label}`).toBe(before);
        // A double click is a different press 10 s later.
        driver.clock.advance(11_000);
      }
    });
    expect([...pressed].sort()).toEqual(EVERY_FORM);
  }, 120_000);
});

describe("Discord: every form button opens its form and changes nothing", () => {
  let fake: FakeDiscord;
  let app: DiscordApp | null = null;
  const errors: unknown[] = [];
  afterEach(async () => {
    await app?.stop();
    app = null;
    await fake.stop();
    expect(errors).toEqual([]);
  });

  it("through the real discord.js client, in the program channel or in a DM", async () => {
    const users = {
      olga: FAKE_IDS.owner,
      ani: "1400000000000000011",
      budi: "1400000000000000012",
      citra: "1400000000000000013",
    };
    const guild = defaultGuild();
    fake = new FakeDiscord({
      token: "fake-bot-token",
      guilds: [{ ...guild, members: [users.ani, users.budi, users.citra] }],
      users: [
        ...defaultUsers(),
        ...[users.ani, users.budi, users.citra].map((id, i) => ({ id, username: `m${i}`, globalName: `M${i}` })),
      ],
    });
    await fake.start();
    const clock = new ManualClock(START);
    const core = createAppCore({ db: tdb.db, clock });
    app = await startDiscordApp({
      core,
      store: platformStore(tdb.db.kysely),
      clock,
      token: "fake-bot-token",
      apiUrl: fake.apiUrl,
      onError: (error) => errors.push(error),
    });
    let messageId = 9_000_000_000_000_000n;
    const pressed = await playProgram(
      core,
      clock,
      "discord",
      FAKE_IDS.application,
      FAKE_IDS.guild,
      users,
      FAKE_IDS.programChannel,
      async (found) => {
        for (const p of found) {
          const [payload] = renderDiscord(message(actions(p.button)));
          const customId = (payload?.components?.[0]?.components[0] as { custom_id?: string } | undefined)?.custom_id;
          if (!customId) throw new Error("expected a button");
          const channelId = p.inChannel ? FAKE_IDS.programChannel : `dm-${p.presser}`;
          // The message the button sits on, as Discord would send it with the press.
          const onMessage = botMessage({
            id: String(messageId++),
            channelId,
            components: payload?.components ?? [],
            at: clock.now(),
          });
          const before = await stateDigest(tdb.db);
          const interaction = fake.buttonPress({
            user: p.presser,
            customId,
            message: onMessage,
            guildId: p.inChannel ? guild.id : null,
            channelId,
            locale: "en-US",
          });
          await fake.interact(interaction);
          const modal = fake.modalShown(interaction.id);
          expect(modal, `${p.from}: ${p.button.label}`).toBeDefined();
          expect(modal?.components.length, p.from).toBeGreaterThan(0);
          expect(await stateDigest(tdb.db), `${p.from}: ${p.button.label}`).toBe(before);
          clock.advance(11_000);
        }
      },
    );
    expect([...pressed].sort()).toEqual(EVERY_FORM);
  }, 120_000);
});
