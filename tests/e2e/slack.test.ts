/**
 * The real Bolt app in HTTP mode on 127.0.0.1, fed signed Slack requests
 * (slash commands, block_actions, view_submission), talking to a fake Slack
 * Web API through slackApiUrl; delivery through the real dispatcher and the
 * Slack sender. Runs on both databases.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAppCore } from "../../src/app";
import type { Core } from "../../src/core/core";
import { FakeSlack } from "../support/fake-slack";
import { submit as formSubmit } from "../support/harness";
import { buttonsOf, PROGRAM_CHANNEL, SlackDriver, TEAM, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const slack = new FakeSlack();
const driver = new SlackDriver(slack, () => tdb.db);
const CHANNEL = PROGRAM_CHANNEL;

beforeAll(async () => {
  await slack.start();
});
afterAll(async () => {
  await slack.stop();
});
afterEach(async () => {
  await driver.stop();
});

const start = () => driver.start();
const slash = (user: string, text: string, channel = CHANNEL, opts: { ts?: number; secret?: string } = {}) =>
  driver.slash(user, text, channel, opts).then((r) => r.status);
const interaction = (payload: Record<string, unknown>) => driver.interaction(payload).then((r) => r.status);
const press = (user: string, pressed: { action_id: string; value: string }, channel: typeof CHANNEL | null = CHANNEL) =>
  driver.press(user, pressed, channel ? { channel } : {}).then((r) => r.status);
const submit = (user: string, view: { private_metadata: string }, values: Record<string, unknown>) =>
  driver.submit(user, { ...view, title: { text: "" }, blocks: [] }, values).then((r) => r.status);
const responded = () => driver.responded();
const lastText = () => JSON.stringify(responded().at(-1)?.args ?? {});
const deliver = () => driver.deliver();
let responses = 1000;

const intake = (team: string) => ({
  expertise: { v: { type: "plain_text_input", value: "SQL" } },
  goals: { v: { type: "plain_text_input", value: "public speaking" } },
  interests: { v: { type: "plain_text_input", value: "kopi" } },
  team: { v: { type: "plain_text_input", value: team } },
  timezone: { v: { type: "static_select", selected_option: { value: "Asia/Jakarta" } } },
  language: { v: { type: "static_select", selected_option: { value: "en" } } },
  partnersWanted: { v: { type: "number_input", value: "1" } },
});

describe("Slack over HTTP", () => {
  it("refuses a wrong signature or a stale timestamp with 401, and changes nothing", async () => {
    await start();
    expect(await slash("U-OLGA", "setup Kopi", CHANNEL, { secret: "not-the-secret" })).toBe(401);
    expect(await slash("U-OLGA", "setup Kopi", CHANNEL, { ts: Math.floor(Date.now() / 1000) - 600 })).toBe(401);
    const programs = await tdb.db.kysely.selectFrom("programs").select("id").execute();
    expect(programs).toEqual([]);
    // Only Bolt's own auth.test at start: no reply, no DM, no modal.
    expect(slack.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
  });

  it("a field the core would refuse is shown beside it in the modal still open; nothing is stored, and corrected it goes through", async () => {
    await start();
    slack.users.set("U-ANI", { real_name: "Ani", locale: "en-US" });
    await slash("U-OLGA", "setup Kopi");
    await until(() => responded().length === 1, "the setup reply");
    await slash("U-OLGA", "open");
    await until(() => responded().length === 2, "the open reply");
    await slash("U-ANI", "join");
    await until(() => slack.of("views.open").length === 1, "the intake modal");
    const view = driver.lastView();
    // Eleven things to share: the core takes at most ten, and says so beside the field.
    const tooMany = Array.from({ length: 11 }, (_, i) => `topic ${i}`).join(", ");
    const values = driver.fill(view, { expertise: tooMany, goals: "public speaking", team: "Data" });
    const refused = await driver.submit("U-ANI", view, values);
    expect(refused.status).toBe(200);
    const answer = JSON.parse(refused.body) as { response_action?: string; errors?: Record<string, string> };
    expect(answer.response_action).toBe("errors");
    expect(Object.keys(answer.errors ?? {})).toEqual(["expertise"]);
    expect(answer.errors?.expertise).toMatch(/10/);
    expect(await tdb.db.kysely.selectFrom("enrollments").select("id").execute()).toEqual([]);
    // Corrected in the same modal, it closes and the member is in.
    const fixed = await driver.submit(
      "U-ANI",
      view,
      driver.fill(view, { expertise: "SQL", goals: "public speaking", team: "Data" }),
    );
    expect(fixed.body).not.toContain("errors");
    await until(() => slack.of("chat.postMessage").some((c) => JSON.stringify(c.args).includes("You’re in round 1!")), "joined");
  });

  it("runs a program: setup, announcement, join through the modal, match, the intro in one group DM", async () => {
    await start();
    expect(await slash("U-OLGA", "setup Kopi Belajar")).toBe(200);
    await until(() => responded().length === 1, "the setup reply");
    expect(lastText()).toContain("Program mentoring “Kopi Belajar” sudah disiapkan");
    expect(responded()[0]?.args.response_type).toBe("ephemeral");

    await slash("U-OLGA", "open");
    await until(() => responded().length === 2, "the open reply");
    await deliver();
    const announcement = slack.of("chat.postMessage").find((c) => c.args.channel === CHANNEL.id);
    expect(JSON.stringify(announcement?.args.blocks)).toContain("Putaran 1 mentoring sebaya dibuka!");
    const join = (
      (announcement?.args.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    ).find((b) => b.type === "actions")?.elements?.[0];
    if (!join) throw new Error("no join button");

    for (const [user, team] of [
      ["U-ANI", "Data"],
      ["U-BUDI", "Ops"],
    ] as const) {
      const before = slack.of("views.open").length;
      await press(user, join);
      await until(() => slack.of("views.open").length === before + 1, "the intake modal");
      const opened = slack.of("views.open").at(-1);
      expect(opened?.args.trigger_id).toBe(`trigger-${user}`);
      const view = opened?.args.view as { private_metadata: string; title: { text: string } };
      expect(view.title.text).toBe("Ikut mentoring sebaya");
      const dms = slack.of("chat.postMessage").length;
      expect(await submit(user, view, intake(team))).toBe(200);
      await until(() => slack.of("chat.postMessage").length === dms + 1, "the join confirmation");
      expect(JSON.stringify(slack.of("chat.postMessage").at(-1)?.args)).toContain("You’re in round 1!");
      expect(slack.of("chat.postMessage").at(-1)?.args.channel).toBe(user);
    }
    const enrolled = await tdb.db.kysely.selectFrom("enrollments").select("id").execute();
    expect(enrolled).toHaveLength(2);

    await slash("U-OLGA", "match");
    await until(() => responded().length === 3, "the match reply");
    await deliver();
    const open = slack.of("conversations.open").find((c) => String(c.args.users).includes(","));
    expect(String(open?.args.users).split(",").sort()).toEqual(["U-ANI", "U-BUDI"]);
    const intro = slack.of("chat.postMessage").find((c) => String(c.args.channel).startsWith("G-"));
    expect(JSON.stringify(intro?.args.blocks)).toContain("Meet your mentoring peer!");
    const sent = await tdb.db.kysely.selectFrom("outbox").select(["status", "platform_message_id"]).execute();
    expect(sent.every((r) => r.status === "sent" && r.platform_message_id?.includes(":1700000000."))).toBe(true);
  });

  it("publishes App Home on app_home_opened: the member's own status and journal, once per event", async () => {
    await start();
    const homeOpened = { type: "app_home_opened", user: "U-ANI", tab: "home", channel: "D1" };
    const response = await driver.event(homeOpened, "Ev1");
    expect(response.status).toBe(200);
    await until(() => slack.of("views.publish").length === 1, "the home view");
    const published = slack.of("views.publish")[0]?.args as { user_id: string; view: { type: string; blocks: unknown[] } };
    expect(published.user_id).toBe("U-ANI");
    expect(published.view.type).toBe("home");
    expect(published.view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(published.view.blocks)).toContain("Status mentoring Anda");
    expect(JSON.stringify(published.view.blocks)).toContain("Catatan pribadi Anda");
    // Slack retries the same event (same event_id): nothing is done twice.
    const retry = await driver.event(homeOpened, "Ev1", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(retry.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.of("views.publish")).toHaveLength(1);
  });

  it("an answered question in a DM loses its buttons; a second press changes nothing", async () => {
    await start();
    const clock = driver.clock;
    const core = createAppCore({ db: tdb.db, clock });
    const as = (user: string, command: Record<string, unknown>, channelId?: string) =>
      core.execute({
        actor: { platform: "slack", tenantId: TEAM, space: TEAM, userId: user, displayName: user, isAdmin: user === "U-OLGA" },
        channelId,
        command,
      });
    await as("U-OLGA", { type: "program.setup", name: "Kopi", language: "en" }, CHANNEL.id);
    await as("U-OLGA", { type: "round.open" }, CHANNEL.id);
    for (const user of ["U-ANI", "U-BUDI"]) {
      const intake = {
        expertise: ["SQL"],
        goals: ["design"],
        interests: ["kopi"],
        team: user,
        timezone: "Asia/Jakarta",
        language: "en",
        partnersWanted: 1,
      };
      await as(user, formSubmit({ type: "round.join" }, { ...intake }), CHANNEL.id);
    }
    await as("U-OLGA", { type: "round.match" }, CHANNEL.id);
    const pairing = await tdb.db.kysely.selectFrom("pairings").select("id").executeTakeFirstOrThrow();
    await as(
      "U-ANI",
      formSubmit({ type: "cadence.propose", pairingId: pairing.id }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
    );
    await as("U-BUDI", { type: "cadence.confirm", pairingId: pairing.id });
    const session = await tdb.db.kysely.selectFrom("sessions").select("id").executeTakeFirstOrThrow();
    clock.set(new Date("2026-12-02T05:00:00Z"));

    const dm = { id: "D-U-ANI", name: "directmessage" };
    const notMet = {
      action_id: "sebaya:2",
      value: JSON.stringify({ type: "checkin", sessionId: session.id, outcome: "not_met" }),
    };
    const original = [
      { type: "section", text: { type: "mrkdwn", text: "A gentle reminder: how did session 1 go?" } },
      { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "We didn’t meet" }, ...notMet }] },
    ];
    const pressInDm = () =>
      interaction({
        type: "block_actions",
        team: { id: TEAM },
        user: { id: "U-ANI", name: "ani", team_id: TEAM },
        channel: dm,
        message: { ts: "1700000000.000001", blocks: original },
        trigger_id: "trigger-ani",
        response_url: `${slack.url}respond/${++responses}`,
        actions: [{ type: "button", ...notMet, block_id: "b", action_ts: "1" }],
      });
    await pressInDm();
    await until(() => slack.of("chat.update").length === 1, "the settled message");
    const update = slack.of("chat.update")[0]?.args as { channel: string; ts: string; blocks: Array<{ type: string }> };
    expect(update.channel).toBe(dm.id);
    expect(update.ts).toBe("1700000000.000001");
    expect(update.blocks.map((b) => b.type)).toEqual(["section", "context"]);
    expect(JSON.stringify(update.blocks[1])).toContain("✓ Noted; it happens.");
    // A double click (the same button on the same message within seconds) is the same press: nothing at all.
    const before = responded().length;
    await pressInDm();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(responded()).toHaveLength(before);
    // Pressed again later (an old message still showing the button): refused, and nothing settles again.
    clock.advance(60_000);
    await pressInDm();
    await until(() => responded().length === before + 1, "the refusal");
    expect(lastText()).toContain("already");
    expect(slack.of("chat.update")).toHaveLength(1);
    expect(await tdb.db.kysely.selectFrom("check_ins").select("member_id").execute()).toHaveLength(1);
  });

  it("answers unknown input with the help, ephemerally", async () => {
    await start();
    await slash("U-ANI", "frobnicate");
    await until(() => responded().length === 2, "the refusal and the help");
    expect(JSON.stringify(responded()[0]?.args)).toContain("Saya belum paham perintah itu.");
    expect(lastText()).toContain("/mentoring join");
    expect(responded().every((r) => r.args.response_type === "ephemeral")).toBe(true);
    expect(await tdb.db.kysely.selectFrom("members").select("id").execute()).toEqual([]);
  });

  it("maps Slack's answers for delivery: cannot_dm_bot falls back to the channel, 429 waits for Retry-After", async () => {
    await start();
    await slash("U-OLGA", "setup Kopi");
    await until(() => responded().length === 1, "the setup reply");
    const [program] = await tdb.db.kysely.selectFrom("programs").select(["id", "tenant_id"]).execute();
    const member = await tdb.db.kysely.selectFrom("members").select("id").executeTakeFirstOrThrow();
    await tdb.db.kysely
      .insertInto("outbox")
      .values([
        {
          tenant_id: program?.tenant_id as string,
          idempotency_key: "dm-to-olga",
          audience_kind: "member",
          member_id: member.id,
          message: JSON.stringify({ blocks: [{ type: "text", text: "hello" }] }),
          created_at: driver.clock.now(),
          available_at: driver.clock.now(),
          context_program_id: program?.id as string,
        },
        {
          tenant_id: program?.tenant_id as string,
          idempotency_key: "to-channel",
          audience_kind: "channel",
          program_id: program?.id as string,
          message: JSON.stringify({ blocks: [{ type: "text", text: "news" }] }),
          created_at: driver.clock.now(),
          available_at: driver.clock.now(),
          context_program_id: program?.id as string,
        },
      ])
      .execute();
    slack.script.set("chat.postMessage", [{ status: 429, retryAfter: 7 }]);
    await deliver();
    const rows = await tdb.db.kysely.selectFrom("outbox").selectAll().orderBy("id").execute();
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
    // The DM's post hit the 429: it waits the 7 s Slack asked for; the channel (another conversation) goes on.
    expect(byKey.get("dm-to-olga")?.available_at.getTime()).toBe(driver.clock.now().getTime() + 7_000);
    expect(byKey.get("to-channel")?.status).toBe("sent");
    // Then Slack says the member does not take DMs from the bot.
    slack.script.set("chat.postMessage", [{ error: "cannot_dm_bot" }]);
    driver.clock.advance(7_000);
    await deliver();
    const after = new Map((await tdb.db.kysely.selectFrom("outbox").selectAll().execute()).map((r) => [r.idempotency_key, r]));
    expect(after.get("dm-to-olga")?.status).toBe("failed");
    expect(after.get("dm-to-olga")?.last_error).toContain("dm-closed");
    const mention = [...after.values()].find((r) => r.idempotency_key.startsWith("dm-closed:"));
    expect(mention?.status).toBe("sent");
    expect(after.get("to-channel")?.status).toBe("sent");
  });

  it("acknowledges within 3 s even when the core is slow, and answers when the work is done", async () => {
    const SLOW_MS = 3_500;
    const slowCore = (core: Core): Core => ({
      ...core,
      suggestTopics: (query) => core.suggestTopics(query),
      topicHints: (query) => core.topicHints(query),
      execute: async (envelope) => {
        await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
        return core.execute(envelope);
      },
    });
    await driver.start(slowCore);
    const { status, ms } = await driver.slash("U-OLGA", "setup Kopi");
    expect(status).toBe(200);
    expect(ms).toBeLessThan(1_000);
    expect(driver.responded()).toHaveLength(0);
    await until(() => driver.responded().length === 1, "the reply after the slow work");
    expect(JSON.stringify(driver.responded()[0]?.args)).toContain("Kopi");
  });

  it("when the modal's trigger expired (slow work), offers a button that opens the same form", async () => {
    await driver.start();
    slack.script.set("views.open", [{ error: "expired_trigger_id" }]);
    await driver.slash("U-OLGA", "setup Kopi");
    await until(() => driver.responded().length === 1, "the setup reply");
    await driver.slash("U-OLGA", "open");
    await until(() => driver.responded().length === 2, "the open reply");
    await driver.slash("U-ANI", "join");
    await until(() => driver.responded().length === 3, "the fallback button");
    const fallback = driver.responded()[2];
    const offered = buttonsOf(fallback)[0];
    expect(offered?.text?.text).toBe("Ikut mentoring sebaya");
    // Pressed where it was offered (the ephemeral answer sits in the program channel), it opens the intake with a fresh trigger.
    if (!offered) throw new Error("no button offered");
    await driver.press("U-ANI", offered, { channel: CHANNEL });
    await until(() => slack.of("views.open").length === 2, "the intake modal");
    expect(driver.lastView().title.text).toBe("Ikut mentoring sebaya");
  });

  it("ignores the bot's own member_joined_channel and channels that run no program", async () => {
    await driver.start();
    await driver.slash("U-OLGA", "setup Kopi");
    await until(() => driver.responded().length === 1, "the setup reply");
    await driver.event({ type: "member_joined_channel", user: "U_SEBAYA", channel: CHANNEL.id, team: TEAM }, "Ev-bot");
    await driver.event({ type: "member_joined_channel", user: "U-NINA", channel: "C-RANDOM", team: TEAM }, "Ev-random");
    await driver.event({ type: "member_joined_channel", user: "U-NINA", channel: CHANNEL.id, team: TEAM }, "Ev-nina");
    await until(() => slack.of("chat.postEphemeral").length === 1, "the welcome");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const welcomes = slack.of("chat.postEphemeral");
    expect(welcomes.map((c) => [c.args.user, c.args.channel])).toEqual([["U-NINA", CHANNEL.id]]);
    expect(JSON.stringify(welcomes[0]?.args)).toContain("Kopi");
  });

  it("workspace admins may organize any program; other members get a polite refusal", async () => {
    await driver.start();
    slack.users.set("U-BOSS", { real_name: "Bos", is_admin: true, locale: "en-US" });
    slack.users.set("U-ANI", { real_name: "Ani", locale: "en-US" });
    await driver.slash("U-OLGA", "setup Kopi");
    await until(() => driver.responded().length === 1, "the setup reply");
    await driver.slash("U-ANI", "open");
    await until(() => driver.responded().length === 2, "the refusal");
    expect(JSON.stringify(driver.responded()[1]?.args)).toContain("Only the program’s organizers can do that.");
    await driver.slash("U-BOSS", "open");
    await until(() => driver.responded().length === 3, "the admin's reply");
    expect(JSON.stringify(driver.responded()[2]?.args)).toContain("Round 1 is open");
    expect(await tdb.db.kysely.selectFrom("rounds").select("number").execute()).toEqual([{ number: 1 }]);
  });
});
