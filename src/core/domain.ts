/**
 * Domain types shared by the core, the store and the adapters.
 * Plain data only: no behaviour, no I/O.
 */

import type { ContactHours } from "./time/quiet-hours";

export const PLATFORMS = ["slack", "discord", "console"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A stored or sent language code Sebaya speaks. */
export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

export interface Tenant {
  id: string;
  platform: Platform;
  externalId: string;
}

export interface Member {
  id: string;
  tenantId: string;
  externalId: string;
  displayName: string;
  /** Chosen in the intake; null until the member has joined once. */
  language: Language | null;
  /** IANA zone chosen in the intake; null until the member has joined once. */
  timezone: string | null;
}

export interface Program {
  id: string;
  tenantId: string;
  channelId: string;
  /** The workspace or server it lives in, where a platform admin may organize it; null until known. */
  spaceId: string | null;
  name: string;
  language: Language;
  timezone: string;
  roundWeeks: number;
  createdBy: string;
  /** Stored as set by organizers; parsed (with defaults) by the matcher. */
  matchingWeights: Record<string, unknown> | null;
  /** The organizers' changes to the shared topic vocabulary (matching/topic-edits.ts), as stored. */
  topicEdits: Record<string, unknown> | null;
  /** A platform role whose members may organize the program (Discord), or null. */
  organizerRole: string | null;
  /** When the bot may reach members on its own (quiet hours outside). */
  contactHours: ContactHours;
  /** Months a closed round's private text is kept (issue 16; changed through `retention.setMonths`). */
  retentionMonths: number;
}

export type RoundStatus = "open" | "running" | "closed";

export interface Round {
  id: string;
  programId: string;
  number: number;
  status: RoundStatus;
  /** Stored so that a matching run can be replayed exactly. */
  seed: number;
  openedAt: Date;
  endsAt: Date;
}

export type EnrollmentStatus = "active" | "left";

export interface Enrollment {
  id: string;
  roundId: string;
  memberId: string;
  partnersWanted: number;
  status: EnrollmentStatus;
  wantsRematch: boolean;
  pausedUntil: Date | null;
}

export interface Profile {
  memberId: string;
  programId: string;
  expertise: string[];
  goals: string[];
  interests: string[];
  team: string;
}

export type PairingStatus = "active" | "ended";

export interface Cadence {
  everyDays: number;
  minutes: number;
  /** ISO weekday, 1 = Monday, for a routine every one or two weeks; null: every `everyDays` days, no fixed weekday. */
  weekday: number | null;
  /** "HH:MM" in `timezone`. */
  time: string;
  timezone: string;
}

export interface CadenceProposal extends Cadence {
  proposedBy: string;
  /** Identifies the proposal, so a click on an older one is refused. */
  proposedAt: Date;
}

export interface Pairing {
  id: string;
  roundId: string;
  status: PairingStatus;
  createdAt: Date;
  endedAt: Date | null;
  cadence: Cadence | null;
  proposal: CadenceProposal | null;
}

export interface PairingMember {
  pairingId: string;
  memberId: string;
  /** Null while the member is still in the pairing. */
  leftAt: Date | null;
}

export type SessionStatus = "scheduled" | "held" | "rescheduled" | "missed";

export interface Session {
  id: string;
  pairingId: string;
  number: number;
  startsAt: Date;
  minutes: number;
  status: SessionStatus;
  checkInPromptedAt: Date | null;
}

export const GOAL_PROGRESS = ["not_started", "progressing", "reached"] as const;
export type GoalProgress = (typeof GOAL_PROGRESS)[number];
export const EVALUATION_ADJUST = ["nothing", "cadence", "agenda", "end"] as const;
export type EvaluationAdjust = (typeof EVALUATION_ADJUST)[number];

/** A row of due work (see jobs/): run once, at or after `dueAt`. */
export interface ScheduledJob {
  kind: string;
  /** Unique: scheduling the same key twice is a no-op. */
  key: string;
  /** When several jobs of one group are due at once (catching up), only the latest runs. */
  groupKey?: string | null;
  dueAt: Date;
  payload: Record<string, unknown>;
  at: Date;
}

export const CHECK_IN_OUTCOMES = ["met", "rescheduled", "not_met"] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

export interface CheckIn {
  sessionId: string;
  memberId: string;
  outcome: CheckInOutcome;
  rating: number | null;
}

/** Who an outgoing message is for. Adapters decide how to reach them. */
export type Audience =
  | { kind: "member"; memberId: string }
  | { kind: "pairing"; pairingId: string }
  | { kind: "channel"; programId: string };
