/**
 * Issue 16 item 7: PRIVACY.md and the code's list of personal fields
 * (src/core/privacy/personal-data.ts) name the same fields, with the same
 * kind and the same coverage by export, erasure and retention. That the
 * export really holds each field is tests/db/my-data-export.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { PERSONAL_DATA, personalFieldNames } from "../../src/core/privacy/personal-data";
import { intakeForm } from "../../src/core/views/forms";
import { helpMessage } from "../../src/core/views/help";
import { messageText } from "../support/harness";

const notice = readFileSync(new URL("../../PRIVACY.md", import.meta.url), "utf8");
const ROW = /^\| `([a-z_]+)\.([a-z_]+)` \| (private|personal) \| [^|]+ \| (yes|no)[^|]* \| (yes|no) \| (yes|no) \|$/;
const rows = notice
  .split("\n")
  .map((line) => ROW.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map(([, table, column, kind, exported, erase, retention]) => ({
    name: `${table}.${column}`,
    kind,
    exported: exported === "yes",
    erase: erase === "yes",
    retention: retention === "yes",
  }));

describe("the privacy notice", () => {
  it("names every personal field the code lists, and only those", () => {
    expect(rows.map((r) => r.name).sort()).toEqual(personalFieldNames().sort());
    // Any `table.column` the notice mentions anywhere is a listed field.
    const mentioned = [...notice.matchAll(/`([a-z_]+\.[a-z_]+)`/g)].map((m) => m[1] as string);
    expect(mentioned.filter((n) => !personalFieldNames().includes(n))).toEqual([]);
  });

  it("says for each field what the code does: its kind, and export, erasure and retention", () => {
    for (const field of PERSONAL_DATA) {
      const row = rows.find((r) => r.name === `${field.table}.${field.column}`);
      expect(row, field.column).toEqual({
        name: `${field.table}.${field.column}`,
        kind: field.kind,
        exported: field.exportPath !== null,
        erase: field.erase,
        retention: field.retention,
      });
    }
  });

  it("covers the canonical private text of issue 16 as private, exported, erased and retained", () => {
    for (const name of ["journal_entries.body", "check_ins.note", "pairing_endings.reason", "evaluations.goal_progress"]) {
      expect(
        PERSONAL_DATA.find((f) => `${f.table}.${f.column}` === name),
        name,
      ).toMatchObject({
        kind: "private",
        erase: true,
        retention: true,
      });
      expect(PERSONAL_DATA.find((f) => `${f.table}.${f.column}` === name)?.exportPath).toBeTruthy();
    }
  });

  it("is in both languages, and its summary is the one the bot shows, with no link", () => {
    for (const heading of [
      "## Bahasa Indonesia",
      "## English",
      "### Siapa melihat apa",
      "### Who sees what",
      "### Berapa lama",
      "### For how long",
    ])
      expect(notice).toContain(heading);
    for (const language of ["en", "id"] as const) {
      const summary = translator(language)("privacy.summary", { command: "/mentoring" });
      expect(summary).not.toMatch(/https?:|www\./);
      // Two or three sentences.
      expect(summary.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeLessThanOrEqual(3);
      expect(summary).toContain("12");
      expect(summary).toContain("/mentoring mydata");
    }
  });

  it("closes the help, naming the command as each platform types it, and opens the intake", () => {
    for (const language of ["en", "id"] as const) {
      const t = translator(language);
      const slack = messageText(helpMessage(t, false, "slack"));
      expect(slack).toContain(t("privacy.summary", { command: "/mentoring" }));
      expect(slack).toContain("• /mentoring mydata:");
      const discord = messageText(helpMessage(t, false, "discord"));
      expect(discord).toContain(t("privacy.summary", { command: "/privacy" }));
      expect(discord).toContain("• /privacy mydata:");
      // The organizers' CSV: typed after `report` on Slack, Discord's `export` option of it.
      expect(messageText(helpMessage(t, true, "slack"))).toMatch(/• \/mentoring report csv \[(round|putaran)\]:/);
      expect(messageText(helpMessage(t, true, "discord"))).toMatch(/• \/mentoring report export: csv \[(round|putaran)\]:/);
      const intake = intakeForm(t, { timezone: "Asia/Jakarta", language });
      expect(intake.context).toBe(t("privacy.intake"));
      expect(intake.context).not.toMatch(/https?:|\/mentoring/);
    }
  });
});
