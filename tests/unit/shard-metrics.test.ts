/**
 * Metrics from child processes: a child answers the parent's request on its
 * IPC channel, the parent merges the answers with its own registry, and a
 * child that does not answer is left out after the timeout. The channel is an
 * in-memory pair of emitters standing in for node's IPC (the e2e test in
 * health-metrics.test.ts does it with real shard processes, server only).
 */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { Metrics } from "../../src/ops/metrics";
import { answerMetricsRequests, askForMetrics, type MetricsPeer } from "../../src/ops/shard-metrics";

/** A child's IPC channel seen from both ends: what the parent sends arrives on the child's side, and back. */
function channel(): { parent: MetricsPeer; child: { on: EventEmitter["on"]; send: (m: unknown) => boolean } } {
  const toChild = new EventEmitter();
  const toParent = new EventEmitter();
  return {
    parent: Object.assign(toParent, {
      send: async (message: unknown) => {
        // Like IPC, asynchronous and a copy.
        setImmediate(() => toChild.emit("message", structuredClone(message)));
      },
    }),
    child: {
      on: toChild.on.bind(toChild) as EventEmitter["on"],
      send: (message: unknown) => {
        setImmediate(() => toParent.emit("message", structuredClone(message)));
        return true;
      },
    },
  };
}

const line = (text: string, name: string) => text.split("\n").find((l) => l.startsWith(`${name} `));

describe("metrics from child processes", () => {
  it("the parent's scrape adds up its own counters and histograms with every child's", async () => {
    const parent = new Metrics({ defaultMetrics: false });
    const shards = [new Metrics({ defaultMetrics: false }), new Metrics({ defaultMetrics: false })];
    const peers = shards.map((shard) => {
      const c = channel();
      answerMetricsRequests(shard.registry, c.child as unknown as NodeJS.Process);
      return c.parent;
    });
    parent.include(() => askForMetrics(peers));
    parent.delivery("sent");
    shards[0]?.command("status", "ok");
    shards[1]?.command("status", "ok");
    shards[1]?.command("round.join", "refused");
    shards[0]?.acked("discord", 0.02);
    shards[1]?.acked("discord", 0.2);

    const { body, contentType } = await parent.expose();
    expect(contentType).toContain("text/plain");
    expect(line(body, 'sebaya_commands_total{kind="status",outcome="ok"}')).toMatch(/ 2$/);
    expect(line(body, 'sebaya_commands_total{kind="round.join",outcome="refused"}')).toMatch(/ 1$/);
    expect(line(body, 'sebaya_deliveries_total{result="sent"}')).toMatch(/ 1$/);
    expect(line(body, 'sebaya_ack_seconds_count{platform="discord"}')).toMatch(/ 2$/);
    expect(line(body, 'sebaya_ack_seconds_bucket{le="0.025",platform="discord"}')).toMatch(/ 1$/);
  });

  it("a child that does not answer is left out once the timeout passes; the others are there", async () => {
    const answering = new Metrics({ defaultMetrics: false });
    answering.command("status", "ok");
    const live = channel();
    answerMetricsRequests(answering.registry, live.child as unknown as NodeJS.Process);
    const silent = channel(); // nothing answers on this one
    const gone: MetricsPeer = Object.assign(new EventEmitter(), {
      send: async () => {
        throw new Error("channel closed");
      },
    });
    const started = Date.now();
    const answers = await askForMetrics([live.parent, silent.parent, gone], 200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(answers).toHaveLength(1);
    expect(JSON.stringify(answers[0])).toContain("sebaya_commands_total");
    // No listener is left behind on the children's channels.
    expect((live.parent as unknown as EventEmitter).listenerCount("message")).toBe(0);
    expect((silent.parent as unknown as EventEmitter).listenerCount("message")).toBe(0);
  });
});
