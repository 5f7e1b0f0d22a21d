/**
 * One gateway shard, as a child process of the ShardingManager (shards.ts):
 * discord.js reads which shard it is from the environment the manager sets.
 * It answers its guilds' interactions; the parent runs the scheduler and
 * delivery. Configuration comes from the same environment as the parent's.
 * Its commands and latencies are counted here and sent to the parent on
 * request (ops/shard-metrics.ts), which serves them in its /metrics.
 */

import { createAppCore, openDatabase, platformStore } from "../../app";
import { parseConfig } from "../../config";
import { systemClock } from "../../core/time/clock";
import { createLogger, describeError, errorLine } from "../../logger";
import { loggingDepartures } from "../../ops/departure-log";
import { observability } from "../../ops/observability";
import { answerMetricsRequests } from "../../ops/shard-metrics";
import { InFlight } from "../../scheduler/in-flight";
import { masterKeyNotices, masterKeySource } from "../../store/sealing/master-key";
import { startDiscordApp } from "./app";
import { discordSettings } from "./settings";

const describe = describeError;

async function main(): Promise<void> {
  // The manager sets SHARDS to this shard's id for discord.js; it is not our SHARDS (a count).
  const config = parseConfig({ ...process.env, SHARDS: undefined });
  const settings = discordSettings(config);
  if (!settings || !config.DATABASE_URL) throw new Error("a shard needs DISCORD_TOKEN, DISCORD_APPLICATION_ID and DATABASE_URL");
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(
    { kind: "postgres", url: config.DATABASE_URL },
    masterKeySource(config.SEBAYA_ENCRYPTION_KEY, config.DATA_DIR),
  );
  for (const n of masterKeyNotices(db.masterKey, true)) logger[n.level]({ keyFile: n.keyFile }, n.message);
  // The queues are the parent's to read: a shard's gauges would only add the same figures again.
  const ops = observability({ db: db.kysely, clock: systemClock, logger, queues: false });
  answerMetricsRequests(ops.metrics.registry, process, (error) =>
    logger.warn({ error: describe(error) }, "metrics could not be collected"),
  );
  const appCore = createAppCore({
    db,
    clock: systemClock,
    onError: (error, context) =>
      logger.error({ command: context.command, requestId: context.requestId, error: describe(error) }, "command failed"),
    onOutcome: ops.onOutcome,
  });
  // As in the parent (platforms.ts): commands taken before SIGTERM finish before the database closes.
  const inFlight = new InFlight();
  const core = { ...loggingDepartures(appCore, logger), execute: inFlight.track(appCore.execute) };
  const discord = await startDiscordApp({
    core,
    store: platformStore(db.kysely),
    clock: systemClock,
    token: settings.token,
    ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
    onError: (error) => logger.error({ error: describe(error) }, "discord interaction failed"),
    timings: ops.timingsFor("discord"),
  });
  logger.info({ shards: discord.client.options.shards }, "Discord shard connected");
  const stop = async () => {
    await discord.stop();
    if (!(await inFlight.settled(config.SHUTDOWN_TIMEOUT_MS)))
      logger.warn({ inFlight: inFlight.size }, "shutdown: commands still running at the deadline");
    await db.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`sebaya shard: could not start: ${errorLine(error)}`);
  process.exit(1);
});
