/**
 * One dispatcher for every platform the process runs: each outbox row goes
 * to its platform's sender. A row for a platform this process does not run
 * waits (another replica may run it, or this one after a restart with the
 * tokens set) instead of failing.
 */

import type { Platform } from "../core/domain";
import { MINUTE_MS } from "../core/time/durations";
import { DeliveryFailure } from "./delivery-failure";
import type { Sender } from "./sender";

const WAIT_FOR_PLATFORM_MS = MINUTE_MS;

export function routeByPlatform(senders: Partial<Record<Platform, Sender>>): Sender {
  return {
    send(out) {
      const sender = senders[out.platform];
      if (!sender)
        return Promise.reject(
          new DeliveryFailure("rate-limited", `${out.platform} is not running here`, WAIT_FOR_PLATFORM_MS, "tenant"),
        );
      return sender.send(out);
    },
  };
}
