/** The console's sender: each target lands in its conversation, and a row delivered twice is shown once. */
import { describe, expect, it } from "vitest";
import { type ConsoleDestination, consoleSender } from "../../src/adapters/console/sender";
import type { Message } from "../../src/core/messages/message";
import type { Outgoing, Target } from "../../src/delivery/outgoing";

const message: Message = { blocks: [{ type: "text", text: "hello" }] };

function row(id: number, key: string, target: Target): Outgoing {
  return {
    id,
    key,
    platform: "console",
    tenantId: "t",
    tenantExternalId: "playground",
    audience: { kind: "member", memberId: "m" },
    target,
    message,
    attempts: 0,
    conversation: "c",
    programId: null,
    reachMemberId: null,
    dmBlocked: false,
    leaseUntil: new Date(0),
  };
}

describe("consoleSender", () => {
  it("shows a DM, a pair's message and a channel message where they belong", async () => {
    const shown: ConsoleDestination[] = [];
    const sender = consoleSender((to) => shown.push(to));
    await sender.send(row(1, "a", { kind: "dm", userId: "ani" }));
    await sender.send(row(2, "b", { kind: "group", pairingId: "p1", userIds: ["ani", "budi"] }));
    await sender.send(row(3, "c", { kind: "channel", channelId: "mentoring" }));
    expect(
      shown.map((s) => [s.where, s.conversation, s.visibleTo === "everyone" ? s.visibleTo : [...s.visibleTo], s.inChannel]),
    ).toEqual([
      ["dm", "dm:ani", ["ani"], false],
      ["pair", "pair:p1", ["ani", "budi"], false],
      ["channel", "#mentoring", "everyone", true],
    ]);
  });

  it("shows a row delivered twice once, and answers both sends with the same message id", async () => {
    const shown: ConsoleDestination[] = [];
    const sender = consoleSender((to) => shown.push(to));
    const first = await sender.send(row(7, "same-key", { kind: "dm", userId: "ani" }));
    const again = await sender.send(row(7, "same-key", { kind: "dm", userId: "ani" }));
    expect(shown).toHaveLength(1);
    expect(again).toEqual(first);
  });
});
