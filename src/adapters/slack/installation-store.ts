/**
 * What the Slack adapter asks of its installations (OAuth, many workspaces):
 * Bolt's InstallationStore, plus the one bot token a sender needs. The store
 * keeps them sealed (store/platform/slack-installations.ts).
 */
import type { InstallationQuery, InstallationStore } from "@slack/oauth";

export interface SlackInstallationStore extends InstallationStore {
  /** The bot token for a workspace, or null when the app is not installed there. */
  botToken(teamId: string): Promise<string | null>;
  /** Required here: an uninstall forgets the workspace's tokens. */
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
}
