/**
 * Durable scheduling and delivery.
 *
 * - jobs: due work as rows. A tick claims due rows under a lease (SKIP LOCKED),
 *   runs the handler and marks the row finished in the handler's transaction.
 *   `group_key` lets a later job supersede earlier ones of the same group when
 *   a stopped process catches up (a pair gets the latest prompt, not a stack).
 * - outbox: a status, a lease, the conversation a row belongs to (order is kept
 *   within it), the program it was sent for (the fallback channel), whom a
 *   fallback channel message tries to reach, and permanent failures.
 * - members.dm_blocked_at: a member whose DMs are closed is reached in the
 *   program channel instead until they talk to the bot again.
 * - programs: contact hours and working days (quiet hours per member's zone).
 * - evaluations: the biweekly evaluation, private to its author.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `create table jobs (
    id bigint generated always as identity primary key,
    kind text not null check (length(kind) between 1 and 60),
    key text not null unique,
    group_key text,
    due_at timestamptz not null,
    payload jsonb not null default '{}'::jsonb,
    status text not null default 'pending' check (status in ('pending', 'done', 'skipped')),
    outcome text,
    attempts integer not null default 0,
    lease_until timestamptz,
    leased_by text,
    last_error text,
    created_at timestamptz not null,
    finished_at timestamptz,
    check ((status = 'pending') = (finished_at is null))
  )`,
  `create index jobs_due on jobs (due_at, id) where status = 'pending'`,
  `create index jobs_group on jobs (group_key, due_at) where status = 'pending' and group_key is not null`,

  `alter table outbox add column status text not null default 'pending' check (status in ('pending', 'sent', 'failed'))`,
  `update outbox set status = 'sent' where sent_at is not null`,
  `alter table outbox add column conversation text generated always as
    (audience_kind || ':' || coalesce(member_id::text, pairing_id::text, program_id::text)) stored`,
  `alter table outbox add column context_program_id uuid references programs(id) on delete cascade`,
  // A channel message that stands in for a DM that could not be delivered: whom it tries to reach.
  `alter table outbox add column reach_member_id uuid references members(id) on delete cascade`,
  `alter table outbox add column lease_until timestamptz`,
  `alter table outbox add column leased_by text`,
  `alter table outbox add column failed_at timestamptz`,
  `alter table outbox add constraint outbox_status_times check (
    (status = 'sent') = (sent_at is not null) and (status = 'failed') = (failed_at is not null)
  )`,
  `drop index outbox_pending`,
  `create index outbox_pending on outbox (available_at, id) where status = 'pending'`,
  `create index outbox_conversation on outbox (conversation, id) where status = 'pending'`,

  `alter table members add column dm_blocked_at timestamptz`,

  `alter table programs add column contact_from integer not null default 8 check (contact_from between 0 and 23)`,
  `alter table programs add column contact_until integer not null default 20 check (contact_until between 1 and 24)`,
  `alter table programs add column working_days integer[] not null default '{1,2,3,4,5}'`,
  `alter table programs add constraint programs_contact_hours check (contact_from < contact_until)`,

  `create table evaluations (
    pairing_id uuid not null references pairings(id) on delete cascade,
    member_id uuid not null references members(id) on delete cascade,
    number integer not null check (number > 0),
    working integer not null check (working between 1 and 5),
    goal_progress jsonb not null default '{}'::jsonb,
    adjust text not null check (adjust in ('nothing', 'cadence', 'agenda', 'end')),
    created_at timestamptz not null,
    primary key (pairing_id, member_id, number)
  )`,

  // The check-in prompt is a job now; nothing polls sessions for it any more.
  `drop index if exists sessions_due_prompt`,
  // Sessions the old polling would still have prompted get their check-in job.
  `insert into jobs (kind, key, group_key, due_at, payload, created_at)
    select 'check-in-prompt', 'check-in-prompt:' || s.id, 'check-in:' || s.pairing_id,
           s.starts_at + make_interval(mins => s.minutes + 15),
           jsonb_build_object('sessionId', s.id), now()
    from sessions s join pairings p on p.id = s.pairing_id
    where s.check_in_prompted_at is null and p.status = 'active'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    "drop table if exists evaluations",
    "alter table programs drop constraint if exists programs_contact_hours",
    "alter table programs drop column if exists working_days",
    "alter table programs drop column if exists contact_until",
    "alter table programs drop column if exists contact_from",
    "alter table members drop column if exists dm_blocked_at",
    "drop index if exists outbox_conversation",
    "drop index if exists outbox_pending",
    "alter table outbox drop constraint if exists outbox_status_times",
    "alter table outbox drop column if exists failed_at",
    "alter table outbox drop column if exists leased_by",
    "alter table outbox drop column if exists lease_until",
    "alter table outbox drop column if exists reach_member_id",
    "alter table outbox drop column if exists context_program_id",
    "alter table outbox drop column if exists conversation",
    "alter table outbox drop column if exists status",
    "create index outbox_pending on outbox (available_at, id) where sent_at is null",
    "drop table if exists jobs",
    "create index if not exists sessions_due_prompt on sessions (starts_at) where check_in_prompted_at is null",
  ])
    await sql.raw(statement).execute(db);
}
