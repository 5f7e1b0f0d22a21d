/**
 * Issue 12, item 13: a member reads back their own journal notes, on every
 * platform (a button on status and after saving, `/mentoring notes`), and
 * only its author ever sees them; what they wrote is escaped where shown.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { renderReply } from "../../src/adapters/discord/render";
import { renderMessage } from "../../src/adapters/slack/render";
import { commandFromText } from "../../src/core/commands/slash";
import { translator } from "../../src/core/i18n/translate";
import type { Reply } from "../../src/core/messages/message";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;

beforeEach(async () => {
  h = new Harness(tdb.db);
  await h.openProgram();
  await h.join("ani", { timezone: "WIB" });
  await h.join("budi", { timezone: "WIT", language: "id" });
});

function buttonCommand(reply: Reply, label: string) {
  for (const m of reply.messages)
    for (const b of m.blocks)
      if (b.type === "actions")
        for (const e of b.elements)
          if (e.type === "button" && e.label === label && e.action.kind === "command") return e.action.command;
  return null;
}

const write = (who: string, text: string) => h.run(who, submit({ type: "journal.write" }, { text }), DM);

describe("the private journal", () => {
  it("is read back by its author, newest first, from the button after saving and on status", async () => {
    await write("ani", "Learned window functions with Budi.");
    h.clock.set(new Date(h.clock.now().getTime() + 26 * 3_600_000));
    const saved = await write("ani", "Next time: CTEs <@U999> @everyone");
    const read = buttonCommand(saved, "Read my notes");
    expect(read).toEqual({ type: "journal.read" });
    const notes = replyText(await h.run("ani", read as { type: "journal.read" }, DM));
    expect(notes).toBe(
      [
        "Your private journal",
        "Only you can ever read your journal.",
        "Wednesday, 2 December 2026, 11:00 WIB",
        "Next time: CTEs <@U999> @everyone",
        "Tuesday, 1 December 2026, 09:00 WIB",
        "Learned window functions with Budi.",
        "[Write in journal]",
      ].join("\n"),
    );
    expect(buttonCommand(await h.run("ani", { type: "status" }, DM), "Read my notes")).toEqual({ type: "journal.read" });
  });

  it("shows nobody else's notes, in any language, and no read button before there is a note", async () => {
    await write("ani", "Private: Budi was late again.");
    const status = await h.run("budi", { type: "status" }, DM);
    expect(buttonCommand(status, "Baca catatan saya")).toBeNull();
    const budi = replyText(await h.run("budi", commandFromText("baca"), DM));
    expect(budi).toContain(translator("id")("home.journalEmpty"));
    expect(budi).not.toContain("Budi was late");
    const olga = replyText(await h.run("olga", commandFromText("notes")));
    expect(olga).not.toContain("Budi was late");
    // Nothing the journal holds ever went out to anyone.
    expect((await h.outbox()).filter((r) => r.text.includes("Budi was late"))).toEqual([]);
  });

  it("is escaped where it is shown: a note can mention or ping nobody on Slack or Discord", async () => {
    await write("ani", "<@U999> <!channel> @everyone <https://evil.example|click>");
    const reply = await h.run("ani", commandFromText("notes"), DM);
    const slack = JSON.stringify(reply.messages.map((m) => renderMessage(m)));
    expect(slack).not.toContain("<@U999>");
    expect(slack).not.toContain("<!channel>");
    expect(slack).toContain("&lt;@U999&gt;");
    const discord = renderReply(reply);
    expect(JSON.stringify(discord)).not.toMatch(/(?<!\\)@everyone/);
    for (const payload of discord) expect(payload.allowed_mentions).toMatchObject({ parse: [] });
  });
});
