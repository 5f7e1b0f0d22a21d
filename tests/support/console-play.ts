/**
 * Typing lines into the real console REPL (the playground), on a test
 * database, with a manual clock: what was printed, and the workspace (its
 * saved entries: who saw what, where).
 */
import { PassThrough } from "node:stream";
import { ConsoleWorkspace } from "../../src/adapters/console/app";
import { CAST } from "../../src/adapters/console/cast";
import { lineReader } from "../../src/adapters/console/line-reader";
import { runRepl } from "../../src/adapters/console/repl";
import { createAppCore, playgroundStore } from "../../src/app";
import { ManualClock } from "../../src/core/time/clock";
import type { Db } from "../../src/store/connect";

export async function playConsole(
  db: Db,
  lines: readonly string[],
  /** `echo`: the line reader's own output (its prompts) goes into `out` too. */
  opts: { start: Date; exportsDir?: string; echo?: boolean },
): Promise<{ out: string; ws: ConsoleWorkspace }> {
  const clock = new ManualClock(opts.start);
  const ws = new ConsoleWorkspace(createAppCore({ db, clock }), playgroundStore(db.kysely), clock, CAST, opts.exportsDir);
  const input = new PassThrough();
  input.end(`${lines.join("\n")}\n`);
  let out = "";
  const sink = new PassThrough();
  if (opts.echo)
    sink.on("data", (d) => {
      out += String(d);
    });
  const rl = lineReader(input, sink);
  await runRepl({
    ws,
    clock,
    rl,
    language: "en",
    dataDir: "test",
    write: (text) => {
      out += text;
    },
  });
  rl.close();
  return { out, ws };
}
