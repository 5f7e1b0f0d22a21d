/**
 * When the next piece of due work falls: the earliest pending job or outbox
 * row after a moment. The playground's clock steps from one such moment to
 * the next, so each message is sent at the time it would really go out.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema";

export async function nextDueAfter(db: Kysely<Database>, after: Date): Promise<Date | null> {
  const job = await db
    .selectFrom("jobs")
    .select((eb) => eb.fn.min("due_at").as("at"))
    .where("status", "=", "pending")
    .where("due_at", ">", after)
    .executeTakeFirst();
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.min("available_at").as("at"))
    .where("status", "=", "pending")
    .where("available_at", ">", after)
    .executeTakeFirst();
  const times = [job?.at, row?.at].filter((t) => t !== null && t !== undefined).map((t) => new Date(t as Date | string));
  if (times.length === 0) return null;
  return new Date(Math.min(...times.map((t) => t.getTime())));
}
