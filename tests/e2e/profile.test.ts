/**
 * Issue 13, item 3 on every platform: `/mentoring profile` typed as a member
 * types it, the Edit button pressed, the form answered (field by field in the
 * playground, a modal on Slack and Discord), a bad answer refused at its
 * field, and the next round's intake starting from what was saved.
 */
import { PassThrough } from "node:stream";
import { InteractionResponseType, MessageFlags } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConsoleWorkspace } from "../../src/adapters/console/app";
import { CAST } from "../../src/adapters/console/cast";
import { lineReader } from "../../src/adapters/console/line-reader";
import { runRepl } from "../../src/adapters/console/repl";
import { type DiscordApp, startDiscordApp } from "../../src/adapters/discord/app";
import { createAppCore, platformStore, playgroundStore } from "../../src/app";
import { problemWithAnswer } from "../../src/core/forms/form-validation";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { defaultGuild, defaultUsers, FAKE_IDS, FakeDiscord, type ModalData, type RestCall } from "../support/fake-discord";
import { FakeSlack } from "../support/fake-slack";
import { START, submit } from "../support/harness";
import { button, PROGRAM_CHANNEL, SlackDriver, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const en = translator("en");
const id = translator("id");

async function profileOf(userId: string) {
  return tdb.db.kysely
    .selectFrom("profiles as p")
    .innerJoin("members as m", "m.id", "p.member_id")
    .select(["p.expertise", "p.goals", "p.interests", "p.team", "m.timezone"])
    .where("m.external_id", "=", userId)
    .executeTakeFirst();
}

const enrollments = async () =>
  (await tdb.db.kysely.selectFrom("enrollments").select(["id", "status", "partners_wanted"]).orderBy("id").execute()).map(
    (r) => `${r.status}:${r.partners_wanted}`,
  );

/** Eleven things to share: the intake takes at most ten, and so does the profile. */
const TOO_MANY = Array.from({ length: 11 }, (_, i) => `topic ${i}`).join(", ");

describe("the playground", () => {
  it("/mentoring profil shows Ani her profile; Edit asks each field from what was saved; a bad answer is asked again; the next round's Join starts from it", async () => {
    const clock = new ManualClock(new Date("2026-12-05T02:00:00Z"));
    const core = createAppCore({ db: tdb.db, clock });
    const ws = new ConsoleWorkspace(core, playgroundStore(tdb.db.kysely), clock, CAST);
    const input = new PassThrough();
    const lines = [
      "/mentoring setup Kopi Belajar",
      "/mentoring open",
      ":as ani",
      ":press 1", // Join: the intake, field by field
      "SQL, public speaking",
      "data analysis",
      "kopi",
      "Marketing",
      "",
      "",
      "",
      "/mentoring profil",
      `:press ${id("profile.editButton")}`,
      TOO_MANY, // expertise: eleven things, refused at once and asked again
      "", // expertise kept as saved
      "data analysis, Python",
      "", // interests kept
      "Growth",
      "WITA",
      "/mentoring profil",
      ":as sari",
      "/mentoring close",
      "/mentoring open",
      ":as ani",
      ":press 1", // round 2's Join: every answer offered from the profile
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      ":quit",
    ];
    input.end(`${lines.join("\n")}\n`);
    let out = "";
    const sink = new PassThrough();
    // Prompts go to the terminal's stream, messages through write: both are what the member reads.
    sink.on("data", (d) => (out += String(d)));
    const rl = lineReader(input, sink);
    await runRepl({ ws, clock, rl, language: "id", dataDir: "test", write: (text) => (out += text) });
    rl.close();

    const profile = out.indexOf(id("profile.title", { program: "Kopi Belajar" }));
    expect(profile).toBeGreaterThan(0);
    expect(out.slice(profile)).toContain(`${id("field.team")}: Marketing`);
    // The edit form: the intake's own fields, each offered as saved.
    const form = out.indexOf(id("console.form", { title: id("profile.form.title") }));
    expect(form).toBeGreaterThan(profile);
    const editing = out.slice(form);
    expect(editing).toContain("[SQL, public speaking] > ");
    expect(editing).toContain("[Marketing] > ");
    expect(editing).toContain("[Asia/Jakarta] > ");
    expect(editing).toContain(`${problemWithAnswer("profile.edit", "expertise", TOO_MANY, id)}`);
    expect(editing).toContain(id("profile.saved", { program: "Kopi Belajar" }));
    // Shown again: as edited.
    const again = out.indexOf(id("profile.title", { program: "Kopi Belajar" }), form);
    expect(out.slice(again)).toContain(`${id("field.team")}: Growth`);
    // Round 2: Join offers the profile, and Enter on each field joins with it.
    const round2 = out.lastIndexOf(id("console.form", { title: id("join.form.title") }));
    expect(out.slice(round2)).toContain("[data analysis, Python] > ");
    expect(out.slice(round2)).toContain("[Growth] > ");
    expect(out.slice(round2)).toContain(id("join.done", { number: 2 }));
    expect(await profileOf("ani")).toEqual({
      expertise: ["SQL", "public speaking"],
      goals: ["data analysis", "Python"],
      interests: ["kopi"],
      team: "Growth",
      timezone: "Asia/Makassar",
    });
  }, 60_000);
});

describe("Slack", () => {
  const slack = new FakeSlack();
  const driver = new SlackDriver(slack, () => tdb.db);
  beforeAll(() => slack.start());
  afterAll(() => slack.stop());
  afterEach(() => driver.stop());

  it("types /mentoring profile, presses Edit, submits the modal: a bad field is shown beside it, then the profile is saved; member text is escaped", async () => {
    await driver.start();
    slack.users.set("U-ANI", { real_name: "Ani", locale: "en-US" });
    const responded = () => driver.responded();
    await driver.slash("U-OLGA", "setup Kopi language=en");
    await until(() => responded().length === 1, "the setup reply");
    await driver.slash("U-OLGA", "open");
    await until(() => responded().length === 2, "the open reply");
    await driver.slash("U-ANI", "join");
    await until(() => slack.of("views.open").length === 1, "the intake modal");
    const intake = driver.lastView();
    const joined = await driver.submit(
      "U-ANI",
      intake,
      driver.fill(intake, {
        expertise: "SQL, <!channel> tips",
        goals: "public speaking",
        interests: "kopi",
        team: "Data & *Ops*",
      }),
    );
    expect(joined.body).not.toContain("errors");
    // The intake is read back first; Ani confirms it.
    await until(() => JSON.stringify(slack.of("chat.postMessage")).includes(en("review.intro")), "the reading");
    const reading = slack.of("chat.postMessage").at(-1);
    await driver.press("U-ANI", button(reading, en("review.confirm")), { message: reading });
    await until(() => JSON.stringify(responded()).includes("You’re in round 1!"), "joined");

    const before = responded().length;
    await driver.slash("U-ANI", "profile");
    await until(() => responded().length === before + 1, "the profile");
    const shown = responded().at(-1);
    const blocks = JSON.stringify(shown?.args.blocks);
    expect(blocks).toContain(en("profile.title", { program: "Kopi" }));
    // Escaped like everything a member writes: no channel ping, no markup.
    expect(blocks).toContain("&lt;!channel&gt; tips");
    expect(blocks).toContain("Data &amp; *Ops*");
    expect(blocks).not.toContain("<!channel>");
    expect(shown?.args.response_type).toBe("ephemeral");

    await driver.press("U-ANI", button(shown, en("profile.editButton")), { channel: PROGRAM_CHANNEL });
    await until(() => slack.of("views.open").length === 2, "the profile modal");
    const view = driver.lastView();
    expect(view.title.text).toBe(en("profile.form.title"));
    const initial = Object.fromEntries(
      view.blocks
        .filter((b) => b.type === "input")
        .map((b) => {
          const e = b.element as { initial_value?: string; initial_option?: { value: string } };
          return [b.block_id, e.initial_value ?? e.initial_option?.value];
        }),
    );
    // Expertise and goals are a type-ahead over the topics plus a box for one's own words (issue 13):
    // the saved lists come back in the box, as written.
    expect(initial).toEqual({
      expertise: undefined,
      expertise_other: "SQL, <!channel> tips",
      goals: undefined,
      goals_other: "public speaking",
      interests: "kopi",
      team: "Data & *Ops*",
      timezone: "Asia/Jakarta",
    });
    const enrolled = await enrollments();

    // Eleven things to share: refused beside the field, the modal stays open, nothing saved.
    const refused = await driver.submit("U-ANI", view, driver.fill(view, { expertise: TOO_MANY, team: "" }));
    const answer = JSON.parse(refused.body) as { response_action?: string; errors?: Record<string, string> };
    expect(answer.response_action).toBe("errors");
    expect(Object.keys(answer.errors ?? {}).sort()).toEqual(["expertise", "team"]);
    expect(answer.errors?.team).toBe(problemWithAnswer("profile.edit", "team", "", en));
    expect((await profileOf("U-ANI"))?.team).toBe("Data & *Ops*");

    const dms = slack.of("chat.postMessage").length;
    const saved = await driver.submit(
      "U-ANI",
      view,
      driver.fill(view, { expertise: "SQL, Python", team: "Growth", timezone: "Asia/Makassar" }),
    );
    expect(saved.body).not.toContain("errors");
    // The confirmation, then the profile as it is now: both to Ani alone.
    await until(() => slack.of("chat.postMessage").length === dms + 2, "the confirmation");
    const confirmed = slack.of("chat.postMessage").slice(dms);
    expect(confirmed.map((c) => c.args.channel)).toEqual(["U-ANI", "U-ANI"]);
    expect(JSON.stringify(confirmed[0]?.args)).toContain(en("profile.saved", { program: "Kopi" }));
    expect(JSON.stringify(confirmed[1]?.args)).toContain("Growth");
    expect(await profileOf("U-ANI")).toEqual({
      expertise: ["SQL", "Python"],
      goals: ["public speaking"],
      interests: ["kopi"],
      team: "Growth",
      timezone: "Asia/Makassar",
    });
    expect(await enrollments()).toEqual(enrolled);
  }, 60_000);
});

describe("Discord", () => {
  let fake: FakeDiscord;
  let app: DiscordApp | null = null;
  const errors: unknown[] = [];
  const ANI = "1400000000000000011";
  afterEach(async () => {
    await app?.stop();
    app = null;
    await fake.stop();
    expect(errors).toEqual([]);
  });

  it("the slash command, the Edit button, the modal: refused at its step, then saved; escaped, ephemeral", async () => {
    const guild = defaultGuild();
    fake = new FakeDiscord({
      token: "fake-bot-token",
      guilds: [{ ...guild, members: [ANI] }],
      users: [...defaultUsers(), { id: ANI, username: "ani", globalName: "Ani" }],
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
    // The program and Ani's join, straight through the core (the Discord join has its own tests).
    const as = (user: string, command: Record<string, unknown>) =>
      core.execute({
        actor: {
          platform: "discord",
          tenantId: FAKE_IDS.application,
          space: FAKE_IDS.guild,
          userId: user,
          displayName: user,
          locale: "id",
          isAdmin: user === FAKE_IDS.owner,
        },
        channelId: FAKE_IDS.programChannel,
        command,
      });
    await as(FAKE_IDS.owner, { type: "program.setup", name: "Kopi Sore", language: "id" });
    await as(FAKE_IDS.owner, { type: "round.open" });
    await as(
      ANI,
      submit(
        { type: "round.join" },
        {
          expertise: "SQL, @everyone tips",
          goals: "desain",
          team: "Data",
          timezone: "WIB",
          language: "id",
          partnersWanted: 1,
          // As after the read-back: the member confirmed what was understood.
          confirmed: true,
        },
      ),
    );
    const enrolled = await enrollments();

    const run = async (payload: Parameters<FakeDiscord["interact"]>[0]) => {
      await fake.interact(payload);
      // Until no REST call has arrived for a moment: the app has finished what the interaction started.
      for (let seen = -1; seen !== fake.calls.length; ) {
        seen = fake.calls.length;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      const calls: RestCall[] = fake.responsesTo(payload.id);
      const bodies = calls.map((c) => {
        const body = c.body as Record<string, unknown> | null;
        return (c.path.endsWith("/callback") ? (body?.data as Record<string, unknown> | undefined) : body) ?? {};
      });
      return {
        id: payload.id,
        type: (calls.find((c) => c.path.endsWith("/callback"))?.body as { type?: number } | undefined)?.type,
        text: bodies.map((b) => (typeof b.content === "string" ? b.content : "")).join("\n"),
        flags: bodies.map((b) => Number(b.flags ?? 0)),
        buttons: bodies.flatMap((b) =>
          ((b.components ?? []) as Array<{ components?: Array<{ custom_id?: string; label?: string }> }>).flatMap((row) =>
            (row.components ?? []).filter((c) => c.custom_id).map((c) => ({ id: c.custom_id as string, label: c.label })),
          ),
        ),
        modal: fake.modalShown(payload.id) as ModalData | undefined,
      };
    };

    const shown = await run(fake.slashCommand({ user: ANI, subcommand: "profile", locale: "id" }));
    expect(shown.text).toContain(id("profile.title", { program: "Kopi Sore" }));
    expect(shown.text).toContain("\\@everyone tips");
    expect(shown.flags.every((f) => (f & MessageFlags.Ephemeral) !== 0)).toBe(true);
    const edit = shown.buttons.find((b) => b.label === id("profile.editButton"));
    expect(edit).toBeDefined();

    const opened = await run(fake.buttonPress({ user: ANI, customId: edit?.id as string, locale: "id" }));
    expect(opened.type).toBe(InteractionResponseType.Modal);
    expect(opened.modal?.title).toBe(id("profile.form.title"));
    const values = Object.fromEntries(
      (opened.modal?.components ?? []).map((l) => {
        const input = l.component as { custom_id: string; value?: string };
        return [input.custom_id, input.value];
      }),
    );
    expect(values).toMatchObject({ "t:expertise": "SQL, @everyone tips", "t:goals": "desain", "t:team": "Data" });

    const tooMany = Array.from({ length: 11 }, (_, i) => `topik ${i}`).join(", ");
    const answers = { "t:goals": "desain", "t:interests": "", "s:timezone": ["Asia/Jakarta"] };
    const refused = await run(
      fake.modalSubmit({ from: opened.id, fields: { ...answers, "t:expertise": tooMany, "t:team": "Data" } }),
    );
    expect(refused.text).toContain(id("discord.form.problems"));
    expect(refused.text).toMatch(/10/);
    expect((await profileOf(ANI))?.expertise).toEqual(["SQL", "@everyone tips"]);

    // The fix button reopens the form with what was typed; corrected, it is saved.
    const again = await run(fake.buttonPress({ user: ANI, customId: refused.buttons[0]?.id as string, locale: "id" }));
    expect(again.type).toBe(InteractionResponseType.Modal);
    const saved = await run(
      fake.modalSubmit({ from: again.id, fields: { ...answers, "t:expertise": "SQL, Python", "t:team": "Growth" } }),
    );
    expect(saved.text).toContain(id("profile.saved", { program: "Kopi Sore" }));
    expect(await profileOf(ANI)).toEqual({
      expertise: ["SQL", "Python"],
      goals: ["desain"],
      interests: [],
      team: "Growth",
      timezone: "Asia/Jakarta",
    });
    expect(await enrollments()).toEqual(enrolled);
  }, 60_000);
});
