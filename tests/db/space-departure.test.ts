/**
 * A workspace that uninstalled the app, or a server that removed the bot
 * (issue 16, item 5), through the core's entries the adapters call: the
 * space is marked for deletion 30 days on (once, however often it is said),
 * its organizers are told where they can be reached, and the job then deletes
 * what the space held, and nothing of anyone else's. A return before that
 * calls it off and says nothing was lost. The fake clock moves the 30 days.
 */
import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n/translate";
import { DAY_MS, MINUTE_MS } from "../../src/core/time/durations";
import { Harness, START, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const en = translator("en");
const db = () => tdb.db.kysely;
const T1_LEFT = { platform: "console", tenantId: "T1", space: "T1", organizersReachable: true } as const;

beforeEach(() => {
  h = new Harness(tdb.db);
});

/** A second workspace with its own program and member, which no departure of T1 may touch. */
async function otherWorkspace() {
  await h.core.execute({
    actor: { platform: "console", tenantId: "T2", space: "T2", userId: "mallory", displayName: "Mallory", isAdmin: true },
    channelId: "C-elsewhere",
    command: { type: "program.setup", name: "Elsewhere" },
  });
}

async function countsOf(tenantExternalId: string) {
  const { rows } = await sql<{ programs: string; members: string; journal: string; tenant: string }>`
    select (select count(*) from programs p join tenants t on t.id = p.tenant_id where t.external_id = ${tenantExternalId}) as programs,
      (select count(*) from members m join tenants t on t.id = m.tenant_id where t.external_id = ${tenantExternalId}) as members,
      (select count(*) from journal_entries j join members m on m.id = j.member_id join tenants t on t.id = m.tenant_id
        where t.external_id = ${tenantExternalId}) as journal,
      (select count(*) from tenants where external_id = ${tenantExternalId}) as tenant`.execute(db());
  const r = rows[0] as { programs: string; members: string; journal: string; tenant: string };
  return { programs: Number(r.programs), members: Number(r.members), journal: Number(r.journal), tenant: Number(r.tenant) };
}

describe("a space that removed the app", () => {
  it("is deleted 30 days on, after its organizers were told when; another workspace keeps everything", async () => {
    const pairingId = await h.matchedPair();
    await h.run("ani", submit({ type: "journal.write" }, { text: "private words" }), { channel: null });
    await otherWorkspace();
    const before = await countsOf("T1");
    expect(before).toMatchObject({ programs: 1, journal: 1, tenant: 1 });

    const left = await h.core.spaceLeft(T1_LEFT);
    expect(left).toEqual({ deleteAt: new Date(START.getTime() + 30 * DAY_MS), programs: 1, marked: true });
    const told = await h.keyed("space-left:");
    expect(told.map((r) => r.member)).toEqual(["olga"]);
    expect(told[0]?.text).toBe(en("departure.left", { names: "Sahabat Belajar", date: "Thursday, 31 December 2026" }));

    // Said again (Slack retries, a second event): the first date stands, nobody is told twice.
    h.clock.advance(DAY_MS);
    expect(await h.core.spaceLeft(T1_LEFT)).toMatchObject({ deleteAt: left?.deleteAt, marked: false });
    expect(await h.keyed("space-left:")).toHaveLength(1);

    h.clock.set(new Date(START.getTime() + 30 * DAY_MS - MINUTE_MS));
    await h.runJobs();
    expect(await countsOf("T1")).toEqual(before);

    h.clock.set(new Date(START.getTime() + 30 * DAY_MS + MINUTE_MS));
    // The space's own jobs due with it run first (the deletion waits a minute for each pass that has any).
    for (let pass = 0; pass < 5 && (await countsOf("T1")).tenant > 0; pass++) {
      expect((await h.runJobs()).failed).toBe(0);
      h.clock.advance(MINUTE_MS);
    }
    expect(await countsOf("T1")).toEqual({ programs: 0, members: 0, journal: 0, tenant: 0 });
    // Nothing of T1 is left in any table that names its pairing or program; T2 is whole.
    expect(await db().selectFrom("pairings").select("id").where("id", "=", pairingId).execute()).toEqual([]);
    expect(await db().selectFrom("jobs").select("kind").where("status", "=", "pending").execute()).toEqual([]);
    expect(await countsOf("T2")).toEqual({ programs: 1, members: 1, journal: 0, tenant: 1 });
    expect(await db().selectFrom("space_departures").selectAll().execute()).toEqual([]);
  });

  it("comes back before the 30 days: the deletion is called off and organizers hear nothing was lost", async () => {
    await h.matchedPair();
    await h.core.spaceLeft(T1_LEFT);
    const before = await countsOf("T1");
    h.clock.advance(10 * DAY_MS);
    // Anyone acting there again proves the app is back.
    await h.run("ani", { type: "status" }, { channel: null });
    expect(await db().selectFrom("space_departures").selectAll().execute()).toEqual([]);
    const back = await h.keyed("space-back:");
    expect(back.map((r) => [r.member, r.text])).toEqual([["olga", en("departure.back", { names: "Sahabat Belajar" })]]);
    // Once only.
    await h.run("ani", { type: "status" }, { channel: null });
    expect(await h.keyed("space-back:")).toHaveLength(1);

    h.clock.advance(30 * DAY_MS);
    const ran = await h.runJobs();
    expect(ran.failed).toBe(0);
    expect(await countsOf("T1")).toEqual(before);
    const job = await db()
      .selectFrom("jobs")
      .select(["status", "outcome"])
      .where("kind", "=", "space-deletion")
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: "skipped", outcome: "came back" });
  });

  it("left again after coming back: the later date holds, the first job finds it is not its own", async () => {
    await h.openProgram();
    await h.core.spaceLeft(T1_LEFT);
    h.clock.advance(5 * DAY_MS);
    expect(await h.core.spaceReturned({ platform: "console", tenantId: "T1", space: "T1" })).toBe(true);
    expect(await h.core.spaceReturned({ platform: "console", tenantId: "T1", space: "T1" })).toBe(false);
    h.clock.advance(5 * DAY_MS);
    const again = await h.core.spaceLeft(T1_LEFT);
    expect(again?.deleteAt).toEqual(new Date(START.getTime() + 40 * DAY_MS));
    h.clock.set(new Date(START.getTime() + 31 * DAY_MS));
    await h.runJobs();
    expect((await countsOf("T1")).programs).toBe(1);
    h.clock.set(new Date(START.getTime() + 41 * DAY_MS));
    await h.runJobs();
    expect((await countsOf("T1")).programs).toBe(0);
  });

  it("tells nobody when organizers cannot be reached (Slack: the token is already revoked)", async () => {
    await h.openProgram();
    expect(await h.core.spaceLeft({ ...T1_LEFT, organizersReachable: false })).toMatchObject({ marked: true });
    expect(await h.keyed("space-left:")).toEqual([]);
  });

  it("a space Sebaya never saw: nothing to mark", async () => {
    expect(await h.core.spaceLeft({ ...T1_LEFT, tenantId: "T-never" })).toBeNull();
    expect(await db().selectFrom("tenants").select("id").execute()).toEqual([]);
  });

  it("one server of a bot that serves several: only that server's programs and the members left in none go", async () => {
    const act = (userId: string, guild: string, channelId: string, command: Record<string, unknown>, isAdmin = false) =>
      h.core.execute({
        actor: { platform: "discord", tenantId: "APP", space: guild, userId, displayName: userId, locale: "en-US", isAdmin },
        channelId,
        command,
      });
    await act("owner1", "G1", "C-g1", { type: "program.setup", name: "Guild one" }, true);
    await act("owner1", "G1", "C-g1-old", { type: "program.setup", name: "Guild one, before spaces" }, true);
    await act("owner2", "G2", "C-g2", { type: "program.setup", name: "Guild two" }, true);
    // Someone in both servers' programs stays; someone only in G1's goes.
    await act("owner2", "G1", "C-g1", { type: "program.organizer", userId: "owner2" }, true);
    // A program set up before spaces were kept: found through the server's channels.
    await db().updateTable("programs").set({ space_id: null }).where("channel_id", "=", "C-g1-old").execute();

    const left = await h.core.spaceLeft({
      platform: "discord",
      tenantId: "APP",
      space: "G1",
      channelIds: ["C-g1", "C-g1-old"],
      organizersReachable: true,
    });
    expect(left?.programs).toBe(2);
    // Each organizer once, about their programs there.
    const told = await h.keyed("space-left:");
    expect(told.map((r) => r.member).sort()).toEqual(["owner1", "owner2"]);
    expect(told.find((r) => r.member === "owner1")?.text).toContain("Guild one, Guild one, before spaces");

    h.clock.advance(31 * DAY_MS);
    await h.runJobs();
    const programs = await db().selectFrom("programs").select("name").execute();
    expect(programs.map((p) => p.name)).toEqual(["Guild two"]);
    const members = await db().selectFrom("members").select("external_id").execute();
    expect(members.map((m) => m.external_id)).toEqual(["owner2"]);
    expect(await db().selectFrom("tenants").select("external_id").execute()).toEqual([{ external_id: "APP" }]);
  });
});
