/** Time zone names and the Indonesian abbreviations people actually type. */
import { IANAZone } from "luxon";

/** WIB, WITA and WIT are how Indonesians name their zones; accept them. */
const ALIASES: Record<string, string> = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
};

/** Returns the IANA zone for a name or Indonesian abbreviation, or null. */
/** Where nothing says otherwise (a new program, a member who chose no zone): Indonesia's western zone. */
export const DEFAULT_TIMEZONE = "Asia/Jakarta";

export function resolveTimezone(input: string): string | null {
  const trimmed = input.trim();
  const alias = ALIASES[trimmed.toUpperCase()];
  if (alias) return alias;
  // Every intake and schedule form checks its zone: building two Intl formatters each time was
  // about 3% of the bot's CPU under load. Names typed by people are few; the bound keeps junk out.
  const known = resolved.get(trimmed);
  if (known !== undefined) return known;
  const zone = IANAZone.isValidZone(trimmed)
    ? // Canonical spelling ("asia/jakarta" becomes "Asia/Jakarta").
      new Intl.DateTimeFormat("en", { timeZone: trimmed }).resolvedOptions().timeZone
    : null;
  if (resolved.size >= MAX_RESOLVED) resolved.clear();
  resolved.set(trimmed, zone);
  return zone;
}

const resolved = new Map<string, string | null>();
const MAX_RESOLVED = 1_000;

/** Zones offered first in pickers: Indonesia's three, then common neighbours. */
export const SUGGESTED_TIMEZONES = [
  "Asia/Jakarta",
  "Asia/Makassar",
  "Asia/Jayapura",
  "Asia/Singapore",
  "Asia/Kuala_Lumpur",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "UTC",
] as const;
