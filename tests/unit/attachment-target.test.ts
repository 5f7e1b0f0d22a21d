/** A message's file goes to one member's DM or nowhere: every sender asks `attachmentToSend` first. */
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { chartAttachment, roundChart } from "../../src/core/charts/program-chart";
import { translator } from "../../src/core/i18n/translate";
import { ATTACHMENT_MAX_BYTES, type Attachment } from "../../src/core/messages/attachment";
import { attachmentToSend } from "../../src/delivery/attachment-target";
import { DeliveryFailure } from "../../src/delivery/delivery-failure";
import type { Outgoing, Target } from "../../src/delivery/outgoing";
import { SAMPLE_CHART_NOW, sampleChartFigures } from "../support/chart-sample";

const file = { name: "sebaya-mydata-2026-12-05.json", mime: "application/json" as const, text: "{}" };

const row = (target: Target, attachment: Attachment | null = file): Outgoing => ({
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

const refused = async (out: Outgoing) => {
  try {
    await attachmentToSend(out);
  } catch (error) {
    return error instanceof DeliveryFailure ? `${error.kind}: ${error.message}` : "other";
  }
  return null;
};

describe("a message's file", () => {
  it("goes to a DM", async () => {
    expect(await attachmentToSend(row({ kind: "dm", userId: "U1" }))).toEqual(file);
    expect(await attachmentToSend(row({ kind: "dm", userId: "U1" }, null))).toBeNull();
  });

  it("is drawn when it is an organizer's chart: the row's document becomes a PNG with its alt text", async () => {
    const subject = { programName: "Kopi", timezone: "Asia/Jakarta", now: SAMPLE_CHART_NOW, block: 5 };
    const chart = chartAttachment(roundChart(translator("en"), "en", subject, sampleChartFigures()));
    const sent = await attachmentToSend(row({ kind: "dm", userId: "U1" }, chart));
    expect(sent).toMatchObject({ name: chart.name, mime: "image/png", alt: chart.alt });
    const png = PNG.sync.read(Buffer.from((sent as { base64: string }).base64, "base64"));
    expect(png.width).toBeGreaterThan(500);
    expect(await refused(row({ kind: "channel", channelId: "C1" }, chart))).toBe("permanent: attachment outside a DM");
  }, 60_000);

  it("is refused for good for a pair's conversation or a channel: never shown to more people", async () => {
    expect(await refused(row({ kind: "group", pairingId: "p", userIds: ["U1", "U2"] }))).toBe(
      "permanent: attachment outside a DM",
    );
    expect(await refused(row({ kind: "channel", channelId: "C1" }))).toBe("permanent: attachment outside a DM");
  });

  it("is refused when too large or named like a path", async () => {
    const big = { ...file, text: "x".repeat(ATTACHMENT_MAX_BYTES + 1) };
    expect(await refused(row({ kind: "dm", userId: "U1" }, big))).toBe("permanent: attachment too large");
    for (const name of ["../etc/passwd", ".hidden", "a/b.json", "a b.json", "x..json"])
      expect(await refused(row({ kind: "dm", userId: "U1" }, { ...file, name })), name).toBe("permanent: attachment name");
  });
});
