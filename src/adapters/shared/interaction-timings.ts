/**
 * How an adapter reports its interactive latencies (metrics live in the
 * composition root, ops/metrics.ts; adapters only call this). Seconds are
 * from the request's arrival in this process.
 */
export interface InteractionTimings {
  /** The platform has its acknowledgement (Slack: ack(); Discord: the first interaction response). */
  acked(seconds: number): void;
  /** The bot's reply reached the platform; `kind`: command, action, view (Slack) or command, component, modal (Discord). */
  replied(kind: string, seconds: number): void;
}

/** A request's clock: since `receivedAt` (ms since the epoch), reported through `timings`. */
export function requestClock(timings: InteractionTimings | undefined, receivedAt: number, now: () => number = Date.now) {
  const seconds = () => Math.max(0, now() - receivedAt) / 1000;
  return {
    acked: () => timings?.acked(seconds()),
    replied: (kind: string) => timings?.replied(kind, seconds()),
  };
}
