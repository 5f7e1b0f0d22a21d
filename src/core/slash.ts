/**
 * `/mentoring <subcommand> [text]`, the same on every platform: turns the
 * typed text into raw command input. Validation happens in parseCommand, so
 * an unknown word becomes an unknown command and gets the help.
 */

import { teamPolicyOf, weightKeyOf } from "./weight-names";

type Raw = Record<string, unknown>;

/**
 * A word whose form has one answer takes it typed after the word: "journal <note>" is the journal
 * form submitted in one line. Without the text, the word opens the form.
 */
const answeredInline =
  (type: "journal.write" | "pause", field: string) =>
  (rest: string): Raw =>
    rest ? { type: "form.submit", request: { type }, answers: { [field]: rest } } : { type };

const SUBCOMMANDS: Record<string, (rest: string) => Raw> = {
  help: () => ({ type: "help" }),
  bantuan: () => ({ type: "help" }),
  status: () => ({ type: "status" }),
  setup: (rest) => setupText(rest),
  siapkan: (rest) => setupText(rest),
  open: (rest) => ({ type: "round.open", ...(rest ? { weeks: rest } : {}) }),
  buka: (rest) => ({ type: "round.open", ...(rest ? { weeks: rest } : {}) }),
  join: () => ({ type: "round.join" }),
  ikut: () => ({ type: "round.join" }),
  leave: () => ({ type: "round.leave" }),
  keluar: () => ({ type: "round.leave" }),
  preview: () => ({ type: "round.match", dryRun: true }),
  pratinjau: () => ({ type: "round.match", dryRun: true }),
  match: () => ({ type: "round.match" }),
  cocokkan: () => ({ type: "round.match" }),
  close: () => ({ type: "round.close" }),
  report: () => ({ type: "program.report" }),
  rekap: () => ({ type: "program.report" }),
  laporan: () => ({ type: "program.report" }),
  tutup: () => ({ type: "round.close" }),
  schedule: () => ({ type: "cadence.propose" }),
  jadwal: () => ({ type: "cadence.propose" }),
  checkin: () => ({ type: "checkin" }),
  cerita: () => ({ type: "checkin" }),
  lapor: () => ({ type: "checkin" }),
  journal: answeredInline("journal.write", "text"),
  catatan: answeredInline("journal.write", "text"),
  jurnal: answeredInline("journal.write", "text"),
  notes: () => ({ type: "journal.read" }),
  baca: () => ({ type: "journal.read" }),
  pause: answeredInline("pause", "until"),
  rehat: answeredInline("pause", "until"),
  resume: () => ({ type: "resume" }),
  profile: () => ({ type: "profile.show" }),
  profil: () => ({ type: "profile.show" }),
  lanjut: () => ({ type: "resume" }),
  end: () => ({ type: "pairing.end" }),
  avoid: (rest) => ({ type: "member.avoid", userId: unmention(rest) }),
  hindari: (rest) => ({ type: "member.avoid", userId: unmention(rest) }),
  role: (rest) => ({ type: "program.role", ...(rest ? { roleId: unmention(rest) } : {}) }),
  peran: (rest) => ({ type: "program.role", ...(rest ? { roleId: unmention(rest) } : {}) }),
  access: (rest) => ({ type: "setup.access", ...grantee(rest) }),
  akses: (rest) => ({ type: "setup.access", ...grantee(rest) }),
  organizer: (rest) => ({ type: "program.organizer", ...person(rest) }),
  penyelenggara: (rest) => ({ type: "program.organizer", ...person(rest) }),
  weights: (rest) => ({ type: "program.weights", ...(rest ? { weights: keyValues(rest) } : {}) }),
  bobot: (rest) => ({ type: "program.weights", ...(rest ? { weights: keyValues(rest) } : {}) }),
  topics: (rest) => ({ type: "program.topics", ...(rest ? { change: rest } : {}) }),
  topik: (rest) => ({ type: "program.topics", ...(rest ? { change: rest } : {}) }),
  akhiri: () => ({ type: "pairing.end" }),
  hours: (rest) => ({ type: "program.hours", ...contactHours(rest) }),
  jam: (rest) => ({ type: "program.hours", ...contactHours(rest) }),
};

/** The settings `setup` takes after the name, in English or Indonesian. */
const SETUP_SETTINGS: Record<string, "language" | "timezone" | "roundWeeks"> = {
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
function setupText(rest: string): Raw {
  const settings: Raw = {};
  const name = rest
    .replace(/(^|\s)([a-z]+)=(\S*)(?=\s|$)/gi, (whole, _space: string, key: string, value: string) => {
      const field = Object.hasOwn(SETUP_SETTINGS, key.toLowerCase()) ? SETUP_SETTINGS[key.toLowerCase()] : undefined;
      if (!field) return whole;
      settings[field] = field === "language" ? value.toLowerCase() : value;
      return "";
    })
    .trim();
  return { type: "program.setup", ...(name ? { name } : {}), ...settings };
}

/**
 * "everyone", "admins", a role mention or a person (a mention, or a plain id in the console) as the
 * access setting names them; anything else is passed on for the schema to refuse.
 */
function grantee(text: string): Raw {
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
function unmention(text: string): string {
  return text.replace(/^<@[!&]?([^>|]+)(\|[^>]*)?>$/, "$1");
}

/**
 * Someone named the way the help writes it: a platform mention (<@U123>) is their id; "@Budi" or
 * "Budi" is a name the core looks up among the people it knows here. Typed in a chat box, "@Budi"
 * stays text when the platform did not turn it into a mention.
 */
function person(text: string): Raw {
  const trimmed = text.trim();
  if (/^<@[!]?[^&>|]+(\|[^>]*)?>$/.test(trimmed)) return { userId: unmention(trimmed) };
  return { person: trimmed.replace(/^@/, "").trim() };
}

/**
 * "8-20 1-5" → { from: 8, until: 20, workingDays: [1..5] }; days as ISO numbers (1 = Monday),
 * ranges or commas ("1,3,5"). Anything unreadable is passed on as text for the schema to refuse.
 */
function contactHours(text: string): Raw {
  const [hours, days] = text.split(/\s+/).filter(Boolean);
  const out: Raw = {};
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
function keyValues(text: string): Record<string, string | number> {
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

/** `text` is what follows the slash command, e.g. "pause 2026-12-24". */
export function commandFromText(text: string): Raw {
  const trimmed = text.trim();
  if (trimmed === "") return { type: "help" };
  const [word = "", ...restWords] = trimmed.split(/\s+/);
  const key = word.toLowerCase();
  // Own keys only: "constructor" or "__proto__" are unknown words, not Object's.
  const build = Object.hasOwn(SUBCOMMANDS, key) ? SUBCOMMANDS[key] : undefined;
  const rest = trimmed.slice(word.length).trim();
  return build ? build(rest) : { type: `unknown:${word.slice(0, 40)}`, rest: restWords.length };
}
