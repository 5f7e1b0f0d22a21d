/**
 * Issue 17 on Slack: the organizer's chart through the real Bolt app, the
 * real dispatcher and Slack sender, the fake Slack. /mentoring report answers
 * privately, and the organizer's own DM gets the chart as a PNG uploaded the
 * way files.uploadV2 does, with its alt text; nothing reaches the channel.
 */
import { PNG } from "pngjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { ATTACHMENT_MAX_BYTES } from "../../src/core/messages/attachment";
import { FakeSlack, SLACK_ALT_TEXT_MAX, SLACK_FILE_MAX } from "../support/fake-slack";
import { button, PROGRAM_CHANNEL, SlackDriver, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
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
  slack.files.length = 0;
});

describe("the organizer's chart on Slack", () => {
  it("is uploaded into the organizer's own DM as a PNG with alt text, within Slack's limits", async () => {
    await driver.start();
    await driver.slash("U-OLGA", "setup Kopi");
    await until(() => driver.responded().length === 1, "the setup reply");
    await driver.slash("U-OLGA", "open");
    await until(() => driver.responded().length === 2, "the open reply");
    await driver.slash("U-OLGA", "report");
    await until(() => driver.responded().length === 3, "the report");
    const reply = driver.responded()[2]?.args as { response_type?: string };
    expect(reply.response_type ?? "ephemeral").toBe("ephemeral");
    expect(JSON.stringify(reply)).toContain("Grafik Kopi sudah saya kirim ke DM Anda.");

    await driver.deliver();
    expect(slack.files).toHaveLength(1);
    const file = slack.files[0];
    expect(slack.of("conversations.open").at(-1)?.args.users).toBe("U-OLGA");
    expect(file?.channel).toBe("D-U-OLGA");
    expect(file?.filename).toMatch(/^sebaya-chart-round-1-\d{4}-\d{2}-\d{2}\.png$/);
    expect(file?.length).toBe(file?.bytes.length);
    expect(file?.length).toBeLessThanOrEqual(Math.min(ATTACHMENT_MAX_BYTES, SLACK_FILE_MAX));
    // A picture Slack can show, described for screen readers in the program's language (Indonesian, the default).
    expect(PNG.sync.read(file?.bytes as Buffer).width).toBeGreaterThan(500);
    expect(file?.altText).toContain("Putaran 1: mendaftar: 0");
    expect(file?.altText?.length).toBeLessThanOrEqual(SLACK_ALT_TEXT_MAX);
    expect(JSON.stringify(file?.blocks)).toContain("Ini grafik untuk Kopi");
    expect(
      slack
        .of("chat.postMessage")
        .filter((c) => c.args.channel === PROGRAM_CHANNEL.id && JSON.stringify(c.args).includes("grafik")),
    ).toEqual([]);
  }, 60_000);

  it("draws every round of a program that ran two, from members who joined through the Join button", async () => {
    await driver.start();
    const id = translator("id");
    for (const u of ["U-ANI", "U-BUDI", "U-CITRA", "U-DEWI"])
      slack.users.set(u, { real_name: u.slice(2), tz: "Asia/Jakarta", locale: "id-ID" });
    /** The organizer types, then waits for the private answer. */
    const organizer = async (words: string) => {
      const before = driver.responded().length;
      await driver.slash("U-OLGA", words);
      await until(() => driver.responded().length === before + 1, `the answer to ${words}`);
      await driver.deliver();
    };
    /** Members press the round's Join button in the channel and submit the intake modal. */
    const joinRound = async (round: number, users: string[]) => {
      const announcement = driver.posted(PROGRAM_CHANNEL.id).at(-1);
      const join = button(announcement, id("round.announce.join", { number: round }));
      for (const [i, user] of users.entries()) {
        const opened = slack.of("views.open").length;
        await driver.press(user, join, { channel: PROGRAM_CHANNEL });
        await until(() => slack.of("views.open").length === opened + 1, `the intake modal for ${user}`);
        const view = driver.lastView();
        const dms = slack.of("chat.postMessage").length;
        await driver.submit(
          user,
          view,
          driver.fill(view, {
            expertise: ["SQL", "public speaking"][i % 2] as string,
            goals: ["public speaking", "SQL"][i % 2] as string,
            team: `team-${i}`,
          }),
        );
        await until(() => slack.of("chat.postMessage").length > dms, `the confirmation for ${user}`);
      }
    };
    await organizer("setup Kopi");
    await organizer("open");
    await joinRound(1, ["U-ANI", "U-BUDI"]);
    await organizer("match");
    await organizer("close");
    await organizer("open");
    await joinRound(2, ["U-ANI", "U-BUDI", "U-CITRA", "U-DEWI"]);
    await organizer("match");
    const uploaded = slack.files.length;
    await organizer("report");
    await until(() => slack.files.length > uploaded, "the report's chart");

    // Every chart (the round's retrospective, the report) went to the organizer's DM, and only there.
    expect(slack.files.map((f) => f.channel)).toEqual(slack.files.map(() => "D-U-OLGA"));
    const chart = slack.files.at(-1);
    expect(chart?.altText).toContain("Putaran 1: mendaftar: 2, dapat pasangan: 2");
    expect(chart?.altText).toContain("Putaran 2: mendaftar: 4, dapat pasangan: 4");
    expect(PNG.sync.read(chart?.bytes as Buffer).width).toBeGreaterThan(500);

    // Under round 1's retrospective in her DM, Olga presses for that round's member list: a CSV, into her DM.
    const retrospective = driver
      .posted("D-U-OLGA")
      .find((c) => JSON.stringify(c.args).includes(id("retro.title", { number: 1, program: "Kopi" })));
    const csv = button(retrospective, id("retro.csvButton"));
    const files = slack.files.length;
    const heard = driver.responded().length;
    await driver.press("U-OLGA", csv, { message: retrospective });
    await until(() => driver.responded().length > heard, "the answer to the CSV button");
    expect(JSON.stringify(driver.responded().slice(heard))).toContain("Daftar anggota putaran 1 sudah saya kirim lewat DM");
    await driver.deliver();
    const list = slack.files.slice(files);
    expect(list.map((f) => [f.channel, f.filename])).toEqual([["D-U-OLGA", expect.stringMatching(/round-1-[\d-]+\.csv$/)]]);
    // Round 1's two members, not round 2's four.
    expect(list[0]?.bytes.toString("utf8").trim().split("\r\n")).toHaveLength(3);
  }, 120_000);
});
