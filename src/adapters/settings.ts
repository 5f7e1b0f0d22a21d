/**
 * The platforms the environment configures, each with its own settings; none
 * means the playground. Only settings here: reading them loads no platform
 * SDK, so main can decide before importing any.
 */
import type { Config } from "../config";
import { type DiscordSettings, discordSettings } from "./discord/settings";
import { type SlackSettings, slackSettings } from "./slack/settings";

export type PlatformSettings =
  | { platform: "slack"; settings: SlackSettings }
  | { platform: "discord"; settings: DiscordSettings };

export function configuredSettings(config: Config): PlatformSettings[] {
  const slack = slackSettings(config);
  const discord = discordSettings(config);
  return [
    ...(slack ? [{ platform: "slack" as const, settings: slack }] : []),
    ...(discord ? [{ platform: "discord" as const, settings: discord }] : []),
  ];
}
