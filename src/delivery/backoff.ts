/** Retry delays: exponential with "equal jitter" (half fixed, half random), capped. */
import { MINUTE_MS } from "../core/time/durations";
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 30 * MINUTE_MS };

/** Delay before attempt number `attempts + 1` (attempts already made >= 1). */
export function backoffDelay(
  attempts: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
