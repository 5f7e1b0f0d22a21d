/** Enrollments (one per member per round) and the intake profiles behind them. */
import { type Kysely, type Selectable, sql } from "kysely";
import type { Enrollment, EnrollmentStatus, Program } from "../../core/domain";
import type { Tx } from "../../core/ports";
import type { Database, EnrollmentsTable, ProgramsTable } from "../schema";
import { toProgram, toRound } from "./programs";

const toEnrollment = (r: Selectable<EnrollmentsTable>): Enrollment => ({
  id: r.id,
  roundId: r.round_id,
  memberId: r.member_id,
  partnersWanted: r.partners_wanted,
  status: r.status as EnrollmentStatus,
  wantsRematch: r.wants_rematch,
  pausedUntil: r.paused_until,
});

/** `keepProgram`: told the program latestForMember read with the round, so the transaction does not read it again. */
export function enrollmentsRepo(
  db: Kysely<Database>,
  opts: { keepProgram?: (program: Program) => void } = {},
): Tx["enrollments"] {
  return {
    async create(e) {
      const row = await db
        .insertInto("enrollments")
        .values({ round_id: e.roundId, member_id: e.memberId, partners_wanted: e.partnersWanted, created_at: e.at })
        .onConflict((oc) => oc.columns(["round_id", "member_id"]).doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toEnrollment(row) : null;
    },
    async find(roundId, memberId) {
      const row = await db
        .selectFrom("enrollments")
        .selectAll()
        .where("round_id", "=", roundId)
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      return row ? toEnrollment(row) : null;
    },
    async joining(tenantId, roundId, memberId) {
      // One row for the round (none outside the tenant), with the enrollment and the profile when there are.
      const row = await db
        .selectFrom("rounds as r")
        .innerJoin("programs as p", "p.id", "r.program_id")
        .leftJoin("enrollments as e", (join) => join.onRef("e.round_id", "=", "r.id").on("e.member_id", "=", memberId))
        .leftJoin("profiles as pr", (join) => join.onRef("pr.program_id", "=", "r.program_id").on("pr.member_id", "=", memberId))
        .select([
          "r.program_id",
          "e.id",
          "e.round_id",
          "e.member_id",
          "e.partners_wanted",
          "e.status",
          "e.wants_rematch",
          "e.paused_until",
          "e.created_at",
          "pr.member_id as pr_member_id",
          "pr.expertise",
          "pr.goals",
          "pr.interests",
          "pr.team",
        ])
        .where("r.id", "=", roundId)
        .where("p.tenant_id", "=", tenantId)
        .executeTakeFirst();
      // A left-joined row comes whole or not at all (its columns are NOT NULL): its key tells which.
      const enrollment = row?.id ? toEnrollment(row as Selectable<EnrollmentsTable>) : null;
      const saved = row as { expertise: string[]; goals: string[]; interests: string[]; team: string } | undefined;
      const profile =
        row?.pr_member_id && saved
          ? {
              memberId: row.pr_member_id,
              programId: row.program_id,
              expertise: saved.expertise,
              goals: saved.goals,
              interests: saved.interests,
              team: saved.team,
            }
          : null;
      return { enrollment, profile };
    },
    async get(id) {
      return toEnrollment(await db.selectFrom("enrollments").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
    },
    async latestForMember(memberId) {
      const row = await db
        .selectFrom("enrollments as e")
        .innerJoin("rounds as r", "r.id", "e.round_id")
        .innerJoin("programs as p", "p.id", "r.program_id")
        .selectAll("e")
        .select([
          "r.id as r_id",
          "r.program_id as r_program_id",
          "r.number as r_number",
          "r.status as r_status",
          "r.seed as r_seed",
          "r.opened_at as r_opened_at",
          "r.ends_at as r_ends_at",
          // The round's program comes along: whoever asks for the membership reads it next (status, check-in).
          sql<Selectable<ProgramsTable>>`to_jsonb(p)`.as("program"),
        ])
        .where("e.member_id", "=", memberId)
        .orderBy("r.opened_at", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!row) return null;
      opts.keepProgram?.(toProgram(row.program));
      return {
        enrollment: toEnrollment(row),
        round: toRound({
          id: row.r_id,
          program_id: row.r_program_id,
          number: row.r_number,
          status: row.r_status,
          seed: row.r_seed,
          opened_at: row.r_opened_at,
          ends_at: row.r_ends_at,
        }),
      };
    },
    async listActive(roundId) {
      const rows = await db
        .selectFrom("enrollments")
        .selectAll()
        .where("round_id", "=", roundId)
        .where("status", "=", "active")
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toEnrollment);
    },
    async update(id, patch) {
      const set: Record<string, unknown> = {};
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.wantsRematch !== undefined) set.wants_rematch = patch.wantsRematch;
      if (patch.pausedUntil !== undefined) set.paused_until = patch.pausedUntil;
      if (patch.partnersWanted !== undefined) set.partners_wanted = patch.partnersWanted;
      if (Object.keys(set).length === 0) return;
      await db.updateTable("enrollments").set(set).where("id", "=", id).execute();
    },
  };
}

export function profilesRepo(db: Kysely<Database>): Tx["profiles"] {
  return {
    async upsert(p) {
      const values = { expertise: p.expertise, goals: p.goals, interests: p.interests, team: p.team };
      await db
        .insertInto("profiles")
        .values({ member_id: p.memberId, program_id: p.programId, ...values })
        .onConflict((oc) => oc.columns(["member_id", "program_id"]).doUpdateSet({ ...values, updated_at: new Date() }))
        .execute();
    },
    async getMany(programId, memberIds) {
      if (memberIds.length === 0) return [];
      const rows = await db
        .selectFrom("profiles")
        .selectAll()
        .where("program_id", "=", programId)
        .where("member_id", "in", memberIds)
        .execute();
      return rows.map((r) => ({
        memberId: r.member_id,
        programId: r.program_id,
        expertise: r.expertise,
        goals: r.goals,
        interests: r.interests,
        team: r.team,
      }));
    },
  };
}
