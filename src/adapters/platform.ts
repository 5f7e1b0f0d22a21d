/**
 * What every chat platform is to the rest of Sebaya, in the spirit of a
 * Kysely dialect: each folder under src/adapters has the same role-named
 * files (platform.ts: this interface; settings.ts: what the environment
 * asks; the app, the renderer and the sender beside them). The composition
 * root starts the configured platforms in a loop and routes outbox rows to
 * their senders; what differs between platforms is declared here as data,
 * not discovered by reading each adapter.
 */

import type { Core } from "../core/core";
import type { Platform as PlatformName } from "../core/domain";
import type { Clock } from "../core/time/clock";
import type { Sender } from "../delivery/sender";
import type { MetricsJson } from "../ops/shard-metrics";
import type { PlatformStore } from "./platform-port";
import type { InteractionTimings } from "./shared/interaction-timings";

/** What a platform can do, as its adapter uses it. */
export interface PlatformCapabilities {
  /**
   * Where a pair or trio talks: a group DM with all of them (Slack), a private
   * thread the bot makes in the program channel (Discord: bots cannot be in group
   * DMs), or a room of the simulated workspace (console).
   */
  pairConversation: "group-dm" | "private-thread" | "simulated";
  /**
   * Forms: as a modal of at most `inputsPerModal` inputs (a longer form goes over
   * several modals, its answers kept in a draft between steps), or asked line by
   * line (console).
   */
  forms: { kind: "modal"; inputsPerModal: number; titleMax: number } | { kind: "prompt" };
  /** Files can be attached to a message the bot sends (none of the adapters sends any yet). */
  fileUploads: boolean;
  /** A select that offers choices as the member types (Slack external selects, Discord autocomplete). */
  typeAheadSelects: boolean;
  /** The most characters of a message's main text. */
  messageTextMax: number;
}

/** What a platform is given to start: the shared core, its port to the store, the clock and where to report. */
export interface PlatformDeps {
  core: Core;
  store: PlatformStore;
  clock: Clock;
  /** Unexpected errors (never private text). */
  onError: (error: unknown, context: string) => void;
  /** Requests set aside on purpose, by kind only. */
  onNotice?: (kind: string) => void;
  /** Told each interaction's ack and reply latency (the metrics, in the composition root). */
  timings?: InteractionTimings;
  /** A platform holding a connection (Discord's gateway, Slack's Socket Mode) says when it drops and when it is back. */
  onConnection?: (connected: boolean) => void;
}

/** A started platform: its sender for the dispatcher, and how to stop it. */
export interface RunningPlatform {
  sender: Sender;
  stop(): Promise<void>;
  /** One line for the start-up log: how it runs (mode, port, shards). */
  describe: { message: string; details: Record<string, unknown> };
  /** Its child processes' metrics (Discord's shard processes), for this process's /metrics. */
  metrics?: () => Promise<MetricsJson[]>;
}

export interface PlatformDescription {
  name: PlatformName;
  capabilities: PlatformCapabilities;
}

/** A configured platform, its settings bound in: the composition root only starts it. */
export interface Platform extends PlatformDescription {
  start(deps: PlatformDeps): Promise<RunningPlatform>;
}
