/**
 * The bots: Slack and/or Discord in this process, sharing one core, one
 * database and one scheduler and dispatcher ticking on TICK_SCHEDULE and
 * woken at once by every commit that writes an outbox row (LISTEN/NOTIFY;
 * Discord's gateway in child processes when SHARDS is above 1). Imported by
 * main only when a platform is configured: the playground never loads the
 * platform SDKs (seconds and tens of megabytes at start).
 */
import { startDiscordApp } from "./adapters/discord/app";
import { discordSender } from "./adapters/discord/sender";
import type { DiscordSettings } from "./adapters/discord/settings";
import { startShards } from "./adapters/discord/shards";
import { startSlackApp } from "./adapters/slack/app";
import { slackSender } from "./adapters/slack/sender";
import type { SlackSettings } from "./adapters/slack/settings";
import { installedWorkspaces, singleWorkspace } from "./adapters/slack/workspace-clients";
import { createAppCore, openDatabase } from "./app";
import type { Config } from "./config";
import { systemClock } from "./core/clock";
import type { Platform } from "./core/domain";
import { routeByPlatform } from "./delivery/platform-router";
import type { Sender } from "./delivery/sender";
import { createLogger, describeError } from "./logger";
import { startCron } from "./scheduler/cron";
import { Ticker } from "./scheduler/tick";
import { listenForDueWork } from "./store/due-work-listener";
import { platformStore } from "./store/platform/platform-store";
import { SlackInstallations } from "./store/platform/slack-installations";
import { SlackOAuthStates } from "./store/platform/slack-oauth-states";
import { TokenCipher } from "./store/token-cipher";

const describe = describeError;

export async function runPlatforms(config: Config, slackConfig: SlackSettings | null, discordConfig: DiscordSettings | null) {
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(
    config.DATABASE_URL ? { kind: "postgres", url: config.DATABASE_URL } : { kind: "pglite", dataDir: config.DATA_DIR },
  );
  const core = createAppCore({
    db,
    clock: systemClock,
    onError: (error, context) => logger.error({ command: context.command, error: describe(error) }, "command failed"),
  });
  const store = platformStore(db.kysely);
  const senders: Partial<Record<Platform, Sender>> = {};
  const stops: Array<() => Promise<void>> = [];

  if (slackConfig) {
    const apiUrl = config.SLACK_API_URL;
    const installations =
      slackConfig.mode === "oauth"
        ? new SlackInstallations(db.kysely, TokenCipher.fromKey(slackConfig.encryptionKey), systemClock)
        : null;
    const slack = await startSlackApp({
      core,
      store,
      clock: systemClock,
      auth:
        slackConfig.mode === "oauth" && installations
          ? {
              kind: "oauth",
              clientId: slackConfig.clientId,
              clientSecret: slackConfig.clientSecret,
              installations,
              states: new SlackOAuthStates(db.kysely),
            }
          : { kind: "token", botToken: slackConfig.mode === "oauth" ? "" : slackConfig.botToken },
      transport:
        slackConfig.mode === "socket"
          ? { kind: "socket", appToken: slackConfig.appToken }
          : { kind: "http", port: config.PORT, signingSecret: slackConfig.signingSecret },
      ...(apiUrl ? { apiUrl } : {}),
      onError: (error) => logger.error({ error: describe(error) }, "slack request failed"),
      onNotice: (kind) => logger.warn({ kind }, "slack request not acted on as sent"),
    });
    senders.slack = slackSender(
      installations !== null
        ? installedWorkspaces(installations, apiUrl)
        : singleWorkspace(slackConfig.mode === "oauth" ? "" : slackConfig.botToken, apiUrl),
    );
    stops.push(slack.stop);
    logger.info(
      { mode: slackConfig.mode, port: slack.port },
      slackConfig.mode === "socket" ? "Slack app connected over Socket Mode" : "Slack app listening on /slack/events",
    );
  }

  if (discordConfig) {
    const apiUrl = discordConfig.apiUrl;
    if (discordConfig.shards === 1) {
      const discord = await startDiscordApp({
        core,
        store,
        clock: systemClock,
        token: discordConfig.token,
        ...(apiUrl ? { apiUrl } : {}),
        // Explicit: discord.js would otherwise read its own SHARDS variable, which here is our count.
        shards: [0],
        shardCount: 1,
        onError: (error) => logger.error({ error: describe(error) }, "discord interaction failed"),
      });
      stops.push(discord.stop);
      logger.info({ user: discord.client.user?.id }, "Discord bot connected");
    } else {
      const shards = await startShards({
        token: discordConfig.token,
        ...(apiUrl ? { apiUrl } : {}),
        shards: discordConfig.shards,
      });
      stops.push(shards.stop);
      logger.info({ shards: shards.manager.totalShards }, "Discord shards started");
    }
    senders.discord = discordSender({
      token: discordConfig.token,
      ...(apiUrl ? { apiUrl } : {}),
      store,
      clock: systemClock,
    });
  }

  const ticker = new Ticker(db.kysely, routeByPlatform(senders), systemClock, {
    worker: config.WORKER_ID,
    jobs: { onError: (error, job) => logger.error({ job, error: describe(error) }, "job failed") },
    delivery: { onFailure: (row, failure) => logger.warn({ outbox: row.id, kind: failure.kind }, "delivery failed") },
    timedWakes: true,
    onError: (error) => logger.error({ error: describe(error) }, "wake failed"),
  });
  const cron = startCron(ticker, config.TICK_SCHEDULE, (error) => logger.error({ error: describe(error) }, "tick failed"));
  // Messages go out when they commit (here, in a shard process or in another replica), not at the
  // next tick; the tick stays the safety net, e.g. while the listener reconnects.
  const listener = listenForDueWork(db, (work) => ticker.wake(work), {
    onListening: () => logger.debug("listening for due work"),
    onLost: (error, retryInMs) =>
      logger.warn(
        { error: describe(error), retryInMs },
        "due-work listener lost its connection; the tick covers until it is back",
      ),
  });
  logger.info({ worker: config.WORKER_ID, schedule: config.TICK_SCHEDULE }, "scheduler ticking, delivering on commit");
  const stop = async () => {
    await cron.stop();
    ticker.stop();
    await listener.stop();
    for (const s of stops) await s();
    await db.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}
