/**
 * Which Slack setup the environment asks for, checked at start with one line
 * naming the missing variable:
 * - Socket Mode: SLACK_APP_TOKEN and SLACK_BOT_TOKEN (one workspace, no public URL);
 * - OAuth over HTTP: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET,
 *   SLACK_SIGNING_SECRET and SEBAYA_ENCRYPTION_KEY (many workspaces);
 * - one workspace over HTTP: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.
 */
import { type Config, ConfigError } from "../../config";

export type SlackSettings =
  | { mode: "socket"; appToken: string; botToken: string }
  | { mode: "oauth"; clientId: string; clientSecret: string; signingSecret: string; encryptionKey: string }
  | { mode: "http"; botToken: string; signingSecret: string };

function need<T>(value: T | undefined, variable: string, expects: string): T {
  if (value === undefined) throw new ConfigError(variable, expects);
  return value;
}

/** Null when nothing Slack is configured. */
export function slackSettings(c: Config): SlackSettings | null {
  if (c.SLACK_APP_TOKEN) {
    return {
      mode: "socket",
      appToken: c.SLACK_APP_TOKEN,
      botToken: need(c.SLACK_BOT_TOKEN, "SLACK_BOT_TOKEN", "a bot token starting with xoxb- (SLACK_APP_TOKEN is set)"),
    };
  }
  if (c.SLACK_CLIENT_ID || c.SLACK_CLIENT_SECRET) {
    const why = "(SLACK_CLIENT_ID or SLACK_CLIENT_SECRET is set: OAuth install)";
    return {
      mode: "oauth",
      clientId: need(c.SLACK_CLIENT_ID, "SLACK_CLIENT_ID", `the app's client id ${why}`),
      clientSecret: need(c.SLACK_CLIENT_SECRET, "SLACK_CLIENT_SECRET", `the app's client secret ${why}`),
      signingSecret: need(c.SLACK_SIGNING_SECRET, "SLACK_SIGNING_SECRET", `the app's signing secret ${why}`),
      encryptionKey: need(c.SEBAYA_ENCRYPTION_KEY, "SEBAYA_ENCRYPTION_KEY", `32 bytes as hex or base64 ${why}`),
    };
  }
  if (c.SLACK_BOT_TOKEN || c.SLACK_SIGNING_SECRET) {
    return {
      mode: "http",
      botToken: need(c.SLACK_BOT_TOKEN, "SLACK_BOT_TOKEN", "a bot token starting with xoxb- (SLACK_SIGNING_SECRET is set)"),
      signingSecret: need(c.SLACK_SIGNING_SECRET, "SLACK_SIGNING_SECRET", "the app's signing secret (SLACK_BOT_TOKEN is set)"),
    };
  }
  return null;
}
