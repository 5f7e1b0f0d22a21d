/**
 * The walking skeleton's schema. Rules the database can hold live here:
 * foreign keys, unique keys and checks (session length 45 to 60 minutes,
 * cadence 7 to 14 days, rating 1 to 5, at most three members a pairing).
 * SQL kept to what PostgreSQL 15, 16 and PGlite all accept.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `create table tenants (
    id uuid primary key default gen_random_uuid(),
    platform text not null check (platform in ('slack', 'discord', 'console')),
    external_id text not null,
    created_at timestamptz not null default now(),
    unique (platform, external_id)
  )`,
  `create table members (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    external_id text not null,
    display_name text not null,
    language text check (language in ('id', 'en')),
    timezone text,
    created_at timestamptz not null default now(),
    unique (tenant_id, external_id)
  )`,
  `create table programs (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    channel_id text not null,
    name text not null check (length(name) between 1 and 200),
    language text not null check (language in ('id', 'en')),
    timezone text not null,
    round_weeks integer not null check (round_weeks between 4 and 52),
    created_by uuid not null references members(id),
    created_at timestamptz not null default now(),
    unique (tenant_id, channel_id)
  )`,
  `create table program_organizers (
    program_id uuid not null references programs(id) on delete cascade,
    member_id uuid not null references members(id) on delete cascade,
    primary key (program_id, member_id)
  )`,
  `create table rounds (
    id uuid primary key default gen_random_uuid(),
    program_id uuid not null references programs(id) on delete cascade,
    number integer not null check (number > 0),
    status text not null check (status in ('open', 'running', 'closed')),
    seed integer not null,
    opened_at timestamptz not null,
    ends_at timestamptz not null,
    unique (program_id, number),
    check (ends_at > opened_at)
  )`,
  // At most one round of a program is not closed.
  `create unique index rounds_one_current on rounds (program_id) where status <> 'closed'`,
  `create table profiles (
    member_id uuid not null references members(id) on delete cascade,
    program_id uuid not null references programs(id) on delete cascade,
    expertise text[] not null check (cardinality(expertise) between 1 and 10),
    goals text[] not null check (cardinality(goals) between 1 and 10),
    interests text[] not null check (cardinality(interests) <= 10),
    team text not null,
    updated_at timestamptz not null default now(),
    primary key (member_id, program_id)
  )`,
  `create table enrollments (
    id uuid primary key default gen_random_uuid(),
    round_id uuid not null references rounds(id) on delete cascade,
    member_id uuid not null references members(id) on delete cascade,
    partners_wanted integer not null check (partners_wanted between 1 and 3),
    status text not null default 'active' check (status in ('active', 'left')),
    wants_rematch boolean not null default false,
    paused_until timestamptz,
    created_at timestamptz not null,
    unique (round_id, member_id)
  )`,
  `create table pairings (
    id uuid primary key default gen_random_uuid(),
    round_id uuid not null references rounds(id) on delete cascade,
    status text not null default 'active' check (status in ('active', 'ended')),
    created_at timestamptz not null,
    ended_at timestamptz,
    cadence_every_days integer check (cadence_every_days between 7 and 14),
    cadence_minutes integer check (cadence_minutes between 45 and 60),
    cadence_weekday integer check (cadence_weekday between 1 and 7),
    cadence_time text check (cadence_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    cadence_timezone text,
    proposal_every_days integer check (proposal_every_days between 7 and 14),
    proposal_minutes integer check (proposal_minutes between 45 and 60),
    proposal_weekday integer check (proposal_weekday between 1 and 7),
    proposal_time text check (proposal_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    proposal_timezone text,
    proposal_by uuid references members(id),
    proposal_at timestamptz,
    check ((status = 'ended') = (ended_at is not null)),
    check ((cadence_every_days is null) = (cadence_timezone is null)),
    check ((proposal_by is null) = (proposal_at is null))
  )`,
  `create table pairing_members (
    pairing_id uuid not null references pairings(id) on delete cascade,
    member_id uuid not null references members(id) on delete cascade,
    -- A current member holds one of three slots: at most three at a time.
    slot smallint check (slot between 1 and 3),
    joined_at timestamptz not null,
    left_at timestamptz,
    primary key (pairing_id, member_id),
    unique (pairing_id, slot),
    check ((left_at is null) = (slot is not null))
  )`,
  `create index pairing_members_member on pairing_members (member_id)`,
  `create table sessions (
    id uuid primary key default gen_random_uuid(),
    pairing_id uuid not null references pairings(id) on delete cascade,
    number integer not null check (number > 0),
    starts_at timestamptz not null,
    minutes integer not null check (minutes between 45 and 60),
    status text not null default 'scheduled' check (status in ('scheduled', 'held', 'rescheduled', 'missed')),
    check_in_prompted_at timestamptz,
    unique (pairing_id, number)
  )`,
  `create index sessions_due_prompt on sessions (starts_at) where check_in_prompted_at is null`,
  `create table check_ins (
    session_id uuid not null references sessions(id) on delete cascade,
    member_id uuid not null references members(id) on delete cascade,
    outcome text not null check (outcome in ('met', 'rescheduled', 'not_met')),
    rating integer check (rating between 1 and 5),
    note text check (length(note) <= 2000),
    created_at timestamptz not null,
    primary key (session_id, member_id),
    check (outcome <> 'met' or rating is not null)
  )`,
  `create table journal_entries (
    id uuid primary key default gen_random_uuid(),
    member_id uuid not null references members(id) on delete cascade,
    pairing_id uuid references pairings(id) on delete set null,
    body text not null check (length(body) between 1 and 4000),
    created_at timestamptz not null
  )`,
  `create index journal_entries_member on journal_entries (member_id)`,
  `create table pairing_endings (
    pairing_id uuid not null references pairings(id) on delete cascade,
    member_id uuid not null references members(id) on delete cascade,
    reason text check (length(reason) <= 2000),
    created_at timestamptz not null,
    primary key (pairing_id, member_id)
  )`,
  `create table outbox (
    id bigint generated always as identity primary key,
    tenant_id uuid not null references tenants(id) on delete cascade,
    idempotency_key text not null unique,
    audience_kind text not null check (audience_kind in ('member', 'pairing', 'channel')),
    member_id uuid references members(id) on delete cascade,
    pairing_id uuid references pairings(id) on delete cascade,
    program_id uuid references programs(id) on delete cascade,
    message jsonb not null,
    created_at timestamptz not null,
    available_at timestamptz not null,
    sent_at timestamptz,
    attempts integer not null default 0,
    last_error text,
    platform_message_id text,
    check (
      (audience_kind = 'member' and member_id is not null and pairing_id is null and program_id is null) or
      (audience_kind = 'pairing' and pairing_id is not null and member_id is null and program_id is null) or
      (audience_kind = 'channel' and program_id is not null and member_id is null and pairing_id is null)
    )
  )`,
  `create index outbox_pending on outbox (available_at, id) where sent_at is null`,
];

const tables = [
  "outbox",
  "pairing_endings",
  "journal_entries",
  "check_ins",
  "sessions",
  "pairing_members",
  "pairings",
  "enrollments",
  "profiles",
  "rounds",
  "program_organizers",
  "programs",
  "members",
  "tenants",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) await sql.raw(`drop table if exists ${table}`).execute(db);
}
