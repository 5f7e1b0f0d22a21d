/**
 * `/mentoring <subcommand> [text]`, the same on every platform: turns the
 * typed text, or a platform's typed options, into raw command input through
 * the command table (commands/command-table.ts). Validation happens in
 * parseCommand, so an unknown word becomes an unknown command and gets the help.
 */
import { type OptionValue, WORDS } from "./command-table";
import type { Raw } from "./text-arguments";

/** `text` is what follows the slash command, e.g. "pause 2026-12-24". */
export function commandFromText(text: string): Raw {
  const trimmed = text.trim();
  if (trimmed === "") return { type: "help" };
  const [word = "", ...restWords] = trimmed.split(/\s+/);
  // A Map, so "constructor" or "__proto__" are unknown words, not Object's.
  const entry = WORDS.get(word.toLowerCase());
  const rest = trimmed.slice(word.length).trim();
  return entry ? entry.fromText(rest) : { type: `unknown:${word.slice(0, 40)}`, rest: restWords.length };
}

/**
 * A command picked from a platform's menu (Discord's `/mentoring` subcommands): its English word
 * and its typed options by name, e.g. ("avoid", { user: "123" }) → { type: "member.avoid", userId: "123" }.
 * A user, role or number is taken as the value it is; text is read like the text typed after the
 * word. Options that only fill in a form (formOptions) are the caller's to pass on. An unknown word
 * becomes an unknown command, as typed.
 */
export function commandFromOptions(subcommand: string, options: Readonly<Record<string, OptionValue>> = {}): Raw {
  const word = subcommand.trim().split(/\s+/)[0] ?? "";
  const entry = WORDS.get(word);
  if (!entry || entry.name !== word) return commandFromText(word);
  const value = entry.argument ? options[entry.argument.name] : undefined;
  if (value === undefined || value === null || String(value).trim() === "") return entry.fromText("");
  if (entry.fromValue && typeof value !== "boolean") return entry.fromValue(value);
  return entry.fromText(String(value).replace(/\s+/g, " ").trim());
}
