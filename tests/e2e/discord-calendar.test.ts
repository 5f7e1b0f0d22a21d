/**
 * Issue 18 on Discord: the real discord.js client and the Discord sender against the fake
 * Discord. Budi confirms the routine with the Confirm button in the pair's private thread; each
 * member's DM gets the `.ics` file as an attachment (never the thread), with link buttons to
 * Google Calendar and Outlook; `/calendar off` (its own command: `/mentoring` holds Discord's 25
 * subcommands) stops Citra's files. Every file is read back with ical.js.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { ButtonStyle } from "discord.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { ATTACHMENT_MAX_BYTES } from "../../src/core/messages/attachment";
import { componentsOf } from "../support/discord-answer";
import { useDiscordSession } from "../support/discord-session";
import { FAKE_IDS, type FakeInteraction, type RestCall } from "../support/fake-discord";
import { submit as formSubmit } from "../support/harness";
import { readInvite } from "../support/ics-reader";
import { useTestDb } from "../support/test-db";

const BUDI = FAKE_IDS.member;
const CITRA = FAKE_IDS.otherMember;
const OLGA = FAKE_IDS.owner;
/** Discord's limit for a bot's files in one message. */
const DISCORD_FILES_MAX = 10 * 1024 * 1024;

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

async function run(payload: FakeInteraction): Promise<string> {
  const { fake } = session();
  await fake.interact(payload);
  await quiet();
  return fake
    .responsesTo(payload.id)
    .filter((c) => c.method === "POST" || c.method === "PATCH")
    .map((c) => {
      const body = c.body as Record<string, unknown> | null;
      return (c.path.endsWith("/callback") ? body?.data : body) as Record<string, unknown> | undefined;
    })
    .map((b) => String(b?.content ?? ""))
    .join("\n");
}

const as = (user: string, command: Record<string, unknown>, channelId?: string) =>
  session().core.execute({
    actor: {
      platform: "discord",
      tenantId: FAKE_IDS.application,
      space: FAKE_IDS.guild,
      userId: user,
      displayName: user === BUDI ? "Budi" : user === CITRA ? "Citra" : "Olga",
      isAdmin: user === OLGA,
    },
    ...(channelId ? { channelId } : {}),
    command,
  });

const withFiles = (): RestCall[] => session().fake.calls.filter((c) => c.method === "POST" && c.files.length > 0);

describe("calendar invites on Discord", () => {
  it("the Confirm button sends each member the file in their DM with link buttons; /calendar off stops Citra's, the button under his invite Budi's", async () => {
    const { fake, deliver } = session();
    await as(OLGA, { type: "program.setup", name: "Kopi", language: "en" }, FAKE_IDS.programChannel);
    await as(OLGA, { type: "round.open" }, FAKE_IDS.programChannel);
    for (const [user, language, timezone] of [
      [BUDI, "en", "Asia/Makassar"],
      [CITRA, "id", "Asia/Jakarta"],
    ] as const) {
      const intake = {
        expertise: ["SQL"],
        goals: ["design"],
        interests: ["kopi"],
        team: user,
        timezone,
        language,
        partnersWanted: 1,
      };
      await as(user, formSubmit({ type: "round.join" }, intake), FAKE_IDS.programChannel);
    }
    await as(OLGA, { type: "round.match" }, FAKE_IDS.programChannel);
    const pairing = await tdb.db.kysely.selectFrom("pairings").select("id").executeTakeFirstOrThrow();
    // Citra proposes Mondays 13:00 WIB every two weeks; the proposal reaches the pair's thread.
    await as(
      CITRA,
      formSubmit({ type: "cadence.propose", pairingId: pairing.id }, { everyDays: 14, minutes: 60, weekday: 1, time: "13:00" }),
    );
    await deliver();
    const thread = await tdb.db.kysely.selectFrom("pairing_conversations").select("conversation_id").executeTakeFirstOrThrow();
    const confirm = fake
      .messagesIn(thread.conversation_id)
      .flatMap(componentsOf)
      .find((c) => c.label === "Confirm");
    expect(confirm?.custom_id).toBeTruthy();
    await run(fake.buttonPress({ user: BUDI, customId: confirm?.custom_id as string }));
    await deliver();

    const posts = withFiles();
    expect(posts.map((p) => p.path).sort()).toEqual([`/channels/dm-${BUDI}/messages`, `/channels/dm-${CITRA}/messages`].sort());
    for (const post of posts) {
      const file = post.files[0];
      expect(file?.name).toBe("sebaya-sessions.ics");
      expect(file?.contentType).toBe("text/calendar");
      expect(file?.size).toBeLessThanOrEqual(Math.min(ATTACHMENT_MAX_BYTES, DISCORD_FILES_MAX));
      const read = readInvite(file?.bytes.toString("utf8") ?? "");
      expect(read.method).toBe("REQUEST");
      expect(read.tzid).toBe("Asia/Jakarta");
      expect(read.rrule).toContain("INTERVAL=2");
      expect(new Set(read.starts.map((d) => DateTime.fromJSDate(d).setZone("Asia/Jakarta").toFormat("ccc HH:mm")))).toEqual(
        new Set(["Mon 13:00"]),
      );
    }
    // The thread carries no file; each DM has the link buttons (style 5, a URL within 512 characters).
    expect(fake.messagesIn(thread.conversation_id).flatMap((m) => m.attachments ?? [])).toEqual([]);
    for (const user of [BUDI, CITRA]) {
      const links = fake
        .messagesIn(`dm-${user}`)
        .flatMap(componentsOf)
        .filter((c) => c.style === ButtonStyle.Link);
      expect(links.map((l) => new URL(l.url ?? "").host)).toEqual(["calendar.google.com", "outlook.office.com"]);
      for (const l of links) expect((l.url ?? "").length).toBeLessThanOrEqual(512);
    }
    const budiDm = fake
      .messagesIn(`dm-${BUDI}`)
      .map((m) => m.content)
      .join("\n");
    // Budi reads his time in WITA: 14:00.
    expect(budiDm).toContain("Next session: Monday, 7 December 2026, 14:00 WITA");

    // Citra turns invites off with /calendar (in Indonesian: /kalender mati); Budi's break reaches Budi alone.
    const answer = await run(fake.slashCommand({ user: CITRA, name: "calendar", options: { state: "mati" }, locale: "id" }));
    expect(answer).toContain("Undangan kalender dimatikan");
    const before = withFiles().length;
    await as(BUDI, formSubmit({ type: "pause" }, { until: "2026-12-20" }));
    await deliver();
    const later = withFiles().slice(before);
    expect(later.map((p) => p.path)).toEqual([`/channels/dm-${BUDI}/messages`]);
    expect(readInvite(later[0]?.files[0]?.bytes.toString("utf8") ?? "").method).toBe("CANCEL");

    // Budi stops his with the button under his invite, as people would; his break's end then sends no file to anyone.
    const invite = fake.messagesIn(`dm-${BUDI}`).find((m) => componentsOf(m).some((c) => c.label === "Stop calendar invites"));
    const stop = invite && componentsOf(invite).find((c) => c.label === "Stop calendar invites");
    expect(stop?.custom_id, "a button to stop invites under Budi's invite").toBeTruthy();
    const pressed = await run(fake.buttonPress({ user: BUDI, customId: stop?.custom_id as string, message: invite }));
    expect(pressed).toContain("Calendar invites are off");
    expect(await tdb.db.kysely.selectFrom("calendar_opt_outs").select("member_id").execute()).toHaveLength(2);
    const stopped = withFiles().length;
    await as(BUDI, { type: "resume" });
    await deliver();
    expect(withFiles()).toHaveLength(stopped);
  });
});
