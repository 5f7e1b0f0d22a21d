/** A message's file goes to one member's DM or nowhere: every sender asks `attachmentToSend` first. */
import { describe, expect, it } from "vitest";
import { ATTACHMENT_MAX_BYTES } from "../../src/core/messages/attachment";
import { attachmentToSend } from "../../src/delivery/attachment-target";
import { DeliveryFailure } from "../../src/delivery/delivery-failure";
import type { Outgoing, Target } from "../../src/delivery/outgoing";

const file = { name: "sebaya-mydata-2026-12-05.json", mime: "application/json" as const, text: "{}" };

const row = (target: Target, attachment: typeof file | null = file): Outgoing => ({
  id: 1,
  key: "mydata:1",
  platform: "slack",
  tenantId: "t",
  tenantExternalId: "T",
  audience: { kind: "member", memberId: "m" },
  target,
  message: { blocks: [], ...(attachment ? { attachment } : {}) },
  attempts: 0,
  conversation: "member:m",
  programId: null,
  reachMemberId: null,
  dmBlocked: false,
  leaseUntil: new Date(0),
});

const refused = (out: Outgoing) => {
  try {
    attachmentToSend(out);
  } catch (error) {
    return error instanceof DeliveryFailure ? `${error.kind}: ${error.message}` : "other";
  }
  return null;
};

describe("a message's file", () => {
  it("goes to a DM", () => {
    expect(attachmentToSend(row({ kind: "dm", userId: "U1" }))).toEqual(file);
    expect(attachmentToSend(row({ kind: "dm", userId: "U1" }, null))).toBeNull();
  });

  it("is refused for good for a pair's conversation or a channel: never shown to more people", () => {
    expect(refused(row({ kind: "group", pairingId: "p", userIds: ["U1", "U2"] }))).toBe("permanent: attachment outside a DM");
    expect(refused(row({ kind: "channel", channelId: "C1" }))).toBe("permanent: attachment outside a DM");
  });

  it("is refused when too large or named like a path", () => {
    const big = { ...file, text: "x".repeat(ATTACHMENT_MAX_BYTES + 1) };
    expect(refused(row({ kind: "dm", userId: "U1" }, big))).toBe("permanent: attachment too large");
    for (const name of ["../etc/passwd", ".hidden", "a/b.json", "a b.json", "x..json"])
      expect(refused(row({ kind: "dm", userId: "U1" }, { ...file, name })), name).toBe("permanent: attachment name");
  });
});
