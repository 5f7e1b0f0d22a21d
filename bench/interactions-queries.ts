/**
 * npm run bench:interactions -- --queries (or tsx bench/interactions-queries.ts):
 * the database round trips one member action costs, from the signed request to
 * the reply, counted on the wire: every query a pg client sends in this
 * process (BEGIN and COMMIT included). The Slack app runs in this process
 * (tests/support/slack-driver.ts) on a fresh PostgreSQL database with a program
 * seeded through commands; each action is sent alone and counted until its
 * reply arrived and the app went quiet.
 *
 * Database server: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sebaya_bench_perf).
 */

import { randomUUID } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../src/app";
import type { Db } from "../src/store/connect";
import { FakeSlack, WORKSPACE_ADMIN } from "../tests/support/fake-slack";
import { PROGRAM_CHANNEL, SlackDriver, until } from "../tests/support/slack-driver";
import { TEST_KEYS } from "../tests/support/test-keys";
import { type Column, int, textTable } from "./table";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/sebaya_bench_perf";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every statement sent by any pg client in this process, in order. */
const sent: string[] = [];
const query = pg.Client.prototype.query;
// Counting on the wire: wraps the one method every pool and client query goes through.
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  sent.push(typeof first === "string" ? first : (first?.text ?? ""));
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

function urlOf(name: string): string {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
async function admin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: urlOf("postgres") });
  await c.connect();
  await c.query(statement);
  await c.end();
}

/** A short name for a statement: its verb and first table. */
function shape(statement: string): string {
  const s = statement.trim().replace(/\s+/g, " ").toLowerCase();
  if (/^(begin|commit|rollback)/.test(s)) return s.split(" ")[0] as string;
  const verb = s.split(" ")[0] ?? "";
  const table = /(?:from|into|update) "?([a-z_]+)"?/.exec(s)?.[1] ?? "?";
  return `${verb} ${table}`;
}

export interface Count {
  action: string;
  statements: number;
  transactions: number;
  shapes: string[];
}

export async function countQueries(): Promise<Count[]> {
  const name = `sebaya_q_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await admin(`create database ${name}`);
  let db: Db | null = null;
  const slack = new FakeSlack();
  await slack.start();
  const driver = new SlackDriver(slack, () => db as Db);
  try {
    db = await openDatabase({ kind: "postgres", url: urlOf(name), poolSize: 5 }, TEST_KEYS);
    await driver.start();
    const users = ["U-ANI", "U-BUDI", "U-CITRA", "U-DEWI", "U-EKO"];
    for (const u of users) slack.users.set(u, { real_name: u.slice(2), locale: "en-US", tz: "Asia/Jakarta" });
    const responded = () => driver.responded().length;
    const slash = async (user: string, text: string) => {
      const before = responded();
      await driver.slash(user, text);
      await until(() => responded() > before, text);
    };
    await slash(WORKSPACE_ADMIN, "setup Kopi Bench");
    await slash(WORKSPACE_ADMIN, "open");
    await driver.deliver();
    const announcement = driver.posted(PROGRAM_CHANNEL.id)[0];
    const join = (
      (announcement?.args.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    ).find((b) => b.type === "actions")?.elements?.[0];
    if (!join) throw new Error("no Join button");
    const intake = { expertise: "SQL", goals: "public speaking", team: "Data" };
    const joinThrough = async (user: string) => {
      const views = slack.of("views.open").length;
      await driver.press(user, join, { channel: PROGRAM_CHANNEL });
      await until(() => slack.of("views.open").length > views, "the intake modal");
      const view = driver.lastView();
      const dms = slack.of("chat.postMessage").length;
      await driver.submit(user, view, driver.fill(view, intake));
      await until(() => slack.of("chat.postMessage").length > dms, "the join");
    };
    const counts: Count[] = [];
    /** Runs `act` alone and counts what reached the database until its reply and 200 ms of quiet after. */
    const measure = async (action: string, act: () => Promise<void>) => {
      await sleep(200);
      sent.length = 0;
      await act();
      let seen = -1;
      while (seen !== sent.length) {
        seen = sent.length;
        await sleep(200);
      }
      const shapes = sent.map(shape);
      counts.push({
        action,
        statements: shapes.filter((s) => s !== "begin" && s !== "commit" && s !== "rollback").length,
        transactions: shapes.filter((s) => s === "begin").length,
        shapes,
      });
    };
    for (const u of users.slice(0, 4)) await joinThrough(u);
    const newcomer = "U-EKO";
    let view: ReturnType<SlackDriver["lastView"]> | undefined;
    await measure("Join button (opens the intake)", async () => {
      const views = slack.of("views.open").length;
      await driver.press(newcomer, join, { channel: PROGRAM_CHANNEL });
      await until(() => slack.of("views.open").length > views, "the intake modal");
      view = driver.lastView();
    });
    await measure("intake submitted (join)", async () => {
      const v = view as NonNullable<typeof view>;
      const dms = slack.of("chat.postMessage").length;
      await driver.submit(newcomer, v, driver.fill(v, intake));
      await until(() => slack.of("chat.postMessage").length > dms, "the join");
    });
    await slash(WORKSPACE_ADMIN, "match");
    await driver.deliver();
    await measure("status (slash)", () => slash("U-ANI", "status"));
    await measure("journal note (slash)", () => slash("U-ANI", "journal a note for the bench"));
    await measure("check-in (slash)", () => slash("U-BUDI", "checkin"));
    await measure("status, first contact (slash)", async () => {
      slack.users.set("U-FAJAR", { real_name: "Fajar", locale: "en-US" });
      await slash("U-FAJAR", "status");
    });
    return counts;
  } finally {
    await driver.stop();
    await slack.stop();
    await db?.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

export const countColumns: Column[] = [
  { header: "action", align: "left" },
  { header: "statements", align: "right" },
  { header: "transactions", align: "right" },
  { header: "round trips", align: "right" },
];

export const countRows = (counts: readonly Count[]) =>
  counts.map((c) => [c.action, int(c.statements), int(c.transactions), int(c.shapes.length)]);

if (import.meta.url === `file://${process.argv[1]}`) {
  const counts = await countQueries();
  console.info(textTable(countColumns, countRows(counts)));
  if (process.argv.includes("--verbose")) for (const c of counts) console.info(`\n${c.action}:\n  ${c.shapes.join("\n  ")}`);
  process.exit(0);
}
