/**
 * 30 days after a workspace uninstalled the app or a server removed the bot,
 * what it held is deleted (the store's cascade), unless it came back: then
 * the mark is gone, or belongs to a later departure with its own job.
 */
import { spaceDeletionJob } from "../schedule/job-kinds";
import { MINUTE_MS } from "../time/durations";
import { deferred, done, type JobKind, skipped } from "./job-kind";

export const spaceDeletion: JobKind<"space-deletion"> = {
  ...spaceDeletionJob,
  async run(tx, p, now) {
    const departure = await tx.departures.find(p.tenantId, p.spaceId, { lock: true });
    if (!departure) return skipped("came back");
    if (departure.deleteAt.toISOString() !== p.deleteAt) return skipped("left again later");
    // A job of the space running beside this one could schedule another after the sweep: the
    // deletion waits until none is due, so it is the last of the space's jobs to run.
    if ((await tx.departures.jobsDue(p.tenantId, p.spaceId, now)) > 0) return deferred(new Date(now.getTime() + MINUTE_MS));
    const deleted = await tx.departures.deleteSpace(p.tenantId, p.spaceId);
    // Counts only: which space is in the job's row already.
    return done(`deleted ${deleted.programs} programs, ${deleted.members} members${deleted.tenant ? ", the tenant" : ""}`);
  },
};
