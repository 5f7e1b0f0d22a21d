/**
 * Slack OAuth installations in PostgreSQL, for Bolt's InstallationStore.
 * The whole installation (bot token, refresh token, ids) is sealed with the
 * TokenCipher; only the workspace and org ids used to look it up are in clear.
 * An org-wide (Enterprise Grid) install is found for each of its workspaces.
 */
import type { Installation, InstallationQuery } from "@slack/oauth";
import type { Kysely } from "kysely";
import type { SlackInstallationStore } from "../../adapters/slack/installation-store";
import type { Clock } from "../../core/time/clock";
import type { Database } from "../schema";
import type { TokenCipher } from "../token-cipher";

/** The row key: an org-wide install under its enterprise id, otherwise the workspace. */
function keyOf(query: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }) {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  return query.teamId ? `T:${query.teamId}` : null;
}

export class SlackInstallations implements SlackInstallationStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: TokenCipher,
    private readonly clock: Clock,
  ) {}

  async storeInstallation(installation: Installation<"v1" | "v2", boolean>): Promise<void> {
    const key = keyOf({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    if (!key) throw new Error("an installation without a workspace or org id");
    const now = this.clock.now();
    const sealed = this.cipher.seal(JSON.stringify(installation));
    await this.db
      .insertInto("slack_installations")
      .values({
        key,
        team_id: installation.team?.id ?? null,
        enterprise_id: installation.enterprise?.id ?? null,
        is_enterprise_install: installation.isEnterpriseInstall ?? false,
        sealed,
        installed_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column("key").doUpdateSet({ sealed, updated_at: now }))
      .execute();
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<"v1" | "v2", boolean>> {
    const keys = [keyOf(query), query.enterpriseId ? `E:${query.enterpriseId}` : null].filter((k): k is string => !!k);
    for (const key of keys) {
      const row = await this.db.selectFrom("slack_installations").select("sealed").where("key", "=", key).executeTakeFirst();
      if (row) return JSON.parse(this.cipher.open(row.sealed)) as Installation<"v1" | "v2", boolean>;
    }
    throw new Error("no installation for this workspace");
  }

  /** The bot token for a workspace, or null when the app is not installed there. */
  async botToken(teamId: string): Promise<string | null> {
    try {
      return (await this.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token ?? null;
    } catch {
      return null;
    }
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = keyOf(query);
    if (key) await this.db.deleteFrom("slack_installations").where("key", "=", key).execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom("slack_installations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
