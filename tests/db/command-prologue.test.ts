/**
 * A command's first step in one round trip (members.arrive): the tenant and
 * member made when new, the name kept current, DMs unblocked; and a
 * transaction's programs read once (the prologue's channel program and the
 * use case's), forgotten when the transaction writes the program.
 */
import { describe, expect, it } from "vitest";
import { kyselyStore, repositories } from "../../src/store/kysely-store";
import { useTestDb } from "../support/test-db";

const t = useTestDb();

describe("members.arrive", () => {
  it("makes the tenant and the member the first time, then finds them; the name is kept current and DMs unblocked", async () => {
    const store = kyselyStore(t.db.kysely);
    const first = await store.transaction((tx) => tx.members.arrive("slack", "T-ONE", "U-ANI", "Ani"));
    expect(first.tenant).toMatchObject({ platform: "slack", externalId: "T-ONE" });
    expect(first.member).toMatchObject({ tenantId: first.tenant.id, externalId: "U-ANI", displayName: "Ani" });

    const r = repositories(t.db.kysely);
    await r.members.setDmBlocked(first.member.id, new Date("2026-12-01T00:00:00Z"));
    const again = await store.transaction((tx) => tx.members.arrive("slack", "T-ONE", "U-ANI", "Ani S."));
    expect(again.tenant).toEqual(first.tenant);
    expect(again.member.id).toBe(first.member.id);
    expect(again.member.displayName).toBe("Ani S.");
    const row = await t.db.kysely
      .selectFrom("members")
      .select(["display_name", "dm_blocked_at"])
      .where("id", "=", first.member.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: "Ani S.", dm_blocked_at: null });

    // Another member of the same tenant, and the same user id in another tenant, are their own rows.
    const budi = await store.transaction((tx) => tx.members.arrive("slack", "T-ONE", "U-BUDI", "Budi"));
    expect(budi.tenant.id).toBe(first.tenant.id);
    expect(budi.member.id).not.toBe(first.member.id);
    const elsewhere = await store.transaction((tx) => tx.members.arrive("discord", "T-ONE", "U-ANI", "Ani"));
    expect(elsewhere.tenant.id).not.toBe(first.tenant.id);
    expect(elsewhere.member.id).not.toBe(first.member.id);
    expect(await t.db.kysely.selectFrom("tenants").select("id").execute()).toHaveLength(2);
  });

  it("leaves nothing behind when the command's transaction rolls back", async () => {
    const store = kyselyStore(t.db.kysely);
    await expect(
      store.transaction(async (tx) => {
        await tx.members.arrive("slack", "T-TWO", "U-ANI", "Ani");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await t.db.kysely.selectFrom("tenants").select("id").execute()).toEqual([]);
    expect(await t.db.kysely.selectFrom("members").select("id").execute()).toEqual([]);
  });
});

/** Olga's tenant (made by her first command) and her program in channel C-1 of space `spaceId`. */
async function olgasProgram(spaceId: string | null) {
  const store = kyselyStore(t.db.kysely);
  const { tenant, member } = await store.transaction((tx) => tx.members.arrive("slack", "T-ONE", "U-OLGA", "Olga"));
  const created = await store.transaction((tx) =>
    tx.programs.create({
      tenantId: tenant.id,
      channelId: "C-1",
      spaceId,
      name: "Kopi",
      language: "en",
      timezone: "Asia/Jakarta",
      roundWeeks: 4,
      createdBy: member.id,
    }),
  );
  return { store, tenant, created };
}

describe("members.arrive, where the command came from", () => {
  it("reads the channel's program and whether the space was left in the same round trip, and keeps the program", async () => {
    const { store, tenant, created } = await olgasProgram("T-ONE");
    const statements: string[] = [];
    const counted = kyselyStore(
      t.db.kysely.withPlugin({
        transformQuery: (args) => {
          statements.push(args.node.kind);
          return args.node;
        },
        transformResult: async (args) => args.result,
      }),
    );
    await counted.transaction(async (tx) => {
      const here = await tx.members.arrive("slack", "T-ONE", "U-OLGA", "Olga", { channelId: "C-1", space: "T-ONE" });
      expect(here.channelProgram).toEqual(created);
      expect(here.spaceDeparted).toBe(false);
      // Kept: the use case's read of the same program costs no statement.
      expect(await tx.programs.byChannel(tenant.id, "C-1")).toBe(here.channelProgram);
      expect(await tx.programs.get(created.id)).toBe(here.channelProgram);
    });
    expect(statements).toHaveLength(1);

    // Another channel has no program; another tenant's channel of the same id is not this one's.
    const elsewhere = await store.transaction((tx) =>
      tx.members.arrive("slack", "T-ONE", "U-OLGA", "Olga", { channelId: "C-2" }),
    );
    expect(elsewhere.channelProgram).toBeNull();
    const otherTenant = await store.transaction((tx) =>
      tx.members.arrive("slack", "T-TWO", "U-OLGA", "Olga", { channelId: "C-1", space: "T-ONE" }),
    );
    expect(otherTenant.channelProgram).toBeNull();
    expect(otherTenant.spaceDeparted).toBe(false);

    // A space marked as left is told, only for that space and tenant.
    await store.transaction((tx) =>
      tx.departures.mark(tenant.id, "T-ONE", new Date("2026-12-01T00:00:00Z"), new Date("2026-12-31T00:00:00Z")),
    );
    const back = await store.transaction((tx) => tx.members.arrive("slack", "T-ONE", "U-OLGA", "Olga", { space: "T-ONE" }));
    expect(back.spaceDeparted).toBe(true);
    expect(back.channelProgram).toBeNull();
    const otherSpace = await store.transaction((tx) => tx.members.arrive("slack", "T-ONE", "U-OLGA", "Olga", { space: "T-X" }));
    expect(otherSpace.spaceDeparted).toBe(false);
    expect(
      (await store.transaction((tx) => tx.members.arrive("slack", "T-TWO", "U-OLGA", "Olga", { space: "T-ONE" }))).spaceDeparted,
    ).toBe(false);
  });
});

describe("a transaction's programs", () => {
  it("are read once, and read again after the transaction changed them", async () => {
    const { store, tenant, created } = await olgasProgram(null);
    await store.transaction(async (tx) => {
      const byChannel = await tx.programs.byChannel(tenant.id, "C-1");
      // The very object read first: no second read.
      expect(await tx.programs.get(created.id)).toBe(byChannel);
      expect(await tx.programs.find(created.id)).toBe(byChannel);
      // Its own write is seen.
      await tx.programs.setSpace(created.id, "SPACE-1");
      const after = await tx.programs.get(created.id);
      expect(after).not.toBe(byChannel);
      expect(after.spaceId).toBe("SPACE-1");
    });
    // Outside a transaction nothing is kept.
    const r = repositories(t.db.kysely);
    const once = await r.programs.get(created.id);
    await t.db.kysely.updateTable("programs").set({ name: "Again" }).where("id", "=", created.id).execute();
    expect(once.name).toBe("Kopi");
    expect((await r.programs.get(created.id)).name).toBe("Again");
  });
});
