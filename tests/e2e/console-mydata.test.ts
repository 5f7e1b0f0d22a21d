/**
 * Issue 16 item 1 in the console playground: a person types /mentoring mydata
 * into the real REPL; their DM shows the summary and the path of the JSON
 * file, written under DATA_DIR/exports for the process's owner alone.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { playConsole } from "../support/console-play";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const START = new Date("2026-12-05T02:00:00Z");
const NOTE = "NOTE-c1 ask about window functions";
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "sebaya-mydata-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const play = (lines: string[]) => playConsole(tdb.db, lines, { start: START, exportsDir: join(dataDir, "exports") });

/** The paths printed after the paperclip. */
const pathsIn = (out: string) => [...out.matchAll(/📎 (\S+)/g)].map((m) => m[1] as string);

describe("/mentoring mydata in the console", () => {
  it("prints the path of the member's file, readable by the owner alone, and the summary", async () => {
    const { out, ws } = await play([":as citra", `/mentoring journal ${NOTE}`, "/mentoring mydata", ":quit"]);
    expect(out).toContain("I’ve sent everything Sebaya holds about you to your DMs");
    expect(out).toContain("Your data in Sebaya");
    const [path] = pathsIn(out);
    expect(path).toMatch(new RegExp(`^${join(dataDir, "exports")}/citra-sebaya-mydata-2026-12-05\\.json$`));
    const json = JSON.parse(readFileSync(path as string, "utf8")) as {
      member: { displayName: string };
      journal: Array<{ text: string }>;
    };
    expect(json.member.displayName).toBe("Citra");
    expect(json.journal.map((j) => j.text)).toEqual([NOTE]);
    expect(statSync(path as string).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, "exports")).mode & 0o777).toBe(0o700);
    // Shown in Citra's DM only; the saved history names the file but never holds it.
    const entry = ws.entries.find((e) => e.text.includes("📎"));
    expect(entry?.where).toBe("dm");
    expect(entry?.visibleTo).toEqual(new Set(["citra"]));
    expect(JSON.stringify(ws.entries)).not.toContain('"attachment"');
    expect(ws.entries.filter((e) => e.where === "channel").some((e) => e.text.includes("Sebaya holds"))).toBe(false);
  });

  it("answers in Indonesian to Budi, typed as datasaya", async () => {
    const { out } = await play([":as budi", "/mentoring datasaya", ":quit"]);
    expect(out).toContain("Data Anda di Sebaya");
    const [path] = pathsIn(out);
    expect(path).toContain("budi-sebaya-mydata-");
    expect((JSON.parse(readFileSync(path as string, "utf8")) as { member: { displayName: string } }).member.displayName).toBe(
      "Budi",
    );
  });
});
