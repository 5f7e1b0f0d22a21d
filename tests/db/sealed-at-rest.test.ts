/**
 * Issue 16, item 4: members' private text is sealed at rest. Unique text is
 * planted through real commands (journal, check-in note, end reason,
 * evaluation, a form draft); every table read raw holds none of it; the
 * author still reads it back; a wrong master key fails loudly; a rotated
 * master key reads everything back; rows from before the migration are sealed
 * at the start; a tenant key made in a transaction that rolled back is never
 * used.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import type { DraftDocument } from "../../src/adapters/platform-port";
import { platformStore } from "../../src/app";
import { loadPlaygroundState, savePlaygroundState } from "../../src/store/platform/playground-state";
import { rotateMasterKey } from "../../src/store/sealing/rotate-master-key";
import { sealPlainRows } from "../../src/store/sealing/seal-plain-rows";
import { parseKey } from "../../src/store/sealing/secret-box";
import { UnreadableSealedValue, Vault, WrongMasterKey } from "../../src/store/sealing/vault";
import { vaultOf, withVault } from "../../src/store/sealing/vault-carrier";
import { Harness, replyText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";
import { TEST_MASTER_KEY } from "../support/test-keys";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const DAY = 86_400_000;
const DRAFT_ID = "00000000-0000-4000-8000-0000000000d1";

const PLANTED = {
  journal: "PLANT-JOURNAL-7f3a: I felt lost in the code review",
  note: "PLANT-NOTE-91bc: Budi seemed bored",
  reason: "PLANT-REASON-c0de: we never clicked",
  draft: "PLANT-DRAFT-5e5e: half-written worry",
};
// Words, not hex: a 4-hex-digit tag turns up by chance in the hex of random ciphertext and ids.
const MARKERS = ["PLANT-", "felt lost in the code review", "seemed bored", "we never clicked", "half-written worry"];

/** Every table, every row, as text: what psql would show. */
async function dumpEverything(): Promise<string> {
  const db = tdb.db.kysely;
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = current_schema()`.execute(db);
  const parts: string[] = [];
  for (const { tablename } of rows) {
    const dump = await sql<{ row: string }>`select t::text as row from ${sql.table(tablename)} t`.execute(db);
    // bytea prints as hex: decode it too, so plain bytes in a bytea column would be found.
    for (const r of dump.rows) parts.push(r.row, Buffer.from(r.row.replace(/[^0-9a-f]/gi, ""), "hex").toString("latin1"));
  }
  return parts.join("\n");
}

/** Ani and Budi matched with a cadence; a session held; the evaluation due. */
async function plantEverything(): Promise<string> {
  const pairingId = await h.matchedPair({ goals: ["SQL", "Public speaking"] });
  await h.run(
    "ani",
    submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
    DM,
  );
  await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
  h.clock.set(new Date("2026-12-02T05:00:00Z"));
  const session = await tdb.db.kysely.selectFrom("sessions").select("id").where("number", "=", 1).executeTakeFirstOrThrow();
  expect(
    await h.text("ani", submit({ type: "checkin", sessionId: session.id }, { rating: 5, note: PLANTED.note }), DM),
  ).toContain("Thanks for checking in");
  await h.run("ani", submit({ type: "journal.write" }, { text: PLANTED.journal }), DM);
  h.clock.advance(15 * DAY);
  const evaluated = await h.text(
    "ani",
    submit(
      { type: "evaluation.submit", pairingId, number: 1 },
      { working: 4, g0: "reached", g1: "progressing", adjust: "cadence" },
    ),
    DM,
  );
  expect(evaluated).not.toContain("didn’t look right");
  const store = platformStore(tdb.db.kysely);
  const owner = { platform: "console" as const, tenantExternalId: "T1", userId: "ani" };
  const draft = { form: { title: "x" }, answers: {}, language: "en" } as unknown as DraftDocument;
  expect(await store.drafts.create(DRAFT_ID, owner, draft, h.clock.now())).toBe(DRAFT_ID);
  expect(await store.drafts.mergeAnswers(DRAFT_ID, owner, { text: PLANTED.draft }, h.clock.now())).toBe(true);
  expect((await store.drafts.get(DRAFT_ID, owner, h.clock.now()))?.answers).toEqual({ text: PLANTED.draft });
  await h.run("ani", submit({ type: "pairing.end", pairingId }, { reason: PLANTED.reason, rematch: false }), DM);
  return pairingId;
}

beforeEach(() => {
  h = new Harness(tdb.db);
});

describe("private text at rest", () => {
  it("is in no table in clear, and its author still reads it back", async () => {
    await plantEverything();
    // Each planted field was stored (sealed), not dropped.
    const count = async (
      table: "journal_entries" | "check_ins" | "pairing_endings" | "evaluations" | "form_drafts",
      column: string,
    ) =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(tdb.db.kysely)
        ).rows[0]?.n,
      );
    expect(await count("journal_entries", "body")).toBe(1);
    expect(await count("check_ins", "note")).toBe(1);
    expect(await count("pairing_endings", "reason")).toBe(1);
    expect(await count("evaluations", "goal_progress")).toBe(1);
    expect(await count("evaluations", "adjust")).toBe(1);
    expect(await count("form_drafts", "answers")).toBe(1);

    const everything = await dumpEverything();
    for (const marker of MARKERS) expect(everything).not.toContain(marker);
    // The evaluation's answers are sealed too (the goal names are the profile's, shared with the partner).
    const evaluation = await sql<{ row: string }>`select e::text as row from evaluations e`.execute(tdb.db.kysely);
    expect(evaluation.rows[0]?.row).not.toMatch(/reached|progressing|cadence/);

    const notes = replyText(await h.run("ani", { type: "journal.read" }, DM));
    expect(notes).toContain(PLANTED.journal);
    expect(replyText(await h.run("budi", { type: "journal.read" }, DM))).not.toContain("PLANT-");
    // Goals reached still read back for their author (the home view opens the evaluation).
    expect(replyText(await h.run("ani", { type: "home" }, DM))).toContain("✓ SQL (reached)");
  });

  it("seals the playground's saved screens, which may quote a journal read back", async () => {
    const db = tdb.db.kysely;
    const state = { entries: [{ text: PLANTED.journal }] };
    await savePlaygroundState(db, "T1", { simulatedAt: h.clock.now(), state }, h.clock.now());
    expect(await dumpEverything()).not.toContain("PLANT-");
    expect(await loadPlaygroundState(db, "T1")).toEqual({ simulatedAt: h.clock.now(), state });
  });

  it("refuses a wrong master key loudly at start and when opening a tenant's key, never returning garbage", async () => {
    await plantEverything();
    const wrong = new Vault(randomBytes(32));
    const withWrongKey = withVault(tdb.db.kysely, wrong);
    await expect(wrong.verify(withWrongKey)).rejects.toBeInstanceOf(WrongMasterKey);
    const entry = await tdb.db.kysely.selectFrom("journal_entries").select(["member_id", "body"]).executeTakeFirstOrThrow();
    await expect(wrong.openForMember(withWrongKey, entry.member_id, entry.body ?? new Uint8Array())).rejects.toThrow(
      /does not open the data key of tenant/,
    );
    // A changed byte in the row fails too, under the right key.
    const tampered = Buffer.from(entry.body ?? []);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    const right = vaultOf(tdb.db.kysely);
    await expect(right.openForMember(tdb.db.kysely, entry.member_id, tampered)).rejects.toBeInstanceOf(UnreadableSealedValue);
  });

  it("reads everything back after the master key is rotated, and not with the old key", async () => {
    await plantEverything();
    const next = randomBytes(32);
    const rotated = await rotateMasterKey(tdb.db.kysely, parseKey(TEST_MASTER_KEY), next);
    expect(rotated.tenantKeys).toBe(1);
    const after = new Vault(next);
    const db = withVault(tdb.db.kysely, after);
    await after.verify(db);
    const entry = await db.selectFrom("journal_entries").select(["member_id", "body"]).executeTakeFirstOrThrow();
    expect(await after.openForMember(db, entry.member_id, entry.body ?? new Uint8Array())).toBe(PLANTED.journal);
    const fresh = new Vault(parseKey(TEST_MASTER_KEY)); // the old key, nothing cached
    await expect(fresh.verify(withVault(tdb.db.kysely, fresh))).rejects.toBeInstanceOf(WrongMasterKey);
    // Rotating with a key that is not the current one changes nothing.
    await expect(rotateMasterKey(tdb.db.kysely, randomBytes(32), randomBytes(32))).rejects.toBeInstanceOf(WrongMasterKey);
    await after.verify(db);
    // Back, for the rest of the file's tests (the harness's handle holds the test key).
    await rotateMasterKey(tdb.db.kysely, next, parseKey(TEST_MASTER_KEY));
  });

  it("seals rows written in clear before migration 0013 at the start, and reads them meanwhile", async () => {
    await h.matchedPair();
    const db = tdb.db.kysely;
    const ani = await db
      .selectFrom("members")
      .select(["id", "tenant_id"])
      .where("external_id", "=", "ani")
      .executeTakeFirstOrThrow();
    const pairingId = (await h.pairingsOf("ani"))[0] as string;
    await db
      .insertInto("journal_entries")
      .values({ member_id: ani.id, pairing_id: pairingId, body_plain: "PLANT-OLD-1: from before", created_at: h.clock.now() })
      .execute();
    await db
      .insertInto("pairing_endings")
      .values({ pairing_id: pairingId, member_id: ani.id, reason_plain: "PLANT-OLD-2: old reason", created_at: h.clock.now() })
      .execute();
    await db
      .insertInto("playground_state")
      .values({
        tenant_external_id: "T-old",
        simulated_at: h.clock.now(),
        state_plain: JSON.stringify({ saw: "PLANT-OLD-3: a journal read back" }),
        updated_at: h.clock.now(),
      })
      .execute();
    // Before the start's step, the author reads the plain copy.
    expect(replyText(await h.run("ani", { type: "journal.read" }, DM))).toContain("PLANT-OLD-1: from before");
    expect((await loadPlaygroundState(db, "T-old"))?.state).toEqual({ saw: "PLANT-OLD-3: a journal read back" });
    expect(await sealPlainRows(db)).toBe(3);
    expect(await dumpEverything()).not.toContain("PLANT-OLD");
    expect(replyText(await h.run("ani", { type: "journal.read" }, DM))).toContain("PLANT-OLD-1: from before");
    expect((await loadPlaygroundState(db, "T-old"))?.state).toEqual({ saw: "PLANT-OLD-3: a journal read back" });
    expect(await sealPlainRows(db)).toBe(0);
  });

  it("never keeps a tenant key made in a transaction that rolled back", async () => {
    await h.matchedPair();
    const db = tdb.db.kysely;
    const ani = await db
      .selectFrom("members")
      .select(["id", "tenant_id"])
      .where("external_id", "=", "ani")
      .executeTakeFirstOrThrow();
    await db.deleteFrom("tenant_keys").execute();
    const vault = new Vault(parseKey(TEST_MASTER_KEY));
    const sealedDb = withVault(db, vault);
    await expect(
      sealedDb.transaction().execute(async (trx) => {
        await vault.sealForMember(trx, ani.id, "lost");
        // Within the transaction its own key is read back, but not cached.
        await vault.sealForMember(trx, ani.id, "lost again");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const sealed = await vault.sealForMember(sealedDb, ani.id, "kept");
    // Another process (a fresh vault) opens it: it was sealed under the committed key, not the lost one.
    const other = new Vault(parseKey(TEST_MASTER_KEY));
    expect(await other.openForMember(withVault(db, other), ani.id, sealed)).toBe("kept");
  });

  it("rides on the database handle into every transaction it opens; a handle without it says so", async () => {
    const db = tdb.db.kysely;
    const vault = vaultOf(db);
    await db.transaction().execute(async (trx) => {
      expect(vaultOf(trx)).toBe(vault);
    });
    expect(() => vaultOf(db.withoutPlugins())).toThrow(/has no keys/);
  });
});
