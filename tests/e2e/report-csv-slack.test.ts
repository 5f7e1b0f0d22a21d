/**
 * The organizers' CSV on Slack (issue 17): the real Bolt app, dispatcher and
 * Slack sender against the fake Slack. Members join through the intake modal,
 * the organizer matches and types `/mentoring report csv`; the reply is
 * ephemeral and the file is uploaded (files.uploadV2's steps) into the
 * organizer's own DM, never a channel. A member typing `rekap csv` is
 * refused, in Indonesian.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { ATTACHMENT_MAX_BYTES } from "../../src/core/messages/attachment";
import { FakeSlack, SLACK_FILE_MAX } from "../support/fake-slack";
import { button, PROGRAM_CHANNEL, SlackDriver, until } from "../support/slack-driver";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const slack = new FakeSlack();
const driver = new SlackDriver(slack, () => tdb.db);
const en = translator("en");
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

const text = (value: unknown) => JSON.stringify(value ?? {});

describe("/mentoring report csv on Slack", () => {
  it("uploads the round's CSV into the organizer's DM, and refuses a member in their language", async () => {
    await driver.start();
    slack.users.set("U-OLGA", { real_name: "Olga", tz: "Asia/Jakarta", locale: "en-US", is_admin: true });
    slack.users.set("U-ANI", { real_name: "Ani", tz: "Asia/Jakarta", locale: "en-US" });
    slack.users.set("U-BUDI", { real_name: '+Budi, "B"', tz: "Asia/Jakarta", locale: "en-US" });
    slack.users.set("U-CITRA", { real_name: "Citra", tz: "Asia/Jakarta", locale: "id-ID" });

    // Each command is answered before the next, as a person would wait: Bolt runs them after acknowledging, in any order.
    await driver.slash("U-OLGA", "setup Kopi Belajar");
    await until(() => driver.responded().length === 1, "the setup reply");
    await driver.slash("U-OLGA", "open");
    await until(() => driver.responded().length === 2, "the open reply");
    await driver.deliver();
    const join = button(driver.posted(PROGRAM_CHANNEL.id)[0], en("round.announce.join", { number: 1 }));
    for (const [i, user] of ["U-ANI", "U-BUDI"].entries()) {
      const opened = slack.of("views.open").length;
      await driver.press(user, join, { channel: PROGRAM_CHANNEL });
      await until(() => slack.of("views.open").length === opened + 1, `the intake modal for ${user}`);
      const view = driver.lastView();
      const values = driver.fill(view, {
        expertise: ["SQL", "public speaking"][i] as string,
        goals: ["public speaking", "SQL"][i] as string,
        interests: "kopi",
        team: `team-${i}`,
      });
      const dms = slack.of("chat.postMessage").length;
      await driver.submit(user, view, values);
      await until(() => slack.of("chat.postMessage").length === dms + 1, `the confirmation for ${user}`);
      expect(text(slack.of("chat.postMessage").at(-1))).toContain(en("join.done", { number: 1 }));
    }
    await driver.slash("U-OLGA", "match");
    await until(() => driver.responded().length === 3, "the match reply");
    await driver.deliver();

    // A member is refused, in Indonesian for an Indonesian Slack, and nothing is uploaded.
    await driver.slash("U-CITRA", "rekap csv");
    await until(() => driver.responded().length === 4, "the refusal");
    expect(text(driver.responded()[3]?.args)).toContain(id("refusal.notOrganizer").slice(0, 40));

    await driver.slash("U-OLGA", "report csv");
    await until(() => driver.responded().length === 5, "the report csv reply");
    const reply = driver.responded()[4]?.args as { response_type?: string };
    expect(reply.response_type ?? "ephemeral").toBe("ephemeral");
    expect(text(reply)).toContain("I’ve sent the member list of round 1 to your DMs");
    await driver.deliver();

    expect(slack.files).toHaveLength(1);
    const file = slack.files[0];
    expect(slack.of("conversations.open").at(-1)?.args.users).toBe("U-OLGA");
    expect(file?.channel).toBe("D-U-OLGA");
    expect(file?.filename).toMatch(/^sebaya-round-1-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file?.length).toBe(file?.bytes.length);
    expect(file?.length).toBeLessThanOrEqual(Math.min(ATTACHMENT_MAX_BYTES, SLACK_FILE_MAX));
    const bytes = file?.bytes ?? Buffer.alloc(0);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").split("\r\n")).toEqual([
      "Name,Paired with,Sessions held,Sessions missed,Last check-in",
      '"\'+Budi, ""B""",Ani,0,0,',
      'Ani,"\'+Budi, ""B""",0,0,',
      "",
    ]);
    expect(text(file?.blocks)).toContain("Round 1 of Kopi Belajar, one row per member");
    // Nothing of it in the program channel.
    expect(driver.posted(PROGRAM_CHANNEL.id).filter((c) => text(c.args).includes("member list"))).toEqual([]);
    expect(slack.files.filter((f) => f.channel === PROGRAM_CHANNEL.id)).toEqual([]);
  });
});
