/**
 * Composition root. With no platform tokens it starts the console playground
 * on the embedded database (or DATABASE_URL), which is what `npm start` does
 * on a fresh machine. With SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET it serves
 * Slack over HTTP on PORT, with the scheduler and dispatcher ticking on
 * TICK_SCHEDULE.
 */

import { CAST } from "./adapters/console/cast";
import { lineReader } from "./adapters/console/line-reader";
import { runRepl } from "./adapters/console/repl";
import { ConsoleWorkspace } from "./adapters/console/workspace";
import { startSlackApp } from "./adapters/slack/slack-app";
import { slackSender } from "./adapters/slack/slack-sender";
import { type SlackSettings, slackSettings } from "./adapters/slack/slack-settings";
import { installedWorkspaces, singleWorkspace } from "./adapters/slack/workspace-clients";
import { createAppCore, openDatabase } from "./app";
import { type Config, ConfigError, loadEnvFile, parseConfig } from "./config";
import { OffsetClock, systemClock } from "./core/clock";
import { routeByPlatform } from "./delivery/platform-router";
import { createLogger } from "./logger";
import { startCron } from "./scheduler/cron";
import { Ticker } from "./scheduler/tick";
import { MigrationError } from "./store/migrate";
import { SlackInstallations } from "./store/slack-installations";
import { TokenCipher } from "./store/token-cipher";

/** Only the error's kind and message: a driver error's `detail` can quote the failing row, private text included. */
function describe(error: unknown) {
  return error instanceof Error
    ? { name: error.name, code: (error as { code?: unknown }).code, message: error.message }
    : String(error);
}

async function runPlatforms(config: Config, slackConfig: SlackSettings): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(
    config.DATABASE_URL ? { kind: "postgres", url: config.DATABASE_URL } : { kind: "pglite", dataDir: config.DATA_DIR },
  );
  const core = createAppCore({
    db,
    clock: systemClock,
    onError: (error, context) => logger.error({ command: context.command, error: describe(error) }, "command failed"),
  });
  const apiUrl = config.SLACK_API_URL;
  const installations =
    slackConfig.mode === "oauth"
      ? new SlackInstallations(db.kysely, TokenCipher.fromKey(slackConfig.encryptionKey), systemClock)
      : null;
  const slack = await startSlackApp({
    core,
    db: db.kysely,
    clock: systemClock,
    signingSecret: slackConfig.mode === "socket" ? "" : slackConfig.signingSecret,
    auth:
      slackConfig.mode === "oauth" && installations
        ? {
            kind: "oauth",
            clientId: slackConfig.clientId,
            clientSecret: slackConfig.clientSecret,
            stateSecret: slackConfig.stateSecret,
            installations,
          }
        : { kind: "token", botToken: slackConfig.mode === "oauth" ? "" : slackConfig.botToken },
    transport:
      slackConfig.mode === "socket" ? { kind: "socket", appToken: slackConfig.appToken } : { kind: "http", port: config.PORT },
    ...(apiUrl ? { apiUrl } : {}),
    onError: (error) => logger.error({ error: describe(error) }, "slack request failed"),
  });
  const workspaces =
    installations !== null
      ? installedWorkspaces(installations, apiUrl)
      : singleWorkspace(slackConfig.mode === "oauth" ? "" : slackConfig.botToken, apiUrl);
  const ticker = new Ticker(db.kysely, routeByPlatform({ slack: slackSender(workspaces) }), systemClock, {
    worker: config.WORKER_ID,
    jobs: { onError: (error, job) => logger.error({ job, error: describe(error) }, "job failed") },
    delivery: { onFailure: (row, failure) => logger.warn({ outbox: row.id, kind: failure.kind }, "delivery failed") },
  });
  const cron = startCron(ticker, config.TICK_SCHEDULE, (error) => logger.error({ error: describe(error) }, "tick failed"));
  logger.info(
    { mode: slackConfig.mode, port: slack.port, worker: config.WORKER_ID },
    slackConfig.mode === "socket" ? "Slack app connected over Socket Mode" : "Slack app listening on /slack/events",
  );
  const stop = async () => {
    await cron.stop();
    await slack.stop();
    await db.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

async function main(): Promise<void> {
  loadEnvFile();
  const config = parseConfig(process.env);
  const slackConfig = slackSettings(config);
  if (slackConfig) return runPlatforms(config, slackConfig);
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
