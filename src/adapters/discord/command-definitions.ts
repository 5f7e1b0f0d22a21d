/**
 * The `/mentoring` slash command as Discord registers it: one subcommand per
 * entry of the core's command table (`src/core/commands/command-table.ts`),
 * English names with Indonesian localizations, descriptions from the i18n
 * catalogs. An interaction comes back as the subcommand's English name and its
 * typed options, which the core's `commandFromOptions` turns into the raw
 * command through the same table: the adapter stays a translator.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from "discord.js";
import {
  type Argument,
  type Audience,
  COMMAND_ENTRIES,
  type CommandWord,
  DISCORD_COMMANDS,
  type DiscordCommandName,
  type OptionValue,
} from "../../core/commands/command-table";
import type { MessageKey } from "../../core/i18n/en";
import { translator } from "../../core/i18n/translate";

export const COMMAND_NAME = "mentoring";
/**
 * Every top-level command the bot registers: `/mentoring`, `/privacy` for the data-rights words (25
 * subcommands at most per command), `/calendar` for calendar invites.
 */
export const COMMAND_NAMES: readonly string[] = DISCORD_COMMANDS;

export type OptionDefinition = Argument;

export interface SubcommandDefinition {
  /** The English word, as `commandFromText` knows it; Discord sends this name whatever the user's language. */
  name: CommandWord;
  nameId: string;
  /** The top-level command it belongs to. */
  command: DiscordCommandName;
  audience: Audience;
  description: MessageKey;
  option?: OptionDefinition;
  /** Further options that only fill in the form the subcommand opens (not part of its text). */
  formOptions?: readonly OptionDefinition[];
}

/** The subcommands, from the command table, in its order. */
export const SUBCOMMANDS: readonly SubcommandDefinition[] = COMMAND_ENTRIES.map((entry) => ({
  name: entry.name,
  nameId: entry.id[0],
  command: entry.discordCommand ?? "mentoring",
  audience: entry.audience,
  description: entry.description,
  ...(entry.argument ? { option: entry.argument } : {}),
  ...(entry.formOptions ? { formOptions: entry.formOptions } : {}),
}));

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
  return topLevel("mentoring", "discord.command.description");
}

/** `/privacy` (`/privasi`): a member's data rights (issue 16), which no longer fit under `/mentoring`. */
export function privacyCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return topLevel("privacy", "discord.command.privacy", "privasi");
}

/**
 * `/calendar` (`/kalender`): calendar invites on or off (issue 18). One word, so its argument is the
 * command's own option (`/calendar off`), not a subcommand's.
 */
export function calendarCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return topLevel("calendar", "discord.command.calendar", "kalender");
}

function topLevel(name: DiscordCommandName, key: MessageKey, nameId?: string): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const { description, localizations } = describeKey(key);
  const builder = new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setDescriptionLocalizations(localizations)
    // Members use it in DMs with the bot too (journal, status, pause); organizer rules live in the core.
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  if (nameId) builder.setNameLocalizations({ id: nameId });
  const words = SUBCOMMANDS.filter((d) => d.command === name);
  const [only] = words;
  if (words.length === 1 && only?.name === name) {
    // The word is the command: its options are the command's (the builders share the option methods addOption uses).
    if (only.option) addOption(builder as unknown as SlashCommandSubcommandBuilder, only.option);
    return builder.toJSON();
  }
  for (const def of words) {
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
  return [mentoringCommand(), privacyCommand(), calendarCommand()];
}

/** A value an interaction's option carries, as the core's `commandFromOptions` reads it. */
export type InteractionOptionValue = OptionValue;
