/** The words an adapter says on its own speak the language the core would: one rule (core/messages/reply-language.ts). */
import { describe, expect, it } from "vitest";
import { readerLanguage } from "../../src/store/platform/reader-language";
import { CHANNEL, Harness } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();

describe("readerLanguage", () => {
  it("the member's choice, else their locale, else the program of the channel, else Indonesian", async () => {
    const h = new Harness(tdb.db);
    await h.openProgram({ language: "en" });
    await h.join("ani", { language: "id" });
    const who = (user: string, extra: { locale?: string; channel?: string } = {}) =>
      readerLanguage(tdb.db.kysely, { platform: "console", tenant: "T1", user, ...extra });
    // Ani chose Indonesian: that wins over an English client and an English program.
    expect(await who("ani", { locale: "en-US", channel: CHANNEL })).toBe("id");
    // Someone unknown: their client's locale, then the channel's program.
    expect(await who("nobody", { locale: "en-GB", channel: "C-else" })).toBe("en");
    expect(await who("nobody", { locale: "fr-FR", channel: CHANNEL })).toBe("en");
    expect(await who("nobody", { locale: "fr-FR", channel: "C-else" })).toBe("id");
    // Another workspace's program in a channel of the same name counts for nothing.
    expect(await readerLanguage(tdb.db.kysely, { platform: "console", tenant: "T2", user: "x", channel: CHANNEL })).toBe("id");
  });
});
