/**
 * Everything Sebaya holds about one member within their tenant, as the store
 * reads it for `/mentoring mydata` (issue 16 item 1). Only the member's own
 * rows and what they already saw: partners appear by display name, never by
 * anything the partner wrote or answered.
 */
import type {
  CheckInOutcome,
  EnrollmentStatus,
  EvaluationAdjust,
  Language,
  PairingStatus,
  Platform,
  RoundStatus,
  SessionStatus,
} from "../domain";

export interface MyData {
  member: {
    displayName: string;
    platform: Platform;
    /** The member's own id on their platform (they know it already). */
    platformUserId: string;
    language: Language | null;
    timezone: string | null;
    firstSeenAt: Date;
    /** When DMs to the member last failed as closed; null when they work. */
    dmClosedAt: Date | null;
    /** Since when the member has calendar invites turned off (`/mentoring calendar off`); null when on. */
    calendarInvitesOffSince: Date | null;
  };
  /** Programs the member joined, organizes or keeps a profile in, with their profile there. */
  programs: Array<{
    programId: string;
    name: string;
    /** The program's hours in which the bot may reach members, in the program's zone. */
    contactHours: { from: number; until: number; workingDays: number[]; timezone: string };
    organizer: boolean;
    profile: { expertise: string[]; goals: string[]; interests: string[]; team: string; updatedAt: Date } | null;
  }>;
  enrollments: Array<{
    programId: string;
    program: string;
    round: number;
    roundStatus: RoundStatus;
    status: EnrollmentStatus;
    partnersWanted: number;
    wantsRematch: boolean;
    pausedUntil: Date | null;
    joinedAt: Date;
  }>;
  pairings: Array<{
    program: string;
    round: number;
    status: PairingStatus;
    startedAt: Date;
    endedAt: Date | null;
    joinedAt: Date;
    leftAt: Date | null;
    /** The others who were ever in the pairing: their display names only. */
    partners: string[];
    sessions: Array<{
      number: number;
      startsAt: Date;
      minutes: number;
      status: SessionStatus;
      /** The member's own check-in, with its rating and private note. */
      checkIn: { outcome: CheckInOutcome; rating: number | null; note: string | null; at: Date } | null;
    }>;
    /** The member's own evaluations; `goalProgress` by goal, as the goal read when answered. */
    evaluations: Array<{
      number: number;
      working: number;
      goalProgress: Record<string, string>;
      /** Null once the round's retention period has passed (the answer is deleted). */
      adjust: EvaluationAdjust | null;
      at: Date;
    }>;
    /** The member's own ending of the pairing, with its private reason. */
    ending: { reason: string | null; notAFit: boolean; at: Date } | null;
  }>;
  journal: Array<{ text: string; at: Date }>;
  /** "Do not pair me with": whom the member asked never to be paired with, by display name. */
  avoiding: Array<{ name: string; since: Date }>;
  /** Form answers kept for a short while between a form's steps or its read-back (answers as sent). */
  drafts: Array<{ answers: Record<string, unknown>; expiresAt: Date }>;
}
