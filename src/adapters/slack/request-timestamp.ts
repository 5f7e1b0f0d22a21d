/**
 * Slack signs `v0:{timestamp}:{body}`. Bolt rejects a timestamp more than
 * five minutes old but takes any from the future, so a request stamped ahead
 * (a clock far off, or one signed to be replayed later) stays usable for as
 * long as it is early. This guard answers 401 to a timestamp more than five
 * minutes away either way, before Bolt reads the body; Bolt still checks
 * the signature of everything it lets through.
 */
import type { RequestListener } from "node:http";

/** How far a request's timestamp may be from our clock, either way (Slack's own rule for old ones). */
export const MAX_SKEW_SECONDS = 5 * 60;

const HEADER = "x-slack-request-timestamp";

/**
 * True when a request must be refused for its timestamp: present but not whole
 * seconds, or more than MAX_SKEW_SECONDS from `nowMs`. An absent header is
 * left to Bolt (it refuses unsigned events; install pages carry none).
 */
export function timestampRefused(header: string | string[] | undefined, nowMs: number): boolean {
  if (header === undefined) return false;
  if (typeof header !== "string" || !/^\d{1,12}$/.test(header)) return true;
  return Math.abs(Math.floor(nowMs / 1000) - Number(header)) > MAX_SKEW_SECONDS;
}

/** `listener` behind the timestamp rule: a refused request gets an empty 401 and goes no further. */
export function guardTimestamps(listener: RequestListener, onRefused: () => void, now: () => number = Date.now): RequestListener {
  return (req, res) => {
    if (!timestampRefused(req.headers[HEADER], now())) {
      listener(req, res);
      return;
    }
    onRefused();
    // The body is not read: drop it, answer like Bolt's own 401 (no body).
    req.resume();
    res.writeHead(401);
    res.end();
  };
}
