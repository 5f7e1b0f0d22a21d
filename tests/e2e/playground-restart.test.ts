/**
 * The playground's clock and history survive a restart: `npm start` twice on
 * the same data, driven through a pipe as a person types, answering each
 * prompt it shows. After the restart the simulated time goes on where it was,
 * "next session" is still the one ahead, and everything each person saw is
 * there, buttons included.
 */

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAST } from "../../src/adapters/console/cast";
import { type MessageKey, translator } from "../../src/core/i18n/translate";
import { createServerDatabase, testDbKind } from "../support/test-db";
import { TEST_MASTER_KEY } from "../support/test-keys";

const ROOT = join(import.meta.dirname, "../..");

/** A line to type: fixed, or read off what the screen shows so far. */
type Step = string | ((screen: string) => string);

/** What to answer a form's field, by its label in either language. */
const FIELDS: Array<[key: MessageKey, answer: string]> = [
  ["field.expertise", ""],
  ["field.goals", ""],
  ["field.interests", "kopi"],
  ["field.team", ""],
  ["field.timezone", "Asia/Jakarta"],
  ["field.language", "en"],
  ["field.partnersWanted", "1"],
  ["field.everyDays", "7"],
  ["field.minutes", "60"],
  ["field.weekday", "3"],
  ["field.time", "10:00"],
  ["field.rating", "5"],
  ["field.note", ""],
];
const LABELS = FIELDS.flatMap(([key, answer]) =>
  (["en", "id"] as const).map((language) => ({ key, label: translator(language)(key), answer })),
);

/** The playground's own prompt names who you are; a form's default in brackets ("[id] > ") is no person. */
const MAIN_PROMPT = new RegExp(`\\[(${CAST.map((p) => p.name).join("|")})\\] > $`);

/**
 * Runs the playground, typing each step at its main prompt and answering
 * form prompts from `intake` (per person) or FIELDS; Enter for anything else.
 */
function playground(
  env: Record<string, string>,
  steps: Step[],
  intake: Record<string, Partial<Record<MessageKey, string>>> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let answered = 0;
    const queue = [...steps];
    const fail = (error: unknown) => {
      child.kill();
      reject(new Error(`${String(error)}\n--- the screen ended with ---\n${stdout.slice(-3000)}`));
    };
    child.stdout.on("data", (d) => {
      stdout += d;
      try {
        answer();
      } catch (error) {
        fail(error);
      }
    });
    const answer = () => {
      if (!stdout.endsWith("> ") || stdout.length === answered) return;
      answered = stdout.length;
      const main = MAIN_PROMPT.test(stdout);
      let line: string;
      if (main) {
        const step = queue.shift();
        if (step === undefined) {
          child.stdin.end();
          return;
        }
        line = typeof step === "string" ? step : step(stdout);
      } else {
        // A form's prompt: its label is the last known one on the last lines of the screen.
        const tail = stdout.split("\n").slice(-15).join("\n");
        const who = [...stdout.matchAll(new RegExp(MAIN_PROMPT.source.replace("$", ""), "g"))].at(-1)?.[1]?.toLowerCase() ?? "";
        const field = LABELS.map((f) => ({ ...f, end: tail.lastIndexOf(f.label) + f.label.length }))
          .filter((f) => f.end >= f.label.length)
          .sort((a, b) => b.end - a.end)[0];
        line = field ? (intake[who]?.[field.key] ?? field.answer) : "";
      }
      child.stdin.write(`${line}\n`);
    };
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The number on the newest button with this label on the screen. */
const press = (label: string) => (screen: string) => {
  const found = [...screen.matchAll(new RegExp(`\\[(\\d+)\\] ${label}`, "g"))].at(-1);
  if (!found) throw new Error(`no "${label}" button on the screen`);
  return `:press ${found[1]}`;
};

const nowOf = (out: string) => [...out.matchAll(/It is now ([^\n]+)\./g)].at(-1)?.[1] ?? "";
/** "Saturday, 12 December 2026" out of "Saturday, 12 December 2026, 10:05 WIB". */
const dayOf = (when: string) => when.replace(/, \d{2}:\d{2} .*$/, "");
/** "Next session" as the status lists it (a field line). */
const nextSessionOf = (out: string) => [...out.matchAll(/\n {2}Next session: ([^\n]+)/g)].at(-1)?.[1];

let dataDir: string;
let env: Record<string, string>;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sebaya-restart-"));
  if (testDbKind() === "postgres") {
    const server = await createServerDatabase();
    drop = server.drop;
    env = { DATABASE_URL: server.url, SEBAYA_ENCRYPTION_KEY: TEST_MASTER_KEY, DEFAULT_LANGUAGE: "en" };
  } else {
    env = { DATA_DIR: dataDir, DEFAULT_LANGUAGE: "en" };
  }
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await drop?.();
});

describe("the playground after a restart", () => {
  it("goes on at the simulated time, with the next session still ahead and everything each person saw", async () => {
    const first = await playground(
      env,
      [
        "/mentoring setup Kopi Belajar",
        "/mentoring open",
        ":as ani",
        press("Ikut putaran 1"),
        ":as budi",
        press("Ikut putaran 1"),
        ":as sari",
        "/mentoring match",
        ":as ani",
        "/mentoring schedule",
        ":as budi",
        press("Confirm"),
        ":advance 1w",
        ":as ani",
        press("We met"),
        "/mentoring status",
        ":now",
        ":quit",
      ],
      {
        ani: { "field.expertise": "public speaking", "field.goals": "SQL", "field.team": "Marketing" },
        budi: { "field.expertise": "SQL", "field.goals": "public speaking", "field.team": "Data" },
      },
    );
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("How did session 1 go?");
    expect(first.stdout).toContain("Thanks for checking in!");
    const firstSession = /First session for Ani: ([^\n]+)/.exec(first.stdout)?.[1];
    const next = nextSessionOf(first.stdout);
    const then = nowOf(first.stdout);
    expect(firstSession).toBeDefined();
    expect(next).toBeDefined();
    expect(next).not.toBe(firstSession);
    expect(then).not.toBe("");

    const second = await playground(env, [
      ":now",
      ":as ani",
      "/mentoring status",
      ":show budi",
      ":as budi",
      press("We met"),
      ":quit",
    ]);
    expect(second.stderr).toBe("");
    expect(second.code).toBe(0);
    // The clock goes on from the simulated day it had reached, and says so.
    expect(second.stdout).toContain(`Welcome back: the playground goes on from ${dayOf(then)}`);
    expect(dayOf(nowOf(second.stdout))).toBe(dayOf(then));
    // "Next session" is the one still ahead, not session 1 that was already checked in.
    expect(nextSessionOf(second.stdout)).toBe(next);
    // Budi's history is there, and the button he saw before the restart still works.
    const shownBudi = second.stdout.slice(second.stdout.indexOf("Your mentoring status"));
    expect(shownBudi).toContain("How did session 1 go?");
    expect(second.stdout).toContain("Form: Session 1: check-in");
    expect(second.stdout).toContain("Thanks for checking in!");
  }, 180_000);
});
