/**
 * Issue 16 item 6 in the console playground: the organizer types
 * /mentoring audit (jejak) into the real REPL and reads who did what, in their
 * language and time zone; a member is refused; nothing private is shown.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { playConsole } from "../support/console-play";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const START = new Date("2026-12-05T02:00:00Z");
const NOTE = "NOTE-zq private thought about my peer";

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "sebaya-audit-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const play = (lines: string[]) => playConsole(tdb.db, lines, { start: START, exportsDir: join(dataDir, "exports") });

describe("/mentoring audit in the console", () => {
  it("shows the organizer what organizers did, never a member's private note; a member is refused", async () => {
    const { out } = await play([
      "/mentoring setup Sahabat Belajar",
      "/mentoring open 4",
      ":as citra",
      `/mentoring journal ${NOTE}`,
      "/mentoring audit",
      ":as sari",
      "/mentoring jejak",
      ":quit",
    ]);
    const [asCitra, asSari] = out.split("You are now Sari.") as [string, string];
    expect(asCitra).toContain("Only the program’s organizers can do that.");
    expect(asCitra).not.toContain("Sari: ");
    // Sari reads it in Indonesian, in WIB, newest first; Citra's note is nowhere in it.
    expect(asSari).toContain("*Jejak tindakan penyelenggara: Sahabat Belajar*");
    expect(asSari).toContain("(WIB)");
    const lines = asSari.split("\n").filter((l) => l.includes(" · Sari: "));
    expect(lines).toEqual(["5 Des 2026, 09.00 · Sari: membuka putaran 1", "5 Des 2026, 09.00 · Sari: menyiapkan program"]);
    expect(asSari).not.toContain("NOTE-zq");
  });
});
