/**
 * Issue 16 item 1 on Slack: the real Bolt app, the real dispatcher and Slack
 * sender, the fake Slack. A member types /mentoring mydata (or datasaya); the
 * reply is ephemeral, and their DM gets the summary with the JSON file,
 * uploaded the way files.uploadV2 does (get an upload URL, POST the bytes,
 * complete the upload into the DM). Nothing of it reaches a channel.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ATTACHMENT_MAX_BYTES } from "../../src/core/messages/attachment";
import { FakeSlack, SLACK_FILE_MAX } from "../support/fake-slack";
import { PROGRAM_CHANNEL, SlackDriver, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const slack = new FakeSlack();
const driver = new SlackDriver(slack, () => tdb.db);
const NOTE = "NOTE-s1 my own words <@U-BUDI> @channel";

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

const responded = () => driver.responded();

describe("/mentoring mydata on Slack", () => {
  it("answers privately and puts the summary and the file in the member's DM", async () => {
    await driver.start();
    slack.users.set("U-ANI", { real_name: "Ani", locale: "en-US" });
    await driver.slash("U-ANI", `journal ${NOTE}`);
    await until(() => responded().length === 1, "the journal reply");
    await driver.slash("U-ANI", "mydata");
    await until(() => responded().length === 2, "the mydata reply");
    const reply = responded()[1]?.args as { response_type?: string; text?: string; blocks?: unknown };
    expect(reply.response_type ?? "ephemeral").toBe("ephemeral");
    expect(JSON.stringify(reply)).toContain("I’ve sent everything Sebaya holds about you to your DMs");
    expect(JSON.stringify(reply)).not.toContain("NOTE-s1");

    await driver.deliver();
    expect(slack.files).toHaveLength(1);
    const file = slack.files[0];
    // In Ani's own DM, opened for her alone.
    expect(slack.of("conversations.open").at(-1)?.args.users).toBe("U-ANI");
    expect(file?.channel).toBe("D-U-ANI");
    expect(file?.filename).toMatch(/^sebaya-mydata-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file?.length).toBe(file?.bytes.length);
    expect(file?.length).toBeLessThanOrEqual(Math.min(ATTACHMENT_MAX_BYTES, SLACK_FILE_MAX));
    const json = JSON.parse(file?.bytes.toString("utf8") ?? "{}") as {
      member: { displayName: string };
      journal: Array<{ text: string }>;
    };
    expect(json.member.displayName).toBe("Ani");
    expect(json.journal.map((j) => j.text)).toEqual([NOTE]);
    // The summary is the file's message, in Block Kit.
    const blocks = JSON.stringify(file?.blocks);
    expect(blocks).toContain("Your data in Sebaya");
    expect(blocks).toContain("Journal notes: 1");
    expect(blocks).toContain("/mentoring mydata sends you everything");
    // Nothing went to a channel, and no plain message carried the file instead.
    expect(slack.of("chat.postMessage").filter((c) => JSON.stringify(c.args).includes("Sebaya holds"))).toEqual([]);
    expect(slack.of("chat.postMessage").filter((c) => c.args.channel === PROGRAM_CHANNEL.id)).toEqual([]);
    // Sent, the row keeps its message but no copy of the file.
    const rows = await tdb.db.kysely.selectFrom("outbox").select(["message", "status"]).execute();
    expect(rows.map((r) => r.status)).toContain("sent");
    expect(JSON.stringify(rows.map((r) => r.message))).not.toContain("attachment");
    // The upload went through Slack's three steps.
    expect(slack.calls.map((c) => c.method).filter((m) => m.startsWith("files."))).toEqual([
      "files.getUploadURLExternal",
      "files.completeUploadExternal",
    ]);
  });

  it("speaks Indonesian to a member who reads it, typed as datasaya", async () => {
    await driver.start();
    slack.users.set("U-BUDI", { real_name: "Budi", locale: "id-ID" });
    await driver.slash("U-BUDI", "datasaya");
    await until(() => responded().length === 1, "the datasaya reply");
    expect(JSON.stringify(responded()[0]?.args)).toContain("sudah saya kirim lewat DM");
    await driver.deliver();
    expect(slack.files.map((f) => f.channel)).toEqual(["D-U-BUDI"]);
    const blocks = JSON.stringify(slack.files[0]?.blocks);
    expect(blocks).toContain("Data Anda di Sebaya");
    expect(blocks).toContain("Soal privasi:");
  });

  it("a failed upload is retried, not replaced by a message without the file", async () => {
    await driver.start();
    slack.users.set("U-ANI", { real_name: "Ani", locale: "en-US" });
    slack.script.set("files.completeUploadExternal", [{ error: "internal_error" }]);
    await driver.slash("U-ANI", "mydata");
    await until(() => responded().length === 1, "the mydata reply");
    const first = await driver.deliver();
    expect(first.retried).toBe(1);
    expect(slack.files).toHaveLength(0);
    driver.clock.advance(60_000);
    await driver.deliver();
    expect(slack.files.map((f) => f.channel)).toEqual(["D-U-ANI"]);
    expect(slack.of("chat.postMessage")).toEqual([]);
  });
});
