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

/** Discord's recommended shard count (GET /gateway/bot), asked through the configured REST base URL. */
export async function recommendedShards(token: string, apiUrl?: string): Promise<number> {
  const rest = new REST({ version: "10", ...(apiUrl ? { api: apiUrl } : {}) }).setToken(token);
  const answer = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, answer.shards ?? 1);
}

export interface Shards {
  manager: ShardingManager;
  stop(): Promise<void>;
}

export async function startShards(options: {
  token: string;
  apiUrl?: string;
  shards: number | "auto";
  /** Passed to each shard process (it reads its configuration from the environment too). */
  env?: Record<string, string>;
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
  if (options.env) for (const [key, value] of Object.entries(options.env)) process.env[key] = value;
  // Shards start 5.5 s apart by default (Discord's identify rate); a proxy or a test may not need it.
  await manager.spawn({ amount: totalShards, delay: Number(process.env.SHARD_SPAWN_DELAY_MS ?? 5_500), timeout: MINUTE_MS });
  return {
    manager,
    stop: async () => {
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
