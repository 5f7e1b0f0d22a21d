/**
 * Structured logs (pino). Tokens and private text never reach a log: callers
 * log ids, kinds and counts, errors go through `describeError`, and pino
 * redacts the fields that hold secrets, members' words or message bodies in
 * case someone logs one anyway. An error's name, code and message are kept:
 * without them nothing can be diagnosed.
 */
import pino, { type DestinationStream } from "pino";

const CENSOR = "[redacted]";

/** Fields redacted at the top level of a log line and one level down (`{ row: { note } }`). */
const SENSITIVE_FIELDS = [
  // Secrets.
  "token",
  "botToken",
  "appToken",
  "signingSecret",
  "clientSecret",
  "stateSecret",
  "encryptionKey",
  "password",
  "authorization",
  // Members' private words and answers.
  "note",
  "reason",
  "text",
  "body",
  "messageToPartner",
  "answers",
  "intake",
  "rating",
  "working",
  "goalProgress",
  // Message bodies and forms (a Message is `{ blocks }`), and the command a member sent.
  "blocks",
  "messages",
  "form",
  // A driver's detail can quote the failing row, and discord.js's API error carries the request's
  // JSON (message content included); pino's own `err` serializer would keep both.
  "detail",
  "requestBody",
] as const;

export const REDACTED_PATHS = [
  ...SENSITIVE_FIELDS.flatMap((f) => [f, `*.${f}`]),
  // `message` is a body when it is an object (an outbox row's), an error's text when it is a
  // string: redact what is inside a message object, never the string.
  "*.message.*",
  "*.headers.authorization",
];

/** Logs go to stderr (pino's default is stdout, where the playground talks); `destination` is for tests. */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)) {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: CENSOR } }, destination);
}

export type Logger = ReturnType<typeof createLogger>;

/** Token-like strings an error message might quote (a URL with a password, a Slack or bearer token). */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\bxox[a-z]-[A-Za-z0-9-]+/g, CENSOR],
  [/\bxapp-[A-Za-z0-9-]+/g, CENSOR],
  [/\b(Bearer|Bot)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${CENSOR}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]+:)[^@\s/]+@/gi, `$1${CENSOR}@`],
];

export function withoutSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

export interface ErrorDescription {
  name: string;
  code?: string | number;
  message: string;
  cause?: ErrorDescription | string;
}

/**
 * An error's kind, code and message (secrets masked), and its cause's: what
 * is needed to diagnose it. Nothing else: a driver error's `detail` can quote
 * the failing row, private text included, and an API error's `data` the
 * request.
 */
export function describeError(error: unknown, depth = 0): ErrorDescription | string {
  if (!(error instanceof Error)) return withoutSecrets(String(error));
  const code = (error as { code?: unknown }).code;
  // Bolt wraps a listener's error as `original`; the standard place is `cause`.
  const cause = error.cause ?? (error as { original?: unknown }).original;
  return {
    name: error.name,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    message: withoutSecrets(error.message),
    ...(cause !== undefined && depth < 3 ? { cause: describeError(cause, depth + 1) } : {}),
  };
}

/** One line for a process that could not start (printed before any logger exists). */
export function errorLine(error: unknown): string {
  const d = describeError(error);
  if (typeof d === "string") return d;
  const cause = d.cause === undefined ? "" : `: ${typeof d.cause === "string" ? d.cause : d.cause.message}`;
  return `${d.message}${cause}`;
}
