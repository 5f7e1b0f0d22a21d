/**
 * Per-platform send budgets, kept by each dispatcher: token buckets per tenant
 * and per conversation. A row without a token waits (its lease is released
 * with a later available time) while other conversations and tenants go on.
 *
 * Slack: about 1 message per second per channel (short bursts allowed) and a
 * workspace-wide limit. Discord: 50 requests per second per bot and per-route
 * buckets (5 per 5 s per channel for message create). With several replicas
 * each keeps its own buckets; the platforms' 429 + Retry-After (honoured by the
 * dispatcher) is the backstop.
 */
import type { Platform } from "../core/domain";

export interface Rate {
  /** Tokens added per second. */
  perSecond: number;
  burst: number;
}

export interface PlatformLimits {
  tenant: Rate | null;
  conversation: Rate | null;
}

export const PLATFORM_LIMITS: Record<Platform, PlatformLimits> = {
  slack: { tenant: { perSecond: 20, burst: 20 }, conversation: { perSecond: 1, burst: 3 } },
  discord: { tenant: { perSecond: 50, burst: 50 }, conversation: { perSecond: 1, burst: 5 } },
  console: { tenant: null, conversation: null },
};

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimits {
  private readonly buckets = new Map<string, Bucket>();
  /** Retry-After from a 429, per tenant: nothing for that tenant until then. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly limits: Record<Platform, PlatformLimits> = PLATFORM_LIMITS) {}

  /** 0 when the send may go now (tokens are taken), else how many ms to wait. */
  take(platform: Platform, tenant: string, conversation: string, nowMs: number): number {
    const paused = this.pausedUntil.get(`${platform}:${tenant}`) ?? 0;
    if (paused > nowMs) return paused - nowMs;
    const { tenant: tenantRate, conversation: convRate } = this.limits[platform];
    const checks: Array<[string, Rate]> = [];
    if (tenantRate) checks.push([`t:${platform}:${tenant}`, tenantRate]);
    if (convRate) checks.push([`c:${platform}:${tenant}:${conversation}`, convRate]);
    let wait = 0;
    for (const [key, rate] of checks) {
      const b = this.refill(key, rate, nowMs);
      if (b.tokens < 1) wait = Math.max(wait, Math.ceil(((1 - b.tokens) / rate.perSecond) * 1000));
    }
    if (wait > 0) return wait;
    for (const [key] of checks) (this.buckets.get(key) as Bucket).tokens -= 1;
    return 0;
  }

  pauseTenant(platform: Platform, tenant: string, untilMs: number): void {
    const key = `${platform}:${tenant}`;
    this.pausedUntil.set(key, Math.max(untilMs, this.pausedUntil.get(key) ?? 0));
  }

  private refill(key: string, rate: Rate, nowMs: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: rate.burst, at: nowMs };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(rate.burst, b.tokens + ((nowMs - b.at) / 1000) * rate.perSecond);
    b.at = nowMs;
    return b;
  }
}
