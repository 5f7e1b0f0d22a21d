/**
 * /healthz, /readyz and /metrics as plain request handlers: the same three
 * serve on Bolt's HTTP receiver (its `customRoutes`) in Slack's HTTP and
 * OAuth modes, and on health-server.ts's own server in every other mode.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "./metrics";
import type { ReadinessReport } from "./readiness";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface HealthRoutes {
  "/healthz": Handler;
  "/readyz": Handler;
  "/metrics": Handler;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export function healthRoutes(deps: {
  metrics: Metrics;
  ready: () => Promise<ReadinessReport>;
  onError?: (error: unknown) => void;
}): HealthRoutes {
  return {
    // Alive: the process answers. Nothing else is asked, so a slow database never restarts it.
    "/healthz": (_req, res) => json(res, 200, { status: "ok" }),
    "/readyz": (_req, res) => {
      deps.ready().then(
        (report) => json(res, report.ready ? 200 : 503, { status: report.ready ? "ready" : "not ready", checks: report.checks }),
        (error: unknown) => {
          deps.onError?.(error);
          json(res, 503, { status: "not ready", checks: { readiness: "could not be checked" } });
        },
      );
    },
    "/metrics": (_req, res) => {
      deps.metrics.expose().then(
        ({ contentType, body }) => {
          res.writeHead(200, { "content-type": contentType });
          res.end(body);
        },
        (error: unknown) => {
          deps.onError?.(error);
          res.writeHead(500, { "content-type": "text/plain" });
          res.end("metrics could not be collected\n");
        },
      );
    },
  };
}

/** The routes as Bolt's `customRoutes` (GET only). */
export function boltRoutes(routes: HealthRoutes): Array<{ path: string; method: string; handler: Handler }> {
  return Object.entries(routes).map(([path, handler]) => ({ path, method: "GET", handler }));
}
