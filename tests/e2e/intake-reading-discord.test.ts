/**
 * The intake read back on Discord (issue 13, item 2), through the real
 * discord.js client against the fake Discord: after the intake's two modals
 * the member sees "I read: …" with Confirm and Fix; Fix opens the modal again
 * prefilled, Confirm saves.
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
const OFFERED = "Data analysis (Excel, SQL, Power BI dashboards)";
const WANTED = "Public speaking: presenting quarterly results with confidence";
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

const slash = (user: string, subcommand: string) => run(fake.slashCommand({ user, subcommand, locale: "en-US" }));
const press = (user: string, customId: string) => run(fake.buttonPress({ user, customId, locale: "en-US" }));
const submit = (from: DiscordAnswer, fields: Record<string, string | string[]>) =>
  run(fake.modalSubmit({ from: from.id, fields }));
const labelled = (answer: DiscordAnswer, label: string) => {
  const found = answer.buttons.find((b) => b.label === label);
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(answer.buttons.map((b) => b.label))}`);
  return found.custom_id;
};
/** The value a modal's text input was prefilled with. */
const prefilled = (modal: ModalData | undefined, customId: string) =>
  JSON.stringify(modal?.components ?? []).match(new RegExp(`"custom_id":"${customId}"[^}]*?"value":"([^"]*)"`))?.[1];

/** Both intake modals, Continue between them; the answer to the last. */
async function fillIntake(opened: DiscordAnswer, goals: string): Promise<DiscordAnswer> {
  const saved = await submit(opened, { "t:expertise": OFFERED, "t:goals": goals, "t:interests": "", "t:team": "Data" });
  const next = await press(CITRA, saved.buttons[0]?.custom_id as string);
  return submit(next, { "s:timezone": ["Asia/Jakarta"], "s:language": ["en"], "n:partnersWanted": ["1"] });
}

const enrollments = () => tdb.db.kysely.selectFrom("enrollments").select("id").execute();

describe("the intake read back on Discord", () => {
  it("shows what it read, reopens the modal prefilled to fix, and saves only on confirm", async () => {
    await slash(OLGA, "setup");
    await slash(OLGA, "open");
    const opened = await slash(CITRA, "join");
    expect(opened.type).toBe(InteractionResponseType.Modal);

    const reading = await fillIntake(opened, WANTED);
    expect(reading.text).toContain(en("review.intro"));
    expect(reading.text).toContain("Data analysis");
    expect(reading.text).toContain("Public speaking");
    expect(reading.text).not.toContain("Excel");
    expect(await enrollments()).toEqual([]);

    // Fix: the first modal again, with the answers as given.
    const fix = await press(CITRA, labelled(reading, en("review.fix")));
    expect(fix.type).toBe(InteractionResponseType.Modal);
    expect(prefilled(fix.modal, "t:expertise")).toBe(OFFERED);
    expect(prefilled(fix.modal, "t:team")).toBe("Data");
    const second = await fillIntake(fix, `${WANTED}, origami lipat`);
    expect(second.text).toContain(`Public speaking · ${en("review.kept", { text: "origami lipat" })}`);
    // The first reading's message became the Continue prompt of the fix: its Confirm is gone.
    const stale = labelled(reading, en("review.confirm"));
    expect(() => fake.buttonPress({ user: CITRA, customId: stale, locale: "en-US" })).toThrow(
      /no stored message has a component/,
    );
    expect(await enrollments()).toEqual([]);

    const done = await press(CITRA, labelled(second, en("review.confirm")));
    expect(done.text).toBe(en("join.done", { number: 1 }));
    const profile = await tdb.db.kysely.selectFrom("profiles").select(["expertise", "goals", "team"]).executeTakeFirstOrThrow();
    expect(profile).toEqual({ expertise: [OFFERED], goals: [WANTED, "origami lipat"], team: "Data" });
    expect(await enrollments()).toHaveLength(1);
    expect(await tdb.db.kysely.selectFrom("form_drafts").select("id").execute()).toEqual([]);
  });

  it("suggests topics as the member types join's expertise and goals, and the form opens with those chosen", async () => {
    await slash(OLGA, "setup");
    await slash(OLGA, "open");
    // A topic the organizer added for this program is offered in its channel, and only there.
    await run(
      fake.slashCommand({
        user: OLGA,
        subcommand: "topics",
        options: { change: "add Batik tulis | Batik tulis | membatik" },
        locale: "en-US",
      }),
    );
    const typed = async (value: string, locale: "id" | "en-US", where: "channel" | "dm" = "channel") => {
      const payload = fake.autocomplete({
        ...(where === "dm" ? { guildId: null } : {}),
        user: CITRA,
        subcommand: "join",
        options: { expertise: value },
        focused: "expertise",
        locale,
      });
      await fake.interact(payload);
      return (fake.choicesShown(payload.id) ?? []).map((c) => c.name);
    };
    expect(await typed("anali", "id")).toContain("Analisis data");
    expect((await typed("public spe", "en-US"))[0]).toBe("Public speaking");
    expect((await typed("pyhton", "en-US"))[0]).toBe("Python");
    expect((await typed("a", "en-US")).length).toBe(25);
    expect((await typed("batik", "en-US"))[0]).toBe("Batik tulis");
    expect((await typed("membatik", "id"))[0]).toBe("Batik tulis");
    // In a DM no program is at hand: the shared vocabulary answers.
    expect(await typed("batik", "en-US", "dm")).not.toContain("Batik tulis");
    expect(await enrollments()).toEqual([]);

    const goals = fake.autocomplete({
      user: CITRA,
      subcommand: "join",
      options: { expertise: "Data analysis", goals: "berbicara" },
      focused: "goals",
      locale: "en-US",
    });
    await fake.interact(goals);
    expect(fake.choicesShown(goals.id)?.[0]).toEqual({ name: "Public speaking", value: "Public speaking" });

    const opened = await run(
      fake.slashCommand({
        user: CITRA,
        subcommand: "join",
        options: { expertise: "Data analysis", goals: "Public speaking" },
        locale: "en-US",
      }),
    );
    expect(opened.type).toBe(InteractionResponseType.Modal);
    expect(prefilled(opened.modal, "t:expertise")).toBe("Data analysis");
    expect(prefilled(opened.modal, "t:goals")).toBe("Public speaking");
  });
});
