/**
 * Which response_url the bot may post to. A request's response_url is where
 * the reply (a member's status, a form's answer) goes; a signed request can
 * still carry any URL, so only Slack's own host is followed: hooks.slack.com
 * over HTTPS, and the configured Web API's host (GovSlack, a proxy, a test's
 * fake Slack), same scheme and port. Anything else is answered another way.
 */

/** Where Slack's response_urls point. */
export const SLACK_RESPONSE_HOST = "hooks.slack.com";

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isSlackResponseUrl(url: string | undefined, apiUrl?: string): boolean {
  const target = url ? parse(url) : null;
  // Credentials in a URL are never Slack's; refusing them also avoids sending them anywhere.
  if (!target || target.username || target.password) return false;
  if (target.protocol === "https:" && target.host === SLACK_RESPONSE_HOST) return true;
  const api = apiUrl ? parse(apiUrl) : null;
  return api !== null && target.protocol === api.protocol && target.host === api.host;
}
