/**
 * The bots' health and metrics, wired once for platforms.ts: one Metrics
 * registry reading the queues at scrape time, the readiness checks, the
 * three routes, and the hooks the core, the adapters and the dispatcher are
 * given. Each hook also logs with the request id (the platform event's), so
 * a command's line and the dispatcher's line for each row it wrote share it.
 */
import type { Kysely } from "kysely";
import type { InteractionTimings } from "../adapters/shared/interaction-timings";
import type { CoreDeps } from "../core/core";
import type { Platform as PlatformName } from "../core/domain";
import type { Matcher } from "../core/matching/types";
import type { Clock } from "../core/time/clock";
import type { DispatcherOptions } from "../delivery/dispatcher";
import type { Logger } from "../logger";
import { queueStats } from "../store/queue-stats";
import type { Database } from "../store/schema";
import { type HealthRoutes, healthRoutes } from "./health-routes";
import { type DeliveryResult, Metrics } from "./metrics";
import { readiness } from "./readiness";

export interface Observability {
  metrics: Metrics;
  routes: HealthRoutes;
  /** A platform this process runs, connected or not yet (readiness waits for each one named here). */
  expect(platform: PlatformName): void;
  connected(platform: PlatformName, connected?: boolean): void;
  /** For createAppCore. */
  onOutcome: NonNullable<CoreDeps["onOutcome"]>;
  /** For the dispatcher (Ticker's `delivery` options). */
  onDelivery: NonNullable<DispatcherOptions["onOutcome"]>;
  timingsFor(platform: PlatformName): InteractionTimings;
  /** The matcher, timed. */
  timedMatcher(matcher: Matcher): Matcher;
}

const RESULT: Record<Parameters<NonNullable<DispatcherOptions["onOutcome"]>>[1], DeliveryResult> = {
  sent: "sent",
  retried: "retried",
  "rate-limited": "rate_limited",
  fallback: "fallback",
  failed: "failed",
};

export function observability(options: {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** Default process metrics (CPU, memory, event loop); off in tests that make several registries. */
  defaultMetrics?: boolean;
  /** The queue gauges; off in a shard process, whose metrics the parent (which reads them) merges with its own. */
  queues?: boolean;
}): Observability {
  const { db, clock, logger } = options;
  const metrics = new Metrics({
    ...(options.queues === false ? {} : { queues: () => queueStats(db, clock.now()) }),
    ...(options.defaultMetrics === undefined ? {} : { defaultMetrics: options.defaultMetrics }),
  });
  const platforms = new Map<PlatformName, boolean>();
  const ready = readiness({
    db,
    platforms: () => [...platforms].map(([name, connected]) => ({ name, connected })),
  });
  return {
    metrics,
    routes: healthRoutes({
      metrics,
      ready,
      onError: (error) => logger.warn({ error: String(error) }, "health route failed"),
    }),
    expect: (platform) => {
      if (!platforms.has(platform)) platforms.set(platform, false);
    },
    connected: (platform, connected = true) => {
      platforms.set(platform, connected);
    },
    onOutcome: ({ command, outcome, requestId }) => {
      metrics.command(command, outcome);
      logger.info({ command, outcome, requestId }, "command");
    },
    onDelivery: (row, result) => {
      metrics.delivery(RESULT[result]);
      const line = { outbox: row.id, key: row.key, requestId: row.requestId, result };
      if (result === "sent") logger.info(line, "delivery");
      else logger.warn(line, "delivery");
    },
    timingsFor: (platform) => ({
      acked: (seconds) => metrics.acked(platform, seconds),
      replied: (kind, seconds) => metrics.replied(platform, kind, seconds),
    }),
    timedMatcher: (matcher) => metrics.timed(matcher),
  };
}
