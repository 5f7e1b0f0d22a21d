/** Programs (a channel and its settings), their organizers, and rounds. */
import type { Kysely, Selectable } from "kysely";
import type { Language, Program, Round, RoundStatus } from "../../core/domain";
import type { Tx } from "../../core/ports";
import type { Database, ProgramsTable, RoundsTable } from "../schema";

export const toProgram = (r: Selectable<ProgramsTable>): Program => ({
  id: r.id,
  tenantId: r.tenant_id,
  channelId: r.channel_id,
  spaceId: r.space_id,
  name: r.name,
  language: r.language as Language,
  timezone: r.timezone,
  roundWeeks: r.round_weeks,
  createdBy: r.created_by,
  matchingWeights: r.matching_weights,
  topicEdits: r.topic_edits,
  contactHours: { from: r.contact_from, until: r.contact_until, workingDays: r.working_days },
  organizerRole: r.organizer_role,
  retentionMonths: r.retention_months,
});

export const toRound = (r: Omit<Selectable<RoundsTable>, "closed_at">): Round => ({
  id: r.id,
  programId: r.program_id,
  number: r.number,
  status: r.status as RoundStatus,
  seed: r.seed,
  openedAt: r.opened_at,
  endsAt: r.ends_at,
});

export function programsRepo(db: Kysely<Database>): Tx["programs"] {
  return programsOf(db);
}

/**
 * A transaction's programs (see repositories()): a program read once is not read again in the same
 * transaction (a command's prologue reads its channel's program, and the use case the same one
 * again); writing a program's row forgets it. `keep` takes a program another statement of the
 * transaction read (members.arrive reads the command's channel program in its own round trip).
 */
export function memoized(repo: Tx["programs"]): {
  programs: Tx["programs"];
  keep: (program: Program) => void;
  /** For a write to a program's row made elsewhere (retention.setMonths). */
  forget: (id: string) => void;
} {
  const byId = new Map<string, Program>();
  const keep = <P extends Program | null>(p: P): P => {
    if (p) byId.set(p.id, p);
    return p;
  };
  /** A write drops the kept copy: the next read in the transaction sees the change. */
  const forgetting =
    <A extends unknown[]>(write: (id: string, ...rest: A) => Promise<void>) =>
    async (id: string, ...rest: A): Promise<void> => {
      byId.delete(id);
      await write(id, ...rest);
    };
  const programs: Tx["programs"] = {
    ...repo,
    async byChannel(tenantId, channelId) {
      for (const p of byId.values()) if (p.tenantId === tenantId && p.channelId === channelId) return p;
      return keep(await repo.byChannel(tenantId, channelId));
    },
    find: async (id) => byId.get(id) ?? keep(await repo.find(id)),
    get: async (id) => byId.get(id) ?? keep(await repo.get(id)),
    create: async (program) => keep(await repo.create(program)),
    setSpace: forgetting(repo.setSpace),
    setContactHours: forgetting(repo.setContactHours),
    setMatchingWeights: forgetting(repo.setMatchingWeights),
    setTopicEdits: forgetting(repo.setTopicEdits),
    setOrganizerRole: forgetting(repo.setOrganizerRole),
  };
  return { programs, keep, forget: (id) => byId.delete(id) };
}

/**
 * A transaction's rounds, as `memoized` keeps its programs: a round read without a lock is not read
 * again unlocked in the same transaction (the tenant guard reads the round a button names, and the
 * use case the same one again). A locked read always goes to the database and refreshes the kept
 * copy; changing the status forgets it. `keep` takes a round another statement read (the guard's).
 */
export function memoizedRounds(repo: Tx["rounds"]): { rounds: Tx["rounds"]; keep: (round: Round) => void } {
  const byId = new Map<string, Round>();
  const keep = (round: Round): Round => {
    byId.set(round.id, round);
    return round;
  };
  const rounds: Tx["rounds"] = {
    ...repo,
    async get(id, opts) {
      const kept = opts?.lock ? undefined : byId.get(id);
      return kept ?? keep(await repo.get(id, opts));
    },
    async setStatus(id, status) {
      byId.delete(id);
      await repo.setStatus(id, status);
    },
  };
  return { rounds, keep };
}

function programsOf(db: Kysely<Database>): Tx["programs"] {
  return {
    async byChannel(tenantId, channelId) {
      const row = await db
        .selectFrom("programs")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("channel_id", "=", channelId)
        .executeTakeFirst();
      return row ? toProgram(row) : null;
    },
    async find(id) {
      const row = await db.selectFrom("programs").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toProgram(row) : null;
    },
    async get(id) {
      return toProgram(await db.selectFrom("programs").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
    },
    async create(p) {
      const row = await db
        .insertInto("programs")
        .values({
          tenant_id: p.tenantId,
          channel_id: p.channelId,
          space_id: p.spaceId,
          name: p.name,
          language: p.language,
          timezone: p.timezone,
          round_weeks: p.roundWeeks,
          created_by: p.createdBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toProgram(row);
    },
    async setSpace(id, spaceId) {
      await db.updateTable("programs").set({ space_id: spaceId }).where("id", "=", id).where("space_id", "is", null).execute();
    },
    async setContactHours(id, hours) {
      await db
        .updateTable("programs")
        .set({ contact_from: hours.from, contact_until: hours.until, working_days: [...hours.workingDays] })
        .where("id", "=", id)
        .execute();
    },
    async setMatchingWeights(id, weights) {
      await db
        .updateTable("programs")
        .set({ matching_weights: JSON.stringify(weights) })
        .where("id", "=", id)
        .execute();
    },
    async setTopicEdits(id, edits) {
      await db
        .updateTable("programs")
        .set({ topic_edits: JSON.stringify(edits) })
        .where("id", "=", id)
        .execute();
    },
    async addOrganizer(programId, memberId) {
      await db
        .insertInto("program_organizers")
        .values({ program_id: programId, member_id: memberId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async organizers(programId) {
      const rows = await db
        .selectFrom("program_organizers")
        .select("member_id")
        .where("program_id", "=", programId)
        .orderBy("member_id")
        .execute();
      return rows.map((r) => r.member_id);
    },
    async organizedBy(tenantId, memberId, adminOf) {
      const query = db
        .selectFrom("programs")
        .selectAll("programs")
        .where("programs.tenant_id", "=", tenantId)
        .where(({ or, eb, exists, selectFrom }) =>
          or([
            exists(
              selectFrom("program_organizers as o")
                .select("o.member_id")
                .whereRef("o.program_id", "=", "programs.id")
                .where("o.member_id", "=", memberId),
            ),
            ...(adminOf ? [eb("programs.space_id", "=", adminOf)] : []),
          ]),
        );
      const rows = await query.orderBy("programs.created_at").execute();
      return rows.map(toProgram);
    },
    async setOrganizerRole(id, roleId) {
      await db.updateTable("programs").set({ organizer_role: roleId }).where("id", "=", id).execute();
    },
    async isOrganizer(programId, memberId) {
      const row = await db
        .selectFrom("program_organizers")
        .select("member_id")
        .where("program_id", "=", programId)
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export function roundsRepo(db: Kysely<Database>): Tx["rounds"] {
  return {
    async get(id, opts) {
      let q = db.selectFrom("rounds").selectAll().where("id", "=", id);
      // Not FOR UPDATE: rows that only refer to the round (an enrollment, a new pairing) need not wait.
      if (opts?.lock) q = q.forNoKeyUpdate();
      return toRound(await q.executeTakeFirstOrThrow());
    },
    async latest(programId, opts) {
      let q = db.selectFrom("rounds").selectAll().where("program_id", "=", programId).orderBy("number", "desc").limit(1);
      if (opts?.lock) q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row ? toRound(row) : null;
    },
    async byNumber(programId, number) {
      const row = await db
        .selectFrom("rounds")
        .selectAll()
        .where("program_id", "=", programId)
        .where("number", "=", number)
        .executeTakeFirst();
      return row ? toRound(row) : null;
    },
    async create(r) {
      const row = await db
        .insertInto("rounds")
        .values({
          program_id: r.programId,
          number: r.number,
          status: r.status,
          seed: r.seed,
          opened_at: r.openedAt,
          ends_at: r.endsAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRound(row);
    },
    async setStatus(id, status) {
      await db.updateTable("rounds").set({ status }).where("id", "=", id).execute();
    },
  };
}
