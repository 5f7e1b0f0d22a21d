/**
 * The organizer's chart in the console playground (issue 17), for a program that ran two
 * rounds: members join through the real REPL's intake form, the organizer matches, closes,
 * opens again and types /mentoring report; the chart is written under DATA_DIR/exports as a
 * PNG, its path printed in the organizer's DM only, and its words cover both rounds. The
 * first round's retrospective has a button for that round's CSV; pressing it writes the file.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { playConsole } from "../support/console-play";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
/** A Monday, 09.00 WIB: within contact hours, so the round's retrospective is not held. */
const START = new Date("2026-12-07T02:00:00Z");
/** A Saturday, 09.00 WIB: outside contact hours, so the retrospective is held for Monday. */
const SATURDAY = new Date("2026-12-05T02:00:00Z");
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "sebaya-chart-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** A member joins by typing, field by field: expertise, goals, interests, team, then the defaults. */
const joins = (who: string, offers: string, wants: string, team: string) => [
  `:as ${who}`,
  "/mentoring join",
  offers,
  wants,
  "",
  team,
  "",
  "",
  "",
];

/** Two rounds, the first closed (its retrospective written), then the organizer's report. */
const TWO_ROUNDS_THEN_REPORT = [
  "/mentoring setup Sahabat Belajar",
  "/mentoring open 4",
  ...joins("ani", "SQL", "public speaking", "Data"),
  ...joins("budi", "public speaking", "SQL", "Sales"),
  ":as sari",
  "/mentoring match",
  "/mentoring close",
  "/mentoring open 4",
  ...joins("citra", "SQL", "public speaking", "Data"),
  ...joins("dewi", "public speaking", "SQL", "Sales"),
  ...joins("eko", "design", "SQL", "Product"),
  ":as sari",
  "/mentoring match",
  "/mentoring report",
  ":quit",
];

describe("the organizer's chart in the console", () => {
  it("is written as a PNG for a program of two rounds, its path in the organizer's DM only", async () => {
    const { out, ws } = await playConsole(tdb.db, TWO_ROUNDS_THEN_REPORT, {
      start: START,
      exportsDir: join(dataDir, "exports"),
    });
    const charts = ws.entries.filter((e) => /📎 \S+\.png/.test(e.text));
    // The first round's retrospective and the report: each to Sari's DM, nobody else's.
    expect(charts).toHaveLength(2);
    for (const e of charts) {
      expect(e.where).toBe("dm");
      expect(e.visibleTo).toEqual(new Set(["sari"]));
    }
    const report = charts.at(-1)?.text ?? "";
    expect(report).toContain("Putaran 1: mendaftar: 2, dapat pasangan: 2");
    expect(report).toContain("Putaran 2: mendaftar: 3, dapat pasangan: 3");
    const path = /📎 (\S+\.png)/.exec(report)?.[1] as string;
    expect(path.startsWith(join(dataDir, "exports"))).toBe(true);
    expect(readFileSync(path).subarray(1, 4).toString()).toBe("PNG");
    expect(out).toContain(path);

    // Under the first round's retrospective, Sari presses for that round's member list: the file is written, in her DM.
    const [csvButton, ...others] = ws.buttonsFor("sari", "Daftar anggota (CSV)");
    expect(others).toEqual([]);
    expect(ws.buttonsFor("ani", "Daftar anggota (CSV)")).toEqual([]);
    const seen = ws.entries.length;
    expect(await ws.press("sari", csvButton?.number as number)).toBe("ok");
    await ws.deliver();
    const written = ws.entries.slice(seen).filter((e) => /📎 \S+\.csv/.test(e.text));
    expect(written.map((e) => [e.where, e.visibleTo])).toEqual([["dm", new Set(["sari"])]]);
    const csvPath = /📎 (\S+\.csv)/.exec(written[0]?.text ?? "")?.[1] as string;
    expect(csvPath).toMatch(/sari-sebaya-round-1-[\d-]+\.csv$/);
    // Round 1's two members, not round 2's three.
    expect(readFileSync(csvPath, "utf8").trim().split("\r\n")).toHaveLength(3);
  }, 120_000);

  it("on a Saturday, reaches the organizer at once: the retrospective held for Monday does not keep it back", async () => {
    const { ws } = await playConsole(tdb.db, TWO_ROUNDS_THEN_REPORT, {
      start: SATURDAY,
      exportsDir: join(dataDir, "exports"),
    });
    const charts = ws.entries.filter((e) => /📎 \S+\.png/.test(e.text));
    // Only the report's: the retrospective's chart waits for Monday's contact hours, in the same DM.
    expect(charts).toHaveLength(1);
    expect(charts[0]?.where).toBe("dm");
    expect(charts[0]?.visibleTo).toEqual(new Set(["sari"]));
    expect(charts[0]?.text).toContain("Putaran 2: mendaftar: 3, dapat pasangan: 3");
  }, 120_000);
});
