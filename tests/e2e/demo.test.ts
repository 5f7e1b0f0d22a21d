/**
 * The demo, read as a person reads what `npm run demo` prints: one timeline
 * in the order things happened (every heading's moment at or after the one
 * before), each message once with who saw it, and every step of the guide in
 * its turn, in both languages; private text only ever on its author's screen.
 */
import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { ConsoleWorkspace } from "../../src/adapters/console/app";
import { DEMO_START, demoCast, demoTimeline, playDemo } from "../../src/adapters/console/demo-script";
import { createAppCore, playgroundStore } from "../../src/app";
import type { Language } from "../../src/core/domain";
import { type MessageKey, type Params, translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const PROGRAM = "Sahabat Belajar";
const ZONES: Record<string, string> = { WIB: "Asia/Jakarta", WITA: "Asia/Makassar", WIT: "Asia/Jayapura" };

interface Block {
  heading: string;
  /** The heading's moment (its first zone's full date and time). */
  at: Date;
  where: string;
  body: string;
}

/** The printed timeline's blocks: a heading line "── <when> · <where>", then what was seen. */
function blocksOf(printed: string, language: Language): Block[] {
  return printed
    .split(/\n\n(?=── |\[\w+\] > |\n━━━━)/)
    .filter((b) => b.startsWith("── "))
    .map((b) => {
      const [heading = "", ...body] = b.split("\n");
      const [when = "", ...where] = heading.slice(3).split(" · ");
      const full = when.split(" / ")[0] ?? "";
      const zone = /\s(WIB|WITA|WIT)$/.exec(full)?.[1] ?? "";
      const clock = language === "id" ? "HH.mm" : "HH:mm";
      const at = DateTime.fromFormat(full.replace(/\s\S+$/, ""), `cccc, d LLLL yyyy, ${clock}`, {
        locale: language,
        zone: ZONES[zone],
      });
      if (!at.isValid) throw new Error(`unreadable heading: ${heading}`);
      return { heading, at: at.toJSDate(), where: where.join(" · "), body: body.join("\n") };
    });
}

async function play(language: Language) {
  const clock = new ManualClock(DEMO_START);
  const core = createAppCore({ db: tdb.db, clock });
  const { organizer, members } = demoCast(language);
  const ws = new ConsoleWorkspace(core, playgroundStore(tdb.db.kysely), clock, [organizer, ...members]);
  const facts = await playDemo(ws, language);
  return { ws, facts, printed: demoTimeline(ws, facts, language) };
}

describe.each(["id", "en"] as const)("npm run demo, in %s", (language) => {
  it("tells one round of the guide, once, in the order it happened, and keeps private text private", async () => {
    const { ws, facts, printed } = await play(language);
    const t = translator(language);
    const name = (id: string) => ws.person(id).name;
    const names = (ids: string[]) => ids.map(name).join(", ");
    /** A message's words up to where a value this test does not know is filled in. */
    const upTo = (key: MessageKey, params: Params, unknown: string) =>
      t(key, { ...params, [unknown]: "\u0000" }).split("\u0000")[0] as string;
    const blocks = blocksOf(printed, language);
    const with_ = (words: string) => blocks.filter((b) => b.body.includes(words));
    // The round's close (its retrospective) and the closing report send the organizer the chart
    // (issue 17): a PNG file, named in their DM only.
    const chart = ws.savedFiles.find((path) => path.endsWith(".png")) as string;
    expect(readFileSync(chart).subarray(1, 4).toString()).toBe("PNG");
    const namedIn = blocks.filter((b) => b.body.includes(chart)).map((b) => b.where);
    expect(namedIn).toHaveLength(2);
    for (const where of namedIn) expect(where).toContain(`${name(ws.people[0]?.id as string)}`);
    expect(namedIn.every((where) => where === namedIn[0])).toBe(true);
    expect(printed).toContain(t("chart.caption", { name: PROGRAM }));
    const only = (words: string) => {
      const found = with_(words);
      expect(found, words).toHaveLength(1);
      return found[0] as Block;
    };
    const count = (words: string) => printed.split(words).length - 1;
    const onlyFor = (id: string) => `${t("console.timeline.reply")} ${name(id)}`;
    const dmTo = (id: string) => `${t("console.timeline.dm")} ${name(id)}`;
    const together = (ids: string[]) => `${t("console.timeline.pair")}: ${names(ids)}`;
    const answersOf = (id: string) => blocks.filter((b) => b.where === `${t("console.timeline.answers")} ${name(id)}`);

    // Printed once, in time order: no heading goes back in time.
    expect(printed.startsWith(t("demo.title", { program: PROGRAM }))).toBe(true);
    for (const [i, b] of blocks.entries()) {
      if (i > 0) expect(b.at.getTime(), b.heading).toBeGreaterThanOrEqual((blocks[i - 1] as Block).at.getTime());
    }
    expect(new Set(blocks.flatMap((b) => b.heading.match(/\b(WIB|WITA|WIT)\b/g) ?? []))).toEqual(new Set(["WIB", "WITA", "WIT"]));

    // The guide's steps, each once and in order.
    const steps: MessageKey[] = [
      "demo.step.intake",
      "demo.step.match",
      "demo.step.routine",
      "demo.step.private",
      "demo.step.endWell",
      "demo.step.evaluate",
      "demo.step.adjust",
      "demo.step.nudge",
      "demo.step.wrapUp",
    ];
    const at = steps.map((key) => printed.indexOf(`━━━━ ${t(key)} ━━━━`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const section = (key: MessageKey) => {
      const i = steps.indexOf(key);
      return printed.slice(at[i], at[i + 1] ?? printed.length);
    };

    // 1. Intake: each member's answers, seen only by them, then their welcome into the round.
    const { members } = demoCast(language);
    for (const m of members) {
      const [answers] = answersOf(m.id);
      expect(answers?.body).toContain(`${t("field.expertise")}: ${m.intake.expertise.join(", ")}`);
      expect(answers?.body).toContain(`${t("field.goals")}: ${m.intake.goals.join(", ")}`);
      expect(section("demo.step.intake")).toContain(answers?.heading);
    }
    expect(count(t("join.done", { number: 1 }))).toBe(members.length);

    // 2. Matching: two pairs and a trio, each intro printed once, headed with all who received it.
    expect(facts.groups.map((g) => g.length).sort()).toEqual([2, 2, 3]);
    const intros = [...with_(t("intro.title")), ...with_(t("intro.titleTrio"))];
    expect(intros).toHaveLength(3);
    for (const group of facts.groups) {
      const intro = intros.find((b) => b.where === together(group));
      expect(intro, names(group)).toBeDefined();
      expect(intro?.body).toContain(t("intro.whyTitle"));
      expect(intro?.body).toContain(t("intro.agendaTitle"));
      expect(intro?.body).toContain(t("intro.privacy"));
      expect(section("demo.step.match")).toContain(intro?.heading);
    }

    // 3–5. The routine agreed, the first session's reminders and its check-in, each at its own moment.
    const pair = [facts.scheduler, facts.partner];
    // (The intro of whoever joins them later repeats the schedule; this is the pair's own agreement.)
    const agreed = with_(t("cadence.agreed", { everyDays: 14, minutes: 60 })).find((b) => b.where === together(pair));
    if (!agreed) throw new Error("the pair never agreed a routine");
    const firstSessionLine = upTo("cadence.firstSession", { name: name(facts.scheduler) }, "when");
    const when = agreed.body.split(firstSessionLine)[1]?.split("\n")[0] ?? "";
    const [start] = blocksOf(`── ${when} · x\n`, language);
    expect(start).toBeDefined();
    const startMs = start?.at.getTime() ?? 0;
    const ofPair = blocks.filter((b) => b.where === together(pair));
    const minutes = (m: number) => startMs + m * 60_000;
    expect(ofPair.some((b) => b.at.getTime() === minutes(-24 * 60))).toBe(true);
    expect(ofPair.some((b) => b.at.getTime() === minutes(-15))).toBe(true);
    const prompt = only(t("checkin.prompt", { number: 1 }));
    expect(prompt.where).toBe(together(pair));
    expect(prompt.at.getTime()).toBe(minutes(60 + 15));
    expect(section("demo.step.routine")).toContain(prompt.heading);

    // After the session: check-ins and a celebration; the note and the journal stay with their author.
    expect(only(t("milestone.firstMeeting")).where).toBe(together(pair));
    expect(count(facts.privateNote)).toBe(1);
    expect(answersOf(facts.scheduler).some((b) => b.body.includes(facts.privateNote))).toBe(true);
    expect(only(t("journal.saved", { count: 1 })).where).toBe(onlyFor(facts.scheduler));
    expect(count(facts.journalText)).toBe(1);
    expect(section("demo.step.private")).toContain(`[${name(facts.scheduler)}] > /mentoring journal ${facts.journalText}`);

    // Ending well: kind words both ways (no thanks for sessions never held), the reason kept, a new group.
    const ended = only(t("end.doneNoSessions", { names: name(facts.endedWith) }));
    expect(ended.where).toBe(onlyFor(facts.ender));
    expect(ended.body).not.toContain(t("end.done", { names: name(facts.endedWith) }));
    const told = only(t("end.partnerNoSessions", { name: name(facts.ender) }));
    expect(told.where).toBe(dmTo(facts.endedWith));
    expect(told.body).toContain(t("end.partnerMessage", { name: name(facts.ender), message: "\u0000" }).split("\u0000")[0]);
    expect(count(facts.privateReason)).toBe(1);
    expect(answersOf(facts.ender).some((b) => b.body.includes(facts.privateReason))).toBe(true);
    const joined = only(t("intro.joined", { name: name(facts.ender) }));
    expect(joined.where).not.toContain(name(facts.endedWith));
    expect(section("demo.step.endWell")).toContain(joined.heading);

    // 6. The evaluation: answered privately, and the goal reached is celebrated with its author only.
    const evaluations = with_(t("evaluation.prompt", { number: 1 }));
    expect(evaluations.length).toBeGreaterThanOrEqual(2);
    const reached = only(t("milestone.goalReached", { goal: facts.goalReached }));
    expect(reached.where).toBe(dmTo(facts.scheduler));
    expect(answersOf(facts.scheduler).some((b) => b.body.includes(t("evaluation.progress.reached")))).toBe(true);
    expect(section("demo.step.evaluate")).toContain(reached.heading);

    // 7. Adjusting: a new schedule agreed, and ideas for the agenda.
    expect(only(t("evaluation.next.cadence")).where).toBe(onlyFor(facts.scheduler));
    expect(only(t("evaluation.next.agenda")).where).toBe(onlyFor(facts.partner));
    expect(section("demo.step.adjust")).toContain(t("cadence.agreed", { everyDays: 7, minutes: 45 }));

    // The new routine: a gentle nudge to the one who forgot, then a third meeting.
    const nudge = only(t("checkin.nudge", { number: 2 }));
    expect(nudge.where).toBe(dmTo(facts.partner));
    const third = only(t("milestone.thirdMeeting"));
    expect(section("demo.step.nudge")).toContain(nudge.heading);
    expect(section("demo.step.nudge")).toContain(third.heading);

    // The wrap-up: every group still together hears the round end; the organizer sees the totals.
    // The followed pair (with whoever joined them) held three sessions; the trio never met, and is
    // thanked for taking part rather than for sessions it never had.
    const wrapUps = [
      only(t("round.wrapUp", { number: 1, program: PROGRAM, held: 3 })),
      only(t("round.wrapUpNoSessions", { number: 1, program: PROGRAM })),
    ];
    expect(count(t("round.wrapUp", { number: 1, program: PROGRAM, held: 0 }))).toBe(0);
    expect(wrapUps.map((b) => b.where)).toEqual([joined.where, together(facts.trio)]);
    for (const b of wrapUps) expect(section("demo.step.wrapUp")).toContain(b.heading);
    expect(only(t("report.title", { name: PROGRAM })).where).toBe(onlyFor("sari"));

    // Nobody else's screen carried private words: not the delivered messages, not the replies.
    for (const entry of ws.entries) {
      expect(entry.text).not.toContain(facts.privateReason);
      expect(entry.text).not.toContain(facts.privateNote);
      expect(entry.text).not.toContain(facts.journalText);
    }
  });
});
