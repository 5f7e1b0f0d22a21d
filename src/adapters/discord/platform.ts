/**
 * Discord as a Platform: the gateway in this process (SHARDS=1, or the
 * shards SHARD_LIST / SHARDS_PER_POD give this pod; none with SHARD_LIST=none)
 * or one process per shard (shards.ts, each running shard-main.ts), and the
 * REST sender in this one either way.
 */
import type { Platform, PlatformCapabilities, RunningPlatform } from "../platform";
import { startDiscordApp } from "./app";
import { DISCORD_LIMITS } from "./limits";
import { discordSender } from "./sender";
import type { DiscordSettings } from "./settings";
import { startShards } from "./shards";

export const DISCORD_CAPABILITIES: PlatformCapabilities = {
  pairConversation: "private-thread",
  forms: { kind: "modal", inputsPerModal: DISCORD_LIMITS.modalComponents, titleMax: DISCORD_LIMITS.modalTitle },
  fileUploads: true,
  typeAheadSelects: true,
  messageTextMax: DISCORD_LIMITS.content,
};

export function discordPlatform(settings: DiscordSettings): Platform {
  const apiUrl = settings.apiUrl;
  return {
    name: "discord",
    capabilities: DISCORD_CAPABILITIES,
    async start(deps) {
      let running: Omit<RunningPlatform, "sender">;
      if (settings.ownShards?.list.length === 0) {
        // SHARD_LIST=none: a delivery replica; the gateway runs in the pods given shards.
        running = {
          stop: async () => {},
          describe: { message: "Discord sender started (no gateway shard here)", details: { of: settings.ownShards.of } },
        };
      } else if (settings.shards === 1 || settings.ownShards) {
        // Explicit: discord.js would otherwise read its own SHARDS variable, which here is our count.
        const own = settings.ownShards ?? { list: [0], of: 1 };
        const discord = await startDiscordApp({
          core: deps.core,
          store: deps.store,
          clock: deps.clock,
          token: settings.token,
          ...(apiUrl ? { apiUrl } : {}),
          shards: own.list,
          shardCount: own.of,
          onError: (error) => deps.onError(error, "discord interaction failed"),
          ...(deps.timings ? { timings: deps.timings } : {}),
          ...(deps.onConnection ? { onConnection: deps.onConnection } : {}),
        });
        running = {
          stop: discord.stop,
          describe: {
            message: "Discord bot connected",
            details: { user: discord.client.user?.id, ...(settings.ownShards ? { shards: own.list, of: own.of } : {}) },
          },
        };
      } else {
        const shards = await startShards({
          token: settings.token,
          ...(apiUrl ? { apiUrl } : {}),
          shards: settings.shards,
          ...(deps.onConnection ? { onConnection: deps.onConnection } : {}),
        });
        running = {
          stop: shards.stop,
          metrics: shards.metrics,
          describe: { message: "Discord shards started", details: { shards: shards.manager.totalShards } },
        };
      }
      return {
        ...running,
        sender: discordSender({ token: settings.token, ...(apiUrl ? { apiUrl } : {}), store: deps.store, clock: deps.clock }),
      };
    },
  };
}
