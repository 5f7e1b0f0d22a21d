/**
 * Due work in bulk: `pairs` pairs in one program (contact hours all day, every
 * day, so nothing waits for quiet hours), each with two sessions an hour or
 * two ahead, and each session's 24-hour reminder due now. Every job sends one
 * message to the pair's conversation: 2 * pairs jobs and messages, two per
 * conversation (order checked within it).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../src/store/schema";

export interface Seeded {
  jobs: number;
  messages: number;
}

export async function seedDueReminders(db: Kysely<Database>, pairs: number, now = new Date()): Promise<Seeded> {
  const tenant = await db
    .insertInto("tenants")
    .values({ platform: "console", external_id: `T-${now.getTime()}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const members: string[] = [];
  for (let start = 0; start < 2 * pairs; start += 1000) {
    const rows = await db
      .insertInto("members")
      .values(
        Array.from({ length: Math.min(1000, 2 * pairs - start) }, (_, i) => ({
          tenant_id: tenant.id,
          external_id: `U${start + i}`,
          display_name: `Member ${start + i}`,
          language: "en",
          timezone: "Asia/Jakarta",
        })),
      )
      .returning("id")
      .execute();
    members.push(...rows.map((r) => r.id));
  }
  const program = await db
    .insertInto("programs")
    .values({
      tenant_id: tenant.id,
      channel_id: "C-reliability",
      name: "Reliability",
      language: "en",
      timezone: "Asia/Jakarta",
      round_weeks: 12,
      created_by: members[0] as string,
      contact_from: 0,
      contact_until: 24,
      working_days: [1, 2, 3, 4, 5, 6, 7],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const round = await db
    .insertInto("rounds")
    .values({
      program_id: program.id,
      number: 1,
      status: "running",
      seed: 1,
      opened_at: new Date(now.getTime() - 86_400_000),
      ends_at: new Date(now.getTime() + 60 * 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  let jobs = 0;
  for (let start = 0; start < pairs; start += 500) {
    const count = Math.min(500, pairs - start);
    const pairings = await db
      .insertInto("pairings")
      .values(Array.from({ length: count }, () => ({ round_id: round.id, created_at: now })))
      .returning("id")
      .execute();
    await db
      .insertInto("pairing_members")
      .values(
        pairings.flatMap((p, i) => [
          { pairing_id: p.id, member_id: members[2 * (start + i)] as string, slot: 1, joined_at: now },
          { pairing_id: p.id, member_id: members[2 * (start + i) + 1] as string, slot: 2, joined_at: now },
        ]),
      )
      .execute();
    const sessions = await db
      .insertInto("sessions")
      .values(
        pairings.flatMap((p) =>
          [1, 2].map((number) => ({
            pairing_id: p.id,
            number,
            starts_at: new Date(now.getTime() + number * 3_600_000),
            minutes: 60,
          })),
        ),
      )
      .returning(["id", "starts_at", "number"])
      .execute();
    await db
      .insertInto("jobs")
      .values(
        sessions.map((s) => ({
          kind: "session-reminder",
          key: `session-reminder:${s.id}:24h:${s.starts_at.toISOString()}`,
          // Session 1's reminder first, so each conversation has a defined order.
          due_at: new Date(now.getTime() - 60_000 * (3 - s.number)),
          payload: JSON.stringify({ sessionId: s.id, lead: "24h", startsAt: s.starts_at.toISOString() }),
          created_at: now,
        })),
      )
      .execute();
    jobs += sessions.length;
  }
  return { jobs, messages: jobs };
}
