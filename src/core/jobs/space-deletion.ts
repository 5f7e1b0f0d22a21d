/**
 * 30 days after a workspace uninstalled the app or a server removed the bot,
 * what it held is deleted (the store's cascade), unless it came back: then
 * the mark is gone, or belongs to a later departure with its own job.
 */
import { spaceDeletionJob } from "../schedule/job-kinds";
import { done, type JobKind, skipped } from "./job-kind";

export const spaceDeletion: JobKind<"space-deletion"> = {
  ...spaceDeletionJob,
  async run(tx, p) {
    const departure = await tx.departures.find(p.tenantId, p.spaceId, { lock: true });
    if (!departure) return skipped("came back");
    if (departure.deleteAt.toISOString() !== p.deleteAt) return skipped("left again later");
    const deleted = await tx.departures.deleteSpace(p.tenantId, p.spaceId);
    // Counts only: which space is in the job's row already.
    return done(`deleted ${deleted.programs} programs, ${deleted.members} members${deleted.tenant ? ", the tenant" : ""}`);
  },
};
