/**
 * A member who writes platform markup (mentions, @channel/@everyone, channel
 * links, labelled links) into their display name, intake answers, team and
 * the words they leave a partner when ending, and an organizer who puts it in
 * the program's name: through the real Slack (Bolt) and Discord (discord.js)
 * adapters against the fakes, everything the bots send carries that text only
 * escaped. The only mentions are the core's own (a new organizer; a member
 * whose DMs are closed), and on Discord only those users may be notified,
 * never a role, @everyone or @here.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { ApplicationCommandOptionType } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DiscordApp, startDiscordApp } from "../../src/adapters/discord/app";
import { discordSender } from "../../src/adapters/discord/sender";
import { createAppCore, platformStore } from "../../src/app";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { Dispatcher } from "../../src/delivery/dispatcher";
import { PLATFORM_LIMITS, RateLimits } from "../../src/delivery/rate-limits";
import {
  defaultGuild,
  defaultUsers,
  FAKE_IDS,
  FakeDiscord,
  type FakeInteraction,
  type OptionInput,
  type RestCall,
} from "../support/fake-discord";
import { FakeSlack, type SlackCall } from "../support/fake-slack";
import { START } from "../support/harness";
import { button, SlackDriver, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();

/** Inserts a DM for a member straight into the outbox: the dispatcher will try it. */
async function dmTo(externalId: string, key: string, at: Date): Promise<void> {
  const member = await tdb.db.kysely
    .selectFrom("members")
    .select(["id", "tenant_id"])
    .where("external_id", "=", externalId)
    .executeTakeFirstOrThrow();
  const program = await tdb.db.kysely.selectFrom("programs").select("id").executeTakeFirstOrThrow();
  await tdb.db.kysely
    .insertInto("outbox")
    .values({
      tenant_id: member.tenant_id,
      idempotency_key: key,
      audience_kind: "member",
      member_id: member.id,
      message: JSON.stringify({ blocks: [{ type: "text", text: "a private update" }] }),
      created_at: at,
      available_at: at,
      context_program_id: program.id,
    })
    .execute();
}

describe("Slack", () => {
  const slack = new FakeSlack();
  const driver = new SlackDriver(slack, () => tdb.db);
  beforeAll(async () => {
    await slack.start();
  });
  afterAll(async () => {
    await slack.stop();
  });
  afterEach(async () => {
    await driver.stop();
  });

  const EVE = "U-EVE";
  const BUDI = "U-BUDI";
  const OLGA = "U-OLGA";
  const LINK = "<https://evil.example/reset|Reset your password>";

  /**
   * Every text Slack reads as markup in a call: the fallback `text` (notifications) and the mrkdwn
   * objects, with their `verbatim`; plain_text is never parsed.
   */
  function markup(call: SlackCall): Array<{ text: string; mrkdwn?: { verbatim?: unknown } }> {
    const out: Array<{ text: string; mrkdwn?: { verbatim?: unknown } }> = [];
    if (typeof call.args.text === "string") out.push({ text: call.args.text });
    const walk = (v: unknown) => {
      if (Array.isArray(v)) for (const x of v) walk(x);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (o.type === "mrkdwn" && typeof o.text === "string") out.push({ text: o.text, mrkdwn: { verbatim: o.verbatim } });
        else for (const x of Object.values(o)) walk(x);
      }
    };
    walk(call.args.blocks);
    walk(call.args.view);
    return out;
  }

  it("carries member text only escaped; the core's mentions alone are mentions", async () => {
    await driver.start();
    const locale = "en-US";
    slack.users.set(OLGA, { real_name: "Olga", tz: "Asia/Jakarta", locale, is_admin: true });
    slack.users.set(EVE, { real_name: `Eve <@U-VICTIM> <!channel> ${LINK}`, tz: "Asia/Jakarta", locale });
    slack.users.set(BUDI, { real_name: "Budi", tz: "Asia/Jakarta", locale });

    // Each command is answered before the next: Bolt handles them after acknowledging, in any order.
    await driver.slash(OLGA, "setup Kopi <!here> <#C-OTHER>");
    await until(() => driver.responded().length === 1, "the setup");
    await driver.slash(OLGA, "open");
    await until(() => driver.responded().length === 2, "the open");
    await driver.deliver();
    const join = button(driver.posted("C-MENTORING")[0], translator("en")("round.announce.join", { number: 1 }));

    const intake: Record<string, Record<string, string>> = {
      [EVE]: {
        expertise: "SQL <!channel>",
        goals: "public speaking <@U-VICTIM>",
        interests: "kopi <#C-OTHER>",
        team: `Data <!subteam^S0LEADS|@leads> ${LINK}`,
      },
      [BUDI]: { expertise: "public speaking", goals: "SQL", interests: "kopi", team: "Ops" },
    };
    for (const user of [EVE, BUDI]) {
      const opened = slack.of("views.open").length;
      await driver.press(user, join, { channel: { id: "C-MENTORING", name: "mentoring" } });
      await until(() => slack.of("views.open").length === opened + 1, `the intake for ${user}`);
      const view = driver.lastView();
      const posts = slack.of("chat.postMessage").length;
      await driver.submit(user, view, driver.fill(view, intake[user] as Record<string, string>));
      await until(() => slack.of("chat.postMessage").length === posts + 1, `the join confirmation for ${user}`);
      if (user !== EVE) continue;
      // Eve's marked-up answers are read back before they are saved (escaped like any text): she confirms.
      const reading = slack.of("chat.postMessage").at(-1);
      expect(JSON.stringify(reading?.args)).not.toMatch(/<!channel>|<@U-VICTIM>/);
      const answered = driver.responded().length;
      await driver.press(user, button(reading, translator("en")("review.confirm")), { message: reading });
      await until(() => driver.responded().length === answered + 1, "the join confirmation for Eve");
    }

    // Counted from here: Eve's confirmation was answered through the same response URLs.
    const answered = driver.responded().length;
    await driver.slash(OLGA, "match");
    await until(() => driver.responded().length === answered + 1, "the match reply");
    await driver.deliver();
    const intro = driver.posted(`G-${[BUDI, EVE].sort().join("-")}`)[0];
    expect(intro, "the intro in the pair's group DM").toBeDefined();
    const introText = JSON.stringify(intro?.args);
    // The member's words arrived, escaped: in the names, goals, expertise, team and program name.
    for (const escaped of ["Eve &lt;@U-VICTIM&gt; &lt;!channel&gt;", "&lt;@U-VICTIM&gt;", "Kopi &lt;!here&gt; &lt;#C-OTHER&gt;"])
      expect(introText).toContain(escaped);
    expect(String(intro?.args.text)).toContain("&lt;!here&gt;");

    // Eve ends the pairing and leaves Budi words with markup in them.
    const endOpened = slack.of("views.open").length;
    await driver.slash(EVE, "end", { id: `D-${EVE}`, name: "directmessage" });
    await until(() => slack.of("views.open").length === endOpened + 1, "the end modal");
    const end = driver.lastView();
    const toEve = () => slack.of("chat.postMessage").filter((c) => c.args.channel === EVE).length;
    const before = toEve();
    await driver.submit(
      EVE,
      end,
      driver.fill(end, { messageToPartner: `Thanks! <@U-VICTIM> <!channel> <!everyone> ${LINK}`, notAFit: "no", rematch: false }),
    );
    await until(() => toEve() === before + 1, "the ending reply");
    await driver.deliver();
    const told = driver.posted(`D-${BUDI}`).find((c) => JSON.stringify(c.args).includes("Thanks!"));
    expect(told, "Budi is told, with Eve's words").toBeDefined();
    expect(String(told?.args.text)).toContain(
      "Thanks! &lt;@U-VICTIM&gt; &lt;!channel&gt; &lt;!everyone&gt; &lt;https://evil.example/reset|Reset your password&gt;",
    );

    // The core's own mentions: a new organizer, and a member whose DMs are closed (in the channel).
    await driver.slash(OLGA, `organizer <@${BUDI}>`);
    await until(() => driver.responded().some((c) => JSON.stringify(c.args).includes("is now an organizer")), "the organizer");
    const organizer = driver.responded().find((c) => JSON.stringify(c.args).includes("is now an organizer"));
    expect(organizer?.args.text).toBe(`<@${BUDI}> is now an organizer of “Kopi &lt;!here&gt; &lt;#C-OTHER&gt;”.`);
    slack.script.set("chat.postMessage", [{ error: "cannot_dm_bot" }]);
    await dmTo(EVE, "dm-closed-probe", driver.clock.now());
    await driver.deliver();
    await driver.deliver();
    const mention = driver.posted("C-MENTORING").find((c) => String(c.args.text).includes("could not send you"));
    expect(mention?.args.text).toMatch(new RegExp(`^<@${EVE}>, I could not send you a direct message`));
    expect(JSON.stringify(mention?.args.blocks)).toContain(`<@${EVE}>, I could not send you`);

    // Every call Slack reads as markup: nothing but those two mentions, and mrkdwn taken as written.
    const calls = slack.calls.filter((c) => /^(chat\.|views\.|respond\/)/.test(c.method));
    expect(calls.length).toBeGreaterThan(10);
    for (const call of calls) {
      for (const { text, mrkdwn } of markup(call)) {
        const intended = call === mention ? `<@${EVE}>` : call === organizer ? `<@${BUDI}>` : null;
        expect(intended ? text.replaceAll(intended, "") : text, `${call.method}: ${text.slice(0, 80)}`).not.toMatch(/[<>]/);
        if (mrkdwn) expect(mrkdwn.verbatim, call.method).toBe(true);
      }
    }
    // The attempt failed; the channel hears only the fixed words.
    expect(JSON.stringify(driver.posted("C-MENTORING"))).not.toContain("a private update");
  }, 60_000);
});

describe("Discord", () => {
  const TOKEN = "fake-bot-token";
  const CHANNEL = FAKE_IDS.programChannel;
  const OLGA = FAKE_IDS.owner;
  const EVE = "1400000000000000021";
  const BUDI = "1400000000000000022";
  const VICTIM = "1400000000000000023";
  const LEADS = "1200000000000000031";
  const MASKED = "[Reset your password](https://evil.example/reset)";
  let fake: FakeDiscord | null = null;
  let app: DiscordApp | null = null;
  const errors: unknown[] = [];

  afterEach(async () => {
    await app?.stop();
    app = null;
    await fake?.stop();
    fake = null;
    expect(errors).toEqual([]);
  });

  interface Answer {
    id: string;
    calls: RestCall[];
    buttons: Array<{ custom_id?: string; label?: string }>;
  }

  /** A message body as sent: a REST post or edit, or an interaction callback's data. */
  const bodyOf = (call: RestCall) => {
    const raw = call.body as Record<string, unknown> | null;
    return (call.path.endsWith("/callback") ? raw?.data : raw) as Record<string, unknown> | undefined;
  };

  const buttonsIn = (bodies: Array<Record<string, unknown> | undefined>) =>
    bodies.flatMap((b) =>
      ((b?.components ?? []) as Array<{ components?: Array<{ custom_id?: string; label?: string }> }>).flatMap(
        (r) => r.components ?? [],
      ),
    );

  /** Content with escapes read and links-without-preview set aside: escaped member text leaves no <, @ or [. */
  const live = (content: string) => content.replace(/\\./gs, "").replace(/<https?:\/\/[^\s<>]*>/g, "");

  it("carries member text only escaped; only the core's mentions notify, never a role or everyone", async () => {
    const discord = new FakeDiscord({
      token: TOKEN,
      guilds: [
        {
          ...defaultGuild(),
          roles: [...defaultGuild().roles, { id: LEADS, name: "Mentor leads" }],
          members: [EVE, BUDI, VICTIM],
        },
      ],
      users: [
        ...defaultUsers(),
        { id: EVE, username: "eve", globalName: `Eve <@${VICTIM}> @everyone ${MASKED}` },
        { id: BUDI, username: "budi2", globalName: "Budi" },
        { id: VICTIM, username: "victim", globalName: "Victim" },
      ],
    });
    fake = discord;
    await discord.start();
    const clock = new ManualClock(START);
    const sender = discordSender({ token: TOKEN, apiUrl: discord.apiUrl, store: platformStore(tdb.db.kysely), clock });
    const deliver = () =>
      new Dispatcher(tdb.db.kysely, sender, clock, {
        worker: "mention-test",
        concurrency: 1,
        // The clock stands still: no pacing.
        limits: new RateLimits({ ...PLATFORM_LIMITS, discord: { tenant: null, conversation: null } }),
      }).dispatchPending();
    app = await startDiscordApp({
      core: createAppCore({ db: tdb.db, clock }),
      store: platformStore(tdb.db.kysely),
      clock,
      token: TOKEN,
      apiUrl: discord.apiUrl,
      onError: (error) => errors.push(error),
    });

    /** Runs an interaction and waits until no REST call has arrived for a moment. */
    async function run(payload: FakeInteraction): Promise<Answer> {
      await discord.interact(payload);
      let seen = -1;
      while (seen !== discord.calls.length) {
        seen = discord.calls.length;
        await sleep(150);
      }
      const calls = discord.responsesTo(payload.id);
      return { id: payload.id, calls, buttons: buttonsIn(calls.map(bodyOf)) };
    }
    const slash = (user: string, subcommand: string, options: Record<string, OptionInput> = {}, extra = {}) =>
      run(discord.slashCommand({ user, subcommand, options, locale: "en-US", ...extra }));
    const press = (user: string, customId: string) => run(discord.buttonPress({ user, customId, locale: "en-US" }));
    const submit = (from: Answer, fields: Record<string, string | string[]>) =>
      run(discord.modalSubmit({ from: from.id, fields }));
    const contents = (channelId: string) => discord.messagesIn(channelId).map((m) => m.content);

    await slash(OLGA, "setup", { name: `Kopi @here <#${CHANNEL}> <@&${LEADS}>` });
    await slash(OLGA, "open");
    await deliver();
    const join = buttonsIn(discord.messagesIn(CHANNEL) as unknown as Array<Record<string, unknown>>).find(
      (b) => b.label === "Join round 1",
    )?.custom_id as string;

    // Eve joins with markup in every answer; Budi plainly. The intake takes two modals.
    const intake: Record<string, Record<string, string>> = {
      [EVE]: {
        "t:expertise": "SQL @everyone",
        "t:goals": `public speaking <@${VICTIM}>`,
        "t:interests": `kopi <#${CHANNEL}>`,
        "t:team": `Data <@&${LEADS}> ${MASKED}`,
      },
      [BUDI]: { "t:expertise": "public speaking", "t:goals": "SQL", "t:interests": "kopi", "t:team": "Ops" },
    };
    for (const user of [EVE, BUDI]) {
      const opened = await press(user, join);
      const saved = await submit(opened, intake[user] as Record<string, string>);
      const next = await press(user, saved.buttons[0]?.custom_id as string);
      const done = await submit(next, { "s:timezone": ["Asia/Jakarta"], "s:language": ["en"], "n:partnersWanted": ["1"] });
      // Eve's marked-up answers are read back before they are saved: she confirms.
      const confirm = done.buttons.find((b) => b.label === translator("en")("review.confirm"));
      if (user === EVE) await press(user, confirm?.custom_id as string);
      else expect(confirm).toBeUndefined();
    }
    expect(await tdb.db.kysely.selectFrom("enrollments").select("id").execute()).toHaveLength(2);

    await slash(OLGA, "match");
    await deliver();
    const thread = (await tdb.db.kysely.selectFrom("pairing_conversations").select("conversation_id").executeTakeFirstOrThrow())
      .conversation_id;
    const intro = contents(thread).join("\n");
    expect(intro).toContain("you’re matched for round 1");
    // The member's words arrived, escaped: in the name, goals, team and program name.
    expect(intro).toContain(`Eve \\<\\@${VICTIM}> \\@everyone \\[Reset your password](<https://evil.example/reset>)`);
    expect(intro).toContain(`Kopi \\@here \\<#${CHANNEL}> \\<\\@&${LEADS}>`);
    // Budi's pointer to the thread names Eve, escaped; the thread is the one link.
    expect(contents(`dm-${BUDI}`)[0]).toContain(`Eve \\<\\@${VICTIM}> \\@everyone`);
    expect(contents(`dm-${BUDI}`)[0]).toContain(`<#${thread}>`);

    // Eve ends, with words for Budi full of markup.
    const end = await slash(EVE, "end", {}, { channelId: thread });
    expect(discord.modalShown(end.id)).toBeDefined();
    await submit(end, {
      "t:reason": "",
      "b:notAFit": ["no"],
      "t:messageToPartner": `Thanks! <@${VICTIM}> @everyone @here <#${CHANNEL}> <@&${LEADS}> ${MASKED}`,
      "b:rematch": ["no"],
    });
    await deliver();
    const told = contents(`dm-${BUDI}`).find((c) => c.includes("Thanks!")) ?? "";
    expect(told).toContain(
      `Thanks! \\<\\@${VICTIM}> \\@everyone \\@here \\<#${CHANNEL}> \\<\\@&${LEADS}> \\[Reset your password](<https://evil.example/reset>)”`,
    );

    // The core's own mentions: a role (named, never pinged), a new organizer, a member whose DMs are closed.
    const role = await slash(OLGA, "role", { role: { type: ApplicationCommandOptionType.Role, value: LEADS } });
    const roleReply = role.calls.map(bodyOf).find((b) => String(b?.content).includes("organize"));
    expect(roleReply?.content).toMatch(new RegExp(`^Everyone with the role <@&${LEADS}> may now organize “Kopi \\\\@here`));
    const organizer = await slash(OLGA, "organizer", { user: { type: ApplicationCommandOptionType.User, value: BUDI } });
    const organizerReply = organizer.calls.map(bodyOf).find((b) => String(b?.content).includes("is now an organizer"));
    expect(organizerReply?.content).toMatch(new RegExp(`^<@${BUDI}> is now an organizer of “Kopi \\\\@here`));
    expect(organizerReply?.allowed_mentions).toEqual({ parse: [], users: [BUDI] });
    discord.fail("POST", new RegExp(`^/channels/dm-${EVE}/messages$`), { status: 403, code: 50007, message: "Cannot send" });
    await dmTo(EVE, "dm-closed-probe", clock.now());
    await deliver();
    await deliver();
    const mention = discord.messagesIn(CHANNEL).find((m) => m.content.includes("could not send you"));
    expect(mention?.content).toMatch(new RegExp(`^<@${EVE}>, I could not send you a direct message`));

    // Every message the bot sent: nothing live but the core's mentions and the thread link, and only
    // the mentioned users may be notified, where they are mentioned; never a role, @everyone or @here.
    const sent = discord.calls.flatMap((call) => {
      const body = bodyOf(call);
      return body && typeof body.content === "string" ? [{ call, body, content: body.content }] : [];
    });
    expect(sent.length).toBeGreaterThan(10);
    const intended = [`<@${EVE}>`, `<@${BUDI}>`, `<@&${LEADS}>`, `<#${thread}>`];
    for (const { call, body, content } of sent) {
      let rest = live(content);
      for (const m of intended) rest = rest.replaceAll(m, "");
      expect(rest, `${call.method} ${call.path}: ${content.slice(0, 80)}`).not.toMatch(/[<@[]/);
      const mentions = body.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[] } | undefined;
      expect(mentions?.parse ?? [], call.path).toEqual([]);
      expect(mentions?.roles ?? [], call.path).toEqual([]);
      const users = mentions?.users ?? [];
      expect(
        users.every((u) => content.includes(`<@${u}>`) && (u === EVE || u === BUDI)),
        call.path,
      ).toBe(true);
    }
    expect(sent.find((s) => s.content === mention?.content)?.body.allowed_mentions).toEqual({ parse: [], users: [EVE] });
    expect(JSON.stringify(sent.map((s) => s.body.allowed_mentions))).not.toContain(VICTIM);
    // The attempt failed; the channel hears only the fixed words.
    expect(contents(CHANNEL).join("\n")).not.toContain("a private update");
  }, 90_000);
});
