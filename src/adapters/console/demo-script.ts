/**
 * One whole round, played through the console workspace exactly as people
 * would, step by step through the guide: everyone says what they can share
 * and want to learn, a peer is found, the first meeting with its agenda and
 * a routine, reminders and check-ins, what stays private, an ending done
 * well, the evaluation with a goal reached, adjusting, and the round's
 * wrap-up. Time moves the way it really passes (`ws.advance`), so every
 * message carries the moment it would arrive. `npm run demo` prints it as
 * one timeline; the end-to-end test reads that.
 */

import type { Language } from "../../core/domain";
import type { FormAnswers } from "../../core/forms/form-submission";
import { type Translate, translator } from "../../core/i18n/translate";
import { HOUR_MS, MINUTE_MS } from "../../core/time/durations";
import type { ConsoleWorkspace, Person } from "./app";
import { type CastMember, MEMBERS, ORGANIZER } from "./cast";
import { type Narration, timeline } from "./transcript";

export interface DemoFacts {
  groups: string[][];
  trio: string[];
  /** The pair the story follows: the one who proposes the routine, and their peer. */
  scheduler: string;
  partner: string;
  ender: string;
  endedWith: string;
  privateReason: string;
  privateNote: string;
  journalText: string;
  /** The goal the scheduler marks reached in the evaluation. */
  goalReached: string;
  narration: Narration[];
}

/** Tuesday 1 December 2026, 09:00 WIB: the demo's first moment. */
export const DEMO_START = new Date("2026-12-01T02:00:00Z");

export function demoCast(language: Language): { organizer: Person; members: CastMember[] } {
  const locale = language === "id" ? "id-ID" : "en-US";
  return { organizer: { ...ORGANIZER, locale }, members: MEMBERS.map((m) => ({ ...m, locale })) };
}

/** A moment in WIB (UTC+7) during the demo's December. */
const wib = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour - 7, minute));

/** The demo's person at the keyboard: everything they do is both done and told. */
class Actor {
  readonly narration: Narration[] = [];
  constructor(
    private readonly ws: ConsoleWorkspace,
    private readonly t: Translate,
  ) {}

  step(key: Parameters<Translate>[0]): void {
    this.narration.push({ kind: "step", afterSeq: this.ws.lastSeq, text: this.t(key) });
  }

  async type(who: string, line: string): Promise<void> {
    this.narration.push({ kind: "typed", afterSeq: this.ws.lastSeq, who, line });
    await this.ws.type(who, line);
  }

  /** Presses the newest button with this label that `who` can see. */
  async press(who: string, label: string): Promise<void> {
    const button = this.ws.buttonsFor(who, label)[0];
    if (!button) throw new Error(`${who} sees no button "${label}"`);
    this.narration.push({ kind: "typed", afterSeq: this.ws.lastSeq, who, line: `:press ${button.number}  (${label})` });
    await this.ws.press(who, button.number);
  }

  /** Fills in the open form; the answers are shown as only their author saw them. */
  async answer(who: string, answers: FormAnswers): Promise<void> {
    const form = this.ws.pendingForm(who);
    if (!form) throw new Error(`${who} has no open form`);
    const lines = form.inputs.flatMap((input) => {
      const value = answers[input.name];
      if (value === undefined || value === "") return [];
      const shown =
        input.kind === "select"
          ? (input.options.find((o) => o.value === String(value))?.label ?? String(value))
          : typeof value === "boolean"
            ? this.t(value ? "console.answer.yes" : "console.answer.no")
            : String(value);
      return [`${input.label}: ${shown}`];
    });
    this.narration.push({ kind: "answers", afterSeq: this.ws.lastSeq, at: this.ws.now(), who, lines });
    await this.ws.submitForm(who, answers);
  }

  async wait(ms: number): Promise<void> {
    await this.ws.advance(ms);
  }

  async waitUntil(at: Date): Promise<void> {
    const ms = at.getTime() - this.ws.now().getTime();
    if (ms > 0) await this.ws.advance(ms);
  }
}

/** Pair and trio conversations as the workspace delivered them. */
function groupsOf(ws: ConsoleWorkspace): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const e of ws.entries) {
    if (e.where === "pair" && e.visibleTo !== "everyone" && !groups.has(e.conversation)) {
      groups.set(e.conversation, [...e.visibleTo]);
    }
  }
  return groups;
}

export async function playDemo(ws: ConsoleWorkspace, language: Language): Promise<DemoFacts> {
  const t: Translate = translator(language);
  const { organizer, members } = demoCast(language);
  const me = new Actor(ws, t);
  const sari = organizer.id;
  const id = language === "id";

  // 1. Know what you can share: the round opens (four weeks, to see it end) and seven people join.
  me.step("demo.step.intake");
  await me.type(sari, "/mentoring setup Sahabat Belajar");
  await me.type(sari, "/mentoring open 4");
  for (const m of members) {
    await me.wait(7 * MINUTE_MS);
    await me.press(m.id, t("round.announce.join", { number: 1 }));
    await me.answer(m.id, {
      expertise: m.intake.expertise.join(", "),
      goals: m.intake.goals.join(", "),
      interests: m.intake.interests.join(", "),
      team: m.intake.team,
      timezone: m.timezone,
      language,
      partnersWanted: 1,
    });
  }

  // 2. Find a peer: a dry run first, then the match and its intros.
  await me.waitUntil(wib(1, 10));
  me.step("demo.step.match");
  await me.type(sari, "/mentoring preview");
  await me.wait(5 * MINUTE_MS);
  await me.type(sari, "/mentoring match");

  const groups = [...groupsOf(ws).values()];
  const trio = groups.find((g) => g.length === 3) ?? [];
  const [firstPair, secondPair] = groups.filter((g) => g.length === 2);
  if (!firstPair || !secondPair) throw new Error("the demo expects at least two pairs");
  const [scheduler, partner] = firstPair as [string, string];
  const [ender, endedWith] = secondPair as [string, string];

  // 3–5. The first meeting: the intro's agenda, a routine proposed and confirmed, and its reminders.
  await me.wait(25 * MINUTE_MS);
  me.step("demo.step.routine");
  await me.press(scheduler, t("intro.proposeButton"));
  await me.answer(scheduler, { everyDays: 14, minutes: 60, weekday: "3", time: "15:00" });
  await me.wait(40 * MINUTE_MS);
  await me.press(partner, t("cadence.confirmButton"));
  // The first session is on Wednesday: the reminders and the check-in come at their own moments.
  await me.waitUntil(wib(2, 17));

  me.step("demo.step.private");
  const privateNote = id ? "Catatan rahasia: saya gugup soal presentasi" : "Secret note: I was nervous about presenting";
  await me.press(scheduler, t("checkin.met"));
  await me.answer(scheduler, { rating: "5", note: privateNote });
  await me.wait(20 * MINUTE_MS);
  await me.press(partner, t("checkin.met"));
  await me.answer(partner, { rating: "4" });
  await me.wait(3 * HOUR_MS);
  const journalText = id
    ? "Jurnal pribadi: mulai paham cara memimpin rapat"
    : "Private journal: leading a meeting finally clicks";
  await me.type(scheduler, `/mentoring journal ${journalText}`);

  // Ending well: the other pair never found a time; one ends it kindly and asks for a new peer.
  me.step("demo.step.endWell");
  await me.waitUntil(wib(4, 10));
  const privateReason = id ? "Alasan rahasia: jadwal kami selalu bentrok" : "Secret reason: our calendars never line up";
  await me.type(ender, "/mentoring end");
  await me.answer(ender, {
    reason: privateReason,
    messageToPartner: id ? "Terima kasih banyak, sukses selalu!" : "Thank you so much, all the best!",
    rematch: true,
  });
  await me.wait(5 * MINUTE_MS);
  await me.type(ender, "/mentoring status");

  // 6. Two weeks in: each evaluates privately, and a goal is reached and celebrated.
  me.step("demo.step.evaluate");
  await me.waitUntil(wib(15, 10, 30));
  const goalReached = members.find((m) => m.id === scheduler)?.intake.goals[0] ?? "";
  await me.press(scheduler, t("evaluation.open"));
  await me.answer(scheduler, { g0: "reached", working: "5", adjust: "cadence" });
  await me.wait(15 * MINUTE_MS);
  await me.press(partner, t("evaluation.open"));
  await me.answer(partner, { g0: "progressing", working: "4", adjust: "agenda" });

  // 7. Adjusting: a weekly rhythm on Thursdays suits them better.
  await me.wait(10 * MINUTE_MS);
  me.step("demo.step.adjust");
  await me.press(scheduler, t("intro.proposeButton"));
  await me.answer(scheduler, { everyDays: 7, minutes: 45, weekday: "4", time: "15:00" });
  await me.wait(20 * MINUTE_MS);
  await me.press(partner, t("cadence.confirmButton"));

  // The new routine: its reminders, a nudge for whoever forgot to check in, and a third meeting.
  me.step("demo.step.nudge");
  await me.waitUntil(wib(17, 16, 30));
  await me.press(scheduler, t("checkin.met"));
  await me.answer(scheduler, { rating: "4" });
  await me.wait(10 * MINUTE_MS);
  await me.press(ender, t("checkin.met"));
  await me.answer(ender, { rating: "4" });
  // The partner forgot; a day after the prompt a gentle reminder comes, and they answer.
  await me.waitUntil(wib(18, 17));
  await me.press(partner, t("checkin.met"));
  await me.answer(partner, { rating: "5" });
  await me.waitUntil(wib(24, 16, 20));
  for (const who of [partner, scheduler, ender]) {
    await me.press(who, t("checkin.met"));
    await me.answer(who, { rating: "5" });
    await me.wait(10 * MINUTE_MS);
  }

  // Four weeks after it opened, the round ends: a wrap-up for every group, and the organizer's totals.
  me.step("demo.step.wrapUp");
  await me.waitUntil(wib(29, 10));
  await me.type(sari, "/mentoring report");

  return {
    groups,
    trio,
    scheduler,
    partner,
    ender,
    endedWith,
    privateReason,
    privateNote,
    journalText,
    goalReached,
    narration: me.narration,
  };
}

/** The demo as printed: the title, then everything in the order it happened. */
export function demoTimeline(ws: ConsoleWorkspace, facts: DemoFacts, language: Language): string {
  return timeline(ws, facts.narration, language, translator(language)("demo.title", { program: "Sahabat Belajar" }));
}
