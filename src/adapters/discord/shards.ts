/**
 * Many guilds: the gateway runs under discord.js's ShardingManager, one child
 * process per shard (`shard-main.ts`), each answering its guilds'
 * interactions. Scheduled work and delivery stay in the parent, which only
 * needs REST; and since due work lives in PostgreSQL under leases, it would
 * still run once if several parents ran.
 */

import { fileURLToPath } from "node:url";
import { REST, Routes, ShardingManager } from "discord.js";
import { MINUTE_MS } from "../../core/time/durations";
import { askForMetrics, type MetricsJson } from "../../ops/shard-metrics";

/** Discord's recommended shard count (GET /gateway/bot), asked through the configured REST base URL. */
export async function recommendedShards(token: string, apiUrl?: string): Promise<number> {
  const rest = new REST({ version: "10", ...(apiUrl ? { api: apiUrl } : {}) }).setToken(token);
  const answer = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, answer.shards ?? 1);
}

export interface Shards {
  manager: ShardingManager;
  /** Each shard process's metrics registry (those that answer), for the parent's /metrics. */
  metrics(): Promise<MetricsJson[]>;
  stop(): Promise<void>;
}

export async function startShards(options: {
  token: string;
  apiUrl?: string;
  shards: number | "auto";
  /** Passed to each shard process (it reads its configuration from the environment too). */
  env?: Record<string, string>;
  /**
   * Told when a shard process's gateway drops or the process dies (false), and when every shard
   * is ready or resumed again (true): the parent's readiness follows all its shards.
   */
  onConnection?: (connected: boolean) => void;
}): Promise<Shards> {
  // "auto" is resolved here: discord.js would ask discord.com, not a configured REST proxy.
  const totalShards = options.shards === "auto" ? await recommendedShards(options.token, options.apiUrl) : options.shards;
  // From source the shard entry is TypeScript, run through tsx like the rest of the app; from the
  // build (`npm run build`, every file in dist/) it is dist/shard-main.js, plain JavaScript.
  const fromSource = import.meta.url.endsWith(".ts");
  const manager = new ShardingManager(
    fileURLToPath(new URL(fromSource ? "./shard-main.ts" : "./shard-main.js", import.meta.url)),
    {
      token: options.token,
      totalShards,
      mode: "process",
      respawn: true,
      execArgv: fromSource ? ["--import", "tsx"] : [],
    },
  );
  // discord.js relays each child's gateway state over IPC as the Shard's events. Every shard counts
  // as down until its first ready; the transitions of "none down" are told.
  const down = new Set<number>(Array.from({ length: totalShards }, (_, id) => id));
  const shardIs = (id: number, up: boolean) => {
    const before = down.size === 0;
    if (up) down.delete(id);
    else down.add(id);
    if (before !== (down.size === 0)) options.onConnection?.(down.size === 0);
  };
  manager.on("shardCreate", (shard) => {
    shard.on("ready", () => shardIs(shard.id, true));
    shard.on("resume", () => shardIs(shard.id, true));
    shard.on("disconnect", () => shardIs(shard.id, false));
    shard.on("reconnecting", () => shardIs(shard.id, false));
    shard.on("death", () => shardIs(shard.id, false));
  });
  if (options.env) for (const [key, value] of Object.entries(options.env)) process.env[key] = value;
  // Shards start 5.5 s apart by default (Discord's identify rate); a proxy or a test may not need it.
  await manager.spawn({ amount: totalShards, delay: Number(process.env.SHARD_SPAWN_DELAY_MS ?? 5_500), timeout: MINUTE_MS });
  return {
    manager,
    metrics: () => askForMetrics(manager.shards.values()),
    stop: async () => {
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
