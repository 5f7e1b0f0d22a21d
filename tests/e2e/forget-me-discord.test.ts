/**
 * Forget-me on Discord (issue 16), through the real discord.js client against
 * the fake Discord: `/privacy forget-me` opens a modal whose text says
 * what goes and what stays, the one answer confirms it, the member is told
 * privately; leaving a round answers with a button that opens the same modal.
 */
import { InteractionResponseType } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DiscordApp, startDiscordApp } from "../../src/adapters/discord/app";
import { createAppCore, platformStore } from "../../src/app";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { answerOf, type DiscordAnswer } from "../support/discord-answer";
import { defaultGuild, defaultUsers, FAKE_IDS, FakeDiscord, type FakeInteraction, type ModalData } from "../support/fake-discord";
import { START } from "../support/harness";
import { useTestDb } from "../support/test-db";

const TOKEN = "fake-bot-token";
const OLGA = FAKE_IDS.owner;
const CITRA = "1400000000000000013";
const OFFERED = "zqxdiscord expertise";
const en = translator("en");

const tdb = useTestDb();
let fake: FakeDiscord;
let app: DiscordApp | null = null;
let errors: unknown[] = [];

beforeEach(async () => {
  const guild = defaultGuild();
  fake = new FakeDiscord({
    token: TOKEN,
    guilds: [{ ...guild, members: [CITRA] }],
    users: [...defaultUsers(), { id: CITRA, username: "citra", globalName: "Citra" }],
  });
  await fake.start();
  errors = [];
  app = await startDiscordApp({
    core: createAppCore({ db: tdb.db, clock: new ManualClock(START) }),
    store: platformStore(tdb.db.kysely),
    clock: new ManualClock(START),
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

const run = (payload: FakeInteraction) => answerOf(fake, payload);

const slash = (user: string, subcommand: string, name?: string) =>
  run(fake.slashCommand({ user, subcommand, locale: "en-US", ...(name ? { name } : {}) }));
const press = (user: string, customId: string) => run(fake.buttonPress({ user, customId, locale: "en-US" }));
const submit = (from: DiscordAnswer, fields: Record<string, string | string[]>) =>
  run(fake.modalSubmit({ from: from.id, fields }));
const labelled = (answer: DiscordAnswer, label: string) => {
  const found = answer.buttons.find((b) => b.label === label);
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(answer.buttons.map((b) => b.label))}`);
  return found.custom_id;
};

/** Both intake modals, Continue between them; the answer to the last. */
async function fillIntake(opened: DiscordAnswer, goals: string): Promise<DiscordAnswer> {
  const saved = await submit(opened, { "t:expertise": OFFERED, "t:goals": goals, "t:interests": "", "t:team": "Data" });
  const next = await press(CITRA, saved.buttons[0]?.custom_id as string);
  return submit(next, { "s:timezone": ["Asia/Jakarta"], "s:language": ["en"], "n:partnersWanted": ["1"] });
}

const profiles = () => tdb.db.kysely.selectFrom("profiles").select("member_id").execute();

async function citraJoins() {
  await slash(OLGA, "setup");
  await slash(OLGA, "open");
  const opened = await slash(CITRA, "join");
  const reading = await fillIntake(opened, "SQL");
  const done = await press(CITRA, labelled(reading, en("review.confirm")));
  expect(done.text).toBe(en("join.done", { number: 1 }));
}

/** The text display components of a modal (its explanation). */
const displayed = (modal: ModalData | undefined) =>
  ((modal?.components ?? []) as Array<{ type: number; content?: string }>).filter((c) => c.type === 10).map((c) => c.content);

describe("forget-me on Discord", () => {
  it("opens a modal that explains it, erases on the one answer, and tells the member privately", async () => {
    await citraJoins();
    const opened = await slash(CITRA, "forget-me", "privacy");
    expect(opened.type).toBe(InteractionResponseType.Modal);
    const text = displayed(opened.modal).join("\n");
    expect(text).toContain("Former member");
    expect(JSON.stringify(opened.modal)).toContain(en("forget.confirmOption"));
    expect(await profiles()).toHaveLength(1);
    const done = await submit(opened, { "s:confirm": ["yes"] });
    expect(done.text).toBe(en("forget.done", { paired: "no" }));
    expect(await profiles()).toEqual([]);
    const members = await tdb.db.kysely.selectFrom("members").select("external_id").execute();
    expect(members.map((m) => m.external_id)).not.toContain(CITRA);
  });

  it("answers leaving with a button that opens the same modal", async () => {
    await citraJoins();
    const question = await slash(CITRA, "leave");
    const left = await press(CITRA, labelled(question, en("leave.confirmButton")));
    expect(left.text).toContain(en("leave.forgetHint", { command: "/privacy" }));
    const opened = await press(CITRA, labelled(left, en("leave.forgetButton")));
    expect(opened.type).toBe(InteractionResponseType.Modal);
    expect(displayed(opened.modal).join("\n")).toContain("Former member");
    const done = await submit(opened, { "s:confirm": ["yes"] });
    expect(done.text).toBe(en("forget.done", { paired: "no" }));
  });
});
