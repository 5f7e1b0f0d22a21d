/**
 * The organizers' CSV on Discord (issue 17), through the real discord.js
 * client and Discord sender against the fake Discord: members join through
 * the intake modals, the organizer matches and types `/mentoring report` with
 * its `export` option set to `csv`; the answer is ephemeral and the file comes
 * as an attachment in the organizer's DM, never in the program channel. A
 * member typing the same is refused in their own language.
 */
import { MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { ATTACHMENT_MAX_BYTES } from "../../src/core/messages/attachment";
import { answerOf, type DiscordAnswer } from "../support/discord-answer";
import { useDiscordSession } from "../support/discord-session";
import {
  defaultGuild,
  defaultUsers,
  FAKE_IDS,
  type FakeInteraction,
  type LocaleString,
  type RestCall,
} from "../support/fake-discord";
import { useTestDb } from "../support/test-db";

const OLGA = FAKE_IDS.owner;
const BUDI = FAKE_IDS.member;
/** A member whose name a spreadsheet would read as a formula. */
const DEWI = "1400000000000000013";
const en = translator("en");
const id = translator("id");

const tdb = useTestDb();
const session = useDiscordSession(tdb, () => {
  const guild = defaultGuild();
  return {
    guilds: [{ ...guild, members: [...(guild.members ?? []), DEWI] }],
    users: [...defaultUsers(), { id: DEWI, username: "dewi", globalName: "@Dewi=1+1" }],
  };
});

const run = (payload: FakeInteraction) => answerOf(session().fake, payload);
const slash = (user: string, subcommand: string, options: Record<string, string> = {}, locale: LocaleString = "en-US") =>
  run(session().fake.slashCommand({ user, subcommand, options, locale }));
const press = (user: string, customId: string) => run(session().fake.buttonPress({ user, customId, locale: "en-US" }));
const submit = (from: DiscordAnswer, fields: Record<string, string | string[]>) =>
  run(session().fake.modalSubmit({ from: from.id, fields }));
const labelled = (answer: DiscordAnswer, label: string) => {
  const found = answer.buttons.find((b) => b.label === label);
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(answer.buttons.map((b) => b.label))}`);
  return found.custom_id;
};

/** The member joins through both intake modals (and confirms the read-back if one is shown). */
async function joins(user: string, team: string) {
  const opened = await slash(user, "join");
  const saved = await submit(opened, { "t:expertise": "SQL", "t:goals": "public speaking", "t:interests": "", "t:team": team });
  const next = await press(user, saved.buttons[0]?.custom_id as string);
  const reading = await submit(next, { "s:timezone": ["Asia/Jakarta"], "s:language": ["en"], "n:partnersWanted": ["1"] });
  // Topics read clearly need no read-back: the member is in at once.
  const done = reading.buttons.length > 0 ? await press(user, labelled(reading, en("review.confirm"))) : reading;
  expect(done.text).toBe(en("join.done", { number: 1 }));
}

const withFiles = (): RestCall[] => session().fake.calls.filter((c) => c.method === "POST" && c.files.length > 0);

describe("/mentoring report csv on Discord", () => {
  it("sends the organizer the round's CSV as an attachment in their DM, and refuses a member", async () => {
    const { fake, deliver } = session();
    await slash(OLGA, "setup", { name: "Kopi Belajar" });
    await slash(OLGA, "open");
    await joins(BUDI, "Data");
    await joins(DEWI, "Design");
    expect((await slash(OLGA, "match")).text).toContain(en("match.done", { groups: 1 }));

    // A member who chose English is refused in English; one whose Discord is in Indonesian, in Indonesian.
    expect((await slash(BUDI, "report", { export: "csv" })).text).toContain(en("refusal.notOrganizer"));
    const refused = await slash(FAKE_IDS.otherMember, "report", { export: "csv" }, "id");
    expect(refused.text).toContain(id("refusal.notOrganizer"));

    const answer = await run(
      fake.slashCommand({ user: OLGA, subcommand: "report", options: { export: "csv" }, locale: "en-US" }),
    );
    expect(answer.text).toContain("I’ve sent the member list of round 1 to your DMs as sebaya-round-1-");
    await deliver();
    const posts = withFiles();
    expect(posts.map((p) => p.path)).toEqual([`/channels/dm-${OLGA}/messages`]);
    const file = posts[0]?.files[0];
    expect(file?.name).toMatch(/^sebaya-round-1-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file?.contentType).toBe("text/csv");
    expect(file?.size).toBeLessThanOrEqual(ATTACHMENT_MAX_BYTES);
    const bytes = file?.bytes ?? Buffer.alloc(0);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").split("\r\n")).toEqual([
      "Name,Paired with,Sessions held,Sessions missed,Last check-in",
      "'@Dewi=1+1,Budi,0,0,",
      "Budi,'@Dewi=1+1,0,0,",
      "",
    ]);
    const dm = fake.messagesIn(`dm-${OLGA}`).at(-1);
    expect(dm?.content).toContain("Round 1 of Kopi Belajar, one row per member");
    // The program channel shows nothing of it but ephemeral answers.
    const shown = fake.messagesIn(FAKE_IDS.programChannel).filter((m) => (Number(m.flags ?? 0) & MessageFlags.Ephemeral) === 0);
    expect(shown.map((m) => m.content).join("\n")).not.toMatch(/member list|Dewi=/);
    expect(fake.messagesIn(FAKE_IDS.programChannel).some((m) => (m.attachments ?? []).length > 0)).toBe(false);
  });
});
