/**
 * Metrics from child processes (the Discord shard processes), merged into the
 * parent's /metrics. prom-client's AggregatorRegistry does this for cluster
 * workers only; here each child answers a request on its IPC channel with its
 * registry's `getMetricsAsJSON()`, and the parent merges every answer with its
 * own through `AggregatorRegistry.aggregate` (counters and histograms summed,
 * default metrics by their own rule). A child that does not answer in time
 * (dead, respawning) is left out of that scrape.
 */
import type { MetricObjectWithValues, MetricValue, Registry } from "prom-client";

/** One process's registry, as `getMetricsAsJSON()` gives it. */
export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** What the parent asks and the child answers; tagged so discord.js's own IPC messages pass by. */
interface MetricsRequest {
  sebaya: "metrics?";
  id: number;
}
interface MetricsAnswer {
  sebaya: "metrics";
  id: number;
  metrics: MetricsJson;
}

const isRequest = (m: unknown): m is MetricsRequest =>
  typeof m === "object" && m !== null && (m as { sebaya?: unknown }).sebaya === "metrics?";
const isAnswer = (m: unknown): m is MetricsAnswer =>
  typeof m === "object" && m !== null && (m as { sebaya?: unknown }).sebaya === "metrics";

/** A child as the parent sees it: discord.js's Shard is one (its `message` event carries the child's own messages). */
export interface MetricsPeer {
  send(message: unknown): Promise<unknown>;
  on(event: "message", listener: (message: unknown) => void): unknown;
  off(event: "message", listener: (message: unknown) => void): unknown;
}

/** In a child process: answers the parent's requests with this registry. */
export function answerMetricsRequests(
  registry: Registry,
  channel: Pick<NodeJS.Process, "on" | "send"> = process,
  onError?: (error: unknown) => void,
): void {
  channel.on("message", (message: unknown) => {
    if (!isRequest(message)) return;
    registry
      .getMetricsAsJSON()
      .then((metrics) => {
        const answer: MetricsAnswer = { sebaya: "metrics", id: message.id, metrics };
        channel.send?.(answer);
      })
      .catch((error: unknown) => onError?.(error));
  });
}

let lastId = 0;

function askOne(peer: MetricsPeer, timeoutMs: number): Promise<MetricsJson | null> {
  const id = ++lastId;
  return new Promise((resolve) => {
    const done = (metrics: MetricsJson | null) => {
      clearTimeout(timer);
      peer.off("message", listen);
      resolve(metrics);
    };
    const listen = (message: unknown) => {
      if (isAnswer(message) && message.id === id) done(message.metrics);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    peer.on("message", listen);
    const request: MetricsRequest = { sebaya: "metrics?", id };
    // A child that is gone makes send throw or reject: left out, like one that is slow.
    Promise.resolve()
      .then(() => peer.send(request))
      .catch(() => done(null));
  });
}

/** In the parent: every child's registry that answered within `timeoutMs`. */
export async function askForMetrics(peers: Iterable<MetricsPeer>, timeoutMs = 2_000): Promise<MetricsJson[]> {
  const answers = await Promise.all([...peers].map((peer) => askOne(peer, timeoutMs)));
  return answers.filter((a): a is MetricsJson => a !== null);
}
