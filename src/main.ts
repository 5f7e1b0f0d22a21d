/**
 * Composition root. With no platform tokens it starts the console playground
 * on the embedded database (or DATABASE_URL), which is what `npm start` does
 * on a fresh machine.
 */

import { CAST } from "./adapters/console/cast";
import { lineReader } from "./adapters/console/line-reader";
import { runRepl } from "./adapters/console/repl";
import { ConsoleWorkspace } from "./adapters/console/workspace";
import { createAppCore, openDatabase } from "./app";
import { ConfigError, loadEnvFile, parseConfig } from "./config";
import { OffsetClock } from "./core/clock";
import { createLogger } from "./logger";
import { MigrationError } from "./store/migrate";

async function main(): Promise<void> {
  loadEnvFile();
  const config = parseConfig(process.env);
  // The playground writes to the terminal; logs go to stderr and stay quiet unless asked.
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn");
  const db = await openDatabase(
    config.DATABASE_URL ? { kind: "postgres", url: config.DATABASE_URL } : { kind: "pglite", dataDir: config.DATA_DIR },
  );
  const clock = new OffsetClock();
  const core = createAppCore({
    db,
    clock,
    // Only the error's kind and message: a driver error's `detail` can quote the failing row, private text included.
    onError: (error, context) =>
      logger.error(
        {
          command: context.command,
          error:
            error instanceof Error
              ? { name: error.name, code: (error as { code?: unknown }).code, message: error.message }
              : String(error),
        },
        "command failed",
      ),
  });
  const ws = new ConsoleWorkspace(core, db.kysely, clock, CAST);
  const rl = lineReader(process.stdin, process.stdout);
  try {
    await runRepl({
      ws,
      clock,
      rl,
      language: config.DEFAULT_LANGUAGE,
      dataDir: config.DATABASE_URL ? "PostgreSQL" : config.DATA_DIR,
      write: (text) => process.stdout.write(text),
    });
  } finally {
    rl.close();
    await db.close();
  }
}

main().catch((error: unknown) => {
  // One line, no stack trace, no values: the variable and what it expects.
  if (error instanceof ConfigError) console.error(`sebaya: ${error.message}`);
  else if (error instanceof MigrationError) console.error(`sebaya: ${error.message}: ${String(error.cause)}`);
  else console.error(`sebaya: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
