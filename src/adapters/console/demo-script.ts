/**
 * A whole small program, played through the console workspace exactly as
 * people would: setup, seven people join (one trio), matching, a cadence,
 * a session and its check-ins, a journal note, and one polite ending with a
 * re-match. `npm run demo` prints it; the end-to-end test asserts on it.
 */

import type { Language } from "../../core/domain";
import { DAY_MS, HOUR_MS } from "../../core/durations";
import { type Translate, translator } from "../../core/i18n/translate";
import { type CastMember, MEMBERS, ORGANIZER } from "./cast";
import type { ConsoleWorkspace, Person } from "./workspace";

export interface DemoFacts {
  groups: string[][];
  trio: string[];
  scheduler: string;
  partner: string;
  ender: string;
  endedWith: string;
  privateReason: string;
  privateNote: string;
  journalText: string;
}

export function demoCast(language: Language): { organizer: Person; members: CastMember[] } {
  const locale = language === "id" ? "id-ID" : "en-US";
  return { organizer: { ...ORGANIZER, locale }, members: MEMBERS.map((m) => ({ ...m, locale })) };
}

async function pressLabel(ws: ConsoleWorkspace, personId: string, label: string): Promise<void> {
  const button = ws.buttonsFor(personId, label)[0];
  if (!button) throw new Error(`${personId} sees no button "${label}"`);
  await ws.press(personId, button.number);
}

/** Pair and trio conversations as the workspace delivered them. */
function groupsOf(ws: ConsoleWorkspace): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const e of ws.entries) {
    if (e.where === "pair" && e.visibleTo !== "everyone") groups.set(e.conversation, [...e.visibleTo]);
  }
  return groups;
}

export async function playDemo(ws: ConsoleWorkspace, language: Language): Promise<DemoFacts> {
  const t: Translate = translator(language);
  const { organizer, members } = demoCast(language);

  await ws.type(organizer.id, "/mentoring setup Sahabat Belajar");
  await ws.type(organizer.id, "/mentoring open");
  for (const m of members) {
    await pressLabel(ws, m.id, t("round.announce.join", { number: 1 }));
    await ws.submitForm(m.id, {
      expertise: m.intake.expertise.join(", "),
      goals: m.intake.goals.join(", "),
      interests: m.intake.interests.join(", "),
      team: m.intake.team,
      timezone: m.timezone,
      language: language,
      partnersWanted: 1,
    });
  }
  await ws.type(organizer.id, "/mentoring preview");
  await ws.type(organizer.id, "/mentoring match");

  const groups = [...groupsOf(ws).values()];
  const trio = groups.find((g) => g.length === 3) ?? [];
  const pairs = groups.filter((g) => g.length === 2);
  const [firstPair, secondPair] = pairs;
  if (!firstPair || !secondPair) throw new Error("the demo expects at least two pairs");
  const [scheduler, partner] = firstPair as [string, string];

  // The first pair agrees a routine: every 14 days, 60 minutes, Wednesdays 10:00 in the proposer's zone.
  await pressLabel(ws, scheduler, t("intro.proposeButton"));
  await ws.submitForm(scheduler, { everyDays: 14, minutes: 60, weekday: "3", time: "10:00" });
  await pressLabel(ws, partner, t("cadence.confirmButton"));

  // Time passes: the first session happens and both check in.
  await ws.advance(8 * DAY_MS);
  const privateNote =
    language === "id" ? "Catatan rahasia: saya gugup soal presentasi" : "Secret note: I was nervous about presenting";
  await pressLabel(ws, scheduler, t("checkin.met"));
  await ws.submitForm(scheduler, { rating: "5", note: privateNote });
  await pressLabel(ws, partner, t("checkin.met"));
  await ws.submitForm(partner, { rating: "4" });

  const journalText =
    language === "id" ? "Jurnal pribadi: mulai paham window function" : "Private journal: window functions finally click";
  await ws.type(scheduler, `/mentoring journal ${journalText}`);

  // One member of the other pair ends it politely, asks for a re-match, and joins a pair as third.
  await ws.advance(2 * HOUR_MS);
  const [ender, endedWith] = secondPair as [string, string];
  const privateReason =
    language === "id" ? "Alasan rahasia: jadwal kami selalu bentrok" : "Secret reason: our calendars never line up";
  await ws.type(ender, "/mentoring end");
  await ws.submitForm(ender, {
    reason: privateReason,
    messageToPartner: language === "id" ? "Terima kasih banyak, sukses selalu!" : "Thank you so much, all the best!",
    rematch: true,
  });
  await ws.type(ender, "/mentoring status");

  return { groups, trio, scheduler, partner, ender, endedWith, privateReason, privateNote, journalText };
}
