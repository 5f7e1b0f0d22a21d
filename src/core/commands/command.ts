/**
 * The one Command union every adapter produces. Adapters send raw input;
 * `parseCommand` validates it here, so every rule about input lives in the core.
 */
import { z } from "zod";
import { CHECK_IN_OUTCOMES, EVALUATION_ADJUST, GOAL_PROGRESS, LANGUAGES, PLATFORMS } from "../domain";
import { splitList } from "../forms/text-list";
import { resolveTimezone } from "../time/timezones";
import { weightChangesSchema } from "./weight-names";

const id = z.uuid();
/**
 * Control characters (C0 but tab and line breaks, and DEL): PostgreSQL refuses
 * NUL in text, and none of them belongs in anything a person writes.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Whether text holds a character no answer may (see CONTROL): checked before any schema. */
export const holdsControlCharacter = (text: string): boolean => CONTROL.test(text);
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f]/g;
const shortText = z.string().trim().min(1).max(200);
/** A platform's user id, a mention already unwrapped by the slash parser. */
const platformUserId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^<>@\s]+$/);

/** Lists arrive as arrays (APIs) or as comma/newline separated text (forms), brackets kept whole. */
const textList = z.preprocess(
  (v) => (typeof v === "string" ? splitList(v) : v),
  z.array(z.string().trim().min(1).max(100)).min(1).max(10),
);
const optionalTextList = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? [] : v),
  textList.or(z.array(z.string()).length(0)),
);

const timezone = z.string().transform((v, ctx) => {
  const zone = resolveTimezone(v);
  if (!zone) {
    ctx.addIssue({ code: "custom", message: "timezone" });
    return z.NEVER;
  }
  return zone;
});

/** Numbers arrive as numbers (APIs) or strings (forms). */
const intIn = (min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(min).max(max));
const flag = z.preprocess(
  (v) => (v === "true" || v === "yes" || v === "on" ? true : v === "false" || v === "no" || v === "" ? false : v),
  z.boolean(),
);
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

export const intakeSchema = z.strictObject({
  expertise: textList,
  goals: textList,
  interests: optionalTextList,
  team: shortText,
  timezone,
  language: z.enum(LANGUAGES),
  partnersWanted: intIn(1, 3).default(1),
  /** Sent with the answers the member saw read back and confirmed (join-round.ts); no input of its own. */
  confirmed: flag.optional(),
});
export type Intake = z.infer<typeof intakeSchema>;

/** The evaluation asks one question per learning goal, by the goal's position in the member's profile. */
export const GOAL_KEYS = ["g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9"] as const;
const goalAnswers = Object.fromEntries(GOAL_KEYS.map((k) => [k, z.enum(GOAL_PROGRESS).optional()])) as {
  [K in (typeof GOAL_KEYS)[number]]: z.ZodOptional<z.ZodEnum<{ [P in (typeof GOAL_PROGRESS)[number]]: P }>>;
};

/**
 * A form's answers, per form-backed command. They reach a use case only from
 * a submitted form (`form.submit`, or text typed after the command's word,
 * which is the same answer typed in one line); a button never carries them.
 */
export const answerSchemas = {
  "round.join": intakeSchema,
  "cadence.propose": z
    .strictObject({
      everyDays: intIn(7, 14),
      minutes: intIn(45, 60),
      /** Blank: every `everyDays` days with no fixed weekday. */
      weekday: z.preprocess((v) => (v === "" || v === null ? undefined : v), intIn(1, 7).optional()),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    })
    // A weekday every 10 days would drift across the week: a weekday repeats every one or two weeks.
    // Only once the interval itself is valid, so a bad interval gets one problem, not two.
    .refine((a) => a.weekday === undefined || !(a.everyDays > 7 && a.everyDays < 14), {
      message: "weekdayWeeks",
      path: ["everyDays"],
    }),
  checkin: z.strictObject({
    rating: intIn(1, 5),
    note: optionalText(2000),
  }),
  /** One session to a new day and time (after "we rescheduled"), in the mover's own zone. */
  "session.move": z.strictObject({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    minutes: intIn(45, 60),
  }),
  "journal.write": z.strictObject({ text: z.string().trim().min(1).max(4000) }),
  pause: z.strictObject({ until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  "pairing.end": z.strictObject({
    reason: optionalText(2000),
    messageToPartner: optionalText(500),
    /** Private too: only keeps the matcher from ever pairing the two again. */
    notAFit: flag.default(false),
    rematch: flag.default(false),
  }),
  "evaluation.submit": z.strictObject({
    ...goalAnswers,
    working: intIn(1, 5),
    adjust: z.enum(EVALUATION_ADJUST),
  }),
  /** A saved profile edited between rounds: the intake's own rules for the fields a profile keeps. */
  "profile.edit": intakeSchema.pick({ expertise: true, goals: true, interests: true, team: true, timezone: true }),
  /** Forget me: only the one answer the form offers confirms it. */
  "member.forget": z.strictObject({ confirm: z.literal("yes") }),
} as const;
export type FormType = keyof typeof answerSchemas;
export type Answers<T extends FormType> = z.infer<(typeof answerSchemas)[T]>;

/**
 * What a form is about: the form-backed command with the ids it acts on and
 * nothing else. A button that opens a form carries exactly this; the core
 * always answers it with the form.
 */
const requests = {
  "round.join": z.strictObject({ type: z.literal("round.join"), roundId: id.optional() }),
  "cadence.propose": z.strictObject({ type: z.literal("cadence.propose"), pairingId: id.optional() }),
  checkin: z.strictObject({ type: z.literal("checkin"), sessionId: id.optional() }),
  "session.move": z.strictObject({ type: z.literal("session.move"), sessionId: id }),
  "journal.write": z.strictObject({ type: z.literal("journal.write") }),
  pause: z.strictObject({ type: z.literal("pause") }),
  "pairing.end": z.strictObject({ type: z.literal("pairing.end"), pairingId: id.optional() }),
  "evaluation.submit": z.strictObject({ type: z.literal("evaluation.submit"), pairingId: id, number: intIn(1, 200) }),
  "profile.edit": z.strictObject({ type: z.literal("profile.edit"), programId: id.optional() }),
  "member.forget": z.strictObject({ type: z.literal("member.forget") }),
} as const;
export const formRequestSchema = z.discriminatedUnion("type", [
  requests["round.join"],
  requests["cadence.propose"],
  requests.checkin,
  requests["journal.write"],
  requests.pause,
  requests["pairing.end"],
  requests["evaluation.submit"],
  requests["session.move"],
  requests["profile.edit"],
  requests["member.forget"],
]);
export type FormRequest = z.infer<typeof formRequestSchema>;

/** A check-in answered without a form: the session did not happen as planned. */
const CHECK_IN_WITHOUT_FORM = CHECK_IN_OUTCOMES.filter((o) => o !== "met") as ["rescheduled", "not_met"];

/**
 * Answer names: a letter, then letters and digits. Nothing else can be a key,
 * so a crafted submission cannot name `__proto__`, `constructor.prototype` or
 * any other path: answers are flat, and each form's schema takes only its own.
 */
const ANSWER_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;
const submissionSchema = z.strictObject({
  type: z.literal("form.submit"),
  request: formRequestSchema,
  answers: z
    .record(
      z.string().regex(ANSWER_NAME),
      // A list may arrive as a list (an API, a multi-select) or as text; the form's schema decides.
      z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(1000)).max(50)]),
    )
    .refine((a) => Object.keys(a).length <= 40),
});

/** Commands that need no form: everything a button or a typed word can carry in full. */
const directSchemas = [
  z.strictObject({ type: z.literal("help") }),
  z.strictObject({ type: z.literal("status") }),
  /** The member's own home: status, goals and progress, private journal; organizers also their programs. */
  z.strictObject({ type: z.literal("home") }),
  /** The member's own journal notes, read back to them alone. */
  z.strictObject({ type: z.literal("journal.read") }),
  /** The member's own saved profile (one program's), shown to them alone. */
  z.strictObject({ type: z.literal("profile.show"), programId: id.optional() }),
  /** Someone joined a channel: a program channel answers with a welcome (and the round's join button). */
  z.strictObject({ type: z.literal("welcome") }),
  /**
   * `chartOnly`: just the chart, sent to the organizer's DM (the App Home's button). `format: "csv"`: one row per
   * member of the current round (or round number `round`), as a file in the organizer's DM.
   */
  z.strictObject({
    type: z.literal("program.report"),
    programId: id.optional(),
    chartOnly: z.literal(true).optional(),
    format: z.literal("csv").optional(),
    round: intIn(1, 10_000).optional(),
  }),
  z.strictObject({
    type: z.literal("program.setup"),
    name: z.preprocess((v) => (v === "" ? undefined : v), shortText.optional()),
    language: z.enum(LANGUAGES).optional(),
    timezone: timezone.optional(),
    roundWeeks: intIn(4, 52).optional(),
  }),
  z.strictObject({ type: z.literal("round.open"), weeks: intIn(4, 52).optional() }),
  /** Without `confirm`, the member is asked first; the confirmation button carries it. */
  z.strictObject({ type: z.literal("round.leave"), confirm: z.literal(true).optional() }),
  z.strictObject({ type: z.literal("round.match"), dryRun: flag.default(false), programId: id.optional() }),
  z.strictObject({ type: z.literal("round.close") }),
  z.strictObject({ type: z.literal("cadence.confirm"), pairingId: id, proposalOf: z.string().optional() }),
  z.strictObject({ type: z.literal("resume") }),
  z.strictObject({ type: z.literal("member.avoid"), userId: platformUserId }),
  /** A mention gives the platform's id; a name ("@Budi", "Budi") is looked up among the people known here. */
  z.strictObject({
    type: z.literal("program.organizer"),
    userId: platformUserId.optional(),
    person: z.string().trim().min(1).max(100).optional(),
  }),
  /** Who besides the space's admins may set up programs (admins only); without `who`, shows it. */
  z.strictObject({
    type: z.literal("setup.access"),
    who: z.union([z.literal("everyone"), z.literal("admins"), z.string().regex(/^(role|user):[^<>@\s]{1,100}$/)]).optional(),
  }),
  /** The role whose members may organize the program; none clears it. */
  z.strictObject({ type: z.literal("program.role"), roleId: platformUserId.optional() }),
  z.strictObject({ type: z.literal("program.weights"), weights: weightChangesSchema.optional() }),
  /** The program's topics; with a change ("add …", "rename …", "merge …", "retire …"), parsed against them by the use case. */
  z.strictObject({ type: z.literal("program.topics"), change: z.string().trim().min(1).max(600).optional() }),
  z.strictObject({ type: z.literal("rematch.request"), pairingId: id }),
  z.strictObject({
    type: z.literal("program.hours"),
    from: intIn(0, 23).optional(),
    until: intIn(1, 24).optional(),
    workingDays: z.array(intIn(1, 7)).min(1).max(7).optional(),
  }),
  // issue 16: the latest organizer actions, for the program's organizers and the space's admins.
  z.strictObject({ type: z.literal("program.audit"), programId: id.optional() }),
  /** How many months a closed round's private text is kept; without `months`, shows it. */
  z.strictObject({ type: z.literal("program.retention"), months: intIn(1, 120).optional() }),
  // issue 16 (export): everything Sebaya holds about the actor, to them alone; names nobody else.
  z.strictObject({ type: z.literal("data.export") }),
  // issue 18: the actor's calendar invites on or off; without a state, says which.
  z.strictObject({ type: z.literal("calendar.invites"), state: z.enum(["on", "off"]).optional() }),
] as const;

/** What adapters send: a direct command, a form's request (it opens the form), or a submitted form. */
export const inputSchema = z.discriminatedUnion("type", [
  ...directSchemas,
  requests["round.join"],
  requests["cadence.propose"],
  // "We didn't meet" and "Rescheduled" are complete on a button; "We met" opens the form.
  requests.checkin.extend({ outcome: z.enum(CHECK_IN_WITHOUT_FORM).optional() }),
  requests["journal.write"],
  requests.pause,
  requests["pairing.end"],
  requests["evaluation.submit"],
  requests["session.move"],
  requests["profile.edit"],
  requests["member.forget"],
  submissionSchema,
]);

/** Input as adapters may send it (strings for numbers, text lists, ...). */
export type CommandInput = z.input<typeof inputSchema>;
type DirectInput = Exclude<z.infer<typeof inputSchema>, { type: "form.submit" }>;
/** A command a button can carry: never a submission, never answers. */
export type ButtonCommand = DirectInput;

/**
 * The command a use case runs: a direct one, or a form-backed one with its
 * `answers` when (and only when) it came from a submitted form.
 */
export type Command = {
  [T in DirectInput["type"]]: T extends FormType
    ? Extract<DirectInput, { type: T }> & { answers?: Answers<T> }
    : Extract<DirectInput, { type: T }>;
}[DirectInput["type"]];
export type CommandType = Command["type"];
/** The fields a command of type T carries (its schema's, never a form's answers). */
export type CommandField<T extends CommandType> = Exclude<keyof Extract<Command, { type: T }>, "type" | "answers">;

/** Who acted, as the platform saw them. */
export const actorSchema = z.strictObject({
  platform: z.enum(PLATFORMS),
  tenantId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  /** Shown to others: control characters (a NUL would fail the insert) are dropped. */
  displayName: z
    .string()
    .max(100)
    .transform((v) => v.replace(CONTROL_IN_NAME, "").trim())
    .pipe(z.string().min(1)),
  /** The platform's locale for the user, used until they choose a language. */
  locale: z.string().max(20).optional(),
  /** The platform's time zone for the user (an IANA name), a default for the intake form. */
  timezone: z.string().max(64).optional(),
  /** The platform roles the user has where they acted (Discord), for a program's organizer role. */
  roles: z.array(z.string().min(1).max(100)).max(250).optional(),
  /**
   * The workspace (Slack) or server (Discord) the actor acted in: where `isAdmin` and `roles` hold.
   * None in a Discord DM, where nobody is anyone's admin.
   */
  space: z.string().min(1).max(100).optional(),
  /** Workspace admin / Manage Server, in `space`: may organize the programs of that space, and only those. */
  isAdmin: z.boolean().default(false),
});
export type Actor = z.infer<typeof actorSchema>;

export interface Envelope {
  actor: z.input<typeof actorSchema>;
  /** The channel the command was typed in, if any (a DM has none). */
  channelId?: string;
  command: unknown;
  /**
   * The platform event this came from (a Slack trigger id, a Discord interaction id): carried into
   * the log lines about the command and onto the outbox rows it writes, never shown to anyone.
   */
  requestId?: string;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; issues: z.core.$ZodIssue[] };

/** Keys that name an object's prototype machinery rather than data: refused wherever they appear. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The first thing in raw input no command may hold: a control character (see CONTROL) or a prototype key. */
function unsafeAt(value: unknown, path: PropertyKey[] = [], depth = 0): { path: PropertyKey[]; key?: string } | null {
  if (typeof value === "string") return CONTROL.test(value) ? { path } : null;
  if (typeof value !== "object" || value === null || depth > 5) return null;
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) return { path, key };
    const found = unsafeAt((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

export function parseCommand(input: unknown): ParseResult {
  const unsafe = unsafeAt(input);
  if (unsafe) {
    // A submission's answers are named by the field itself, as the form showed it.
    const path = unsafe.path[0] === "answers" ? unsafe.path.slice(1) : unsafe.path;
    const issue: z.core.$ZodIssue = unsafe.key
      ? { code: "unrecognized_keys", keys: [unsafe.key], path, input: undefined, message: "unexpected" }
      : { code: "custom", message: "control", path, input: undefined };
    return { ok: false, issues: [issue] };
  }
  const result = inputSchema.safeParse(input);
  if (!result.success) return { ok: false, issues: result.error.issues };
  const command = result.data;
  if (command.type !== "form.submit") return { ok: true, command };
  // The answers are checked against the form's own schema, so their issues name the form's fields.
  const answers = answerSchemas[command.request.type].safeParse(command.answers);
  if (!answers.success) return { ok: false, issues: answers.error.issues };
  return { ok: true, command: { ...command.request, answers: answers.data } as Command };
}
