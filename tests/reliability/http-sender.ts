/**
 * A Sender that posts to the fake platform over HTTP and maps its answers to
 * DeliveryFailure the way the Slack and Discord adapters map theirs: 429 with
 * Retry-After pauses the tenant, 5xx is transient, 403 is a closed DM.
 * node:http with a keep-alive agent: fetch's per-request overhead would make
 * the harness, not the dispatcher, the bottleneck of the delivery benchmark.
 */
import { Agent, request } from "node:http";
import { DeliveryFailure } from "../../src/delivery/delivery-failure";
import type { Sender } from "../../src/delivery/sender";

function post(url: URL, agent: Agent, body: string): Promise<{ status: number; retryAfter: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          data += chunk;
        });
        res.on("end", () => {
          const retryAfter = res.headers["retry-after"];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
            body: data,
          });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export function httpSender(baseUrl: string, worker: string): Sender {
  const url = new URL("/send", baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  return {
    async send(out) {
      const response = await post(url, agent, JSON.stringify({ key: out.key, conversation: out.conversation, worker }));
      if (response.status === 429) {
        throw new DeliveryFailure("rate-limited", "429", Number(response.retryAfter ?? "1") * 1000, "tenant");
      }
      if (response.status === 403) throw new DeliveryFailure("dm-closed", "403");
      if (response.status >= 500) throw new DeliveryFailure("transient", String(response.status));
      if (response.status < 200 || response.status >= 300) throw new DeliveryFailure("permanent", String(response.status));
      return { platformMessageId: (JSON.parse(response.body) as { id: string }).id };
    },
  };
}
