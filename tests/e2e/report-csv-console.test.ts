/**
 * The organizers' CSV in the console playground (issue 17): the organizer
 * types /mentoring rekap csv into the real REPL; their DM shows the path of
 * the file, written under DATA_DIR/exports, with Indonesian column names and
 * a UTF-8 byte order mark. A member is refused.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { playConsole } from "../support/console-play";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const START = new Date("2026-12-05T02:00:00Z");
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "sebaya-csv-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const play = (lines: string[]) => playConsole(tdb.db, lines, { start: START, exportsDir: join(dataDir, "exports") });
const pathsIn = (out: string) => [...out.matchAll(/📎 (\S+)/g)].map((m) => m[1] as string);

describe("/mentoring report csv in the console", () => {
  it("writes the organizer's file and prints its path; a member is refused", async () => {
    const { out, ws } = await play([
      "/mentoring setup Sahabat Belajar",
      "/mentoring open 4",
      ":as citra",
      "/mentoring report csv",
      ":as sari",
      "/mentoring rekap csv",
      ":quit",
    ]);
    const [asCitra, asSari] = out.split("You are now Sari.") as [string, string];
    expect(asCitra).toContain("Only the program’s organizers can do that.");
    expect(pathsIn(asCitra)).toEqual([]);
    expect(asSari).toContain("Daftar anggota putaran 1 sudah saya kirim lewat DM");
    const [path] = pathsIn(asSari);
    expect(path).toMatch(new RegExp(`^${join(dataDir, "exports")}/sari-sebaya-round-1-2026-12-05\\.csv$`));
    const bytes = readFileSync(path as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe("Nama,Pasangan,Sesi terlaksana,Sesi terlewat,Cerita sesi terakhir\r\n");
    expect(statSync(path as string).mode & 0o777).toBe(0o600);
    const entry = ws.entries.find((e) => e.text.includes("📎"));
    expect(entry?.where).toBe("dm");
    expect(entry?.visibleTo).toEqual(new Set(["sari"]));
  });
});
