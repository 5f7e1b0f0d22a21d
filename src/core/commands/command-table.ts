/**
 * The `/mentoring` vocabulary, declared once: every word a member or organizer
 * types (or picks from Discord's menu), its Indonesian words, its argument,
 * who it is for, its Discord description and the help line that lists it, and
 * how the typed text or a platform's typed option becomes the raw command.
 * The text parser (slash.ts), Discord's registration (command-definitions.ts)
 * and the help (views/help.ts) all read this table.
 *
 * Keyed by the English word rather than the command type: two words may make
 * one type ("preview" and "match" are both `round.match`). Each entry is typed
 * by its own `type`, so an entry naming an unknown command type, building a
 * different type than it names, or carrying an unknown field does not compile.
 */

import type { MessageKey } from "../i18n/en";
import type { Answers, CommandField, CommandType, FormType } from "./command";
import { contactHours, grantee, keyValues, person, reportText, setupText, unmention } from "./text-arguments";

export type Audience = "member" | "organizer";

/** One typed argument, as a platform's command menu offers it (Discord's options). */
export interface Argument {
  name: string;
  /** The name Indonesian clients show. */
  nameId: string;
  kind: "string" | "integer" | "user" | "role";
  description: MessageKey;
  required: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  /** The platform asks the app for choices as the member types (discord-app.ts: vocabulary topics). */
  autocomplete?: boolean;
}

/**
 * What a word makes: its command as raw input, only the command's own fields (parseCommand
 * validates their values), or, for a form with one answer typed after the word, that form submitted.
 */
export type WordInput<T extends CommandType> =
  | ({ type: T } & { [K in CommandField<T>]?: unknown })
  | (T extends FormType ? { type: "form.submit"; request: { type: T }; answers: { [K in keyof Answers<T>]?: unknown } } : never);

/** A value a platform's typed option carries. */
export type OptionValue = string | number | boolean | null | undefined;

export interface CommandEntry<T extends CommandType> {
  type: T;
  /** Indonesian words: the first is the name Indonesian clients show, every one is read in typed text. */
  id: readonly [string, ...string[]];
  /** English words typed text reads besides the entry's key (the name platforms register). */
  en?: readonly string[];
  audience: Audience;
  /** The platform menu's description of the word. */
  description: MessageKey;
  /** The help catalog key whose lines list this word; none for the help itself. */
  help?: MessageKey;
  /** The one argument typed text puts after the word, as a typed option. */
  argument?: Argument;
  /** Options that only fill in the form the word opens (not part of its text). */
  formOptions?: readonly Argument[];
  /** The raw command from the text after the word ("" when there is none). */
  fromText(rest: string): WordInput<T>;
  /**
   * The raw command from the argument's typed value (a user's or role's id, a number), when it is
   * not text to read like the typed text.
   */
  fromValue?(value: string | number): WordInput<T>;
  /**
   * The Discord command the word is registered under, when not `/mentoring`: Discord takes at most
   * 25 subcommands per command, and `/mentoring` has 25, so the data-rights words (issue 16) are
   * `/privacy <word>` there. Slack and the console read every word after `/mentoring`. A command
   * with one word (`calendar`) takes that word's argument directly: `/calendar off`.
   */
  discordCommand?: DiscordCommandName;
}

/** The Discord commands the table's words are registered under. */
export const DISCORD_COMMANDS = ["mentoring", "privacy", "calendar"] as const;
export type DiscordCommandName = (typeof DISCORD_COMMANDS)[number];

/** How a member types the command a word belongs to on a platform: `/privacy` on Discord for a data-rights word. */
export function commandPrefix(platform: string, entry: { discordCommand?: DiscordCommandName }): string {
  return `/${platform === "discord" ? (entry.discordCommand ?? "mentoring") : "mentoring"}`;
}

type AnyEntry = { [T in CommandType]: CommandEntry<T> }[CommandType];

/**
 * A word whose form has one answer takes it typed after the word: "journal <note>" is the journal
 * form submitted in one line. Without the text, the word opens the form.
 */
const answeredInline =
  <T extends "journal.write" | "pause">(type: T, field: keyof Answers<T> & string) =>
  (rest: string): WordInput<T> =>
    // Both are WordInput<T> for either T; TypeScript cannot narrow the conditional over a generic T.
    (rest ? { type: "form.submit", request: { type }, answers: { [field]: rest } } : { type }) as WordInput<T>;

/** A command of type T with only its own fields: a field its schema does not have does not compile. */
const command = <T extends CommandType>(type: T, fields: { [K in CommandField<T>]?: unknown } = {}): WordInput<T> => ({
  type,
  ...fields,
});

/** The text after the word as one field, or none when nothing was typed. */
const optionalText = <K extends string>(name: K, rest: string): Partial<Record<K, string>> =>
  (rest ? { [name]: rest } : {}) as Partial<Record<K, string>>;

/** In the order platforms list them; the help lists each audience's help keys in this order too. */
export const COMMAND_TABLE = {
  join: {
    type: "round.join",
    id: ["ikut"],
    audience: "member",
    description: "discord.command.join",
    help: "help.member",
    // Named as the intake's input: a topic chosen here is already in the form when it opens.
    argument: {
      name: "expertise",
      nameId: "keahlian",
      kind: "string",
      description: "discord.option.expertise",
      required: false,
      maxLength: 100,
      autocomplete: true,
    },
    formOptions: [
      {
        name: "goals",
        nameId: "tujuan",
        kind: "string",
        description: "discord.option.goals",
        required: false,
        maxLength: 100,
        autocomplete: true,
      },
    ],
    // The expertise only fills in the form; the word itself opens it.
    fromText: () => command("round.join"),
  },
  leave: {
    type: "round.leave",
    id: ["keluar"],
    audience: "member",
    description: "discord.command.leave",
    help: "help.member",
    fromText: () => command("round.leave"),
  },
  status: {
    type: "status",
    id: ["status"],
    audience: "member",
    description: "discord.command.status",
    help: "help.member",
    fromText: () => command("status"),
  },
  pause: {
    type: "pause",
    id: ["rehat"],
    audience: "member",
    description: "discord.command.pause",
    help: "help.member",
    argument: {
      name: "until",
      nameId: "sampai",
      kind: "string",
      description: "discord.option.until",
      required: false,
      maxLength: 10,
    },
    fromText: answeredInline("pause", "until"),
  },
  resume: {
    type: "resume",
    id: ["lanjut"],
    audience: "member",
    description: "discord.command.resume",
    help: "help.member",
    fromText: () => command("resume"),
  },
  notes: {
    type: "journal.read",
    id: ["baca"],
    audience: "member",
    description: "discord.command.notes",
    help: "help.member",
    fromText: () => command("journal.read"),
  },
  profile: {
    type: "profile.show",
    id: ["profil"],
    audience: "member",
    description: "discord.command.profile",
    help: "help.profile",
    fromText: () => command("profile.show"),
  },
  journal: {
    type: "journal.write",
    id: ["catatan", "jurnal"],
    audience: "member",
    description: "discord.command.journal",
    help: "help.member",
    argument: {
      name: "text",
      nameId: "teks",
      kind: "string",
      description: "discord.option.text",
      required: false,
      maxLength: 4000,
    },
    fromText: answeredInline("journal.write", "text"),
  },
  end: {
    type: "pairing.end",
    id: ["akhiri"],
    audience: "member",
    description: "discord.command.end",
    help: "help.member",
    fromText: () => command("pairing.end"),
  },
  help: {
    type: "help",
    id: ["bantuan"],
    audience: "member",
    description: "discord.command.help",
    fromText: () => command("help"),
  },
  schedule: {
    type: "cadence.propose",
    id: ["jadwal"],
    audience: "member",
    description: "discord.command.schedule",
    help: "help.member",
    fromText: () => command("cadence.propose"),
  },
  checkin: {
    type: "checkin",
    id: ["cerita", "lapor"],
    audience: "member",
    description: "discord.command.checkin",
    help: "help.member",
    fromText: () => command("checkin"),
  },
  avoid: {
    type: "member.avoid",
    id: ["hindari"],
    audience: "member",
    description: "discord.command.avoid",
    help: "help.member",
    argument: { name: "user", nameId: "orang", kind: "user", description: "discord.option.user", required: true },
    fromText: (rest) => command("member.avoid", { userId: unmention(rest) }),
    fromValue: (value) => command("member.avoid", { userId: String(value) }),
  },
  setup: {
    type: "program.setup",
    id: ["siapkan"],
    audience: "organizer",
    description: "discord.command.setup",
    help: "help.organizer",
    argument: {
      name: "name",
      nameId: "nama",
      kind: "string",
      description: "discord.option.name",
      required: false,
      maxLength: 200,
    },
    fromText: (rest) => command("program.setup", setupText(rest)),
  },
  open: {
    type: "round.open",
    id: ["buka"],
    audience: "organizer",
    description: "discord.command.open",
    help: "help.organizer",
    argument: {
      name: "weeks",
      nameId: "minggu",
      kind: "integer",
      description: "discord.option.weeks",
      required: false,
      min: 4,
      max: 52,
    },
    fromText: (rest) => command("round.open", optionalText("weeks", rest)),
    fromValue: (weeks) => command("round.open", { weeks }),
  },
  preview: {
    type: "round.match",
    id: ["pratinjau"],
    audience: "organizer",
    description: "discord.command.preview",
    help: "help.organizer",
    fromText: () => command("round.match", { dryRun: true }),
  },
  match: {
    type: "round.match",
    id: ["cocokkan"],
    audience: "organizer",
    description: "discord.command.match",
    help: "help.organizer",
    fromText: () => command("round.match"),
  },
  close: {
    type: "round.close",
    id: ["tutup"],
    audience: "organizer",
    description: "discord.command.close",
    help: "help.organizer",
    fromText: () => command("round.close"),
  },
  report: {
    type: "program.report",
    id: ["rekap", "laporan"],
    audience: "organizer",
    description: "discord.command.report",
    help: "help.organizer",
    // issue 17: "csv [round]" sends the round's member-by-member CSV to the organizer's DM.
    argument: {
      name: "export",
      nameId: "ekspor",
      kind: "string",
      description: "discord.option.reportExport",
      required: false,
      maxLength: 20,
    },
    fromText: (rest) => command("program.report", reportText(rest)),
  },
  organizer: {
    type: "program.organizer",
    id: ["penyelenggara"],
    audience: "organizer",
    description: "discord.command.organizer",
    help: "help.organizer",
    argument: { name: "user", nameId: "orang", kind: "user", description: "discord.option.organizer", required: true },
    fromText: (rest) => command("program.organizer", person(rest)),
    fromValue: (value) => command("program.organizer", { userId: String(value) }),
  },
  access: {
    type: "setup.access",
    id: ["akses"],
    audience: "organizer",
    description: "discord.command.access",
    help: "help.organizer",
    argument: {
      name: "who",
      nameId: "siapa",
      kind: "string",
      description: "discord.option.who",
      required: false,
      maxLength: 100,
    },
    fromText: (rest) => command("setup.access", grantee(rest)),
  },
  role: {
    type: "program.role",
    id: ["peran"],
    audience: "organizer",
    description: "discord.command.role",
    help: "help.organizer",
    argument: { name: "role", nameId: "peran", kind: "role", description: "discord.option.role", required: false },
    fromText: (rest) => command("program.role", { ...(rest ? { roleId: unmention(rest) } : {}) }),
    fromValue: (value) => command("program.role", { roleId: String(value) }),
  },
  hours: {
    type: "program.hours",
    id: ["jam"],
    audience: "organizer",
    description: "discord.command.hours",
    help: "help.organizer",
    argument: {
      name: "range",
      nameId: "rentang",
      kind: "string",
      description: "discord.option.range",
      required: false,
      maxLength: 40,
    },
    fromText: (rest) => command("program.hours", contactHours(rest)),
  },
  topics: {
    type: "program.topics",
    id: ["topik"],
    audience: "organizer",
    description: "discord.command.topics",
    help: "help.topics",
    argument: {
      name: "change",
      nameId: "ubah",
      kind: "string",
      description: "discord.option.topicChange",
      required: false,
      maxLength: 600,
    },
    fromText: (rest) => command("program.topics", optionalText("change", rest)),
  },
  weights: {
    type: "program.weights",
    id: ["bobot"],
    audience: "organizer",
    description: "discord.command.weights",
    help: "help.organizer",
    argument: {
      name: "values",
      nameId: "nilai",
      kind: "string",
      description: "discord.option.values",
      required: false,
      maxLength: 500,
    },
    fromText: (rest) => command("program.weights", { ...(rest ? { weights: keyValues(rest) } : {}) }),
  },
  // issue 16 (audit trail)
  audit: {
    type: "program.audit",
    id: ["jejak"],
    audience: "organizer",
    discordCommand: "privacy",
    description: "discord.command.audit",
    help: "help.audit",
    fromText: () => command("program.audit"),
  },
  // issue 16 (erase): forget-me and the retention setting.
  "forget-me": {
    type: "member.forget",
    id: ["hapus-data-saya"],
    audience: "member",
    discordCommand: "privacy",
    description: "discord.command.forgetMe",
    help: "help.forget",
    fromText: () => command("member.forget"),
  },
  retention: {
    type: "program.retention",
    id: ["retensi"],
    audience: "organizer",
    discordCommand: "privacy",
    description: "discord.command.retention",
    help: "help.retention",
    argument: {
      name: "months",
      nameId: "bulan",
      kind: "integer",
      description: "discord.option.months",
      required: false,
      min: 1,
      max: 120,
    },
    fromText: (rest) => command("program.retention", optionalText("months", rest)),
    fromValue: (months) => command("program.retention", { months }),
  },
  // issue 16 (export): a member's own data, sent to their DM.
  mydata: {
    type: "data.export",
    id: ["datasaya"],
    audience: "member",
    description: "discord.command.mydata",
    help: "help.privacy",
    discordCommand: "privacy",
    fromText: () => command("data.export"),
  },
  // issue 18: calendar invites off or on. Discord: `/calendar` (`/kalender`), its own command.
  calendar: {
    type: "calendar.invites",
    id: ["kalender"],
    audience: "member",
    description: "discord.command.calendar",
    help: "help.calendar",
    discordCommand: "calendar",
    argument: {
      name: "state",
      nameId: "status",
      kind: "string",
      description: "discord.option.calendarState",
      required: false,
      maxLength: 10,
    },
    fromText: (rest) => command("calendar.invites", rest ? { state: calendarState(rest) } : {}),
  },
} as const satisfies Record<string, AnyEntry>;

/** "on"/"off" in either language ("nyala"/"mati"); anything else as typed, for the schema to refuse. */
function calendarState(word: string): string {
  const w = word.trim().toLowerCase();
  if (["on", "nyala", "aktif", "hidup"].includes(w)) return "on";
  if (["off", "mati", "nonaktif", "matikan"].includes(w)) return "off";
  return w;
}

export type CommandWord = keyof typeof COMMAND_TABLE;

/** The table's entries, in its order, each with the English word it is registered under. */
export const COMMAND_ENTRIES: ReadonlyArray<{ name: CommandWord } & CommandEntry<CommandType>> = Object.entries(
  COMMAND_TABLE,
).map(([name, entry]) => ({ name: name as CommandWord, ...(entry as CommandEntry<CommandType>) }));

/** Every word typed text reads (English and Indonesian, lower case), to its entry. */
export const WORDS: ReadonlyMap<string, { name: CommandWord } & CommandEntry<CommandType>> = new Map(
  COMMAND_ENTRIES.flatMap((entry) => [entry.name, ...(entry.en ?? []), ...entry.id].map((word) => [word, entry] as const)),
);

/** The help keys that list an audience's words, each once, in the table's order. */
export function helpKeys(audience: Audience): MessageKey[] {
  return [...new Set(COMMAND_ENTRIES.flatMap((e) => (e.audience === audience && e.help ? [e.help] : [])))];
}
