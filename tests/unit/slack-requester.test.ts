/**
 * Who acted and where, read the same way from a slash command's form fields
 * and from an interaction payload.
 */
import { describe, expect, it } from "vitest";
import { requesterOf } from "../../src/adapters/slack/requester";

describe("requesterOf", () => {
  it("reads a slash command", () => {
    expect(
      requesterOf({
        command: "/mentoring",
        team_id: "T1",
        user_id: "U1",
        user_name: "ani",
        channel_id: "C1",
        trigger_id: "tr",
        response_url: "https://hooks.slack.com/commands/1",
      }),
    ).toEqual({
      team: "T1",
      user: "U1",
      userName: "ani",
      channel: "C1",
      responseUrl: "https://hooks.slack.com/commands/1",
      triggerId: "tr",
    });
  });

  it("reads a button press, a modal submission and a global shortcut", () => {
    expect(
      requesterOf({
        type: "block_actions",
        team: { id: "T1" },
        user: { id: "U1", name: "ani", team_id: "T1" },
        channel: { id: "D1", name: "directmessage" },
        trigger_id: "tr",
        response_url: "https://hooks.slack.com/actions/1",
      }),
    ).toMatchObject({ team: "T1", user: "U1", userName: "ani", channel: "D1", responseUrl: "https://hooks.slack.com/actions/1" });
    expect(
      requesterOf({
        type: "view_submission",
        user: { id: "U2", username: "budi", team_id: "T2" },
        response_urls: [{ response_url: "https://hooks.slack.com/app/1" }],
      }),
    ).toEqual({
      team: "T2",
      user: "U2",
      userName: "budi",
      channel: undefined,
      responseUrl: "https://hooks.slack.com/app/1",
      triggerId: undefined,
    });
    expect(requesterOf({ type: "shortcut", team: { id: "T1" }, user: { id: "U1" }, trigger_id: "tr" })).toEqual({
      team: "T1",
      user: "U1",
      userName: undefined,
      channel: undefined,
      responseUrl: undefined,
      triggerId: "tr",
    });
  });

  it("ignores fields of the wrong type", () => {
    expect(requesterOf({ user: "U1", channel: 5, response_url: "", response_urls: "x", team: null })).toEqual({
      team: undefined,
      user: undefined,
      userName: undefined,
      channel: undefined,
      responseUrl: undefined,
      triggerId: undefined,
    });
  });
});
