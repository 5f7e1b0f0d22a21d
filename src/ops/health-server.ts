/**
 * A small node:http server for the health routes, on PORT, where nothing
 * else listens there: Socket Mode and Discord-only processes. (In Slack's
 * HTTP and OAuth modes Bolt's receiver serves the same routes instead.)
 */
import { createServer, type Server } from "node:http";
import type { HealthRoutes } from "./health-routes";

export interface HealthServer {
  port: number;
  stop(): Promise<void>;
}

export async function startHealthServer(routes: HealthRoutes, port: number, host?: string): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] as string;
    const handler = (routes as unknown as Record<string, HealthRoutes["/healthz"] | undefined>)[path];
    if (!handler) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" });
      res.end("method not allowed\n");
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
