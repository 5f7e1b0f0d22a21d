/**
 * Whether the environment asks for Discord, checked at start with one line
 * naming the missing variable: DISCORD_TOKEN and DISCORD_APPLICATION_ID
 * together; SHARDS above 1 (or auto) runs the gateway under discord.js's
 * ShardingManager, which needs PostgreSQL (each shard is its own process).
 */
import { type Config, ConfigError } from "../../config";

export interface DiscordSettings {
  token: string;
  applicationId: string;
  apiUrl?: string;
  /** 1: the gateway in this process; more (or "auto"): one process per shard. */
  shards: number | "auto";
}

export function discordSettings(c: Config): DiscordSettings | null {
  if (!c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) return null;
  if (!c.DISCORD_TOKEN) throw new ConfigError("DISCORD_TOKEN", "the bot token (DISCORD_APPLICATION_ID is set)");
  if (!c.DISCORD_APPLICATION_ID)
    throw new ConfigError("DISCORD_APPLICATION_ID", "the application id, digits (DISCORD_TOKEN is set)");
  if (c.SHARDS !== 1 && !c.DATABASE_URL)
    throw new ConfigError("DATABASE_URL", "a postgres:// URL: shards run as separate processes, the embedded database is one");
  return {
    token: c.DISCORD_TOKEN,
    applicationId: c.DISCORD_APPLICATION_ID,
    ...(c.DISCORD_API_URL ? { apiUrl: c.DISCORD_API_URL } : {}),
    shards: c.SHARDS,
  };
}
