/**
 * The logger keeps what diagnoses a problem (an error's name, code and
 * message) and redacts what must never be logged: tokens and secrets,
 * members' private words and answers, message bodies, a driver's detail.
 */
import { describe, expect, it } from "vitest";
import { createLogger, describeError, errorLine } from "../../src/logger";

/** A logger writing into an array of parsed lines, as pino would write to stderr. */
function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger("info", { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines, raw: () => JSON.stringify(lines) };
}

/** What a PostgreSQL driver error looks like: a code, and a detail that quotes the row. */
function driverError(): Error {
  return Object.assign(new Error('new row for relation "check_ins" violates check constraint "check_ins_note_check"'), {
    name: "error",
    code: "23514",
    detail: "Failing row contains (PRIVATE-NOTE about my peer).",
    table: "check_ins",
  });
}

describe("errors in logs", () => {
  it("keep their kind, code and message, as main.ts logs them", () => {
    const { logger, lines } = capture();
    logger.error({ command: "checkin", error: describeError(driverError()) }, "command failed");
    logger.error(
      { job: { kind: "check-in-prompt", id: 7 }, error: describeError(new TypeError("boom: x is undefined")) },
      "job failed",
    );
    expect(lines[0]).toMatchObject({
      msg: "command failed",
      command: "checkin",
      error: {
        name: "error",
        code: "23514",
        message: 'new row for relation "check_ins" violates check constraint "check_ins_note_check"',
      },
    });
    expect(lines[1]).toMatchObject({
      job: { kind: "check-in-prompt", id: 7 },
      error: { name: "TypeError", message: "boom: x is undefined" },
    });
  });

  it("never carry a driver's detail, even when the raw error is logged", () => {
    const { logger, lines, raw } = capture();
    logger.error({ error: describeError(driverError()) }, "command failed");
    logger.error({ err: driverError() }, "raw");
    expect(raw()).not.toContain("PRIVATE-NOTE");
    expect(lines[1]).toMatchObject({
      err: { message: expect.stringContaining("violates check constraint"), detail: "[redacted]" },
    });
  });

  it("keep their cause (Bolt's `original`, the standard `cause`)", () => {
    const wrapped = Object.assign(new Error("An API error occurred: channel_not_found"), {
      code: "slack_bolt_unknown_error",
      original: new Error("channel_not_found"),
    });
    expect(describeError(wrapped)).toEqual({
      name: "Error",
      code: "slack_bolt_unknown_error",
      message: "An API error occurred: channel_not_found",
      cause: { name: "Error", message: "channel_not_found" },
    });
    expect(errorLine(new Error("migration 0008_answer_order failed", { cause: new Error("relation exists") }))).toBe(
      "migration 0008_answer_order failed: relation exists",
    );
  });

  it("mask a token or a password an error message happens to quote", () => {
    const { logger, raw } = capture();
    const error = new Error(
      "connect to postgres://sebaya:s3cret-pw@db:5432/sebaya failed; token xoxb-1234-5678-abcdef, app xapp-1-A1-2-ff, header Bot MTIzNDU2Nzg5.abc.def",
    );
    logger.error({ error: describeError(error) }, "tick failed");
    const text = raw();
    for (const secret of ["s3cret-pw", "xoxb-1234", "xapp-1-A1", "MTIzNDU2Nzg5"]) expect(text).not.toContain(secret);
    expect(text).toContain("postgres://sebaya:[redacted]@db:5432/sebaya failed");
  });
});

describe("what is redacted", () => {
  it("tokens and secrets, at the top level and one level down", () => {
    const { logger, lines, raw } = capture();
    logger.info(
      {
        token: "xoxb-top",
        slack: { botToken: "xoxb-one", appToken: "xapp-one", signingSecret: "sig", clientSecret: "cs", stateSecret: "ss" },
        db: { password: "pw" },
        cipher: { encryptionKey: "key" },
        request: { headers: { authorization: "Bot abc" } },
      },
      "settings",
    );
    for (const secret of ["xoxb-top", "xoxb-one", "xapp-one", '"sig"', '"cs"', '"ss"', '"pw"', '"key"', "Bot abc"])
      expect(raw()).not.toContain(secret);
    expect(lines[0]).toMatchObject({ token: "[redacted]", slack: { botToken: "[redacted]" } });
  });

  it("members' notes, reasons, journal text, answers and message bodies", () => {
    const { logger, lines, raw } = capture();
    logger.info(
      {
        note: "NOTE-1",
        checkIn: { note: "NOTE-2", rating: 2 },
        ending: { reason: "REASON-1", messageToPartner: "PARTNER-1" },
        journal: { text: "JOURNAL-1" },
        entry: { body: "JOURNAL-2" },
        evaluation: { working: 1, goalProgress: { SQL: "reached" } },
        command: "journal.write",
        join: { intake: { goals: ["GOAL-1"] } },
        row: { id: 12, message: { blocks: [{ type: "text", text: "BODY-1" }] } },
        reply: { messages: [{ blocks: [{ type: "text", text: "BODY-2" }] }] },
        message: { blocks: [{ type: "text", text: "BODY-3" }] },
      },
      "should not happen, but if it does",
    );
    for (const secret of [
      "NOTE-1",
      "NOTE-2",
      "REASON-1",
      "PARTNER-1",
      "JOURNAL-1",
      "JOURNAL-2",
      "reached",
      "GOAL-1",
      "BODY-1",
      "BODY-2",
      "BODY-3",
    ])
      expect(raw()).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      checkIn: { rating: "[redacted]" },
      evaluation: { working: "[redacted]" },
      // Ids and the command's name stay: they are what a log is for.
      command: "journal.write",
      row: { id: 12 },
    });
  });
});
