/**
 * The console as a platform: what the playground's simulated workspace can
 * do, declared like Slack's and Discord's. It is not started from
 * configuration: its app (app.ts, the simulated workspace) is the playground, the demo and
 * the tests' chat, and runs its own ticker on the database it is given.
 */
import type { PlatformCapabilities, PlatformDescription } from "../platform";

export const CONSOLE_CAPABILITIES: PlatformCapabilities = {
  pairConversation: "simulated",
  forms: { kind: "prompt" },
  fileUploads: false,
  typeAheadSelects: false,
  messageTextMax: Number.POSITIVE_INFINITY,
};

export const consolePlatform: PlatformDescription = { name: "console", capabilities: CONSOLE_CAPABILITIES };
