/**
 * A process leases only rows of the platforms it runs: a Discord-only replica
 * leaves a Slack row alone (not leased, not put back for a minute), so a
 * Slack replica on the same database sends it at once.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Platform } from "../../src/core/domain";
import { Dispatcher } from "../../src/delivery/dispatcher";
import { routeByPlatform } from "../../src/delivery/platform-router";
import type { Sender } from "../../src/delivery/sender";
import { repositories } from "../../src/store/kysely-store";
import { useTestDb } from "../support/test-db";

const AT = new Date("2026-12-01T02:00:00Z");
const clock = { now: () => AT };
const t = useTestDb();

beforeEach(async () => {
  const r = repositories(t.db.kysely);
  for (const platform of ["slack", "discord"] as const) {
    const tenant = await r.tenants.ensure(platform, `T-${platform}`);
    const member = await r.members.ensure(tenant.id, `U-${platform}`, platform);
    await r.outbox.enqueue({
      tenantId: tenant.id,
      key: `hello-${platform}`,
      audience: { kind: "member", memberId: member.id },
      message: { blocks: [{ type: "text", text: "hello" }] },
      at: AT,
    });
  }
});

function recording(platform: Platform, into: string[]): Sender {
  return {
    async send(out) {
      into.push(`${platform}:${out.key}`);
      return { platformMessageId: `${platform}-${out.id}` };
    },
  };
}

const rows = () =>
  t.db.kysely
    .selectFrom("outbox")
    .select(["idempotency_key", "status", "attempts", "available_at", "leased_by"])
    .orderBy("idempotency_key")
    .execute();

describe("each replica leases only its own platforms' rows", () => {
  it("a Discord-only dispatcher sends the Discord row and leaves the Slack row untouched for a Slack one", async () => {
    const sent: string[] = [];
    const discordOnly = new Dispatcher(t.db.kysely, routeByPlatform({ discord: recording("discord", sent) }), clock, {
      worker: "discord-pod",
      platforms: ["discord"],
    });
    await discordOnly.dispatchPending();
    expect(sent).toEqual(["discord:hello-discord"]);
    const slackRow = (await rows()).find((r) => r.idempotency_key === "hello-slack");
    expect(slackRow).toMatchObject({ status: "pending", attempts: 0, leased_by: null });
    expect(slackRow?.available_at.getTime()).toBe(AT.getTime());

    const slackOnly = new Dispatcher(t.db.kysely, routeByPlatform({ slack: recording("slack", sent) }), clock, {
      worker: "slack-pod",
      platforms: ["slack"],
    });
    await slackOnly.dispatchPending();
    expect(sent).toEqual(["discord:hello-discord", "slack:hello-slack"]);
    expect((await rows()).map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("without the list (every platform), a row for a platform not run here waits a minute: what the list avoids", async () => {
    const sent: string[] = [];
    const unfiltered = new Dispatcher(t.db.kysely, routeByPlatform({ discord: recording("discord", sent) }), clock, {
      worker: "old-pod",
    });
    await unfiltered.dispatchPending();
    const slackRow = (await rows()).find((r) => r.idempotency_key === "hello-slack");
    expect(slackRow?.status).toBe("pending");
    expect(slackRow?.available_at.getTime()).toBeGreaterThan(AT.getTime());
  });
});
