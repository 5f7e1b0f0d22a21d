/** The core's Store port over Kysely: one transaction, every repository bound to it. */
import type { Kysely } from "kysely";
import type { Store, Tx } from "../core/ports";
import { auditRepo } from "./repositories/audit";
import { calendarRepo } from "./repositories/calendar";
import { chartFiguresRepo } from "./repositories/chart-figures";
import { enrollmentsRepo, profilesRepo } from "./repositories/enrollments";
import { erasureRepo } from "./repositories/erasure";
import { evaluationsRepo } from "./repositories/evaluations";
import { jobsRepo } from "./repositories/jobs";
import { myDataRepo } from "./repositories/my-data";
import { outboxRepo } from "./repositories/outbox";
import { pairingsRepo } from "./repositories/pairings";
import { membersRepo, tenantsRepo } from "./repositories/people";
import { avoidancesRepo, endingsRepo, journalRepo } from "./repositories/private-notes";
import { memoized, memoizedRounds, programsRepo, roundsRepo } from "./repositories/programs";
import { reportsRepo } from "./repositories/reports";
import { retentionRepo } from "./repositories/retention";
import { rosterRepo } from "./repositories/round-roster";
import { checkInsRepo, sessionsRepo } from "./repositories/sessions";
import { setupAccessRepo } from "./repositories/setup-access";
import { departuresRepo } from "./repositories/space-departures";
import { tenancyRepo } from "./repositories/tenancy";
import type { Database } from "./schema";

/**
 * `inTransaction`: bound to one transaction, so what it read may be kept for the rest of it (programs).
 * `requestId`: the platform event the transaction serves, written on its outbox rows (for the logs).
 */
export function repositories(db: Kysely<Database>, opts: { inTransaction?: boolean; requestId?: string } = {}): Tx {
  // In a transaction, the programs members.arrive and enrollments.latestForMember read along are
  // kept with the programs read later.
  const programs = opts.inTransaction ? memoized(programsRepo(db)) : null;
  // Likewise the round the tenant guard checks (a Join button names it) is kept for the use case.
  const rounds = opts.inTransaction ? memoizedRounds(roundsRepo(db)) : null;
  return {
    tenancy: tenancyRepo(db, rounds ? { keepRound: rounds.keep } : {}),
    tenants: tenantsRepo(db),
    setupAccess: setupAccessRepo(db),
    members: membersRepo(db, programs ? { keepProgram: programs.keep } : {}),
    programs: programs?.programs ?? programsRepo(db),
    rounds: rounds?.rounds ?? roundsRepo(db),
    enrollments: enrollmentsRepo(db, programs ? { keepProgram: programs.keep } : {}),
    profiles: profilesRepo(db),
    pairings: pairingsRepo(db),
    sessions: sessionsRepo(db),
    checkIns: checkInsRepo(db),
    journal: journalRepo(db),
    endings: endingsRepo(db),
    avoidances: avoidancesRepo(db),
    evaluations: evaluationsRepo(db),
    reports: { ...reportsRepo(db), chart: chartFiguresRepo(db) },
    roster: rosterRepo(db),
    jobs: jobsRepo(db),
    outbox: outboxRepo(db, opts.requestId),
    audit: auditRepo(db),
    departures: departuresRepo(db),
    // Issue 16: forget-me and retention.
    erasure: erasureRepo(db),
    retention: programs ? forgettingPrograms(retentionRepo(db), programs.forget) : retentionRepo(db),
    myData: myDataRepo(db),
    // Issue 18: calendar invites.
    calendar: calendarRepo(db),
  };
}

/** The months are a column of the program's row: setting them drops the transaction's copy of the program. */
function forgettingPrograms(retention: Tx["retention"], forget: (programId: string) => void): Tx["retention"] {
  return {
    ...retention,
    async setMonths(programId, months) {
      forget(programId);
      await retention.setMonths(programId, months);
    },
  };
}

export function kyselyStore(db: Kysely<Database>): Store {
  return {
    transaction: (work, options) =>
      db
        .transaction()
        .execute((trx) =>
          work(repositories(trx, { inTransaction: true, ...(options?.requestId ? { requestId: options.requestId } : {}) })),
        ),
  };
}
