/**
 * `:advance` in the playground steps through time as it really passes: each
 * reminder, check-in prompt and evaluation arrives at its own moment, not all
 * together at the end of the jump.
 */
import { describe, expect, it } from "vitest";
import { ConsoleWorkspace, type Person } from "../../src/adapters/console/app";
import { MEMBERS, ORGANIZER } from "../../src/adapters/console/cast";
import type { LineReader } from "../../src/adapters/console/line-reader";
import { runRepl } from "../../src/adapters/console/repl";
import { createAppCore, playgroundStore } from "../../src/app";
import { ManualClock } from "../../src/core/time/clock";
import { formatDateTime } from "../../src/core/time/time-format";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();

function scripted(lines: string[]): LineReader {
  const queue = [...lines];
  return { ask: async () => queue.shift() ?? null, close: () => undefined };
}

/** One block of a transcript: its heading line and its text. */
function blocks(transcript: string): Array<{ heading: string; text: string }> {
  return transcript
    .split(/\n(?=── )/)
    .filter((b) => b.startsWith("── "))
    .map((b) => {
      const [heading = "", ...rest] = b.split("\n");
      return { heading, text: rest.join("\n") };
    });
}

describe("the playground's :advance", () => {
  it("delivers each reminder and check-in prompt at its own moment on the way", async () => {
    // Tuesday 1 December 2026, 09:00 WIB.
    const clock = new ManualClock(new Date("2026-12-01T02:00:00Z"));
    const core = createAppCore({ db: tdb.db, clock });
    const english = (p: Person): Person => ({ ...p, locale: "en-US" });
    const people = [english(ORGANIZER), ...MEMBERS.filter((m) => m.id === "ani" || m.id === "budi").map(english)];
    const ws = new ConsoleWorkspace(core, playgroundStore(tdb.db.kysely), clock, people);
    const join = async (id: string, expertise: string, goals: string) => {
      await ws.press(id, ws.buttonsFor(id, "Join round 1")[0]?.number ?? 0);
      await ws.submitForm(id, {
        expertise,
        goals,
        interests: "",
        team: id,
        timezone: "Asia/Jakarta",
        language: "en",
        partnersWanted: 1,
      });
    };
    await ws.type("sari", "/mentoring setup Kopi Belajar");
    await ws.type("sari", "/mentoring open");
    await join("ani", "public speaking", "SQL");
    await join("budi", "SQL", "public speaking");
    await ws.type("sari", "/mentoring match");
    const proposer = ws.buttonsFor("ani", "Propose a schedule")[0];
    expect(proposer).toBeDefined();
    await ws.press("ani", proposer?.number ?? 0);
    await ws.submitForm("ani", { everyDays: 7, minutes: 60, weekday: "3", time: "10:00" });
    await ws.press("budi", ws.buttonsFor("budi", "Confirm")[0]?.number ?? 0);
    const confirmedAt = clock.now();

    const out: string[] = [];
    await runRepl({
      ws,
      clock,
      rl: scripted([":as ani", ":advance 1w", ":show ani", ":quit"]),
      language: "en",
      dataDir: "memory",
      write: (text) => out.push(text),
    });
    const shown = blocks(out.join(""));
    const ani = ws.person("ani");

    // The session as Ani was told it, and the moments it implies.
    const firstSession = /First session for Ani: (.+)/.exec(out.join(""))?.[1];
    expect(firstSession).toBeDefined();
    const agreed = ws.entries.find((e) => e.text.includes("First session for Ani"));
    expect(agreed).toBeDefined();
    const start = new Date(
      [...Array(7 * 24 * 4).keys()]
        .map((q) => confirmedAt.getTime() + q * 15 * 60_000)
        .find((t) => formatDateTime(new Date(t), ani.timezone, "en") === firstSession) ?? Number.NaN,
    );
    expect(Number.isNaN(start.getTime())).toBe(false);
    const heading = (at: number) => formatDateTime(new Date(at), ani.timezone, "en");

    // Each scheduled message is headed with the moment it would really arrive.
    const at = (words: string) => shown.find((b) => b.text.includes(words))?.heading;
    expect(at("Ani: tomorrow at")).toContain(heading(start.getTime() - 24 * 3_600_000));
    expect(at("Ani: in 15 minutes")).toContain(heading(start.getTime() - 15 * 60_000));
    expect(at("How did session 1 go?")).toContain(heading(start.getTime() + (60 + 15) * 60_000));
    // The nudge a day after the prompt, still before the week was up.
    expect(at("gentle reminder")).toContain(heading(start.getTime() + (60 + 15 + 24 * 60) * 60_000));
    // And the clock ends where it was sent.
    expect(clock.now().getTime()).toBe(confirmedAt.getTime() + 7 * 24 * 3_600_000);
    expect(out.join("")).toContain(`It is now ${heading(clock.now().getTime())}`);
  });
});
