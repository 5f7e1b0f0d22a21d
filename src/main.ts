/**
 * Composition root. With no platform tokens it starts the console playground
 * on the embedded database (or DATABASE_URL), which is what `npm start` does
 * on a fresh machine. With Slack settings (Socket Mode, HTTP or OAuth) and/or
 * Discord settings it runs those bots (platforms.ts, loaded only then).
 * The playground serves /healthz, /readyz and /metrics only when PORT is set
 * in the environment (the Docker image sets it, for its HEALTHCHECK): two
 * playgrounds on one machine never fight over a port.
 */

import { join } from "node:path";
import { ReadStream } from "node:tty";
import { setFlagsFromString } from "node:v8";
import { consoleSettings } from "./adapters/console/settings";
import { configuredSettings } from "./adapters/settings";
import { ConfigError, loadEnvFile, parseConfig } from "./config";
import { type Clock, OffsetClock } from "./core/time/clock";
import { createLogger, describeError, errorLine, type Logger } from "./logger";
import type { Db } from "./store/connect";
import { MigrationError } from "./store/migrate";
import { openDatabase } from "./store/open-database";
import { masterKeyNotices, masterKeySource } from "./store/sealing/master-key";
import { WrongMasterKey } from "./store/sealing/vault";
import { DatabaseUnavailable } from "./store/unavailable";

const describe = describeError;

/** The health routes for the playground, on `port`; null (told in the log) when the port is taken. */
async function playgroundHealth(db: Db, clock: Clock, logger: Logger, port: number): Promise<{ stop(): Promise<void> } | null> {
  // Loaded only here: a playground without PORT never loads prom-client.
  const [{ observability }, { startHealthServer }] = await Promise.all([
    import("./ops/observability"),
    import("./ops/health-server"),
  ]);
  const ops = observability({ db: db.kysely, clock, logger });
  const server = await startHealthServer(ops.routes, port).catch((error: unknown) => {
    logger.error({ port, error: describe(error) }, "health and metrics could not listen; running without them");
    return null;
  });
  if (server) logger.info({ port: server.port }, "health and metrics listening");
  return server;
}

async function main(): Promise<void> {
  loadEnvFile();
  const config = parseConfig(process.env);
  const platforms = configuredSettings(config);
  if (platforms.length > 0) {
    const { runPlatforms } = await import("./platforms");
    return runPlatforms(config, platforms);
  }
  // The playground writes to the terminal; logs go to stderr and stay quiet unless asked.
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn");
  // The embedded database's WebAssembly on V8's baseline compiler only: its optimising tier costs a
  // few seconds of CPU and about 90 MB at start, more than a playground's few queries ever win back
  // (bench/startup-results.md). Set before PGlite compiles; the bots keep both tiers.
  const playground = consoleSettings(config);
  if (playground.database.kind === "pglite") setFlagsFromString("--liftoff-only");
  // The database opens while the playground's code loads: PGlite reads and compiles its
  // WebAssembly off the main thread meanwhile (a second off the first prompt on this machine).
  const opening = openDatabase(playground.database, masterKeySource(config.SEBAYA_ENCRYPTION_KEY, config.DATA_DIR));
  opening.catch(() => {}); // awaited below, where its error is told; not an unhandled rejection meanwhile
  const [
    { CAST },
    { lineReader },
    { runRepl },
    { ConsoleWorkspace },
    { restorePlayground, savePlayground },
    { createAppCore, playgroundStore },
  ] = await Promise.all([
    import("./adapters/console/cast"),
    import("./adapters/console/line-reader"),
    import("./adapters/console/repl"),
    import("./adapters/console/app"),
    import("./adapters/console/saved-playground"),
    import("./app"),
  ]);
  const db = await opening;
  // The playground's log is quiet (warn): only a server database's key in one folder is worth its line.
  for (const n of masterKeyNotices(db.masterKey, db.kind === "postgres")) logger[n.level]({ keyFile: n.keyFile }, n.message);
  const clock = new OffsetClock();
  // PORT as written in the environment (or .env), not the default: see the header.
  const health = process.env.PORT ? await playgroundHealth(db, clock, logger, config.PORT) : null;
  const core = createAppCore({
    db,
    clock,
    onError: (error, context) => logger.error({ command: context.command, error: describe(error) }, "command failed"),
  });
  const store = playgroundStore(db.kysely);
  const ws = new ConsoleWorkspace(core, store, clock, CAST, join(config.DATA_DIR, "exports"));
  // The simulated time and what everyone saw live with the data: a restart goes on from there.
  const seen = new Map<string, number>();
  const restored = await restorePlayground(store, ws, clock, seen);
  ws.afterStep = () => savePlayground(store, ws, clock, seen);
  // On a terminal, Ctrl-D inside a form closes the form and the playground reads on; a pipe's end is the end.
  const rl = lineReader(process.stdin, process.stdout, process.stdin.isTTY ? () => new ReadStream(0) : undefined);
  try {
    await runRepl({
      ws,
      clock,
      rl,
      language: playground.language,
      dataDir: playground.dataLabel,
      write: (text) => process.stdout.write(text),
      seen,
      restored,
    });
  } finally {
    await savePlayground(store, ws, clock, seen).catch((error: unknown) =>
      logger.warn({ error: describe(error) }, "could not save the playground's time and history"),
    );
    rl.close();
    await health?.stop();
    await db.close();
  }
}

main().catch((error: unknown) => {
  // One line, no stack trace, no values: the variable and what it expects.
  if (error instanceof ConfigError) console.error(`sebaya: ${error.message}`);
  else if (error instanceof MigrationError || error instanceof DatabaseUnavailable || error instanceof WrongMasterKey)
    console.error(`sebaya: ${errorLine(error)}`);
  else console.error(`sebaya: could not start: ${errorLine(error)}`);
  process.exit(1);
});
