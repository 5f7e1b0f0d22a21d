/**
 * Requests no listener takes: how each kind is acknowledged, whether a person
 * is waiting for words, and the words in both languages.
 */
import { describe, expect, it } from "vitest";
import { classifyUnhandled, unhandledText } from "../../src/adapters/slack/unhandled-requests";
import { translator } from "../../src/core/i18n/translate";

describe("classifyUnhandled", () => {
  it("answers a person who acted, acknowledging with no body", () => {
    expect(classifyUnhandled({ command: "/kopi", text: "" })).toEqual({ ack: undefined, answer: "command" });
    for (const type of ["block_actions", "interactive_message"])
      expect(classifyUnhandled({ type })).toEqual({ ack: undefined, answer: "action" });
    for (const type of ["shortcut", "message_action"])
      expect(classifyUnhandled({ type })).toEqual({ ack: undefined, answer: "shortcut" });
    for (const type of ["view_submission", "dialog_submission"])
      expect(classifyUnhandled({ type })).toEqual({ ack: undefined, answer: "form" });
  });

  it("gives suggestions an empty list, and has no words where nobody waits for them", () => {
    for (const type of ["block_suggestion", "dialog_suggestion"])
      expect(classifyUnhandled({ type })).toEqual({ ack: { options: [] }, answer: null });
    for (const body of [{ type: "view_closed" }, { type: "dialog_cancellation" }, { type: "something_new" }, {}])
      expect(classifyUnhandled(body)).toEqual({ ack: undefined, answer: null });
  });
});

describe("unhandledText", () => {
  it("speaks the reader's language and names the command they typed", () => {
    expect(unhandledText("en", "command", { command: "/kopi" })).toBe(
      translator("en")("slack.unhandled.command", { command: "/kopi" }),
    );
    expect(unhandledText("id", "command", { command: "/kopi" })).toContain("/kopi");
    expect(unhandledText("id", "action", {})).toBe(translator("id")("slack.unhandled.action"));
    expect(unhandledText("en", "form", {})).toContain("nothing was saved");
  });

  it("keeps a long command name short", () => {
    const said = unhandledText("en", "command", { command: `/${"x".repeat(500)}` });
    expect(said.length).toBeLessThan(200);
  });
});
