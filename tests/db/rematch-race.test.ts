/**
 * Re-match requests racing each other and a matching run: nobody may be
 * paired with the same person twice in a round, and nobody gets an error.
 * Server only: PGlite has one connection, so its transactions never overlap.
 *
 * Run twice: with the store as the app wires it, and with a store whose
 * `tenants.ensure` takes no lock. Today's upsert there happens to lock the
 * tenant's row until commit, which makes every command of a workspace wait
 * for the one before; the round's lock must keep re-matching right on its own.
 */
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core";
import type { Platform } from "../../src/core/domain";
import type { Store } from "../../src/core/ports";
import { repositories } from "../../src/store/kysely-store";
import type { Database } from "../../src/store/schema";
import { Harness, submit } from "../support/harness";
import { testDbKind, useTestDb } from "../support/test-db";

const tdb = useTestDb();
const DM = { channel: null } as const;
const TRIALS = 8;

/**
 * The one place that asks for a re-match: the partner's "match me with someone
 * new" button on a pairing the other side ended. (How the ending form's own
 * answers arrive may change; this button is a plain command.)
 */
const askRematch = (h: Harness, userId: string, pairingId: string) => h.run(userId, { type: "rematch.request", pairingId }, DM);

/** The one place that ends a pairing asking for someone new (the ending form's answers). */
const endWithRematch = (h: Harness, userId: string, pairingId: string) =>
  h.run(userId, submit({ type: "pairing.end", pairingId }, { rematch: true }), DM);

/** The app's store, except that finding the tenant row does not lock it. */
function storeWithoutTenantLock(kysely: Kysely<Database>): Store {
  return {
    transaction: (work) =>
      kysely.transaction().execute((trx) =>
        work({
          ...repositories(trx),
          tenants: {
            ...repositories(trx).tenants,
            async ensure(platform, externalId) {
              await trx
                .insertInto("tenants")
                .values({ platform, external_id: externalId })
                .onConflict((oc) => oc.columns(["platform", "external_id"]).doNothing())
                .execute();
              const row = await trx
                .selectFrom("tenants")
                .select(["id", "platform", "external_id"])
                .where("platform", "=", platform)
                .where("external_id", "=", externalId)
                .executeTakeFirstOrThrow();
              return { id: row.id, platform: row.platform as Platform, externalId: row.external_id };
            },
          },
        }),
      ),
  };
}

function harness(tenantLock: boolean): Harness {
  const h = new Harness(tdb.db);
  // The harness's own core, over the other store; `core` is readonly for callers, not for this test.
  if (!tenantLock) Object.assign(h, { core: createCore({ store: storeWithoutTenantLock(tdb.db.kysely), clock: h.clock }) });
  return h;
}

/**
 * Pairs of people introduced to each other in two different pairings. Every
 * intro (a new pairing, or someone joining one) names the pairing's current
 * members. (`pairing_members` rows alone cannot tell this: someone may join a
 * pairing after another member left it, without ever being in it together.)
 */
async function introducedTwice(): Promise<string[]> {
  const rows = await tdb.db.kysely
    .selectFrom("outbox")
    .select(["pairing_id", "message"])
    .where("idempotency_key", "like", "intro:%")
    .execute();
  const pairings = new Map<string, Set<string>>();
  for (const r of rows) {
    const body = r.message.blocks.find(
      (b) => b.type === "text" && typeof b.text === "string" && b.text.includes("you’re matched for round"),
    );
    if (body?.type !== "text" || typeof body.text !== "string" || !r.pairing_id) throw new Error("an intro without its names");
    const names = (body.text.split(":")[0] as string).split(", ").sort();
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const pair = `${names[i]}+${names[j]}`;
        pairings.set(pair, (pairings.get(pair) ?? new Set()).add(r.pairing_id));
      }
    }
  }
  return [...pairings].filter(([, ids]) => ids.size > 1).map(([pair]) => pair);
}

/** Sets up 14 members in 7 pairs; returns who will ask for a re-match, at once, and on which pairing. */
type Scenario = (h: Harness, people: string[]) => Promise<Array<() => Promise<unknown>>>;

const scenarios: Record<string, Scenario> = {
  // One member of each pair ends it without asking for anyone new; the partner presses "match me with someone new".
  "seven partners press “match me with someone new”": async (h, people) => {
    const requests: Array<() => Promise<unknown>> = [];
    for (const p of people) {
      const [pairingId] = await h.pairingsOf(p);
      if (!pairingId) continue;
      const partner = (await h.membersOf(pairingId)).find((m) => m !== p) as string;
      await h.run(p, submit({ type: "pairing.end", pairingId }, { rematch: false }), DM);
      requests.push(() => askRematch(h, partner, pairingId));
    }
    return requests;
  },
  // One member of each pair ends it and asks for someone new, all at once.
  "seven members end their pairing asking for someone new": async (h, people) => {
    const requests: Array<() => Promise<unknown>> = [];
    const seen = new Set<string>();
    for (const p of people) {
      const [pairingId] = await h.pairingsOf(p);
      if (!pairingId || seen.has(pairingId)) continue;
      seen.add(pairingId);
      requests.push(() => endWithRematch(h, p, pairingId));
    }
    return requests;
  },
};

describe("re-match under concurrency", () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    for (const tenantLock of [true, false]) {
      it.runIf(testDbKind() === "postgres")(
        `[PostgreSQL only] ${name} while the organizer runs matching: nobody is paired with the same person twice${
          tenantLock ? "" : " (even without the tenant row's lock)"
        }`,
        { timeout: 180_000 },
        async () => {
          const people = Array.from({ length: 14 }, (_, i) => `m${String(i).padStart(2, "0")}`);
          const repeats: string[] = [];
          let failures = 0;
          for (let trial = 0; trial < TRIALS; trial++) {
            await tdb.reset();
            const h = harness(tenantLock);
            await h.openProgram();
            for (const p of people) await h.join(p);
            await h.run("olga", { type: "round.match" });
            const requests = await scenario(h, people);
            expect(requests).toHaveLength(7);

            const replies = await Promise.all([...requests.map((r) => r()), h.run("olga", { type: "round.match" })]);
            failures += replies.filter((r) => JSON.stringify(r).includes("Something went wrong")).length;
            repeats.push(...(await introducedTwice()).map((pair) => `trial ${trial}: ${pair}`));
          }
          expect({ repeats, failures }).toEqual({ repeats: [], failures: 0 });
        },
      );
    }
  }
});
