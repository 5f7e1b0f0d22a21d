/**
 * Who may set up a program (a setting of each workspace or server), and
 * where an admin's rights hold: one Discord bot is one tenant across many
 * servers, so Manage Server in one server must not reach another's program.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/commands/command";
import { translator } from "../../src/core/i18n/translate";
import type { Reply } from "../../src/core/messages/message";
import { CHANNEL, Harness, replyText } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const en = translator("en");
const id = translator("id");

beforeEach(() => {
  h = new Harness(tdb.db);
});

describe("who may set up a program", () => {
  it("by default only the workspace's admins: anyone else is refused, kindly, and nothing is made", async () => {
    expect(await h.text("rudi", { type: "program.setup", name: "Mine" })).toBe(en("refusal.setupNotAllowed"));
    expect(await h.text("rudi", { type: "program.setup" }, { locale: "id-ID" })).toBe(id("refusal.setupNotAllowed"));
    expect(await h.count("programs")).toBe(0);
    expect(await h.count("members")).toBe(0);
    expect(await h.text("zaki", { type: "program.setup", name: "Kopi" }, { isAdmin: true })).toContain("“Kopi” is set up");
    expect(await h.count("programs")).toBe(1);
  });

  it("an admin opens it to everyone, and closes it to admins again", async () => {
    expect(await h.text("zaki", { type: "setup.access", who: "everyone" }, { isAdmin: true })).toBe(en("access.everyone"));
    expect(await h.text("rudi", { type: "program.setup", name: "Mine" })).toContain("“Mine” is set up");
    expect(await h.text("zaki", { type: "setup.access", who: "admins" }, { isAdmin: true })).toBe(en("access.admins"));
    expect(await h.text("rudi", { type: "program.setup", name: "Again" }, { channel: "C-second" })).toBe(
      en("refusal.setupNotAllowed"),
    );
    expect(await h.count("programs")).toBe(1);
  });

  it("an admin names a role or a person; members with the role, and that person, may; others may not", async () => {
    const as = (userId: string, roles: string[], channel: string): Promise<Reply> =>
      h.core.execute({
        actor: { platform: "discord", tenantId: "APP", space: "G1", userId, displayName: userId, locale: "en-US", roles },
        channelId: channel,
        command: { type: "program.setup", name: `by ${userId}` },
      });
    const admin = (who: string) =>
      h.core.execute({
        actor: {
          platform: "discord",
          tenantId: "APP",
          space: "G1",
          userId: "owner",
          displayName: "Owner",
          locale: "en-US",
          isAdmin: true,
        },
        channelId: "C-admin",
        command: { type: "setup.access", who },
      });
    const described = replyText(await admin("role:R-LEADS"));
    expect(described).toContain(en("access.some"));
    expect(described).toContain("R-LEADS");
    expect(replyText(await as("lead", ["R-LEADS"], "C-1"))).toContain("is set up");
    expect(replyText(await as("member", ["R-OTHER"], "C-2"))).toBe(en("refusal.setupNotAllowed"));
    await admin("user:member");
    expect(replyText(await as("member", [], "C-2"))).toContain("is set up");
    // The setting is the server's: the same role elsewhere (another server of the same bot) counts for nothing.
    const elsewhere = await h.core.execute({
      actor: {
        platform: "discord",
        tenantId: "APP",
        space: "G2",
        userId: "lead",
        displayName: "lead",
        locale: "en-US",
        roles: ["R-LEADS"],
      },
      channelId: "C-g2",
      command: { type: "program.setup" },
    });
    expect(replyText(elsewhere)).toBe(en("refusal.setupNotAllowed"));
  });

  it("only admins change it; anyone may see it; a DM has no workspace to set it for", async () => {
    expect(await h.text("rudi", { type: "setup.access", who: "everyone" })).toBe(en("refusal.onlyAdmins"));
    expect(await h.text("rudi", { type: "setup.access" })).toBe(en("access.admins"));
    const dm = await h.core.execute({
      actor: { platform: "discord", tenantId: "APP", userId: "owner", displayName: "Owner", locale: "en-US", isAdmin: true },
      command: { type: "setup.access", who: "everyone" },
    });
    expect(replyText(dm)).toBe(en("refusal.needSpace"));
    expect(await h.text("rudi", { type: "program.setup" })).toBe(en("refusal.setupNotAllowed"));
  });

  it("typed: everyone, admins, a role mention, a person", async () => {
    const { commandFromText } = await import("../../src/core/commands/slash");
    expect(commandFromText("access everyone")).toEqual({ type: "setup.access", who: "everyone" });
    expect(commandFromText("akses semua")).toEqual({ type: "setup.access", who: "everyone" });
    expect(commandFromText("access admins")).toEqual({ type: "setup.access", who: "admins" });
    expect(commandFromText("access <@&1200>")).toEqual({ type: "setup.access", who: "role:1200" });
    expect(commandFromText("access <@U123|ani>")).toEqual({ type: "setup.access", who: "user:U123" });
    expect(commandFromText("access")).toEqual({ type: "setup.access" });
  });
});

describe("an admin's rights hold in their own server only", () => {
  const discord = (space: string | undefined, extra: Partial<Actor> = {}) => ({
    platform: "discord" as const,
    tenantId: "APP",
    userId: "boss-b",
    displayName: "Boss B",
    locale: "en-US",
    ...(space ? { space } : {}),
    ...extra,
  });

  /** Server A's program, set up by its own admin, with a round open. */
  async function programOfServerA(): Promise<string> {
    const a = {
      platform: "discord" as const,
      tenantId: "APP",
      space: "G-A",
      userId: "boss-a",
      displayName: "Boss A",
      isAdmin: true,
    };
    await h.core.execute({ actor: a, channelId: "C-A", command: { type: "program.setup", name: "Server A" } });
    await h.core.execute({ actor: a, channelId: "C-A", command: { type: "round.open" } });
    const program = await tdb.db.kysely.selectFrom("programs").select(["id", "space_id"]).executeTakeFirstOrThrow();
    expect(program.space_id).toBe("G-A");
    return program.id;
  }

  it("Manage Server in server B does not organize server A's program, by button or by report", async () => {
    const programId = await programOfServerA();
    const bossB = discord("G-B", { isAdmin: true });
    for (const command of [
      { type: "round.match", programId, dryRun: true },
      { type: "round.match", programId },
      { type: "program.report", programId },
    ]) {
      const reply = await h.core.execute({ actor: bossB, channelId: "C-B", command });
      expect(replyText(reply), command.type).toBe(en("refusal.notOrganizer"));
    }
    // The report in a DM lists only the programs they organize (none here).
    const dm = await h.core.execute({ actor: discord(undefined, { isAdmin: true }), command: { type: "program.report" } });
    expect(replyText(dm)).not.toContain("Server A");
    // Server A's own admin may.
    const bossA = {
      platform: "discord" as const,
      tenantId: "APP",
      space: "G-A",
      userId: "other-admin",
      displayName: "X",
      isAdmin: true,
    };
    const preview = await h.core.execute({
      actor: bossA,
      channelId: "C-A",
      command: { type: "round.match", programId, dryRun: true },
    });
    expect(replyText(preview)).not.toBe(en("refusal.notOrganizer"));
    expect(await h.count("pairings")).toBe(0);
  });

  it("a program set up before spaces were kept learns its server from the next command in its channel", async () => {
    const programId = await programOfServerA();
    await tdb.db.kysely.updateTable("programs").set({ space_id: null }).execute();
    const bossB = discord("G-B", { isAdmin: true });
    // Unknown space: no platform admin counts, not even one from the right server, until it is learnt.
    expect(
      replyText(await h.core.execute({ actor: bossB, channelId: "C-B", command: { type: "program.report", programId } })),
    ).toBe(en("refusal.notOrganizer"));
    await h.core.execute({ actor: discord("G-A"), channelId: "C-A", command: { type: "status" } });
    const row = await tdb.db.kysely.selectFrom("programs").select("space_id").executeTakeFirstOrThrow();
    expect(row.space_id).toBe("G-A");
  });

  it("Slack and the console are one workspace per tenant: their admins organize everything in it", async () => {
    await h.allowEveryoneToSetUp();
    await h.run("olga", { type: "program.setup", name: "Sahabat" });
    expect(await h.text("zaki", { type: "round.open" }, { isAdmin: true })).toContain("Round 1 is open");
    expect(await h.text("zaki", { type: "program.report" }, { channel: null, isAdmin: true })).toContain("Sahabat");
    expect(CHANNEL).toBeTruthy();
  });
});
