/**
 * The type-ahead's core entry (src/core/use-cases/suggest-topics.ts) when the program cannot be
 * read: the failure is reported and the shared vocabulary still answers, so a member typing never
 * waits on an error. The store here is a store that is down (every transaction fails), which is the
 * one thing a real database cannot be made to do on demand.
 */
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports";
import { programTopicHints, suggestProgramTopics } from "../../src/core/use-cases/suggest-topics";

const down = { transaction: () => Promise.reject(new Error("connection refused")) } as unknown as Store;

describe("topic type-ahead with the store down", () => {
  it("reports the failure once and answers from the shared vocabulary", async () => {
    const failures: unknown[] = [];
    const query = { platform: "slack", tenantId: "T1", channelId: "C1", query: "anali", language: "en" } as const;
    const labels = (await suggestProgramTopics(down, query, (e) => failures.push(e))).map((s) => s.label);
    expect(labels).toContain("Data analysis");
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toContain("connection refused");
    const hints = await programTopicHints(down, { ...query, query: "analsis data" }, (e) => failures.push(e));
    expect(hints.join(" ")).toContain("Data analysis");
    expect(failures).toHaveLength(2);
  });

  it("asks nothing of the store without a channel, and refuses a query no adapter builds", async () => {
    const failures: unknown[] = [];
    const none = await suggestProgramTopics(down, { platform: "discord", tenantId: "G1", query: "sql", language: "id" }, (e) =>
      failures.push(e),
    );
    expect(none[0]?.label).toBe("SQL");
    expect(failures).toEqual([]);
    await expect(
      suggestProgramTopics(down, { platform: "discord", tenantId: "", query: "sql", language: "id" }, (e) => failures.push(e)),
    ).rejects.toThrow();
  });
});
