/**
 * A closed round's retention period is over: its private text (journal notes tied to its
 * pairings, check-in notes, end reasons, evaluations' goal answers) is deleted. Counts stay.
 * Idempotent: a second run (a retry, the job planned for another setting) finds nothing left.
 */
import { retentionEnds } from "../pairing/retention";
import { roundRetentionJob } from "../schedule/job-kinds";
import { deferred, done, type JobKind, skipped } from "./job-kind";

export const roundRetention: JobKind<"round-retention"> = {
  ...roundRetentionJob,
  async run(tx, p, now) {
    const round = await tx.rounds.get(p.roundId);
    const closedAt = await tx.retention.closedAt(round.id);
    if (round.status !== "closed" || !closedAt) return skipped("round not closed");
    // The setting read now: an organizer who lengthened the period since is honoured.
    const due = retentionEnds(closedAt, await tx.retention.months(round.programId));
    if (now < due) return deferred(due);
    const changed = await tx.retention.erasePrivateText(round.id);
    return done(`${changed} rows`);
  },
};
