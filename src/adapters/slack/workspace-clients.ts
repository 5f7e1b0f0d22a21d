/**
 * A Web API client per workspace, for sending what the outbox holds: the one
 * bot token in single-workspace mode, or each installation's token (from the
 * encrypted store) with OAuth. A workspace without an installation gets null:
 * the app was uninstalled there, and its messages cannot be delivered.
 */
import { WebClient } from "@slack/web-api";
import type { SlackInstallationStore } from "./installation-store";

export interface WorkspaceClients {
  forTeam(teamId: string): Promise<WebClient | null>;
}

const clientOptions = (apiUrl: string | undefined) => ({
  ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
  // 429s come back to the dispatcher, which reschedules instead of blocking.
  rejectRateLimitedCalls: true,
});

export function singleWorkspace(botToken: string, apiUrl?: string): WorkspaceClients {
  const client = new WebClient(botToken, clientOptions(apiUrl));
  return { forTeam: async () => client };
}

export function installedWorkspaces(installations: SlackInstallationStore, apiUrl?: string): WorkspaceClients {
  // Keyed by token, so a reinstall (a new token) gets a new client and a revoked one is never reused.
  const clients = new Map<string, WebClient>();
  return {
    async forTeam(teamId) {
      const token = await installations.botToken(teamId);
      if (!token) return null;
      let client = clients.get(token);
      if (!client) {
        client = new WebClient(token, clientOptions(apiUrl));
        clients.set(token, client);
      }
      return client;
    },
  };
}
