/**
 * Issue 18 on Slack: the real Bolt app, the real dispatcher and Slack sender, the fake Slack. A
 * routine confirmed with the proposal's button puts an `.ics` file into each member's own DM
 * (files.uploadV2), with Google and Outlook link buttons beside it; Budi presses the button under
 * his invite that stops them, and a later change reaches Ani alone. Every file is read back with ical.js.
 */
import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAppCore } from "../../src/app";
import { translator } from "../../src/core/i18n/translate";
import { ATTACHMENT_MAX_BYTES } from "../../src/core/messages/attachment";
import { FakeSlack, SLACK_FILE_MAX } from "../support/fake-slack";
import { submit as formSubmit } from "../support/harness";
import { readInvite } from "../support/ics-reader";
import { PROGRAM_CHANNEL, type SlackButton, SlackDriver, TEAM, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const slack = new FakeSlack();
const driver = new SlackDriver(slack, () => tdb.db);
const id = translator("id");

beforeAll(async () => {
  await slack.start();
});
afterAll(async () => {
  await slack.stop();
});
afterEach(async () => {
  await driver.stop();
  slack.files.length = 0;
});

describe("calendar invites on Slack", () => {
  it("a confirmed routine sends each member the file in their own DM, with link buttons; calendar off stops Budi's", async () => {
    await driver.start();
    slack.users.set("U-ANI", { real_name: "Ani", locale: "en-US" });
    slack.users.set("U-BUDI", { real_name: "Budi", locale: "id-ID" });
    const core = createAppCore({ db: tdb.db, clock: driver.clock });
    const as = (user: string, command: Record<string, unknown>, channelId?: string) =>
      core.execute({
        actor: { platform: "slack", tenantId: TEAM, space: TEAM, userId: user, displayName: user, isAdmin: user === "U-OLGA" },
        channelId,
        command,
      });
    await as("U-OLGA", { type: "program.setup", name: "Kopi", language: "en" }, PROGRAM_CHANNEL.id);
    await as("U-OLGA", { type: "round.open" }, PROGRAM_CHANNEL.id);
    for (const [user, language, timezone] of [
      ["U-ANI", "en", "Europe/Amsterdam"],
      ["U-BUDI", "id", "Asia/Jayapura"],
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
      await as(user, formSubmit({ type: "round.join" }, intake), PROGRAM_CHANNEL.id);
    }
    await as("U-OLGA", { type: "round.match" }, PROGRAM_CHANNEL.id);
    const pairing = await tdb.db.kysely.selectFrom("pairings").select("id").executeTakeFirstOrThrow();
    await as(
      "U-ANI",
      formSubmit({ type: "cadence.propose", pairingId: pairing.id }, { everyDays: 7, minutes: 45, weekday: 4, time: "09:00" }),
    );
    // Budi presses Confirm under the proposal in the pair's conversation.
    const proposal = await tdb.db.kysely
      .selectFrom("pairings")
      .select("proposal_at")
      .where("id", "=", pairing.id)
      .executeTakeFirstOrThrow();
    const before = driver.responded().length;
    await driver.press("U-BUDI", {
      action_id: "sebaya:0",
      value: JSON.stringify({ type: "cadence.confirm", pairingId: pairing.id, proposalOf: proposal.proposal_at?.toISOString() }),
    });
    await until(
      () => JSON.stringify(driver.responded().slice(before)).includes("jadwalnya sudah disepakati"),
      "the confirmation",
    );
    await driver.deliver();

    expect(slack.files.map((f) => f.channel).sort()).toEqual(["D-U-ANI", "D-U-BUDI"]);
    for (const file of slack.files) {
      expect(file.filename).toBe("sebaya-sessions.ics");
      expect(file.length).toBe(file.bytes.length);
      expect(file.length).toBeLessThanOrEqual(Math.min(ATTACHMENT_MAX_BYTES, SLACK_FILE_MAX));
      const read = readInvite(file.bytes.toString("utf8"));
      expect(read.method).toBe("REQUEST");
      expect(read.tzid).toBe("Europe/Amsterdam");
      expect(new Set(read.starts.map((d) => DateTime.fromJSDate(d).setZone("Europe/Amsterdam").toFormat("ccc HH:mm")))).toEqual(
        new Set(["Thu 09:00"]),
      );
      // The links are URL buttons beside the file.
      const urls = JSON.stringify(file.blocks).match(/"url":"(https:[^"]+)"/g) ?? [];
      expect(urls.map((u) => new URL(u.slice(7, -1)).host)).toEqual(["calendar.google.com", "outlook.office.com"]);
    }
    const budi = slack.files.find((f) => f.channel === "D-U-BUDI");
    expect(JSON.stringify(budi?.blocks)).toContain("Jadwal sesi Anda dengan U-ANI untuk kalender");
    // Thursday 09:00 in Amsterdam is 17:00 in Jayapura (WIT) in December.
    expect(JSON.stringify(budi?.blocks)).toContain("17.00 WIT");
    // Nothing of it in a channel or the pair's group DM.
    expect(slack.of("chat.postMessage").filter((c) => JSON.stringify(c.args).includes("sebaya-sessions"))).toEqual([]);

    // A press on a link button opened the page: acknowledged (200), and nobody is told anything.
    const linkAction = /"action_id":"(sebaya-link:\d+)"/.exec(JSON.stringify(budi?.blocks))?.[1];
    expect(linkAction).toBeDefined();
    const heard = driver.responded().length;
    const ephemerals = slack.of("chat.postEphemeral").length;
    expect((await driver.press("U-BUDI", { action_id: linkAction as string, value: "" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(driver.responded()).toHaveLength(heard);
    expect(slack.of("chat.postEphemeral")).toHaveLength(ephemerals);

    // Budi turns invites off with the button under his invite; Ani's break then reaches Ani alone.
    const off = ((budi?.blocks ?? []) as Array<{ type: string; elements?: SlackButton[] }>)
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements ?? [])
      .find((b) => b.text?.text === id("calendar.offButton"));
    expect(off, "a button to stop invites under the invite").toBeDefined();
    await driver.press("U-BUDI", off as SlackButton, { channel: { id: "D-U-BUDI", name: "directmessage" } });
    await until(() => JSON.stringify(driver.responded()).includes("Undangan kalender dimatikan"), "the calendar off reply");
    expect(await tdb.db.kysely.selectFrom("calendar_opt_outs").select("member_id").execute()).toHaveLength(1);
    slack.files.length = 0;
    await as("U-ANI", formSubmit({ type: "pause" }, { until: "2026-12-20" }));
    await driver.deliver();
    expect(slack.files.map((f) => f.channel)).toEqual(["D-U-ANI"]);
    expect(readInvite(slack.files[0]?.bytes.toString("utf8") ?? "").method).toBe("CANCEL");
  });
});
