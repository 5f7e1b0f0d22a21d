/**
 * Issue 17 on Slack: the organizer's chart through the real Bolt app, the
 * real dispatcher and Slack sender, the fake Slack. /mentoring report answers
 * privately, and the organizer's own DM gets the chart as a PNG uploaded the
 * way files.uploadV2 does, with its alt text; nothing reaches the channel.
 */
import { PNG } from "pngjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ATTACHMENT_MAX_BYTES } from "../../src/core/messages/attachment";
import { FakeSlack, SLACK_ALT_TEXT_MAX, SLACK_FILE_MAX } from "../support/fake-slack";
import { PROGRAM_CHANNEL, SlackDriver, until } from "../support/slack-driver";
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
});
