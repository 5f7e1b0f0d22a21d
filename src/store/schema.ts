/** Kysely's view of the tables in migrations/. Keep in step with the migrations. */
import type { InstallURLOptions } from "@slack/oauth";
import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { Message } from "../core/messages/message";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** SecretBox bytes (src/store/sealing): pg reads bytea as a Buffer, PGlite as a Uint8Array. */
type Sealed = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export interface TenantsTable {
  id: Generated<string>;
  platform: string;
  external_id: string;
  created_at: CreatedAt;
}

export interface MembersTable {
  id: Generated<string>;
  tenant_id: string;
  external_id: string;
  display_name: string;
  language: string | null;
  timezone: string | null;
  created_at: CreatedAt;
  dm_blocked_at: Timestamp | null;
}

export interface ProgramsTable {
  id: Generated<string>;
  tenant_id: string;
  channel_id: string;
  name: string;
  language: string;
  timezone: string;
  round_weeks: number;
  created_by: string;
  created_at: CreatedAt;
  matching_weights: JSONColumnType<Record<string, unknown>> | null;
  topic_edits: JSONColumnType<Record<string, unknown>> | null;
  contact_from: Generated<number>;
  contact_until: Generated<number>;
  working_days: Generated<number[]>;
  organizer_role: string | null;
  /** The workspace or server the program lives in (migration 0007); null until known. */
  space_id: string | null;
  /** Months a closed round's private text is kept (migration 0014). */
  retention_months: Generated<number>;
}

/** Who besides a space's admins may set up programs there (migration 0007). */
export interface SetupAccessTable {
  tenant_id: string;
  space_id: string;
  grantee: string;
  created_at: CreatedAt;
}

export interface ProgramOrganizersTable {
  program_id: string;
  member_id: string;
}

export interface RoundsTable {
  id: Generated<string>;
  program_id: string;
  number: number;
  status: string;
  seed: number;
  opened_at: Timestamp;
  ends_at: Timestamp;
  /** When the round closed (migration 0014): its private text is kept `retention_months` from then. */
  closed_at: Timestamp | null;
}

export interface ProfilesTable {
  member_id: string;
  program_id: string;
  expertise: string[];
  goals: string[];
  interests: string[];
  team: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface EnrollmentsTable {
  id: Generated<string>;
  round_id: string;
  member_id: string;
  partners_wanted: number;
  status: Generated<string>;
  wants_rematch: Generated<boolean>;
  paused_until: Timestamp | null;
  created_at: Timestamp;
}

export interface PairingsTable {
  id: Generated<string>;
  round_id: string;
  status: Generated<string>;
  created_at: Timestamp;
  ended_at: Timestamp | null;
  cadence_every_days: number | null;
  cadence_minutes: number | null;
  cadence_weekday: number | null;
  cadence_time: string | null;
  cadence_timezone: string | null;
  proposal_every_days: number | null;
  proposal_minutes: number | null;
  proposal_weekday: number | null;
  proposal_time: string | null;
  proposal_timezone: string | null;
  proposal_by: string | null;
  proposal_at: Timestamp | null;
}

export interface PairingMembersTable {
  pairing_id: string;
  member_id: string;
  slot: number | null;
  joined_at: Timestamp;
  left_at: Timestamp | null;
}

export interface SessionsTable {
  id: Generated<string>;
  pairing_id: string;
  number: number;
  starts_at: Timestamp;
  minutes: number;
  status: Generated<string>;
  check_in_prompted_at: Timestamp | null;
}

export interface CheckInsTable {
  session_id: string;
  member_id: string;
  outcome: string;
  rating: number | null;
  /** Sealed under the tenant's data key (migration 0013); `note_plain` only until the start after migrating seals it. */
  note: Sealed | null;
  note_plain: string | null;
  created_at: Timestamp;
  /** The rating's place in its round's order of arrival (rated check-ins only; see answer_counters). */
  ordinal: number | null;
}

export interface JournalEntriesTable {
  id: Generated<string>;
  member_id: string;
  pairing_id: string | null;
  /** Sealed (see CheckInsTable.note). */
  body: Sealed | null;
  body_plain: string | null;
  created_at: Timestamp;
}

export interface PairingEndingsTable {
  pairing_id: string;
  member_id: string;
  /** Sealed (see CheckInsTable.note). */
  reason: Sealed | null;
  reason_plain: string | null;
  created_at: Timestamp;
  not_a_fit: Generated<boolean>;
}

export interface DoNotPairTable {
  member_id: string;
  avoided_member_id: string;
  created_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<number>;
  tenant_id: string;
  idempotency_key: string;
  audience_kind: "member" | "pairing" | "channel";
  member_id: string | null;
  pairing_id: string | null;
  program_id: string | null;
  message: JSONColumnType<Message>;
  created_at: Timestamp;
  available_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  platform_message_id: string | null;
  status: Generated<"pending" | "sent" | "failed">;
  /** Generated column: audience kind and id; order is kept within it. */
  conversation: ColumnType<string, never, never>;
  context_program_id: string | null;
  reach_member_id: string | null;
  lease_until: Timestamp | null;
  leased_by: string | null;
  failed_at: Timestamp | null;
  /** The platform event whose command wrote the row (migration 0012); null for jobs' rows. */
  request_id: string | null;
  /**
   * Written to wait until available_at (quiet hours, a set time; migration 0018): while it waits it
   * holds no later row of its conversation back. False for a row put back for a retry or a rate limit.
   */
  held: Generated<boolean>;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  key: string;
  group_key: string | null;
  due_at: Timestamp;
  payload: JSONColumnType<Record<string, unknown>>;
  status: Generated<"pending" | "done" | "skipped">;
  outcome: string | null;
  attempts: Generated<number>;
  lease_until: Timestamp | null;
  leased_by: string | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface EvaluationsTable {
  pairing_id: string;
  member_id: string;
  number: number;
  working: number;
  /** Sealed JSON, goal → progress (see CheckInsTable.note). */
  goal_progress: Sealed | null;
  goal_progress_plain: JSONColumnType<Record<string, string>> | null;
  /** Sealed (see CheckInsTable.note). */
  adjust: Sealed | null;
  adjust_plain: string | null;
  created_at: Timestamp;
  /** The evaluation's place in its round's order of arrival (see answer_counters). */
  ordinal: number | null;
}

/** Per round, how many ratings and evaluations arrived: the next answer's ordinal, taken under this row's lock. */
export interface AnswerCountersTable {
  round_id: string;
  kind: "rating" | "evaluation";
  answered: number;
}

export interface SlackInstallationsTable {
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: Generated<boolean>;
  sealed: Buffer;
  installed_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlatformEventsTable {
  key: string;
  seen_at: Timestamp;
}

export interface PairingConversationsTable {
  pairing_id: string;
  conversation_id: string;
  created_at: Timestamp;
}

export interface FormDraftsTable {
  id: string;
  tenant_id: string;
  user_external_id: string;
  /** The draft document as sealed JSON (migration 0013). */
  answers: Sealed;
  expires_at: Timestamp;
}

export interface SlackOAuthStatesTable {
  state_hash: string;
  install_options: JSONColumnType<InstallURLOptions>;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** The console playground's simulated time and what each person saw (see migration 0010). */
export interface PlaygroundStateTable {
  tenant_external_id: string;
  simulated_at: Timestamp;
  /** Sealed JSON under the console tenant's key (migration 0013): replies it holds may quote a journal. */
  state: Sealed | null;
  state_plain: JSONColumnType<Record<string, unknown>> | null;
  updated_at: Timestamp;
}

/** Each tenant's data key, wrapped by the master key (migration 0013). */
export interface TenantKeysTable {
  tenant_id: string;
  wrapped_key: Sealed;
  key_version: Generated<number>;
  created_at: CreatedAt;
  rotated_at: Timestamp | null;
}

/** One value sealed by the master key: a wrong master key is found at start (migration 0013). */
export interface MasterKeyCheckTable {
  id: Generated<boolean>;
  sealed: Sealed;
  created_at: CreatedAt;
  rotated_at: Timestamp | null;
}

/** What organizers did (migration 0015): settings and counts in `details`, never member-written text. */
export interface AuditEventsTable {
  id: Generated<string>;
  tenant_id: string;
  program_id: string | null;
  space_id: string | null;
  actor_member_id: string | null;
  action: string;
  details: JSONColumnType<Record<string, unknown>>;
  at: Timestamp;
}

/** A workspace that uninstalled the app or a server that removed the bot (migration 0015). */
export interface SpaceDeparturesTable {
  tenant_id: string;
  space_id: string;
  left_at: Timestamp;
  delete_at: Timestamp;
}

export interface Database {
  tenants: TenantsTable;
  members: MembersTable;
  programs: ProgramsTable;
  setup_access: SetupAccessTable;
  program_organizers: ProgramOrganizersTable;
  rounds: RoundsTable;
  profiles: ProfilesTable;
  enrollments: EnrollmentsTable;
  pairings: PairingsTable;
  pairing_members: PairingMembersTable;
  sessions: SessionsTable;
  check_ins: CheckInsTable;
  journal_entries: JournalEntriesTable;
  pairing_endings: PairingEndingsTable;
  outbox: OutboxTable;
  do_not_pair: DoNotPairTable;
  jobs: JobsTable;
  evaluations: EvaluationsTable;
  answer_counters: AnswerCountersTable;
  slack_installations: SlackInstallationsTable;
  platform_events: PlatformEventsTable;
  pairing_conversations: PairingConversationsTable;
  form_drafts: FormDraftsTable;
  slack_oauth_states: SlackOAuthStatesTable;
  playground_state: PlaygroundStateTable;
  tenant_keys: TenantKeysTable;
  master_key_check: MasterKeyCheckTable;
  audit_events: AuditEventsTable;
  space_departures: SpaceDeparturesTable;
  calendar_series: CalendarSeriesTable;
  calendar_opt_outs: CalendarOptOutsTable;
}

/** Issue 18: a pairing's calendar series (migration 0017). */
export interface CalendarSeriesTable {
  pairing_id: string;
  starts_at: Timestamp;
  moved: JSONColumnType<Array<{ occurrence: string; start: string; minutes: number }>>;
  sequence: Generated<number>;
  updated_at: Generated<Date>;
}

export interface CalendarOptOutsTable {
  member_id: string;
  created_at: CreatedAt;
}
