/** manifest.yml asks for exactly the scopes the app uses and subscribes to exactly the events it handles. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLACK_BOT_SCOPES } from "../../src/adapters/slack/app";

const manifest = readFileSync(join(import.meta.dirname, "../../manifest.yml"), "utf8");
const source = readFileSync(join(import.meta.dirname, "../../src/adapters/slack/app.ts"), "utf8");

/** The "- item" lines under a key, up to the next key at the same or a lower indent. */
function listUnder(key: string): string[] {
  const lines = manifest.split("\n");
  const at = lines.findIndex((l) => l.trim() === `${key}:`);
  if (at < 0) throw new Error(`no ${key} in manifest.yml`);
  const indent = (lines[at] as string).search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (line.search(/\S/) <= indent && !line.trim().startsWith("-")) break;
    const item = /^\s*-\s+([^#\s]+)/.exec(line);
    if (item?.[1]) items.push(item[1]);
  }
  return items;
}

describe("manifest.yml", () => {
  it("asks for exactly the bot scopes the app declares", () => {
    expect(listUnder("bot").sort()).toEqual([...SLACK_BOT_SCOPES].sort());
  });

  it("subscribes to exactly the events the app handles", () => {
    const handled = [...source.matchAll(/app\.event\("([a-z_]+)"/g)].map((m) => m[1]);
    expect(listUnder("bot_events").sort()).toEqual([...new Set(handled)].sort());
  });

  it("declares the one slash command, interactivity and the Home tab", () => {
    expect(manifest).toMatch(/- command: \/mentoring/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/home_tab_enabled: true/);
  });
});
