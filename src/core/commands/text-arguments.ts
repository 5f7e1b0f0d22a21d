/**
 * How the text typed after a command's word becomes the command's fields: the
 * readers the command table (command-table.ts) names per word. They only
 * shape; parseCommand validates, so anything unreadable is passed on for the
 * schema to refuse by name.
 */
import { teamPolicyOf, weightKeyOf } from "./weight-names";

export type Raw = Record<string, unknown>;

/** The settings `setup` takes after the name, in English or Indonesian. */
type SetupSetting = "language" | "timezone" | "roundWeeks";
const SETUP_SETTINGS: Record<string, SetupSetting> = {
  language: "language",
  lang: "language",
  bahasa: "language",
  timezone: "timezone",
  zone: "timezone",
  zona: "timezone",
  weeks: "roundWeeks",
  minggu: "roundWeeks",
};

/**
 * "Kopi Belajar language=en timezone=WITA weeks=8" (or bahasa=, zona=, minggu=): the program's
 * name, and the settings named after it; the schema validates the values. Without settings the
 * whole text is the name, as typed.
 */
export function setupText(rest: string): { name?: string } & Partial<Record<SetupSetting, string>> {
  const settings: Partial<Record<SetupSetting, string>> = {};
  const name = rest
    .replace(/(^|\s)([a-z]+)=(\S*)(?=\s|$)/gi, (whole, _space: string, key: string, value: string) => {
      const field = Object.hasOwn(SETUP_SETTINGS, key.toLowerCase()) ? SETUP_SETTINGS[key.toLowerCase()] : undefined;
      if (!field) return whole;
      settings[field] = field === "language" ? value.toLowerCase() : value;
      return "";
    })
    .trim();
  return { ...(name ? { name } : {}), ...settings };
}

/**
 * "everyone", "admins", a role mention or a person (a mention, or a plain id in the console) as the
 * access setting names them; anything else is passed on for the schema to refuse.
 */
export function grantee(text: string): { who?: string } {
  const word = text.trim().toLowerCase();
  if (!word) return {};
  if (["everyone", "semua", "all"].includes(word)) return { who: "everyone" };
  if (["admins", "admin"].includes(word)) return { who: "admins" };
  const role = /^<@&(\d+)>$/.exec(text.trim());
  if (role) return { who: `role:${role[1]}` };
  const id = unmention(text.trim());
  return { who: /^[^<>@\s]+$/.test(id) ? `user:${id}` : text };
}

/** Slack and Discord mentions look like <@U123>, <@U123|name>, <@!123> or <@&role>; the console uses plain ids. */
export function unmention(text: string): string {
  return text.replace(/^<@[!&]?([^>|]+)(\|[^>]*)?>$/, "$1");
}

/**
 * Someone named the way the help writes it: a platform mention (<@U123>) is their id; "@Budi" or
 * "Budi" is a name the core looks up among the people it knows here. Typed in a chat box, "@Budi"
 * stays text when the platform did not turn it into a mention.
 */
export function person(text: string): { userId: string } | { person: string } {
  const trimmed = text.trim();
  if (/^<@[!]?[^&>|]+(\|[^>]*)?>$/.test(trimmed)) return { userId: unmention(trimmed) };
  return { person: trimmed.replace(/^@/, "").trim() };
}

/**
 * "8-20 1-5" → { from: 8, until: 20, workingDays: [1..5] }; days as ISO numbers (1 = Monday),
 * ranges or commas ("1,3,5"). Anything unreadable is passed on as text for the schema to refuse.
 */
export function contactHours(text: string): { from?: string; until?: string; workingDays?: Array<string | number> } {
  const [hours, days] = text.split(/\s+/).filter(Boolean);
  const out: { from?: string; until?: string; workingDays?: Array<string | number> } = {};
  if (hours) {
    const [from, until] = hours.split("-");
    out.from = from ?? hours;
    out.until = until ?? "";
  }
  if (days) {
    out.workingDays = days.split(",").flatMap((part): Array<string | number> => {
      const [a, b] = part.split("-").map(Number);
      if (a === undefined || !Number.isInteger(a)) return [part];
      if (b === undefined || !Number.isInteger(b)) return part.includes("-") ? [part] : [a];
      return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
    });
  }
  return out;
}

/**
 * "goal=4 teamPolicy=same" or "tujuan=4 aturan-tim=sama" → { goal: 4, teamPolicy: "same" }: a
 * weight by its name in either language (weight-names.ts). An unknown name is passed on as typed,
 * so the schema refuses it by name; values are validated by the schema.
 */
export function keyValues(text: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const part of text.split(/\s+/)) {
    const [typed, value] = part.split("=");
    if (!typed || value === undefined) continue;
    const key = weightKeyOf(typed) ?? typed;
    if (key === "teamPolicy") out[key] = teamPolicyOf(value);
    else out[key] = value !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return out;
}

/**
 * "csv" or "csv 3" after `report` (the same in Indonesian): the CSV of the current round, or of
 * round 3. Anything else is passed on as the format, for the schema to refuse.
 */
export function reportText(rest: string): { format?: string; round?: string } {
  if (!rest) return {};
  const [format = "", round, ...more] = rest.split(/\s+/);
  if (more.length > 0) return { format: rest };
  return { format: format.toLowerCase(), ...(round ? { round } : {}) };
}
