/**
 * Issue 13, item 1: organizers add, rename, merge and retire topics for their
 * program (`/mentoring topics`), and matching and intros read members' words
 * with those changes; other programs keep the shared vocabulary.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { topicEditsOf } from "../../src/core/matching/topic-edits";
import { CHANNEL, Harness } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const en = translator("en");

beforeEach(async () => {
  h = new Harness(tdb.db);
  await h.openProgram();
});

const stored = async () =>
  topicEditsOf((await tdb.db.kysely.selectFrom("programs").select("topic_edits").executeTakeFirstOrThrow()).topic_edits);
const intro = async () => (await h.outbox()).find((r) => r.idempotency_key.startsWith("intro:"))?.text ?? "";

describe("/mentoring topics", () => {
  it("lists the program's topics and that nothing was changed yet", async () => {
    const text = await h.text("olga", { type: "program.topics" });
    expect(text).toContain(en("topics.noChanges"));
    expect(text).toMatch(/Topics in .*: 2\d\d/);
  });

  it("merge: 'statistik' is read as data analysis in this program, and the intro names it", async () => {
    await h.join("ani", { expertise: ["Statistik"], goals: ["public speaking"] });
    await h.join("budi", { expertise: ["public speaking"], goals: ["analisis data"] });
    const text = await h.text("olga", { type: "program.topics", change: "merge statistik | into data analysis" });
    expect(text).toContain(en("topics.saved"));
    expect(text).toContain("Merged: Statistics is read as Data analysis");
    expect((await stored()).merged).toEqual({ statistics: "data-analysis" });
    await h.run("olga", { type: "round.match" });
    expect(await intro()).toContain("Ani can share data analysis, which Budi wants to learn.");
  });

  it("without the merge the two are different topics: no such line in the intro", async () => {
    await h.join("ani", { expertise: ["Statistik"], goals: ["public speaking"] });
    await h.join("budi", { expertise: ["public speaking"], goals: ["analisis data"] });
    await h.run("olga", { type: "round.match" });
    expect(await intro()).not.toContain("Ani can share data analysis");
  });

  it("type-ahead offers a topic added here in this program's channel only, never to another workspace", async () => {
    await h.run("olga", { type: "program.topics", change: "add Design ops | Operasional desain | designops, ops desain" });
    const labels = async (tenantId: string, channelId: string | undefined, language: "en" | "id") =>
      (
        await h.core.suggestTopics({
          platform: "console",
          tenantId,
          ...(channelId ? { channelId } : {}),
          query: "design",
          language,
        })
      ).map((s) => s.label);
    expect(await labels("T1", CHANNEL, "en")).toContain("Design ops");
    expect(await labels("T1", CHANNEL, "id")).toContain("Operasional desain");
    // The same channel id in another workspace, or no channel at all: the shared vocabulary.
    expect(await labels("T2", CHANNEL, "en")).not.toContain("Design ops");
    expect(await labels("T1", undefined, "en")).not.toContain("Design ops");
    expect((await labels("T1", undefined, "en")).length).toBeGreaterThan(0);
    // The hints a terminal shows under a typed list read it the same way.
    const hints = (tenantId: string) =>
      h.core.topicHints({ platform: "console", tenantId, channelId: CHANNEL, query: "designops", language: "en" });
    expect(await hints("T1")).toEqual([en("hint.read", { topics: "Design ops" })]);
    expect((await hints("T2")).join(" ")).not.toContain("Design ops");
    // A retired topic is no longer offered here.
    await h.run("olga", { type: "program.topics", change: "retire graphic design" });
    expect(await labels("T1", CHANNEL, "en")).not.toContain("Graphic design");
    expect(await labels("T1", undefined, "en")).toContain("Graphic design");
  });

  it("add: a topic the vocabulary lacks, with its names in both languages and other names members use", async () => {
    await h.run("olga", { type: "program.topics", change: "add Design ops | Operasional desain | designops, ops desain" });
    expect((await stored()).added).toEqual([
      { id: "design-ops", label: { en: "Design ops", id: "Operasional desain" }, aliases: ["designops", "ops desain"] },
    ]);
    await h.join("ani", { expertise: ["DesignOps rituals"], goals: ["public speaking"] });
    await h.join("budi", { expertise: ["public speaking"], goals: ["operasional desain"] });
    await h.run("olga", { type: "round.match" });
    expect(await intro()).toContain("Ani can share design ops, which Budi wants to learn.");
  });

  it("rename: intros use the program's name for a topic; the old names are still read", async () => {
    await h.run("olga", { type: "program.topics", change: "rename ux research | User interviews | Wawancara pengguna" });
    await h.join("ani", { expertise: ["riset UX"], goals: ["public speaking"] });
    await h.join("budi", { expertise: ["public speaking"], goals: ["UX research"] });
    await h.run("olga", { type: "round.match" });
    expect(await intro()).toContain("Ani can share user interviews, which Budi wants to learn.");
  });

  it("retire: the topic is no longer read, so its text is compared as written", async () => {
    await h.run("olga", { type: "program.topics", change: "retire excel" });
    expect((await stored()).retired).toEqual(["excel"]);
    // "Microsoft Excel" no longer meets "spreadsheet" (an alias of the retired topic).
    await h.join("ani", { expertise: ["Microsoft Excel"], goals: ["public speaking"] });
    await h.join("budi", { expertise: ["public speaking"], goals: ["spreadsheet"] });
    await h.run("olga", { type: "round.match" });
    expect(await intro()).not.toContain("Ani can share");
  });

  it("refuses what it cannot read, in the organizer's words, and stores nothing", async () => {
    for (const [change, key, name] of [
      ["merge statistik | kopi tubruk", "topics.unknown", "kopi tubruk"],
      ["merge statistik | statistics", "topics.sameTopic", ""],
      ["add Data analysis | Analisis data", "topics.exists", "Data analysis"],
      ["add X", "topics.badLabel", ""],
      ["frobnicate statistik", "topics.usage", ""],
    ] as const) {
      const text = await h.text("olga", { type: "program.topics", change });
      expect(text, change).toContain(en(key, { name }));
    }
    expect(await tdb.db.kysely.selectFrom("programs").select("topic_edits").executeTakeFirstOrThrow()).toEqual({
      topic_edits: null,
    });
    const id = translator("id");
    expect(await h.text("olga", { type: "program.topics", change: "gabung statistik | kopi" }, { locale: "id-ID" })).toContain(
      id("topics.unknown", { name: "kopi" }),
    );
  });

  it("is for organizers only", async () => {
    await h.join("ani");
    const text = await h.text("ani", { type: "program.topics", change: "retire excel" });
    expect(text).not.toContain(en("topics.saved"));
    expect(await tdb.db.kysely.selectFrom("programs").select("topic_edits").executeTakeFirstOrThrow()).toEqual({
      topic_edits: null,
    });
  });

  it("the text command reads the same in both languages", async () => {
    expect(await h.text("olga", { type: "unknown:x" })).toContain("/mentoring topics");
    const byText = await h.text("olga", { type: "program.topics", change: "hapus excel" }, { locale: "id-ID" });
    expect(byText).toContain(translator("id")("topics.saved"));
    expect((await stored()).retired).toEqual(["excel"]);
  });
});
