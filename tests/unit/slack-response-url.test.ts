/**
 * The response_url rule: Slack's hooks host over HTTPS, or the configured
 * Web API's own host; nothing else, however it is spelled.
 */
import { describe, expect, it } from "vitest";
import { isSlackResponseUrl } from "../../src/adapters/slack/response-url";

const HOOK = "https://hooks.slack.com/commands/T123/456/abcdef";

describe("isSlackResponseUrl", () => {
  it("follows Slack's hooks host over HTTPS, whatever the path", () => {
    expect(isSlackResponseUrl(HOOK)).toBe(true);
    expect(isSlackResponseUrl("https://hooks.slack.com/actions/T1/2/3")).toBe(true);
    expect(isSlackResponseUrl("https://HOOKS.SLACK.COM:443/actions/T1/2/3")).toBe(true);
  });

  it("refuses any other host, scheme or port, and look-alikes", () => {
    for (const url of [
      "http://hooks.slack.com/commands/T1/2/3",
      "https://hooks.slack.com:8443/commands/T1/2/3",
      "https://hooks.slack.com.evil.example/commands",
      "https://hooks.slack.com./commands",
      "https://evil.example/?u=https://hooks.slack.com/commands",
      "https://hooks.slack.com@evil.example/commands",
      "https://user:pass@hooks.slack.com/commands",
      "https://slack.com/api/chat.postMessage",
      "https://evilhooks.slack.com/commands",
      "http://127.0.0.1:8080/respond/1",
      "javascript:alert(1)",
      "not a url",
      "",
      undefined,
    ])
      expect(isSlackResponseUrl(url), String(url)).toBe(false);
  });

  it("also follows the configured Web API's host, with the same scheme and port", () => {
    const api = "http://127.0.0.1:4321/api/";
    expect(isSlackResponseUrl("http://127.0.0.1:4321/respond/1", api)).toBe(true);
    expect(isSlackResponseUrl(HOOK, api)).toBe(true);
    expect(isSlackResponseUrl("http://127.0.0.1:4322/respond/1", api)).toBe(false);
    expect(isSlackResponseUrl("https://127.0.0.1:4321/respond/1", api)).toBe(false);
    expect(isSlackResponseUrl("http://localhost:4321/respond/1", api)).toBe(false);
    expect(isSlackResponseUrl("https://slack-gov.com/respond/1", "https://slack-gov.com/api/")).toBe(true);
    expect(isSlackResponseUrl("https://evil.example/respond/1", "not a url")).toBe(false);
  });
});
