/**
 * The bots: every configured platform in this process, sharing one core, one
 * database and one scheduler and dispatcher ticking on TICK_SCHEDULE and
 * woken at once by every commit that writes an outbox row (LISTEN/NOTIFY).
 * Imported by main only when a platform is configured: the playground never
 * loads the platform SDKs (seconds and tens of megabytes at start).
 * /healthz, /readyz and /metrics answer on PORT in every mode: on Bolt's
 * receiver in Slack's HTTP and OAuth modes, else on a small server of their own.
 */

import { discordPlatform } from "./adapters/discord/platform";
import type { Platform } from "./adapters/platform";
import type { PlatformSettings } from "./adapters/settings";
import { slackPlatform } from "./adapters/slack/platform";
import { createAppCore, openDatabase } from "./app";
import type { Config } from "./config";
import type { Platform as PlatformName } from "./core/domain";
import { optimalMatcher } from "./core/matching/optimal-matcher";
import { systemClock } from "./core/time/clock";
import { routeByPlatform } from "./delivery/platform-router";
import type { Sender } from "./delivery/sender";
import { createLogger, describeError } from "./logger";
import { loggingDepartures } from "./ops/departure-log";
import { boltRoutes, type HealthRoutes } from "./ops/health-routes";
import { startHealthServer } from "./ops/health-server";
import { observability } from "./ops/observability";
import { startCron } from "./scheduler/cron";
import { InFlight } from "./scheduler/in-flight";
import { Ticker } from "./scheduler/tick";
import type { Db } from "./store/connect";
import { listenForDueWork } from "./store/due-work-listener";
import { platformStore } from "./store/platform/platform-store";
import { SlackInstallations } from "./store/platform/slack-installations";
import { SlackOAuthStates } from "./store/platform/slack-oauth-states";
import { masterKeyNotices, masterKeySource } from "./store/sealing/master-key";
import { TokenCipher } from "./store/token-cipher";

const describe = describeError;

/** Each configured platform with its settings and what it needs from this deployment bound in. */
export function configuredPlatforms(
  config: Config,
  configured: readonly PlatformSettings[],
  db: Db,
  routes?: HealthRoutes,
): Platform[] {
  return configured.map((c) =>
    c.platform === "slack"
      ? slackPlatform(c.settings, {
          port: config.PORT,
          apiUrl: config.SLACK_API_URL,
          ...(routes ? { routes: boltRoutes(routes) } : {}),
          oauthStores: (encryptionKey) => ({
            installations: new SlackInstallations(db.kysely, TokenCipher.fromKey(encryptionKey), systemClock),
            states: new SlackOAuthStates(db.kysely),
          }),
        })
      : discordPlatform(c.settings),
  );
}

export async function runPlatforms(config: Config, configured: readonly PlatformSettings[]) {
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(
    config.DATABASE_URL ? { kind: "postgres", url: config.DATABASE_URL } : { kind: "pglite", dataDir: config.DATA_DIR },
    masterKeySource(config.SEBAYA_ENCRYPTION_KEY, config.DATA_DIR),
  );
  for (const n of masterKeyNotices(db.masterKey, db.kind === "postgres")) logger[n.level]({ keyFile: n.keyFile }, n.message);
  const ops = observability({ db: db.kysely, clock: systemClock, logger });
  for (const c of configured) ops.expect(c.platform);
  // Bolt's HTTP receiver already listens on PORT (HTTP and OAuth modes): the routes go there. Anywhere
  // else (Socket Mode, Discord only) they get their own server, up before the platforms connect, so
  // /healthz answers and /readyz says what is still missing while they start.
  const boltListens = configured.some((c) => c.platform === "slack" && c.settings.mode !== "socket");
  // A port already taken does not keep the bot from running: it is told, and probes find nothing there.
  const health = boltListens
    ? null
    : await startHealthServer(ops.routes, config.PORT).catch((error: unknown) => {
        logger.error({ port: config.PORT, error: describe(error) }, "health and metrics could not listen; running without them");
        return null;
      });
  if (health) logger.info({ port: health.port }, "health and metrics listening");
  const appCore = createAppCore({
    db,
    clock: systemClock,
    matcher: ops.timedMatcher(optimalMatcher),
    onError: (error, context) =>
      logger.error({ command: context.command, requestId: context.requestId, error: describe(error) }, "command failed"),
    onOutcome: ops.onOutcome,
  });
  // Commands taken before a shutdown finish (their writes and outbox rows commit) before the database closes.
  const inFlight = new InFlight();
  const core = { ...loggingDepartures(appCore, logger), execute: inFlight.track(appCore.execute) };
  const deps = {
    core,
    store: platformStore(db.kysely),
    clock: systemClock,
    onError: (error: unknown, context: string) => logger.error({ error: describe(error) }, context),
    onNotice: (kind: string) => logger.warn({ kind }, "slack request not acted on as sent"),
  };
  const senders: Partial<Record<PlatformName, Sender>> = {};
  const stops: Array<() => Promise<void>> = [];
  if (health) stops.push(health.stop);
  for (const platform of configuredPlatforms(config, configured, db, boltListens ? ops.routes : undefined)) {
    const running = await platform.start({
      ...deps,
      timings: ops.timingsFor(platform.name),
      // A gateway that drops turns /readyz red until it is back.
      onConnection: (connected) => ops.connected(platform.name, connected),
    });
    ops.connected(platform.name);
    senders[platform.name] = running.sender;
    if (running.metrics) ops.metrics.include(running.metrics);
    stops.push(running.stop);
    logger.info(running.describe.details, running.describe.message);
  }

  const ticker = new Ticker(db.kysely, routeByPlatform(senders), systemClock, {
    worker: config.WORKER_ID,
    jobs: { onError: (error, job) => logger.error({ job, error: describe(error) }, "job failed") },
    delivery: {
      // Rows of a platform this process does not run are left to a replica that does, untouched.
      platforms: Object.keys(senders) as PlatformName[],
      onFailure: (row, failure) => logger.warn({ outbox: row.id, kind: failure.kind }, "delivery failed"),
      onOutcome: ops.onDelivery,
    },
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
  // SIGTERM (an orchestrator stopping the pod) or SIGINT: stop taking requests, let what is in
  // flight finish within SHUTDOWN_TIMEOUT_MS, hand this worker's leases back so another replica
  // takes the work at once, then close. A second signal exits at once.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    const deadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
    const left = () => Math.max(0, deadline - Date.now());
    // Whatever hangs past the deadline (a close that never returns), the process still ends.
    setTimeout(() => {
      logger.error("shutdown did not finish in time: exiting");
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 5_000).unref();
    logger.info({ signal, inFlight: inFlight.size, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, "shutting down");
    const step = async (what: string, run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        logger.warn({ error: describe(error) }, `shutdown: ${what} failed`);
      }
    };
    await step("stopping the cron", () => cron.stop());
    // The scheduler drains meanwhile: no new job, send or lease from now on; what runs finishes.
    const draining = ticker.drain(left());
    draining.catch(() => undefined); // awaited below, where its error is told; not an unhandled rejection meanwhile
    // A receiver's close waits for its open requests: bounded by the same deadline.
    await step("stopping the platforms", () =>
      Promise.race([Promise.all(stops.map((s) => s())), new Promise((resolve) => setTimeout(resolve, left()).unref())]),
    );
    if (!(await inFlight.settled(left())))
      logger.warn({ inFlight: inFlight.size }, "shutdown: commands still running at the deadline");
    await step("draining the scheduler", async () => {
      const drained = await draining;
      if (drained.drained) logger.info({ released: drained.released }, "scheduler drained; leases handed back");
      else logger.warn("shutdown: jobs or sends still running at the deadline; their leases will run out");
    });
    await step("stopping the listener", () => listener.stop());
    await step("closing the database", () => db.close());
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
