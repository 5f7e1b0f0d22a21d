/**
 * Configuration from the environment (and an optional .env), validated at
 * start. A bad value stops the process with one line naming the variable;
 * values are never echoed, so a secret in the wrong place is not printed.
 */
import { existsSync } from "node:fs";
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

export const configSchema = z.object({
  DATABASE_URL: optionalUrl(/^postgres(ql)?:$/),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LANGUAGE: z.enum(["id", "en"]).default("id"),
});

/** What each variable expects, for the one-line error. */
const EXPECTS: Record<keyof z.infer<typeof configSchema>, string> = {
  DATABASE_URL: "a postgres:// or postgresql:// URL, or unset for the embedded database",
  DATA_DIR: "a folder path for the embedded database",
  LOG_LEVEL: "one of fatal, error, warn, info, debug, trace, silent",
  DEFAULT_LANGUAGE: "id or en",
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
