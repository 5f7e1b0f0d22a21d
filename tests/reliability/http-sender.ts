/**
 * A Sender that posts to the fake platform over HTTP and maps its answers to
 * DeliveryFailure the way the Slack and Discord adapters map theirs: 429 with
 * Retry-After pauses the tenant, 5xx is transient, 403 is a closed DM.
 */
import { DeliveryFailure } from "../../src/delivery/delivery-failure";
import type { Sender } from "../../src/delivery/dispatcher";

export function httpSender(baseUrl: string, worker: string): Sender {
  return {
    async send(out) {
      const response = await fetch(`${baseUrl}/send`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key: out.key, conversation: out.conversation, worker }),
      });
      if (response.status === 429) {
        const seconds = Number(response.headers.get("retry-after") ?? "1");
        await response.body?.cancel();
        throw new DeliveryFailure("rate-limited", "429", seconds * 1000, "tenant");
      }
      if (response.status === 403) throw new DeliveryFailure("dm-closed", "403");
      if (response.status >= 500) throw new DeliveryFailure("transient", String(response.status));
      if (!response.ok) throw new DeliveryFailure("permanent", String(response.status));
      const body = (await response.json()) as { id: string };
      return { platformMessageId: body.id };
    },
  };
}
