/**
 * The one Command union every adapter produces. Adapters send raw input;
 * `parseCommand` validates it here, so every rule about input lives in the core.
 */
import { z } from "zod";
import { CHECK_IN_OUTCOMES, EVALUATION_ADJUST, GOAL_PROGRESS, LANGUAGES, PLATFORMS } from "./domain";
import { matchingWeightsSchema } from "./matching/weights";
import { resolveTimezone } from "./timezones";

const id = z.uuid();
const shortText = z.string().trim().min(1).max(200);
/** A platform's user id, a mention already unwrapped by the slash parser. */
const platformUserId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^<>@\s]+$/);

/** Lists arrive as arrays (APIs) or as comma/newline separated text (forms). */
const textList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/[,;\n]/)
          .map((s) => s.trim())
          .filter((s) => s.length > 0)
      : v,
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
});
export type Intake = z.infer<typeof intakeSchema>;

export const commandSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("help") }),
  z.strictObject({ type: z.literal("status") }),
  /** The member's own home: status, goals and progress, private journal; organizers also their programs. */
  z.strictObject({ type: z.literal("home") }),
  /** Someone joined a channel: a program channel answers with a welcome (and the round's join button). */
  z.strictObject({ type: z.literal("welcome") }),
  z.strictObject({ type: z.literal("program.report"), programId: id.optional() }),
  z.strictObject({
    type: z.literal("program.setup"),
    name: z.preprocess((v) => (v === "" ? undefined : v), shortText.optional()),
    language: z.enum(LANGUAGES).optional(),
    timezone: timezone.optional(),
    roundWeeks: intIn(4, 52).optional(),
  }),
  z.strictObject({ type: z.literal("round.open"), weeks: intIn(4, 52).optional() }),
  z.strictObject({ type: z.literal("round.join"), roundId: id.optional(), intake: intakeSchema.optional() }),
  z.strictObject({ type: z.literal("round.leave") }),
  z.strictObject({ type: z.literal("round.match"), dryRun: flag.default(false), programId: id.optional() }),
  z.strictObject({ type: z.literal("round.close") }),
  z.strictObject({
    type: z.literal("cadence.propose"),
    pairingId: id.optional(),
    everyDays: intIn(7, 14).optional(),
    minutes: intIn(45, 60).optional(),
    weekday: intIn(1, 7).optional(),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .optional(),
  }),
  z.strictObject({ type: z.literal("cadence.confirm"), pairingId: id, proposalOf: z.string().optional() }),
  z.strictObject({
    type: z.literal("checkin"),
    sessionId: id.optional(),
    outcome: z.enum(CHECK_IN_OUTCOMES).optional(),
    rating: z.preprocess((v) => (v === "" ? undefined : v), intIn(1, 5).optional()),
    note: optionalText(2000),
  }),
  z.strictObject({ type: z.literal("journal.write"), text: optionalText(4000) }),
  z.strictObject({
    type: z.literal("pause"),
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  z.strictObject({ type: z.literal("resume") }),
  z.strictObject({
    type: z.literal("pairing.end"),
    pairingId: id.optional(),
    reason: optionalText(2000),
    messageToPartner: optionalText(500),
    /** Private too: only keeps the matcher from ever pairing the two again. */
    notAFit: flag.optional(),
    rematch: flag.optional(),
  }),
  z.strictObject({ type: z.literal("member.avoid"), userId: platformUserId }),
  z.strictObject({ type: z.literal("program.organizer"), userId: platformUserId }),
  /** The role whose members may organize the program; none clears it. */
  z.strictObject({ type: z.literal("program.role"), roleId: platformUserId.optional() }),
  z.strictObject({ type: z.literal("program.weights"), weights: matchingWeightsSchema.partial().optional() }),
  z.strictObject({ type: z.literal("rematch.request"), pairingId: id }),
  z.strictObject({
    type: z.literal("program.hours"),
    from: intIn(0, 23).optional(),
    until: intIn(1, 24).optional(),
    workingDays: z.array(intIn(1, 7)).min(1).max(7).optional(),
  }),
  z.strictObject({
    type: z.literal("evaluation.submit"),
    pairingId: id,
    number: intIn(1, 200),
    working: z.preprocess((v) => (v === "" ? undefined : v), intIn(1, 5).optional()),
    /** Progress per goal, by the goal's position in the member's profile (g0, g1, ...). */
    goals: z.record(z.string().regex(/^g\d$/), z.enum(GOAL_PROGRESS)).optional(),
    adjust: z.enum(EVALUATION_ADJUST).optional(),
  }),
]);

/** Input as adapters may send it (strings for numbers, text lists, ...). */
export type CommandInput = z.input<typeof commandSchema>;
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command["type"];

/** Who acted, as the platform saw them. */
export const actorSchema = z.strictObject({
  platform: z.enum(PLATFORMS),
  tenantId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  displayName: z.string().min(1).max(100),
  /** The platform's locale for the user, used until they choose a language. */
  locale: z.string().max(20).optional(),
  /** The platform's time zone for the user (an IANA name), a default for the intake form. */
  timezone: z.string().max(64).optional(),
  /** The platform roles the user has where they acted (Discord), for a program's organizer role. */
  roles: z.array(z.string().min(1).max(100)).max(250).optional(),
  /** Workspace admin / Manage Server: may run organizer commands anywhere. */
  isAdmin: z.boolean().default(false),
});
export type Actor = z.infer<typeof actorSchema>;

export interface Envelope {
  actor: z.input<typeof actorSchema>;
  /** The channel the command was typed in, if any (a DM has none). */
  channelId?: string;
  command: unknown;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; issues: z.core.$ZodIssue[] };

export function parseCommand(input: unknown): ParseResult {
  const result = commandSchema.safeParse(input);
  return result.success ? { ok: true, command: result.data } : { ok: false, issues: result.error.issues };
}
