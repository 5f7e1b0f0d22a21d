/** Which tenant a program, round, pairing or session belongs to: one query, walking up to its program. */
import type { Kysely } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";

export function tenancyRepo(db: Kysely<Database>): Tx["tenancy"] {
  return {
    async ownerOf(kind, id) {
      const row =
        kind === "program"
          ? await db.selectFrom("programs as p").select("p.tenant_id").where("p.id", "=", id).executeTakeFirst()
          : kind === "round"
            ? await db
                .selectFrom("rounds as r")
                .innerJoin("programs as p", "p.id", "r.program_id")
                .select("p.tenant_id")
                .where("r.id", "=", id)
                .executeTakeFirst()
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
