/**
 * Bad input as it arrives from the platforms, through the real Bolt app and
 * the real discord.js client: a malformed button value, a garbled custom id,
 * a forged modal submission naming prototype paths, a NUL byte in a form.
 * Each gets a clear answer in the member's language, nothing changes, and
 * the process keeps answering later commands.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DiscordApp, startDiscordApp } from "../../src/adapters/discord/app";
import { createAppCore, platformStore } from "../../src/app";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { botMessage, defaultGuild, FAKE_IDS, FakeDiscord } from "../support/fake-discord";
import { FakeSlack } from "../support/fake-slack";
import { START } from "../support/harness";
import { PROGRAM_CHANNEL, SlackDriver, until } from "../support/slack-driver";
import { stateDigest } from "../support/state-digest";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const en = translator("en");

describe("Slack: bad input is answered and changes nothing", () => {
  const slack = new FakeSlack();
  const driver = new SlackDriver(slack, () => tdb.db);
  beforeAll(() => slack.start());
  afterAll(() => slack.stop());
  afterEach(() => driver.stop());
  const lastAnswer = () => JSON.stringify(driver.responded().at(-1)?.args ?? slack.of("chat.postMessage").at(-1)?.args ?? {});

  it("a malformed button value, a forged modal, a NUL byte; then the app still answers", async () => {
    await driver.start();
    slack.users.set("U-ANI", { real_name: "Ani", locale: "en-US" });
    await driver.slash("U-OLGA", "setup Kopi");
    await until(() => driver.responded().length === 1, "the setup reply");
    await driver.slash("U-OLGA", "open");
    await until(() => driver.responded().length === 2, "the open reply");
    const before = await stateDigest(tdb.db);

    // A button whose value is not JSON at all (an old version, a hand-made request).
    await driver.press("U-ANI", { action_id: "sebaya:0", value: "{not json" }, { channel: PROGRAM_CHANNEL });
    await until(() => driver.responded().length === 3, "the answer to an unreadable button");
    expect(lastAnswer()).toContain(en("error.unreadable"));

    // A modal submission whose metadata was not sealed by this app, naming prototype paths.
    const posts = slack.of("chat.postMessage").length;
    const forged = JSON.stringify({ request: { type: "journal.write" } });
    await driver.submit(
      "U-ANI",
      { private_metadata: forged, title: { text: "" }, blocks: [] },
      {
        "__proto__.polluted": { v: { type: "plain_text_input", value: "yes" } },
        text: { v: { type: "plain_text_input", value: "hello" } },
      },
    );
    await until(() => slack.of("chat.postMessage").length === posts + 1, "the answer to a forged form");
    expect(lastAnswer()).toContain(en("error.unreadable"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // A NUL byte typed into a text: named, translated, nothing stored.
    await driver.slash("U-ANI", "journal hari ini\u0000besok", { id: "D-ANI", name: "directmessage" });
    await until(() => driver.responded().length === 4, "the answer to a NUL byte");
    expect(lastAnswer()).toContain(en("problem.control", { field: en("field.text") }));

    expect(await stateDigest(tdb.db)).toBe(before);
    // And the process is fine: the next command is answered as usual.
    await driver.slash("U-ANI", "status", { id: "D-ANI", name: "directmessage" });
    await until(() => driver.responded().length === 5, "the status");
    expect(lastAnswer()).toContain(en("status.title"));
  }, 60_000);
});

describe("Discord: bad input is answered and changes nothing", () => {
  let fake: FakeDiscord;
  let app: DiscordApp | null = null;
  const errors: unknown[] = [];
  afterEach(async () => {
    await app?.stop();
    app = null;
    await fake.stop();
    expect(errors).toEqual([]);
  });

  it("a garbled custom id and a NUL byte in a modal are answered, in the member's language", async () => {
    fake = new FakeDiscord({ token: "fake-bot-token", guilds: [defaultGuild()] });
    await fake.start();
    const clock = new ManualClock(START);
    app = await startDiscordApp({
      core: createAppCore({ db: tdb.db, clock }),
      store: platformStore(tdb.db.kysely),
      clock,
      token: "fake-bot-token",
      apiUrl: fake.apiUrl,
      onError: (error) => errors.push(error),
    });
    const user = FAKE_IDS.member;
    // A message with a button whose id is ours in shape but unreadable inside.
    const message = botMessage({
      id: "9100000000000000001",
      channelId: FAKE_IDS.programChannel,
      components: [{ type: 1, components: [{ type: 2, style: 2, label: "Old", custom_id: "sb1c:zz.garbled" }] }],
      at: clock.now(),
    });
    const before = await stateDigest(tdb.db);
    const pressed = fake.buttonPress({ user, customId: "sb1c:zz.garbled", message, locale: "en-US" });
    await fake.interact(pressed);
    const answer = JSON.stringify(fake.responsesTo(pressed.id).map((c) => c.body));
    expect(answer).toContain(en("error.unreadable"));

    // The journal form, answered with a NUL byte.
    const opened = fake.slashCommand({ user, subcommand: "journal", locale: "en-US", guildId: null, channelId: `dm-${user}` });
    await fake.interact(opened);
    expect(fake.modalShown(opened.id)).toBeDefined();
    const submitted = fake.modalSubmit({ from: opened.id, fields: { "t:text": "note\u0000" } });
    await fake.interact(submitted);
    const refused = JSON.stringify(fake.responsesTo(submitted.id).map((c) => c.body));
    expect(refused).toContain(en("problem.control", { field: en("field.text") }));
    expect(await stateDigest(tdb.db)).toBe(before);
  }, 60_000);
});
