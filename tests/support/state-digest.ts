/** A fingerprint of what commands change, to assert that something changed nothing. */
import { sql } from "kysely";
import type { Db } from "../../src/store/connect";

/**
 * Everything that changes when a command acts: if any of these moves, a press did more than open
 * a form. Platform bookkeeping (handled events, form drafts, pair threads) is left out.
 */
export async function stateDigest(db: Db): Promise<string> {
  const { rows } = await sql<{ digest: string }>`
    select json_build_object(
      'enrollments', (select count(*) from enrollments),
      'enrollmentStates', (select coalesce(string_agg(status || coalesce(paused_until::text, '') || wants_rematch::text, ',' order by id), '') from enrollments),
      'pairings', (select coalesce(string_agg(status || coalesce(ended_at::text, ''), ',' order by id), '') from pairings),
      'pairingMembers', (select count(*) from pairing_members where left_at is null),
      'endings', (select count(*) from pairing_endings),
      'sessions', (select coalesce(string_agg(status || starts_at::text, ',' order by id), '') from sessions),
      'checkIns', (select count(*) from check_ins),
      'evaluations', (select count(*) from evaluations),
      'journal', (select count(*) from journal_entries),
      'profiles', (select count(*) from profiles),
      'proposals', (select coalesce(string_agg(coalesce(proposal_at::text, '-') || coalesce(cadence_time, '-'), ',' order by id), '') from pairings),
      'outbox', (select count(*) from outbox),
      'jobs', (select count(*) from jobs)
    )::text as digest`.execute(db.kysely);
  return rows[0]?.digest ?? "";
}
