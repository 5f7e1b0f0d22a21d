/** Scheduling side of the jobs table: use cases add due work in their own transaction. */
import type { Kysely } from "kysely";
import type { Tx } from "../../core/ports";
import { notifyDue } from "../due-work";
import type { Database } from "../schema";

export function jobsRepo(db: Kysely<Database>): Tx["jobs"] {
  return {
    async schedule(job) {
      const insert = db
        .insertInto("jobs")
        .values({
          kind: job.kind,
          key: job.key,
          group_key: job.groupKey ?? null,
          due_at: job.dueAt,
          payload: JSON.stringify(job.payload),
          created_at: job.at,
        })
        .onConflict((oc) => oc.column("key").doNothing());
      if (job.dueAt > job.at) {
        await insert.execute();
        return;
      }
      // Due already (a session tomorrow morning: its 24-hour reminder): wake the job runners on commit.
      await db
        .with("inserted", () => insert.returning("id"))
        .selectFrom("inserted")
        .select(notifyDue("jobs").as("notified"))
        .execute();
    },
  };
}
