/**
 * What the core needs from storage, in the core's own terms. src/store
 * implements it with Kysely; every call inside one `transaction` commits or
 * rolls back together, outbox rows included.
 */

import type { AuditEvent, AuditRecord } from "./audit/audit-event";
import type { MovedOccurrence } from "./calendar/calendar-invite";
import type {
  Audience,
  Cadence,
  CadenceProposal,
  CheckInOutcome,
  Enrollment,
  EvaluationAdjust,
  GoalProgress,
  Language,
  Member,
  Pairing,
  PairingMember,
  Platform,
  Profile,
  Program,
  Round,
  RoundStatus,
  ScheduledJob,
  Session,
  SessionStatus,
  Tenant,
} from "./domain";
import type { Message } from "./messages/message";
import type { MyData } from "./privacy/my-data";
import type { ContactHours } from "./time/quiet-hours";

/**
 * A round in figures, for organizers (see reports.ts in the store). Figures
 * from members' private answers (check-ins, ratings, evaluations) count only
 * the first answers in whole blocks, in the order the answers arrived:
 * `counted` is a multiple of the block, and answers past the last whole
 * block change nothing, so no figure moves by one answer.
 */
export interface RoundFigures {
  members: { active: number; left: number; paused: number };
  /** `active + endedEarly + endedWithRound = total`; `trios` are active groups of three. */
  pairings: { total: number; active: number; trios: number; endedEarly: number; endedWithRound: number };
  /** Every session is held, missed, rescheduled, awaiting its check-ins (its time has come) or upcoming. */
  sessions: { held: number; missed: number; rescheduled: number; awaiting: number; upcoming: number; prompted: number };
  checkIns: { counted: number };
  rating: { counted: number; average: number | null };
  /** `working` and `goalsReached` over the counted evaluations. */
  evaluations: { counted: number; working: number | null; goalsReached: number };
}

/**
 * A program's rounds in figures for the organizer's chart (see chart-figures.ts in the store).
 * People counts are plain; figures from private answers use the same whole blocks as
 * `RoundFigures` (`counted` 0 means fewer than one block: the figure is hidden, never drawn).
 */
export interface RoundChartFigures {
  roundId: string;
  number: number;
  status: RoundStatus;
  /** People: enrolled (active or left), in a pairing, in a pairing that held a session, still in a group that did not end early. */
  participation: { joined: number; matched: number; met: number; stillMeeting: number };
  /** Check-ins answered (whole blocks) out of those asked (a prompted session's present members). */
  checkIns: { counted: number; asked: number };
  /** The counted ratings by value, 1 to 5 (index 0 is a rating of 1); all zero when `counted` is 0. */
  ratings: { counted: number; byValue: [number, number, number, number, number] };
  /** Goals marked reached over the counted evaluations. */
  goals: { evaluations: number; reached: number };
}

export interface ProgramChartFigures {
  /** Oldest first, at most the last few rounds. */
  rounds: RoundChartFigures[];
  /** Sessions of those rounds by the week they were due (Monday, in the program's zone, YYYY-MM-DD). */
  weeks: Array<{ week: string; held: number; missed: number }>;
  /** Pairs of people who were grouped together in those rounds, by their two teams (`a` <= `b`). */
  mixing: Array<{ a: string; b: string; pairs: number }>;
}

/**
 * One member of a round as the organizers' CSV shows them: facts their pairing shares, never what
 * they answered privately.
 */
export interface RosterEntry {
  memberId: string;
  displayName: string;
  /** Everyone who was in a pairing with them in the round, by name. */
  partners: string[];
  held: number;
  missed: number;
  /** When they last answered a check-in in the round (its date only is shown). */
  lastCheckInAt: Date | null;
}

/** The kinds of things a command can name by id. */
export type OwnedKind = "program" | "round" | "pairing" | "session";

export interface Store {
  /** `requestId`: the platform event the work is for, written with every outbox row it makes (for the logs). */
  transaction<T>(work: (tx: Tx) => Promise<T>, options?: { requestId?: string | undefined }): Promise<T>;
}

/** Who acts, and what the command's prologue needs to know about where (members.arrive). */
export interface Arrival {
  tenant: Tenant;
  member: Member;
  /** The program of the command's channel; null outside a program's channel (or without one). */
  channelProgram: Program | null;
  /** The space the command came from is marked as left (the app was uninstalled or removed there). */
  spaceDeparted: boolean;
}

export interface Tx {
  tenancy: {
    /** The tenant the thing belongs to; null when there is no such thing. */
    ownerOf(kind: OwnedKind, id: string): Promise<string | null>;
  };
  tenants: {
    ensure(platform: Platform, externalId: string): Promise<Tenant>;
    get(id: string): Promise<Tenant>;
  };
  setupAccess: {
    /** Who besides the space's admins may set up programs: 'everyone', 'role:<id>', 'user:<id>'. */
    list(tenantId: string, spaceId: string): Promise<string[]>;
    /** Replaces the list; empty means admins only. */
    replace(tenantId: string, spaceId: string, grantees: readonly string[]): Promise<void>;
  };
  members: {
    ensure(tenantId: string, externalId: string, displayName: string): Promise<Member>;
    /**
     * The acting person's tenant and member rows, made when new, their name kept current and their
     * DMs to be tried again (they may have opened them): every command's first step, one round trip
     * once the tenant exists. The same round trip reads what the rest of the prologue needs: the
     * program of the channel the command came from (kept for the transaction, as programs.byChannel
     * would) and whether the space it came from is marked as left.
     */
    arrive(
      platform: Platform,
      tenantExternalId: string,
      externalId: string,
      displayName: string,
      where?: { channelId?: string | undefined; space?: string | undefined },
    ): Promise<Arrival>;
    get(id: string): Promise<Member>;
    findByExternalId(tenantId: string, externalId: string): Promise<Member | null>;
    /** People of the tenant whose display name is `name`, ignoring case (a few at most). */
    findByName(tenantId: string, name: string): Promise<Member[]>;
    getMany(ids: readonly string[]): Promise<Member[]>;
    setPreferences(id: string, prefs: { language: Language; timezone: string }): Promise<void>;
    /** DMs to the member failed as closed (a date), or they talked to the bot again (null). */
    setDmBlocked(id: string, at: Date | null): Promise<void>;
  };
  programs: {
    byChannel(tenantId: string, channelId: string): Promise<Program | null>;
    get(id: string): Promise<Program>;
    find(id: string): Promise<Program | null>;
    create(
      program: Omit<Program, "id" | "matchingWeights" | "topicEdits" | "contactHours" | "organizerRole" | "retentionMonths">,
    ): Promise<Program>;
    /** Records the space of a program set up before spaces were kept (only while unknown). */
    setSpace(id: string, spaceId: string): Promise<void>;
    setOrganizerRole(id: string, roleId: string | null): Promise<void>;
    /** Member ids of the program's organizers. */
    organizers(programId: string): Promise<string[]>;
    setMatchingWeights(id: string, weights: Record<string, unknown>): Promise<void>;
    setTopicEdits(id: string, edits: Record<string, unknown>): Promise<void>;
    setContactHours(id: string, hours: ContactHours): Promise<void>;
    addOrganizer(programId: string, memberId: string): Promise<void>;
    isOrganizer(programId: string, memberId: string): Promise<boolean>;
    /** Programs the member organizes, and every program of the space `adminOf` when they are its admin. */
    organizedBy(tenantId: string, memberId: string, adminOf: string | null): Promise<Program[]>;
  };
  rounds: {
    /**
     * Locked when asked: whoever changes who is paired with whom in a round
     * (matching, re-match, ending, leaving) takes the round's lock first, so
     * they take turns and each sees what the one before committed.
     */
    get(id: string, opts?: { lock?: boolean }): Promise<Round>;
    /** The newest round of a program, whatever its status; locked when asked. */
    latest(programId: string, opts?: { lock?: boolean }): Promise<Round | null>;
    byNumber(programId: string, number: number): Promise<Round | null>;
    create(round: Omit<Round, "id">): Promise<Round>;
    setStatus(id: string, status: RoundStatus): Promise<void>;
  };
  enrollments: {
    /** Null when the member is already enrolled (one enrollment per round). */
    create(e: { roundId: string; memberId: string; partnersWanted: number; at: Date }): Promise<Enrollment | null>;
    find(roundId: string, memberId: string): Promise<Enrollment | null>;
    /**
     * What joining a round starts from, in one round trip: the member's enrollment in it (`find`)
     * and their saved profile in its program (`profiles.getMany`). Read within `tenantId` only: a
     * round of another tenant finds neither.
     */
    joining(
      tenantId: string,
      roundId: string,
      memberId: string,
    ): Promise<{ enrollment: Enrollment | null; profile: Profile | null }>;
    get(id: string): Promise<Enrollment>;
    /** The member's enrollment in the newest round they joined, with its round. */
    latestForMember(memberId: string): Promise<{ enrollment: Enrollment; round: Round } | null>;
    listActive(roundId: string): Promise<Enrollment[]>;
    update(
      id: string,
      patch: Partial<Pick<Enrollment, "status" | "wantsRematch" | "pausedUntil" | "partnersWanted">>,
    ): Promise<void>;
  };
  profiles: {
    upsert(profile: Profile): Promise<void>;
    getMany(programId: string, memberIds: readonly string[]): Promise<Profile[]>;
  };
  pairings: {
    create(p: { roundId: string; memberIds: readonly string[]; at: Date }): Promise<Pairing>;
    get(id: string, opts?: { lock?: boolean }): Promise<Pairing>;
    members(pairingId: string): Promise<PairingMember[]>;
    /** Active pairings the member is still part of, newest first. */
    activeForMember(memberId: string, roundId: string): Promise<Pairing[]>;
    /**
     * `activeForMember` with each pairing's `members` (everyone ever in it, in slot order) and their
     * names, in one round trip (status and check-in read all three together). Read within
     * `tenantId` only: a member or round id of another tenant finds nothing.
     */
    activeWithMembers(
      tenantId: string,
      memberId: string,
      roundId: string,
    ): Promise<Array<{ pairing: Pairing; members: Array<PairingMember & { displayName: string }> }>>;
    /** For each of `memberIds`, how many active pairings of the round they are still part of (none: absent). */
    activeCounts(roundId: string, memberIds: readonly string[]): Promise<Map<string, number>>;
    /** Every pairing of a round with all members who were ever in it. */
    inRound(roundId: string): Promise<Array<{ pairing: Pairing; memberIds: string[] }>>;
    /** Member sets of pairings from earlier rounds of a program; `notAFit` when one ended it as not a good fit. */
    history(
      programId: string,
      beforeRound: number,
    ): Promise<Array<{ memberIds: string[]; roundNumber: number; notAFit: boolean }>>;
    /** Members of a round who were put in a trio or never matched in it: next round's fairness priority. */
    leftShort(roundId: string): Promise<string[]>;
    setProposal(id: string, proposal: CadenceProposal | null): Promise<void>;
    setCadence(id: string, cadence: Cadence): Promise<void>;
    addMember(pairingId: string, memberId: string, at: Date): Promise<void>;
    removeMember(pairingId: string, memberId: string, at: Date): Promise<void>;
    end(id: string, at: Date): Promise<void>;
  };
  sessions: {
    create(s: { pairingId: string; number: number; startsAt: Date; minutes: number }): Promise<Session>;
    get(id: string, opts?: { lock?: boolean }): Promise<Session>;
    /** The newest session that has started by `now`. */
    latestStarted(pairingId: string, now: Date): Promise<Session | null>;
    /** The first session that starts after `now`. */
    next(pairingId: string, now: Date): Promise<Session | null>;
    /**
     * `latestStarted` and `next` in one round trip (status and check-in want both). Read within
     * `tenantId` only: another tenant's pairing has no sessions here.
     */
    around(tenantId: string, pairingId: string, now: Date): Promise<{ started: Session | null; next: Session | null }>;
    last(pairingId: string): Promise<Session | null>;
    byNumber(pairingId: string, number: number): Promise<Session | null>;
    setStatus(id: string, status: SessionStatus): Promise<void>;
    reschedule(id: string, startsAt: Date, minutes: number): Promise<void>;
    countHeld(pairingId: string): Promise<number>;
    markPrompted(id: string, at: Date): Promise<void>;
  };
  checkIns: {
    /** False when the member already checked in for that session. */
    create(c: {
      sessionId: string;
      memberId: string;
      outcome: CheckInOutcome;
      rating: number | null;
      note: string | null;
      at: Date;
    }): Promise<boolean>;
    count(sessionId: string): Promise<number>;
    forSession(sessionId: string): Promise<Array<{ memberId: string; outcome: CheckInOutcome }>>;
  };
  evaluations: {
    /** The biweekly evaluation, private to its author; false when already answered. */
    record(e: {
      pairingId: string;
      memberId: string;
      number: number;
      working: number;
      goalProgress: Record<string, GoalProgress>;
      adjust: EvaluationAdjust;
      at: Date;
    }): Promise<boolean>;
    /** How many members answered evaluation `number` of the pairing. */
    count(pairingId: string, number: number): Promise<number>;
    /** Goals the member marked reached in any earlier evaluation of the pairing. */
    goalsReached(pairingId: string, memberId: string): Promise<string[]>;
  };
  reports: {
    /** Counts and averages over a round for organizers; answers only in whole blocks of `block`. */
    round(roundId: string, now: Date, block: number): Promise<RoundFigures>;
    /** The program's last `rounds` rounds for the organizer's chart; answers only in whole blocks of `block`. */
    chart(programId: string, now: Date, block: number, rounds: number): Promise<ProgramChartFigures>;
  };
  roster: {
    /** Every member enrolled in the round (left or not), by name. */
    ofRound(roundId: string): Promise<RosterEntry[]>;
  };
  jobs: {
    /** Due work as a row; ignored when a job with the same key exists already. */
    schedule(job: ScheduledJob): Promise<void>;
  };
  journal: {
    /** How many notes the member has with this one, counted in the same round trip. */
    add(e: { memberId: string; pairingId: string | null; text: string; at: Date }): Promise<number>;
    count(memberId: string): Promise<number>;
    /** The member's own newest notes, for their eyes only (App Home). */
    recent(memberId: string, limit: number): Promise<Array<{ text: string; at: Date }>>;
  };
  endings: {
    /** The private reason stays in its own table, readable only by its author. */
    record(e: { pairingId: string; memberId: string; reason: string | null; notAFit: boolean; at: Date }): Promise<void>;
  };
  avoidances: {
    /** "Do not pair me with": a hard exclusion for the matcher, in both directions. */
    add(memberId: string, avoidedMemberId: string, at: Date): Promise<void>;
    /** Every avoidance that involves any of these members. */
    among(memberIds: readonly string[]): Promise<Array<[string, string]>>;
  };
  outbox: {
    /** Ignored when a row with the same idempotency key exists already. */
    enqueue(row: {
      tenantId: string;
      key: string;
      audience: Audience;
      message: Message;
      at: Date;
      /** Not before this moment (quiet hours); `at` when absent. */
      availableAt?: Date;
      /** The program the message is about: where a member whose DMs are closed is reached instead. */
      programId?: string;
      /** A channel message standing in for a DM: the member it tries to reach. */
      reachMemberId?: string;
    }): Promise<void>;
  };
  // issue 16 (audit trail; a workspace or server that removed the app)
  audit: {
    record(event: AuditEvent): Promise<void>;
    /** The newest events of these programs, and of these spaces' actions on no program, newest first. */
    latest(
      tenantId: string,
      scope: { programIds: readonly string[]; spaceIds: readonly string[] },
      limit: number,
    ): Promise<AuditRecord[]>;
  };
  departures: {
    /** The tenant's row, if Sebaya ever saw it (a departure never makes one). */
    tenant(platform: Platform, externalId: string): Promise<Tenant | null>;
    /**
     * The space's programs. A program whose space was never learned, in one of `channelIds` (the
     * space's channels, as the platform lists them), learns it now, so its deletion finds it.
     */
    programs(tenantId: string, spaceId: string, channelIds: readonly string[]): Promise<Program[]>;
    /** Marks the space as left; an existing mark is kept (and returned with `marked: false`). */
    mark(
      tenantId: string,
      spaceId: string,
      leftAt: Date,
      deleteAt: Date,
    ): Promise<{ leftAt: Date; deleteAt: Date; marked: boolean }>;
    /** Locked when asked: the deletion job holds the mark, so a return waits for it or it sees the return. */
    find(tenantId: string, spaceId: string, opts?: { lock?: boolean }): Promise<{ leftAt: Date; deleteAt: Date } | null>;
    /** Removes the mark; false when there was none. */
    clear(tenantId: string, spaceId: string): Promise<boolean>;
    /**
     * Deletes what the space holds: its programs (with their rounds, pairings, private text, outbox
     * rows and pending jobs), its setup access and audit events, the mark, and the members left in
     * no program; the tenant itself when it is that one space (a Slack workspace) and nothing else
     * of it remains.
     */
    /** How many of the space's own jobs are due (or running) at `now`: the deletion waits for them. */
    jobsDue(tenantId: string, spaceId: string, now: Date): Promise<number>;
    deleteSpace(tenantId: string, spaceId: string): Promise<{ programs: number; members: number; tenant: boolean }>;
  };
  // Issue 16: forgetting a member (forget-me) and keeping private text only for a while (retention).
  erasure: {
    /** The pairings the member is still part of, in any round, with their round and program. */
    activePairings(memberId: string): Promise<Array<{ pairingId: string; roundId: string; programId: string }>>;
    /**
     * Deletes everything the member wrote or chose (profile, journal, check-ins, evaluations, end
     * reasons, avoid lists both ways, drafts, organizer roles, their pending jobs and unsent
     * messages, what past messages showed of them) and unlinks the row from the platform user.
     * `placeholder` replaces their name where others' history still needs the row ("removed": no
     * history needed it, so the row itself is gone).
     */
    forget(member: Member, placeholder: string, at: Date): Promise<"anonymized" | "removed">;
  };
  retention: {
    /** How many months a closed round's private text is kept in the program. */
    months(programId: string): Promise<number>;
    setMonths(programId: string, months: number): Promise<void>;
    /** Records the moment the round closed (the start of its retention period). */
    markClosed(roundId: string, at: Date): Promise<void>;
    closedAt(roundId: string): Promise<Date | null>;
    /** The program's closed rounds and when each closed. */
    closedRounds(programId: string): Promise<Array<{ roundId: string; closedAt: Date }>>;
    /**
     * Deletes a round's private text (journal notes tied to its pairings; check-in notes, end
     * reasons and evaluations' goal answers are blanked, so every count stays). How many rows changed.
     */
    erasePrivateText(roundId: string): Promise<number>;
  };
  // issue 16 (export): everything Sebaya holds about the acting member, for /mentoring mydata.
  myData: {
    /** Read within `tenantId` only: a member id of another tenant finds nothing. */
    of(tenantId: string, memberId: string): Promise<MyData>;
  };
  /** Issue 18: each pairing's calendar series, and who turned invites off. */
  calendar: {
    series(pairingId: string): Promise<CalendarSeries | null>;
    /** A routine agreed (again): the series starts at `startsAt`, with no session moved off it. */
    begin(pairingId: string, startsAt: Date): Promise<void>;
    setMoved(pairingId: string, moved: readonly MovedOccurrence[]): Promise<void>;
    /** Raises the series' SEQUENCE and returns it (1 for the first file). */
    nextSequence(pairingId: string): Promise<number>;
    /** Of `memberIds`, those who turned invites off. */
    optedOut(memberIds: readonly string[]): Promise<Set<string>>;
    /** Turns a member's invites off (recording `at`, the export shows it) or on; false when it already was. */
    setOptedOut(memberId: string, off: boolean, at: Date): Promise<boolean>;
  };
}

export interface CalendarSeries {
  startsAt: Date;
  moved: MovedOccurrence[];
  sequence: number;
}
