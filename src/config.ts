/**
 * Configuration from the environment (and an optional .env), validated at
 * start. A bad value stops the process with one line naming the variable;
 * values are never echoed, so a secret in the wrong place is not printed.
 */
import { existsSync } from "node:fs";
import { hostname } from "node:os";
import cron from "node-cron";
import { z } from "zod";

const optionalUrl = (protocols: RegExp) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .refine((v) => {
        try {
          return protocols.test(new URL(v).protocol);
        } catch {
          return false;
        }
      })
      .optional(),
  );

const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).max(200).optional());

export const configSchema = z.object({
  DATABASE_URL: optionalUrl(/^postgres(ql)?:$/),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LANGUAGE: z.enum(["id", "en"]).default("id"),
  SLACK_BOT_TOKEN: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^xoxb-/)
      .optional(),
  ),
  SLACK_SIGNING_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(8).optional()),
  SLACK_APP_TOKEN: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^xapp-/)
      .optional(),
  ),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SEBAYA_ENCRYPTION_KEY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/)
      .optional(),
  ),
  SLACK_API_URL: optionalUrl(/^https?:$/),
  /** Only `npm run keys:rotate` reads it: the master key to move to. */
  SEBAYA_ENCRYPTION_KEY_NEW: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/)
      .optional(),
  ),
  DISCORD_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(20).max(200).optional()),
  DISCORD_APPLICATION_ID: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{5,25}$/)
      .optional(),
  ),
  DISCORD_API_URL: optionalUrl(/^https?:$/),
  SHARDS: z.preprocess(
    (v) => (v === "" || v === undefined ? 1 : v === "auto" ? "auto" : v),
    z.union([z.literal("auto"), z.coerce.number().int().min(1).max(10_000)]),
  ),
  SHARD_LIST: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^(none|\d{1,5}(-\d{1,5})?(,\d{1,5}(-\d{1,5})?)*)$/)
      .optional(),
  ),
  SHARDS_PER_POD: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(10_000).optional()),
  POD_NAME: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).max(253).optional()),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TICK_SCHEDULE: z
    .string()
    .default("* * * * *")
    .refine((v) => cron.validate(v)),
  WORKER_ID: z.string().min(1).max(100).default(`${hostname()}-${process.pid}`),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

/** What each variable expects, for the one-line error. */
const EXPECTS: Record<keyof z.infer<typeof configSchema>, string> = {
  DATABASE_URL: "a postgres:// or postgresql:// URL, or unset for the embedded database",
  DATA_DIR: "a folder path for the embedded database and, with no SEBAYA_ENCRYPTION_KEY, the key file",
  LOG_LEVEL: "one of fatal, error, warn, info, debug, trace, silent",
  DEFAULT_LANGUAGE: "id or en",
  SLACK_BOT_TOKEN: "a bot token starting with xoxb-",
  SLACK_SIGNING_SECRET: "the app's signing secret",
  SLACK_APP_TOKEN: "an app-level token starting with xapp- (Socket Mode)",
  SLACK_CLIENT_ID: "the app's client id (OAuth install for several workspaces)",
  SLACK_CLIENT_SECRET: "the app's client secret (OAuth install for several workspaces)",
  SEBAYA_ENCRYPTION_KEY: "32 bytes as 64 hex characters or base64, e.g. from: openssl rand -base64 32",
  SLACK_API_URL: "an http(s) URL of the Slack Web API (GovSlack, a proxy)",
  SEBAYA_ENCRYPTION_KEY_NEW: "the new master key for npm run keys:rotate: 32 bytes as 64 hex characters or base64",
  DISCORD_TOKEN: "the bot token from the Discord developer portal",
  DISCORD_APPLICATION_ID: "the application id (digits) from the Discord developer portal",
  DISCORD_API_URL: "an http(s) URL of the Discord REST API (a REST proxy)",
  SHARDS: "a number of gateway shards (1 or more) or auto; above 1 needs DATABASE_URL",
  SHARD_LIST: "the shards this process runs, of SHARDS in all: numbers and ranges such as 0-3,6, or none (delivery only)",
  SHARDS_PER_POD: "how many shards each StatefulSet pod runs (1 or more); the pod's ordinal in POD_NAME picks which",
  POD_NAME: "this pod's name, from the downward API (metadata.name)",
  PORT: "a port number",
  TICK_SCHEDULE: "a cron expression (node-cron), e.g. * * * * * for every minute",
  WORKER_ID: "a name for this process, up to 100 characters",
  SHUTDOWN_TIMEOUT_MS: "milliseconds (0 to 600000) to let commands and sends in flight finish on SIGTERM",
};

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expects: string,
  ) {
    super(`${variable} is invalid: expected ${expects}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? "configuration") as keyof typeof EXPECTS;
  throw new ConfigError(variable, EXPECTS[variable] ?? "a valid value");
}

/** Reads .env (if present) into process.env without overriding what is set. */
export function loadEnvFile(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
