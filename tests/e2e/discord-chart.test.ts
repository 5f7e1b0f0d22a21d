/**
 * Issue 17 on Discord: the organizer's chart through the real discord.js
 * client and the Discord sender against the fake Discord. /mentoring report
 * answers ephemerally; the organizer's DM gets the chart as a PNG attachment
 * with its description (alt text), within Discord's limits.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { MessageFlags } from "discord.js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { answerOf, componentsOf } from "../support/discord-answer";
import { useDiscordSession } from "../support/discord-session";
import {
  ATTACHMENT_DESCRIPTION_MAX,
  ATTACHMENT_SIZE_LIMIT,
  FAKE_IDS,
  type FakeInteraction,
  type RestCall,
} from "../support/fake-discord";
import { useTestDb } from "../support/test-db";

const OLGA = FAKE_IDS.owner;

const tdb = useTestDb();
const session = useDiscordSession(tdb);

async function quiet(ms = 150): Promise<void> {
  const { fake } = session();
  let seen = -1;
  while (seen !== fake.calls.length) {
    seen = fake.calls.length;
    await sleep(ms);
  }
}

async function run(payload: FakeInteraction) {
  const { fake } = session();
  await fake.interact(payload);
  await quiet(300);
  const bodies = fake
    .responsesTo(payload.id)
    .filter((c) => c.method === "POST" || c.method === "PATCH")
    .map((c) => {
      const body = c.body as Record<string, unknown> | null;
      return (c.path.endsWith("/callback") ? body?.data : body) as Record<string, unknown> | undefined;
    })
    .filter((b): b is Record<string, unknown> => !!b && typeof b.content === "string");
  return {
    text: bodies.map((b) => b.content).join("\n"),
    ephemeral: bodies.map((b) => (Number(b.flags ?? 0) & MessageFlags.Ephemeral) !== 0),
  };
}

describe("the organizer's chart on Discord", () => {
  it("goes to the organizer's DM as a PNG attachment with its description, within Discord's limits", async () => {
    const { fake, deliver } = session();
    await run(fake.slashCommand({ user: OLGA, subcommand: "setup", options: { name: "Kopi Belajar" } }));
    await run(fake.slashCommand({ user: OLGA, subcommand: "open" }));
    const answer = await run(fake.slashCommand({ user: OLGA, subcommand: "report", locale: "id" }));
    expect(answer.text).toContain("Grafik Kopi Belajar sudah saya kirim ke DM Anda.");
    expect(answer.ephemeral.every(Boolean)).toBe(true);

    await deliver();
    const posts = fake.calls.filter((c) => c.method === "POST" && c.files.length > 0);
    expect(posts).toHaveLength(1);
    const post = posts[0] as RestCall;
    expect(post.path).toBe(`/channels/dm-${OLGA}/messages`);
    const file = post.files[0];
    expect(file?.name).toMatch(/^sebaya-chart-round-1-\d{4}-\d{2}-\d{2}\.png$/);
    expect(file?.contentType).toBe("image/png");
    expect(file?.size).toBeLessThanOrEqual(ATTACHMENT_SIZE_LIMIT);
    expect(PNG.sync.read(file?.bytes as Buffer).width).toBeGreaterThan(500);
    const sent = fake.messagesIn(`dm-${OLGA}`).at(-1)?.attachments?.[0] as { filename: string; description?: string };
    expect(sent.filename).toBe(file?.name);
    expect(sent.description).toContain("Putaran 1: mendaftar: 0");
    expect(sent.description?.length).toBeLessThanOrEqual(ATTACHMENT_DESCRIPTION_MAX);
    const dmText = fake
      .messagesIn(`dm-${OLGA}`)
      .map((m) => m.content)
      .join("\n");
    expect(dmText).toContain("Ini grafik untuk Kopi Belajar");
    expect(fake.messagesIn(FAKE_IDS.programChannel).some((m) => m.attachments?.length)).toBe(false);
  }, 60_000);

  it("draws every round of a program that ran two, from members who joined through the intake modals", async () => {
    const { fake, deliver } = session();
    const ask = (payload: FakeInteraction) => answerOf(fake, payload);
    const slash = (user: string, subcommand: string, options: Record<string, string> = {}) =>
      ask(fake.slashCommand({ user, subcommand, options, locale: "en-US" }));
    /** The member joins through both intake modals, confirming the read-back when one is shown. */
    const joins = async (user: string, team: string) => {
      const opened = await slash(user, "join");
      const saved = await ask(
        fake.modalSubmit({
          from: opened.id,
          fields: { "t:expertise": "SQL", "t:goals": "public speaking", "t:interests": "", "t:team": team },
        }),
      );
      const next = await ask(fake.buttonPress({ user, customId: saved.buttons[0]?.custom_id as string, locale: "en-US" }));
      const reading = await ask(
        fake.modalSubmit({
          from: next.id,
          fields: { "s:timezone": ["Asia/Jakarta"], "s:language": ["en"], "n:partnersWanted": ["1"] },
        }),
      );
      if (reading.buttons.length > 0)
        await ask(fake.buttonPress({ user, customId: reading.buttons.at(-1)?.custom_id as string, locale: "en-US" }));
    };
    await slash(OLGA, "setup", { name: "Kopi Belajar" });
    await slash(OLGA, "open");
    await joins(FAKE_IDS.member, "Data");
    await joins(FAKE_IDS.otherMember, "Design");
    await slash(OLGA, "match");
    await slash(OLGA, "close");
    await slash(OLGA, "open");
    await joins(FAKE_IDS.member, "Data");
    await slash(OLGA, "report");
    await deliver();

    // Every chart (the round's retrospective, the report) went to the organizer's DM, and only there.
    const posts = fake.calls.filter((c) => c.method === "POST" && c.files.length > 0);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.map((p) => p.path)).toEqual(posts.map(() => `/channels/dm-${OLGA}/messages`));
    const described = fake
      .messagesIn(`dm-${OLGA}`)
      .flatMap((m) => (m.attachments ?? []) as Array<{ description?: string }>)
      .map((a) => a.description ?? "");
    const report = described.at(-1);
    expect(report).toContain("Round 1: joined: 2, matched: 2");
    expect(report).toContain("Round 2: joined: 1, matched: 0");
    expect(fake.messagesIn(FAKE_IDS.programChannel).some((m) => m.attachments?.length)).toBe(false);
    // Round 1's retrospective names the CSV as Discord asks for it: the report's `export` option.
    const dm = fake
      .messagesIn(`dm-${OLGA}`)
      .map((m) => m.content)
      .join("\n");
    expect(dm).toContain("one row per member: /mentoring report export: csv 1");

    // Olga presses the button under it for that round's member list: a CSV attachment in her DM, round 1's two members.
    const retrospective = fake.messagesIn(`dm-${OLGA}`).find((m) => m.content?.includes("Round 1 of Kopi Belajar"));
    const csv = retrospective && componentsOf(retrospective).find((c) => c.label === "Member list (CSV)");
    expect(csv?.custom_id, "the CSV button under round 1's retrospective").toBeTruthy();
    const pressed = await ask(fake.buttonPress({ user: OLGA, customId: csv?.custom_id as string, message: retrospective }));
    expect(pressed.text).toContain("I’ve sent the member list of round 1 to your DMs");
    const before = fake.calls.filter((c) => c.method === "POST" && c.files.length > 0).length;
    await deliver();
    const lists = fake.calls.filter((c) => c.method === "POST" && c.files.length > 0).slice(before);
    expect(lists.map((p) => [p.path, p.files[0]?.name])).toEqual([
      [`/channels/dm-${OLGA}/messages`, expect.stringMatching(/round-1-[\d-]+\.csv$/)],
    ]);
    expect(lists[0]?.files[0]?.bytes.toString("utf8").trim().split("\r\n")).toHaveLength(3);
  }, 120_000);
});
