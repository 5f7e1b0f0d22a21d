/** Slack as a Platform: Bolt (Socket Mode or HTTP, one token or OAuth installs) and its Web API sender. */
import type { StateStore } from "@slack/oauth";
import type { Platform, PlatformCapabilities } from "../platform";
import { type SlackAppOptions, type SlackAuth, startSlackApp } from "./app";
import type { SlackInstallationStore } from "./installation-store";
import { SLACK_LIMITS } from "./render";
import { slackSender } from "./sender";
import type { SlackSettings } from "./settings";
import { installedWorkspaces, singleWorkspace, type WorkspaceClients } from "./workspace-clients";

export const SLACK_CAPABILITIES: PlatformCapabilities = {
  pairConversation: "group-dm",
  forms: { kind: "modal", inputsPerModal: SLACK_LIMITS.blocksPerView, titleMax: SLACK_LIMITS.viewTitle },
  fileUploads: true,
  typeAheadSelects: true,
  messageTextMax: SLACK_LIMITS.sectionText,
};

/** What OAuth mode keeps in the store: sealed installations and single-use states. */
export interface SlackOAuthStores {
  installations: SlackInstallationStore;
  states: StateStore;
}

export interface SlackEnvironment {
  /** The HTTP port (HTTP and OAuth modes). */
  port: number;
  /** The Web API base URL (GovSlack, a proxy). */
  apiUrl?: string | undefined;
  /** Made only in OAuth mode, from the settings' encryption key. */
  oauthStores: (encryptionKey: string) => SlackOAuthStores;
  /** Extra GET routes on the HTTP receiver (HTTP and OAuth modes): /healthz, /readyz, /metrics. */
  routes?: SlackAppOptions["routes"];
}

export function slackPlatform(settings: SlackSettings, env: SlackEnvironment): Platform {
  const apiUrl = env.apiUrl;
  return {
    name: "slack",
    capabilities: SLACK_CAPABILITIES,
    async start(deps) {
      let auth: SlackAuth;
      let workspaces: WorkspaceClients;
      if (settings.mode === "oauth") {
        const stores = env.oauthStores(settings.encryptionKey);
        auth = { kind: "oauth", clientId: settings.clientId, clientSecret: settings.clientSecret, ...stores };
        workspaces = installedWorkspaces(stores.installations, apiUrl);
      } else {
        auth = { kind: "token", botToken: settings.botToken };
        workspaces = singleWorkspace(settings.botToken, apiUrl);
      }
      const app = await startSlackApp({
        core: deps.core,
        store: deps.store,
        clock: deps.clock,
        auth,
        transport:
          settings.mode === "socket"
            ? { kind: "socket", appToken: settings.appToken }
            : { kind: "http", port: env.port, signingSecret: settings.signingSecret },
        ...(apiUrl ? { apiUrl } : {}),
        onError: (error) => deps.onError(error, "slack request failed"),
        onNotice: (kind) => deps.onNotice?.(kind),
        ...(env.routes ? { routes: env.routes } : {}),
        ...(deps.timings ? { timings: deps.timings } : {}),
        ...(deps.onConnection ? { onConnection: deps.onConnection } : {}),
      });
      return {
        sender: slackSender(workspaces),
        stop: app.stop,
        describe: {
          message: settings.mode === "socket" ? "Slack app connected over Socket Mode" : "Slack app listening on /slack/events",
          details: { mode: settings.mode, port: app.port },
        },
      };
    },
  };
}
