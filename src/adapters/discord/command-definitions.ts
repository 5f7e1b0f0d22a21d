/**
 * The `/mentoring` slash command as Discord registers it: one subcommand per
 * word of `src/core/slash.ts`, English names with Indonesian localizations,
 * descriptions from the i18n catalogs. An interaction comes back as the
 * subcommand's English name and its options, which `textFromInteraction`
 * turns into the text `commandFromText` reads: the adapter stays a translator.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from "discord.js";
import type { MessageKey } from "../../core/i18n/en";
import { translator } from "../../core/i18n/translate";

export const COMMAND_NAME = "mentoring";

export interface OptionDefinition {
  name: string;
  /** The name Indonesian clients show. */
  nameId: string;
  kind: "string" | "integer" | "user" | "role";
  description: MessageKey;
  required: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  /** Discord asks the app for choices as the member types (discord-app.ts: vocabulary topics). */
  autocomplete?: boolean;
}

export interface SubcommandDefinition {
  /** The English word, as `commandFromText` knows it; Discord sends this name whatever the user's language. */
  name: string;
  nameId: string;
  audience: "member" | "organizer";
  description: MessageKey;
  option?: OptionDefinition;
  /** Further options that only fill in the form the subcommand opens (not part of its text). */
  formOptions?: readonly OptionDefinition[];
}

export const SUBCOMMANDS: readonly SubcommandDefinition[] = [
  {
    name: "join",
    nameId: "ikut",
    audience: "member",
    description: "discord.command.join",
    // Named as the intake's input: a topic chosen here is already in the form when it opens.
    option: {
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
  },
  { name: "leave", nameId: "keluar", audience: "member", description: "discord.command.leave" },
  { name: "status", nameId: "status", audience: "member", description: "discord.command.status" },
  {
    name: "pause",
    nameId: "rehat",
    audience: "member",
    description: "discord.command.pause",
    option: {
      name: "until",
      nameId: "sampai",
      kind: "string",
      description: "discord.option.until",
      required: false,
      maxLength: 10,
    },
  },
  { name: "resume", nameId: "lanjut", audience: "member", description: "discord.command.resume" },
  { name: "notes", nameId: "baca", audience: "member", description: "discord.command.notes" },
  { name: "profile", nameId: "profil", audience: "member", description: "discord.command.profile" },
  {
    name: "journal",
    nameId: "catatan",
    audience: "member",
    description: "discord.command.journal",
    option: {
      name: "text",
      nameId: "teks",
      kind: "string",
      description: "discord.option.text",
      required: false,
      maxLength: 4000,
    },
  },
  { name: "end", nameId: "akhiri", audience: "member", description: "discord.command.end" },
  { name: "help", nameId: "bantuan", audience: "member", description: "discord.command.help" },
  { name: "schedule", nameId: "jadwal", audience: "member", description: "discord.command.schedule" },
  { name: "checkin", nameId: "cerita", audience: "member", description: "discord.command.checkin" },
  {
    name: "avoid",
    nameId: "hindari",
    audience: "member",
    description: "discord.command.avoid",
    option: { name: "user", nameId: "orang", kind: "user", description: "discord.option.user", required: true },
  },
  {
    name: "setup",
    nameId: "siapkan",
    audience: "organizer",
    description: "discord.command.setup",
    option: { name: "name", nameId: "nama", kind: "string", description: "discord.option.name", required: false, maxLength: 200 },
  },
  {
    name: "open",
    nameId: "buka",
    audience: "organizer",
    description: "discord.command.open",
    option: {
      name: "weeks",
      nameId: "minggu",
      kind: "integer",
      description: "discord.option.weeks",
      required: false,
      min: 4,
      max: 52,
    },
  },
  { name: "preview", nameId: "pratinjau", audience: "organizer", description: "discord.command.preview" },
  { name: "match", nameId: "cocokkan", audience: "organizer", description: "discord.command.match" },
  { name: "close", nameId: "tutup", audience: "organizer", description: "discord.command.close" },
  { name: "report", nameId: "rekap", audience: "organizer", description: "discord.command.report" },
  {
    name: "organizer",
    nameId: "penyelenggara",
    audience: "organizer",
    description: "discord.command.organizer",
    option: { name: "user", nameId: "orang", kind: "user", description: "discord.option.organizer", required: true },
  },
  {
    name: "access",
    nameId: "akses",
    audience: "organizer",
    description: "discord.command.access",
    option: { name: "who", nameId: "siapa", kind: "string", description: "discord.option.who", required: false, maxLength: 100 },
  },
  {
    name: "role",
    nameId: "peran",
    audience: "organizer",
    description: "discord.command.role",
    option: { name: "role", nameId: "peran", kind: "role", description: "discord.option.role", required: false },
  },
  {
    name: "hours",
    nameId: "jam",
    audience: "organizer",
    description: "discord.command.hours",
    option: {
      name: "range",
      nameId: "rentang",
      kind: "string",
      description: "discord.option.range",
      required: false,
      maxLength: 40,
    },
  },
  {
    name: "topics",
    nameId: "topik",
    audience: "organizer",
    description: "discord.command.topics",
    option: {
      name: "change",
      nameId: "ubah",
      kind: "string",
      description: "discord.option.topicChange",
      required: false,
      maxLength: 600,
    },
  },
  {
    name: "weights",
    nameId: "bobot",
    audience: "organizer",
    description: "discord.command.weights",
    option: {
      name: "values",
      nameId: "nilai",
      kind: "string",
      description: "discord.option.values",
      required: false,
      maxLength: 500,
    },
  },
];

const tEn = translator("en");
const tId = translator("id");

/** Discord's description limit; the catalogs' copy fits, and the test holds it there. */
const DESCRIPTION_MAX = 100;
const clip = (text: string) => (text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`);

function describeKey(key: MessageKey): { description: string; localizations: LocalizationMap } {
  const en = clip(tEn(key));
  return { description: en, localizations: { id: clip(tId(key)), "en-US": en, "en-GB": en } };
}

function addOption(sub: SlashCommandSubcommandBuilder, option: OptionDefinition): SlashCommandSubcommandBuilder {
  const { description, localizations } = describeKey(option.description);
  const common = <T extends SlashCommandSubcommandBuilder["options"][number]>(o: T) =>
    o
      .setName(option.name)
      .setNameLocalizations({ id: option.nameId })
      .setDescription(description)
      .setDescriptionLocalizations(localizations)
      .setRequired(option.required);
  switch (option.kind) {
    case "string":
      return sub.addStringOption((o) => {
        common(o);
        if (option.maxLength !== undefined) o.setMaxLength(option.maxLength);
        if (option.autocomplete) o.setAutocomplete(true);
        return o;
      });
    case "integer":
      return sub.addIntegerOption((o) => {
        common(o);
        if (option.min !== undefined) o.setMinValue(option.min);
        if (option.max !== undefined) o.setMaxValue(option.max);
        return o;
      });
    case "user":
      return sub.addUserOption((o) => common(o));
    case "role":
      return sub.addRoleOption((o) => common(o));
  }
}

/** The `/mentoring` command, as the JSON body Discord's command endpoints take. */
export function mentoringCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const { description, localizations } = describeKey("discord.command.description");
  const builder = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription(description)
    .setDescriptionLocalizations(localizations)
    // Members use it in DMs with the bot too (journal, status, pause); organizer rules live in the core.
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  for (const def of SUBCOMMANDS) {
    builder.addSubcommand((sub) => {
      const text = describeKey(def.description);
      sub
        .setName(def.name)
        .setDescription(text.description)
        .setDescriptionLocalizations(text.localizations)
        .setNameLocalizations(def.nameId !== def.name ? { id: def.nameId } : {});
      if (def.option) addOption(sub, def.option);
      for (const option of def.formOptions ?? []) addOption(sub, option);
      return sub;
    });
  }
  return builder.toJSON();
}

/** Every command the bot registers. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [mentoringCommand()];
}

export type InteractionOptionValue = string | number | boolean | null | undefined;

/**
 * A `/mentoring` interaction as the text after the slash command, e.g.
 * ("pause", { until: "2026-12-24" }) → "pause 2026-12-24",
 * ("avoid", { user: "123" }) → "avoid <@123>" and ("role", { role: "9" }) → "role <@&9>". An unknown subcommand passes
 * through as its word, and the core answers it with the help.
 */
export function textFromInteraction(subcommand: string, options: Readonly<Record<string, InteractionOptionValue>> = {}): string {
  const def = SUBCOMMANDS.find((s) => s.name === subcommand);
  const word = subcommand.trim().split(/\s+/)[0] ?? "";
  if (!def?.option) return word;
  const value = options[def.option.name];
  if (value === undefined || value === null || String(value).trim() === "") return word;
  const text = String(value).replace(/\s+/g, " ").trim();
  const mention = def.option.kind === "user" ? `<@${text}>` : def.option.kind === "role" ? `<@&${text}>` : text;
  return `${word} ${mention}`;
}
