/**
 * Whether the environment asks for Discord, checked at start with one line
 * naming the missing variable: DISCORD_TOKEN and DISCORD_APPLICATION_ID
 * together; SHARDS above 1 (or auto) runs the gateway under discord.js's
 * ShardingManager, which needs PostgreSQL (each shard is its own process).
 *
 * Spread over pods instead, each process runs its own part of SHARDS in
 * itself: SHARD_LIST names it (0-3,6), or SHARDS_PER_POD with the pod's
 * StatefulSet ordinal (POD_NAME ending in -2, 2 per pod: shards 4 and 5).
 * SHARD_LIST=none runs no gateway, only the sender: a replica that delivers
 * Discord's outbox rows (the dispatcher leases rows of every platform, and
 * one it cannot send waits a minute) while other pods run the shards.
 */
import { type Config, ConfigError } from "../../config";

export interface DiscordSettings {
  token: string;
  applicationId: string;
  apiUrl?: string;
  /** 1: the gateway in this process; more (or "auto"): one process per shard, unless `ownShards` says which run here. */
  shards: number | "auto";
  /** The shards this process runs itself (`list`, maybe none), of `of` in all; the other processes (pods) run the rest. */
  ownShards?: { list: number[]; of: number };
}

export function discordSettings(c: Config): DiscordSettings | null {
  if (!c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) return null;
  if (!c.DISCORD_TOKEN) throw new ConfigError("DISCORD_TOKEN", "the bot token (DISCORD_APPLICATION_ID is set)");
  if (!c.DISCORD_APPLICATION_ID)
    throw new ConfigError("DISCORD_APPLICATION_ID", "the application id, digits (DISCORD_TOKEN is set)");
  if (c.SHARDS !== 1 && !c.DATABASE_URL)
    throw new ConfigError("DATABASE_URL", "a postgres:// URL: shards run as separate processes, the embedded database is one");
  const ownShards = ownShardsOf(c);
  if (ownShards?.list.length === 0 && !c.DATABASE_URL)
    throw new ConfigError("DATABASE_URL", "a postgres:// URL: with SHARD_LIST=none the shards run in other processes");
  return {
    token: c.DISCORD_TOKEN,
    applicationId: c.DISCORD_APPLICATION_ID,
    ...(c.DISCORD_API_URL ? { apiUrl: c.DISCORD_API_URL } : {}),
    shards: c.SHARDS,
    ...(ownShards ? { ownShards } : {}),
  };
}

/** SHARD_LIST or SHARDS_PER_POD (with POD_NAME) as the shards this process runs; undefined when neither is set. */
export function ownShardsOf(
  c: Pick<Config, "SHARDS" | "SHARD_LIST" | "SHARDS_PER_POD" | "POD_NAME">,
): { list: number[]; of: number } | undefined {
  if (c.SHARD_LIST === undefined && c.SHARDS_PER_POD === undefined) return undefined;
  if (c.SHARD_LIST !== undefined && c.SHARDS_PER_POD !== undefined)
    throw new ConfigError("SHARD_LIST", "either SHARD_LIST or SHARDS_PER_POD, not both");
  // Every pod must count the same total: "auto" could be answered differently from one start to the next.
  if (c.SHARDS === "auto")
    throw new ConfigError("SHARDS", "the number of shards in all (not auto) when SHARD_LIST or SHARDS_PER_POD is set");
  const of = c.SHARDS;
  const list = c.SHARD_LIST !== undefined ? parseShardList(c.SHARD_LIST, of) : podShards(c.POD_NAME, c.SHARDS_PER_POD ?? 1, of);
  return { list, of };
}

/** "0-3,6" → [0, 1, 2, 3, 6]: ranges low to high, no shard twice, each below `of`; "none" → []. */
export function parseShardList(text: string, of: number): number[] {
  const expects = `shard numbers and ranges (low-high) such as 0-3,6, none twice, each below SHARDS (${of}); or none`;
  if (text === "none") return [];
  const list: number[] = [];
  for (const part of text.split(",")) {
    if (!/^\d+(-\d+)?$/.test(part)) throw new ConfigError("SHARD_LIST", expects);
    const [from = Number.NaN, to = from] = part.split("-").map(Number);
    if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to >= of) throw new ConfigError("SHARD_LIST", expects);
    for (let shard = from; shard <= to; shard++) {
      if (list.includes(shard)) throw new ConfigError("SHARD_LIST", expects);
      list.push(shard);
    }
  }
  return list;
}

/** Pod `sebaya-discord-2` with 2 shards per pod runs shards 4 and 5. */
export function podShards(podName: string | undefined, perPod: number, of: number): number[] {
  const ordinal = /-(\d+)$/.exec(podName ?? "")?.[1];
  if (ordinal === undefined)
    throw new ConfigError(
      "POD_NAME",
      "the pod's name ending in its StatefulSet ordinal (-0, -1…), set from metadata.name (SHARDS_PER_POD is set)",
    );
  const first = Number(ordinal) * perPod;
  if (first + perPod > of)
    throw new ConfigError(
      "SHARDS_PER_POD",
      `a number of shards per pod such that every pod's shards are below SHARDS (${of}): run SHARDS / SHARDS_PER_POD replicas`,
    );
  return Array.from({ length: perPod }, (_, i) => first + i);
}
