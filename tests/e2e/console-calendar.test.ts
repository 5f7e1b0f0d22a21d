/**
 * Issue 18 in the console: `npm run demo` plays a routine agreed by a pair; the console writes
 * each member's invite as a file (0600, under the exports folder) and their DM prints its path,
 * so the printed timeline says where the pair's invite was written. The file reads back with
 * ical.js at the agreed local time; the button under it stops them. Both languages.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { ConsoleWorkspace } from "../../src/adapters/console/app";
import { DEMO_START, demoCast, demoTimeline, playDemo } from "../../src/adapters/console/demo-script";
import { createAppCore, playgroundStore } from "../../src/app";
import { translator } from "../../src/core/i18n/translate";
import { ManualClock } from "../../src/core/time/clock";
import { readInvite } from "../support/ics-reader";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.each(["id", "en"] as const)("the demo's calendar invites, in %s", (language) => {
  it("writes each member's invite and prints its path in their DM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sebaya-calendar-"));
    dirs.push(dir);
    const clock = new ManualClock(DEMO_START);
    const core = createAppCore({ db: tdb.db, clock });
    const { organizer, members } = demoCast(language);
    const ws = new ConsoleWorkspace(core, playgroundStore(tdb.db.kysely), clock, [organizer, ...members], dir);
    const facts = await playDemo(ws, language);
    const printed = demoTimeline(ws, facts, language);

    const paths = [...printed.matchAll(/📎 (\S+-sebaya-sessions\.ics)/g)].map((m) => m[1] as string);
    expect(paths.length).toBeGreaterThanOrEqual(2);
    for (const path of paths) expect(path.startsWith(dir)).toBe(true);
    // The pair that agreed a routine: the invite's words in the member's language, then its file.
    const lead = language === "id" ? "📅 Jadwal sesi Anda dengan" : "📅 Your sessions with";
    const firstInvite = printed.indexOf(lead);
    expect(firstInvite).toBeGreaterThan(0);
    const first = paths[0] as string;
    expect(statSync(first).mode & 0o777).toBe(0o600);
    const read = readInvite(readFileSync(first, "utf8"));
    expect(read.method).toBe("REQUEST");
    expect(read.uid).toMatch(/^pairing-[0-9a-f-]+@sebaya$/);
    // In the proposer's zone, one of the cast's (WIB, WITA and WIT).
    expect(members.map((m) => m.timezone)).toContain(read.tzid);
    expect(read.starts.length).toBeGreaterThan(0);
    expect(new Set(read.starts.map((d) => DateTime.fromJSDate(d).setZone(read.tzid).toFormat("HH:mm"))).size).toBe(1);
    // The file is in the member's own DM only, never in the pair's room or the channel.
    const shown = ws.entries.filter((e) => JSON.stringify(e).includes("-sebaya-sessions.ics"));
    expect(shown.length).toBe(paths.length);
    for (const e of shown) expect(e.where).toBe("dm");

    // Under the invite, a button stops them; the member who presses it is told so, in their language.
    const t = translator(language);
    const holder = members.find((m) => ws.buttonsFor(m.id, t("calendar.offButton")).length > 0);
    expect(holder, "a member sees the button that stops invites").toBeDefined();
    const who = holder?.id as string;
    const [stop] = ws.buttonsFor(who, t("calendar.offButton"));
    const seen = ws.entries.length;
    expect(await ws.press(who, stop?.number as number)).toBe("ok");
    const answered = ws.entries.slice(seen).filter((e) => e.where === "reply");
    expect(answered.map((e) => e.text).join("\n")).toContain(t("calendar.off.done").slice(0, 30));
    expect(await tdb.db.kysely.selectFrom("calendar_opt_outs").select("member_id").execute()).toHaveLength(1);
  });
});
