/**
 * The demo program, driven through the console adapter end to end, in both
 * languages: what each member saw, and what nobody saw.
 */
import { describe, expect, it } from "vitest";
import { type DemoFacts, demoCast, playDemo } from "../../src/adapters/console/demo-script";
import { transcriptFor } from "../../src/adapters/console/transcript";
import { ConsoleWorkspace } from "../../src/adapters/console/workspace";
import { createAppCore } from "../../src/app";
import { ManualClock } from "../../src/core/clock";
import type { Language } from "../../src/core/domain";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();

async function play(language: Language): Promise<{ ws: ConsoleWorkspace; facts: DemoFacts; seen: (id: string) => string }> {
  const clock = new ManualClock(new Date("2026-12-01T02:00:00Z"));
  const core = createAppCore({ db: tdb.db, clock });
  const { organizer, members } = demoCast(language);
  const ws = new ConsoleWorkspace(core, tdb.db.kysely, clock, [organizer, ...members]);
  const facts = await playDemo(ws, language, (ms) => clock.advance(ms));
  return { ws, facts, seen: (id) => transcriptFor(ws, ws.person(id)) };
}

const COPY = {
  id: {
    intro: "Kenalan dengan rekan mentoring Anda!",
    introTrio: "Kenalan dengan rekan-rekan mentoring Anda!",
    why: "Kenapa kalian dipasangkan",
    privacy: "Jaga kerahasiaan informasi sensitif",
    proposal: "mengusulkan bertemu setiap 14 hari selama 60 menit, hari Rabu pukul 10.00",
    agreed: "Jadwal disepakati: setiap 14 hari, 60 menit.",
    prompt: "Bagaimana sesi 1 tadi?",
    thanks: "Terima kasih sudah bercerita!",
    milestone: "Pertemuan pertama sudah terlaksana!",
    journal: "Tersimpan. Sekarang ada 1 catatan pribadi Anda",
    ended: "memutuskan untuk mengakhiri pasangan mentoring kalian",
    kindNote: "Terima kasih banyak, sukses selalu!",
    rematch: "Anda sudah punya rekan baru",
    joined: "bergabung dengan kelompok kalian",
    status: "Status mentoring Anda",
  },
  en: {
    intro: "Meet your mentoring peer!",
    introTrio: "Meet your mentoring peers!",
    why: "Why you were matched",
    privacy: "Keep what you share confidential",
    proposal: "proposes meeting every 14 days for 60 minutes, on Wednesday at 10:00",
    agreed: "Schedule agreed: every 14 days, 60 minutes.",
    prompt: "How did session 1 go?",
    thanks: "Thanks for checking in!",
    milestone: "First meeting done!",
    journal: "Saved to your private journal (1 note)",
    ended: "has decided to end your mentoring pairing",
    kindNote: "Thank you so much, all the best!",
    rematch: "You have a new peer",
    joined: "joins your group for this round",
    status: "Your mentoring status",
  },
} as const;

describe.each(["id", "en"] as const)("the demo program in %s", (language) => {
  const copy = COPY[language];

  it("gives everyone the program as they would see it, and keeps private text private", async () => {
    const { ws, facts, seen } = await play(language);
    const members = demoCast(language).members.map((m) => m.id);

    // Seven joined: two pairs and a trio, everyone exactly once.
    expect(facts.groups.map((g) => g.length).sort()).toEqual([2, 2, 3]);
    expect(facts.groups.flat().sort()).toEqual([...members].sort());
    for (const id of members) {
      const view = seen(id);
      expect(view).toContain(facts.trio.includes(id) ? copy.introTrio : copy.intro);
      expect(view).toContain(copy.why);
      expect(view).toContain(copy.privacy);
    }

    // The intro names the partner to each member of the first pair.
    const name = (id: string) => ws.person(id).name;
    expect(seen(facts.scheduler)).toContain(`${name(facts.scheduler)}, ${name(facts.partner)}`);

    // The first pair agreed a routine, met, and both checked in.
    for (const id of [facts.scheduler, facts.partner]) {
      const view = seen(id);
      expect(view).toContain(`${name(facts.scheduler)} ${copy.proposal}`);
      expect(view).toContain(copy.agreed);
      expect(view).toContain(copy.prompt);
      expect(view).toContain(copy.thanks);
      expect(view).toContain(copy.milestone);
    }
    expect(seen(facts.scheduler)).toContain(copy.journal);

    // The ending: the partner got a kind message with the note meant for them, the ender a new peer.
    expect(seen(facts.endedWith)).toContain(`${name(facts.ender)} ${copy.ended}`);
    expect(seen(facts.endedWith)).toContain(copy.kindNote);
    expect(seen(facts.ender)).toContain(copy.rematch);
    expect(seen(facts.ender)).toContain(copy.status);
    const newGroup = members.filter((id) => id !== facts.ender && seen(id).includes(`${name(facts.ender)} ${copy.joined}`));
    expect(newGroup).toHaveLength(2);
    expect(newGroup).not.toContain(facts.endedWith);

    // Private text reached nobody: not the partner, not the organizer, not the author's screen.
    for (const entry of ws.entries) {
      expect(entry.text).not.toContain(facts.privateReason);
      expect(entry.text).not.toContain(facts.privateNote);
    }
    const organizerView = seen("sari");
    expect(organizerView).not.toContain(facts.journalText);
    for (const id of members.filter((m) => m !== facts.scheduler)) expect(seen(id)).not.toContain(copy.journal);

    // Each member sees times in their own zone: WIB, WITA and WIT all appear.
    const zones = members.map((id) => seen(id).match(/\b(WIB|WITA|WIT)\b/)?.[1]);
    expect(new Set(zones)).toEqual(new Set(["WIB", "WITA", "WIT"]));
  });
});
