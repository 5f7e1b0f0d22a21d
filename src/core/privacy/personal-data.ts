/**
 * Every column that holds a member's personal data, as PRIVACY.md names them
 * (tests/unit/privacy-notice.test.ts holds the two together; tests/db/my-data-export.test.ts finds each exported field in a real export): what it is,
 * whether it is private (member-written or answered, read by its author
 * alone) or personal (shared with a partner or organizers), and which of the
 * data rights covers it: the export (`/mentoring mydata`, where in its JSON
 * file), the erasure (`/mentoring forget-me`) and the retention job (private
 * text deleted a set time after its round closes).
 */

export type PersonalDataKind = "private" | "personal";

export interface PersonalField {
  table: string;
  column: string;
  kind: PersonalDataKind;
  /** What it holds, in a few words (English; PRIVACY.md says it in both languages). */
  what: string;
  /**
   * Where the member finds it in their export's JSON (`[]` for each item of a list), or null with
   * `notExported` saying why it is not there.
   */
  exportPath: string | null;
  notExported?: string;
  /** Deleted or made anonymous by `/mentoring forget-me`. */
  erase: boolean;
  /** Deleted by the retention job once its round has been closed for the program's retention time. */
  retention: boolean;
}

export const PERSONAL_DATA: readonly PersonalField[] = [
  // Private: written or answered by the member, shown to nobody else.
  {
    table: "journal_entries",
    column: "body",
    kind: "private",
    what: "journal notes",
    exportPath: "journal[].text",
    erase: true,
    retention: true,
  },
  {
    table: "check_ins",
    column: "note",
    kind: "private",
    what: "a check-in's private note",
    exportPath: "pairings[].sessions[].checkIn.note",
    erase: true,
    retention: true,
  },
  {
    table: "check_ins",
    column: "rating",
    kind: "private",
    what: "a session's rating (1-5)",
    exportPath: "pairings[].sessions[].checkIn.rating",
    erase: true,
    retention: false,
  },
  {
    table: "pairing_endings",
    column: "reason",
    kind: "private",
    what: "why the member ended a pairing",
    exportPath: "pairings[].ending.reason",
    erase: true,
    retention: true,
  },
  {
    table: "pairing_endings",
    column: "not_a_fit",
    kind: "private",
    what: "an ending marked as not a good fit",
    exportPath: "pairings[].ending.notAFit",
    erase: true,
    retention: false,
  },
  {
    table: "evaluations",
    column: "goal_progress",
    kind: "private",
    what: "progress on each learning goal",
    exportPath: "pairings[].evaluations[].goalProgress",
    erase: true,
    retention: true,
  },
  {
    table: "evaluations",
    column: "working",
    kind: "private",
    what: "how well the pairing works (1-5)",
    exportPath: "pairings[].evaluations[].working",
    erase: true,
    // A number in the program's averages: the retention job keeps it (the answers in words go).
    retention: false,
  },
  {
    table: "evaluations",
    column: "adjust",
    kind: "private",
    what: "what the member wants to change",
    exportPath: "pairings[].evaluations[].adjust",
    erase: true,
    retention: true,
  },
  {
    table: "do_not_pair",
    column: "avoided_member_id",
    kind: "private",
    what: "whom the member asked never to be paired with",
    exportPath: "avoiding[].name",
    erase: true,
    retention: false,
  },
  {
    table: "form_drafts",
    column: "answers",
    kind: "private",
    what: "a form's answers between its steps (kept an hour at most)",
    exportPath: "drafts[].answers",
    erase: true,
    retention: false,
  },
  {
    table: "outbox",
    column: "message",
    kind: "private",
    what: "a message on its way to the member (it may quote what they wrote)",
    exportPath: null,
    notExported: "a copy of what Sebaya sends the member, who receives it anyway",
    erase: true,
    retention: false,
  },
  // Personal: the member's own, shared with partners or organizers as the product needs.
  {
    table: "members",
    column: "display_name",
    kind: "personal",
    what: "the member's name on their platform",
    exportPath: "member.displayName",
    erase: true,
    retention: false,
  },
  {
    table: "members",
    column: "language",
    kind: "personal",
    what: "the language the member chose",
    exportPath: "member.language",
    erase: true,
    retention: false,
  },
  {
    table: "members",
    column: "timezone",
    kind: "personal",
    what: "the member's time zone",
    exportPath: "member.timezone",
    erase: true,
    retention: false,
  },
  {
    table: "calendar_opt_outs",
    column: "created_at",
    kind: "personal",
    what: "since when the member has calendar invites turned off",
    exportPath: "member.calendarInvitesOffSince",
    erase: true,
    retention: false,
  },
  {
    table: "profiles",
    column: "expertise",
    kind: "personal",
    what: "what the member can share",
    exportPath: "programs[].profile.expertise",
    erase: true,
    retention: false,
  },
  {
    table: "profiles",
    column: "goals",
    kind: "personal",
    what: "what the member wants to learn",
    exportPath: "programs[].profile.goals",
    erase: true,
    retention: false,
  },
  {
    table: "profiles",
    column: "interests",
    kind: "personal",
    what: "the member's interests",
    exportPath: "programs[].profile.interests",
    erase: true,
    retention: false,
  },
  {
    table: "profiles",
    column: "team",
    kind: "personal",
    what: "the member's team",
    exportPath: "programs[].profile.team",
    erase: true,
    retention: false,
  },
  {
    table: "enrollments",
    column: "partners_wanted",
    kind: "personal",
    what: "how many partners the member asked for",
    exportPath: "enrollments[].partnersWanted",
    erase: true,
    retention: false,
  },
  {
    table: "enrollments",
    column: "paused_until",
    kind: "personal",
    what: "until when the member paused",
    exportPath: "enrollments[].pausedUntil",
    erase: true,
    retention: false,
  },
  {
    table: "pairing_members",
    column: "member_id",
    kind: "personal",
    what: "who was paired with whom (partners by name)",
    exportPath: "pairings[].partners",
    erase: true,
    retention: false,
  },
];

/** `table.column` of every field, as PRIVACY.md writes them. */
export const personalFieldNames = (): string[] => PERSONAL_DATA.map((f) => `${f.table}.${f.column}`);
