/**
 * Prometheus metrics (prom-client), one registry per process. Everything here is counted at the
 * edges (the composition root, the adapters' timing hooks, the dispatcher's outcome callback):
 * the core never imports prom-client, it only calls plain callbacks it was given.
 */
import { AggregatorRegistry, Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { MetricsJson } from "./shard-metrics";

/** What a command came to, as the core tells it (core.ts `onOutcome`). */
export type CommandOutcome = "ok" | "refused" | "invalid" | "error";
/** What happened to one outbox row's send (dispatcher.ts `onOutcome`). */
export type DeliveryResult = "sent" | "retried" | "rate_limited" | "fallback" | "failed";

/** What the outbox and job queues look like now, read at scrape time (store/queue-stats.ts). */
export interface QueueStats {
  outboxPending: number;
  /** Seconds the oldest due pending outbox row has waited; 0 when none. */
  outboxOldestSeconds: number;
  /** Seconds the oldest due job has waited past its due time; 0 when none. */
  jobLagSeconds: number;
}

/** Interactive latencies sit well under Slack's and Discord's 3 s; buckets up to 10 s show what went past it. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];
const MATCHING_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30];

export class Metrics {
  readonly registry = new Registry();
  readonly commands: Counter<"kind" | "outcome">;
  readonly ack: Histogram<"platform">;
  readonly reply: Histogram<"platform" | "kind">;
  readonly deliveries: Counter<"result">;
  readonly matchingRuns: Counter;
  readonly matchingSeconds: Histogram;
  private readonly scrapeErrors: Counter;
  /** Other processes' registries (the shard processes), merged into each scrape. */
  private readonly others: Array<() => Promise<MetricsJson[]>> = [];

  /**
   * `queues` is read once per scrape (a cheap query); a failure leaves the gauges at their last
   * value and counts in `sebaya_scrape_errors_total` instead of failing the whole scrape.
   */
  constructor(options: { queues?: () => Promise<QueueStats>; defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.commands = new Counter({
      name: "sebaya_commands_total",
      help: "Commands run through the core, by command type and outcome (ok, refused, invalid, error).",
      labelNames: ["kind", "outcome"],
      registers,
    });
    this.ack = new Histogram({
      name: "sebaya_ack_seconds",
      help: "From a platform request's arrival to its acknowledgement (Slack: ack(); Discord: the first interaction response).",
      labelNames: ["platform"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.reply = new Histogram({
      name: "sebaya_reply_seconds",
      help: "From a platform request's arrival to the bot's reply reaching the platform, by interaction kind.",
      labelNames: ["platform", "kind"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.deliveries = new Counter({
      name: "sebaya_deliveries_total",
      help: "Outbox rows' send attempts by result: sent, retried (transient), rate_limited (429), fallback (failed, a fallback written), failed.",
      labelNames: ["result"],
      registers,
    });
    this.matchingRuns = new Counter({ name: "sebaya_matching_runs_total", help: "Matcher runs.", registers });
    this.matchingSeconds = new Histogram({
      name: "sebaya_matching_seconds",
      help: "How long one matcher run took.",
      buckets: MATCHING_BUCKETS,
      registers,
    });
    const queues = options.queues;
    // One read per scrape, shared by the three gauges (each collect() would otherwise query).
    let pending: Promise<QueueStats | null> | null = null;
    const read = (): Promise<QueueStats | null> => {
      if (!queues) return Promise.resolve(null);
      pending ??= queues()
        .catch(() => {
          this.scrapeErrors.inc();
          return null;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    };
    const gauge = (name: string, help: string, pick: (s: QueueStats) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          const stats = await read();
          if (stats) this.set(pick(stats));
        },
      });
    gauge("sebaya_outbox_pending", "Outbox rows waiting to be sent (pending, any due time).", (s) => s.outboxPending);
    gauge(
      "sebaya_outbox_oldest_seconds",
      "Seconds the oldest due pending outbox row has waited (0 when none).",
      (s) => s.outboxOldestSeconds,
    );
    gauge(
      "sebaya_job_lag_seconds",
      "Seconds the oldest due job has waited past its due time (0 when none).",
      (s) => s.jobLagSeconds,
    );
    this.scrapeErrors = new Counter({
      name: "sebaya_scrape_errors_total",
      help: "Scrapes whose queue statistics could not be read (the database was unreachable).",
      registers,
      // Metrics are collected concurrently: waiting for this scrape's read counts its failure in this scrape.
      async collect() {
        await read();
      },
    });
  }

  command(kind: string, outcome: CommandOutcome): void {
    this.commands.inc({ kind, outcome });
  }

  acked(platform: string, seconds: number): void {
    this.ack.observe({ platform }, seconds);
  }

  replied(platform: string, kind: string, seconds: number): void {
    this.reply.observe({ platform, kind }, seconds);
  }

  delivery(result: DeliveryResult): void {
    this.deliveries.inc({ result });
  }

  /** A matcher that times every run; the same function otherwise. */
  timed<A extends unknown[], R>(run: (...args: A) => R): (...args: A) => R {
    return (...args) => {
      const end = this.matchingSeconds.startTimer();
      try {
        return run(...args);
      } finally {
        end();
        this.matchingRuns.inc();
      }
    };
  }

  /** Adds other processes' metrics to every scrape (shard-metrics.ts's `askForMetrics`). */
  include(others: () => Promise<MetricsJson[]>): void {
    this.others.push(others);
  }

  /** The exposition text and its content type, for /metrics: this process's, merged with the others' if any. */
  async expose(): Promise<{ contentType: string; body: string }> {
    if (this.others.length === 0) return { contentType: this.registry.contentType, body: await this.registry.metrics() };
    const [own, ...others] = await Promise.all([this.registry.getMetricsAsJSON(), ...this.others.map((ask) => ask())]);
    const merged = AggregatorRegistry.aggregate([own, ...others.flat()]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}
