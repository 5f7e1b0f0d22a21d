/** Which tenant a program, round, pairing or session belongs to: one query, walking up to its program. */
import type { Kysely } from "kysely";
import type { Round } from "../../core/domain";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";
import { toRound } from "./programs";

/**
 * `keepRound`: told the round a "round" check read (the whole row comes along), so the use case's
 * read of the same round in the transaction costs nothing.
 */
export function tenancyRepo(db: Kysely<Database>, opts: { keepRound?: (round: Round) => void } = {}): Tx["tenancy"] {
  return {
    async ownerOf(kind, id) {
      if (kind === "round") {
        const round = await db
          .selectFrom("rounds as r")
          .innerJoin("programs as p", "p.id", "r.program_id")
          .select(["r.id", "r.program_id", "r.number", "r.status", "r.seed", "r.opened_at", "r.ends_at", "p.tenant_id"])
          .where("r.id", "=", id)
          .executeTakeFirst();
        if (round) opts.keepRound?.(toRound(round));
        return round?.tenant_id ?? null;
      }
      const row =
        kind === "program"
          ? await db.selectFrom("programs as p").select("p.tenant_id").where("p.id", "=", id).executeTakeFirst()
          : kind === "pairing"
            ? await db
                .selectFrom("pairings as pa")
                .innerJoin("rounds as r", "r.id", "pa.round_id")
                .innerJoin("programs as p", "p.id", "r.program_id")
                .select("p.tenant_id")
                .where("pa.id", "=", id)
                .executeTakeFirst()
            : await db
                .selectFrom("sessions as s")
                .innerJoin("pairings as pa", "pa.id", "s.pairing_id")
                .innerJoin("rounds as r", "r.id", "pa.round_id")
                .innerJoin("programs as p", "p.id", "r.program_id")
                .select("p.tenant_id")
                .where("s.id", "=", id)
                .executeTakeFirst();
      return row?.tenant_id ?? null;
    },
  };
}
