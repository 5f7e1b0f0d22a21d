/**
 * `npm run discord:register`: puts the bot's slash commands on Discord and
 * prints the invite URL.
 *
 *   DISCORD_TOKEN           the bot token (never printed)
 *   DISCORD_APPLICATION_ID  the application's id
 *   DISCORD_GUILD_ID        optional: register in this server only (instant, for development); else globally
 *   DISCORD_API_URL         optional: another REST base URL (a proxy, a test server), like discord.js's `rest.api`
 *
 * The PUT replaces the whole list, so running it again is safe.
 */
import { pathToFileURL } from "node:url";
import {
  OAuth2Scopes,
  PermissionFlagsBits,
  REST,
  type RESTPutAPIApplicationCommandsResult,
  type RESTPutAPIApplicationGuildCommandsResult,
  Routes,
} from "discord.js";
import { commandDefinitions } from "./command-definitions";

/**
 * Exactly what the bot uses: read and post in the program channel and in
 * pairs' private threads, create those threads, and render links in messages.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

/** The URL a server admin opens to add the bot with the permissions above. */
export function inviteUrl(applicationId: string): string {
  const scope = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join("+");
  return `https://discord.com/oauth2/authorize?client_id=${encodeURIComponent(applicationId)}&scope=${scope}&permissions=${BOT_PERMISSIONS}`;
}

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** A server to register in (development); without it the commands are global. */
  guildId?: string | undefined;
  /** REST base URL, default https://discord.com/api. */
  apiUrl?: string | undefined;
}

/** PUTs the command list (replacing what was there) and returns what Discord stored. */
export async function registerCommands(
  options: RegisterOptions,
): Promise<RESTPutAPIApplicationCommandsResult | RESTPutAPIApplicationGuildCommandsResult> {
  const rest = new REST({ version: "10", ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  return (await rest.put(route, { body: commandDefinitions() })) as RESTPutAPIApplicationCommandsResult;
}

export class MissingVariableError extends Error {
  constructor(readonly variable: string) {
    super(`${variable} is not set: see src/adapters/discord/register.ts for what it expects`);
    this.name = "MissingVariableError";
  }
}

/** The options from the environment; throws naming the first missing variable. */
export function optionsFromEnv(env: Readonly<Record<string, string | undefined>>): RegisterOptions {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const token = value("DISCORD_TOKEN");
  if (!token) throw new MissingVariableError("DISCORD_TOKEN");
  const applicationId = value("DISCORD_APPLICATION_ID");
  if (!applicationId) throw new MissingVariableError("DISCORD_APPLICATION_ID");
  return { token, applicationId, guildId: value("DISCORD_GUILD_ID"), apiUrl: value("DISCORD_API_URL") };
}

/** One line per outcome; the token never appears, even inside an error message. Returns the exit code. */
export async function cli(
  env: Readonly<Record<string, string | undefined>>,
  print: (line: string) => void,
  printError: (line: string) => void,
): Promise<number> {
  let options: RegisterOptions;
  try {
    options = optionsFromEnv(env);
  } catch (error) {
    printError(`sebaya: ${(error as Error).message}`);
    return 1;
  }
  try {
    const stored = await registerCommands(options);
    const names = stored.map((c) => `/${c.name}`).join(", ");
    print(
      `sebaya: registered ${names} ${options.guildId ? `in server ${options.guildId}` : "globally (Discord may take a few minutes to show them everywhere)"}`,
    );
    print(`sebaya: invite the bot with ${inviteUrl(options.applicationId)}`);
    return 0;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split(options.token).join("[token]");
    printError(`sebaya: registering the commands failed: ${message.replace(/\s+/g, " ").trim()}`);
    return 1;
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  const { loadEnvFile } = await import("../../config");
  loadEnvFile();
  process.exitCode = await cli(process.env, console.log, console.error);
}
