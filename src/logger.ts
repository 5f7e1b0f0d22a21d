/**
 * Structured logs (pino). Tokens and private text never reach a log: known
 * secret fields are redacted, and callers log ids and counts, not content.
 */
import pino from "pino";

export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: [
        "token",
        "*.token",
        "*.botToken",
        "*.appToken",
        "*.signingSecret",
        "*.password",
        "*.reason",
        "*.note",
        "*.text",
        "*.message",
      ],
      censor: "[redacted]",
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;

/** Only an error's kind, code and message: a driver error's `detail` can quote the failing row, private text included. */
export function describeError(error: unknown) {
  return error instanceof Error
    ? { name: error.name, code: (error as { code?: unknown }).code, message: error.message }
    : String(error);
}
