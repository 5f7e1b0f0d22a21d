/**
 * Who acted, as Discord says in the interaction itself (no extra request):
 * the name the server shows, the client's locale (the reply language until
 * the member chooses one), the member's roles (a program's organizer role)
 * and whether they may manage the server (organizer rights everywhere).
 *
 * The tenant is the bot's application, not the server. A DM with the bot does
 * not say which server the member came from, yet it must act on the same
 * member (their pairing, journal, pause), and Discord user ids are global. A
 * program belongs to a channel, and channel ids are globally unique too, so
 * several servers of one bot never mix their programs; the bot-wide rate
 * limit Discord applies also matches one tenant per bot.
 */
import { type Interaction, PermissionFlagsBits } from "discord.js";
import type { Envelope } from "../../core/commands/command";

export interface Person {
  /** The application (bot) id: the tenant. */
  tenant: string;
  user: string;
  name: string;
  locale?: string;
  isAdmin: boolean;
  roles: string[];
  /** The server the interaction came from (none in a DM): where `isAdmin` and `roles` hold. */
  guild?: string;
}

/** The person behind an interaction, in a server or in a DM. */
export function personOf(interaction: Interaction): Person {
  const user = interaction.user;
  const member = interaction.member;
  let name = user.displayName || user.username || user.id;
  let roles: string[] = [];
  if (member) {
    // A cached GuildMember or the raw member of an uncached server.
    if ("displayName" in member && typeof member.displayName === "string") name = member.displayName;
    else if ("nick" in member && member.nick) name = member.nick;
    roles = Array.isArray(member.roles) ? [...member.roles] : [...member.roles.cache.keys()];
    // @everyone is implied; it is never a program's organizer role.
    if (interaction.guildId) roles = roles.filter((r) => r !== interaction.guildId);
  }
  return {
    tenant: interaction.applicationId,
    user: user.id,
    name: name.trim() || user.id,
    ...(interaction.locale ? { locale: interaction.locale } : {}),
    // Manage Server, as the member holds it in this channel (null in DMs: no rights there).
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    roles: roles.slice(0, 250),
    ...(interaction.guildId ? { guild: interaction.guildId } : {}),
  };
}

export function envelope(person: Person, channelId: string | undefined, command: unknown): Envelope {
  return {
    actor: {
      platform: "discord",
      tenantId: person.tenant,
      userId: person.user,
      displayName: person.name.slice(0, 100),
      isAdmin: person.isAdmin,
      ...(person.guild ? { space: person.guild } : {}),
      ...(person.locale ? { locale: person.locale } : {}),
      ...(person.roles.length > 0 ? { roles: person.roles } : {}),
    },
    ...(channelId ? { channelId } : {}),
    command,
  };
}
