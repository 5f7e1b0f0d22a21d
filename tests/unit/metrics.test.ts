/** The metrics module: names, labels, the scrape-time queue read, the timed matcher, the routes. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { healthRoutes } from "../../src/ops/health-routes";
import { Metrics } from "../../src/ops/metrics";

const line = (text: string, name: string) => text.split("\n").find((l) => l.startsWith(name));

describe("Metrics", () => {
  it("counts commands by kind and outcome, and observes ack and reply latencies", async () => {
    const m = new Metrics({ defaultMetrics: false });
    m.command("status", "ok");
    m.command("status", "ok");
    m.command("round.join", "refused");
    m.acked("slack", 0.003);
    m.replied("discord", "command", 0.2);
    const { body, contentType } = await m.expose();
    expect(contentType).toContain("text/plain");
    expect(line(body, 'sebaya_commands_total{kind="status",outcome="ok"}')).toBe(
      'sebaya_commands_total{kind="status",outcome="ok"} 2',
    );
    expect(body).toContain('sebaya_commands_total{kind="round.join",outcome="refused"} 1');
    expect(body).toContain('sebaya_ack_seconds_bucket{le="0.005",platform="slack"} 1');
    expect(body).toContain('sebaya_ack_seconds_count{platform="slack"} 1');
    expect(body).toContain('sebaya_reply_seconds_bucket{le="0.1",platform="discord",kind="command"} 0');
    expect(body).toContain('sebaya_reply_seconds_bucket{le="0.25",platform="discord",kind="command"} 1');
    expect(body).toContain("# HELP sebaya_commands_total ");
  });

  it("reads the queues once per scrape into three gauges, and keeps scraping when the read fails", async () => {
    let reads = 0;
    let fail = false;
    const m = new Metrics({
      defaultMetrics: false,
      queues: async () => {
        reads++;
        if (fail) throw new Error("database down");
        return { outboxPending: 7, outboxOldestSeconds: 12.5, jobLagSeconds: 3 };
      },
    });
    const first = (await m.expose()).body;
    expect(reads).toBe(1);
    expect(first).toContain("sebaya_outbox_pending 7");
    expect(first).toContain("sebaya_outbox_oldest_seconds 12.5");
    expect(first).toContain("sebaya_job_lag_seconds 3");
    fail = true;
    const second = (await m.expose()).body;
    expect(second).toContain("sebaya_scrape_errors_total 1");
    expect(second).toContain("sebaya_outbox_pending 7");
  });

  it("counts deliveries by result and times the matcher without changing its answer", async () => {
    const m = new Metrics({ defaultMetrics: false });
    m.delivery("sent");
    m.delivery("rate_limited");
    m.delivery("rate_limited");
    const double = m.timed((n: number) => n * 2);
    expect(double(21)).toBe(42);
    const { body } = await m.expose();
    expect(body).toContain('sebaya_deliveries_total{result="sent"} 1');
    expect(body).toContain('sebaya_deliveries_total{result="rate_limited"} 2');
    expect(body).toContain("sebaya_matching_runs_total 1");
    expect(body).toContain("sebaya_matching_seconds_count 1");
  });

  it("has the default process metrics unless asked not to", async () => {
    expect((await new Metrics().expose()).body).toContain("process_cpu_user_seconds_total");
    expect((await new Metrics({ defaultMetrics: false }).expose()).body).not.toContain("process_cpu_user_seconds_total");
  });
});

/** A response that records what a route wrote. */
function recorder() {
  const out: { status?: number; headers?: Record<string, string>; body?: string } = {};
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const res = {
    writeHead(status: number, headers: Record<string, string>) {
      out.status = status;
      out.headers = headers;
      return res;
    },
    end(body: string) {
      out.body = body;
      done();
    },
  };
  return { res: res as unknown as ServerResponse, out, finished };
}

describe("healthRoutes", () => {
  const req = {} as IncomingMessage;
  it("answers /readyz 200 when every check is ok and 503 naming the one that failed", async () => {
    let database = "ok";
    const routes = healthRoutes({
      metrics: new Metrics({ defaultMetrics: false }),
      ready: async () => ({ ready: database === "ok", checks: { database, migrations: "ok" } }),
    });
    const ok = recorder();
    routes["/readyz"](req, ok.res);
    await ok.finished;
    expect(ok.out.status).toBe(200);
    database = "unreachable: closed";
    const down = recorder();
    routes["/readyz"](req, down.res);
    await down.finished;
    expect(down.out.status).toBe(503);
    expect(JSON.parse(down.out.body ?? "")).toEqual({
      status: "not ready",
      checks: { database: "unreachable: closed", migrations: "ok" },
    });
    const alive = recorder();
    routes["/healthz"](req, alive.res);
    await alive.finished;
    expect(alive.out.status).toBe(200);
  });
});
