/**
 * The command table (src/core/commands/command-table.ts) and the compact id
 * table (compact-ids.ts) walked entry by entry: every word, in English and
 * Indonesian, reads as its command; every Discord subcommand is an entry and
 * every entry a subcommand, with the entry's names and options; every typed
 * option builds a valid command; every compact form carries a sample command
 * of its type there and back.
 */
import { type APIApplicationCommandSubcommandOption, ApplicationCommandOptionType } from "discord.js";
import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/adapters/discord/command-definitions";
import { decodeCustomId, encodeCustomId } from "../../src/adapters/discord/custom-id";
import { type CommandType, parseCommand } from "../../src/core/commands/command";
import { COMMAND_ENTRIES, COMMAND_TABLE, helpKeys, WORDS } from "../../src/core/commands/command-table";
import { COMPACT_IDS, type FieldKind } from "../../src/core/commands/compact-ids";
import { commandFromOptions, commandFromText } from "../../src/core/commands/slash";

/** The type a raw command acts as: a form typed in one line is that form submitted. */
const typeOf = (raw: Record<string, unknown>) =>
  raw.type === "form.submit" ? (raw.request as { type: string }).type : (raw.type as string);

describe("the command table", () => {
  it("reads every word, English and Indonesian, in any case, as its entry's command", () => {
    for (const entry of COMMAND_ENTRIES) {
      const words = [entry.name, ...(entry.en ?? []), ...entry.id];
      for (const word of words) {
        for (const typed of [word, word.toUpperCase(), ` ${word} `]) {
          expect(typeOf(commandFromText(typed)), typed).toBe(entry.type);
          expect(typeOf(commandFromText(`${typed} x`)), `${typed} x`).toBe(entry.type);
        }
      }
    }
  });

  it("gives every word to one entry only, lower case, without spaces (words joined by hyphens)", () => {
    const all = COMMAND_ENTRIES.flatMap((e) => [...new Set([e.name, ...(e.en ?? []), ...e.id])]);
    expect(new Set(all).size).toBe(all.length);
    expect(WORDS.size).toBe(all.length);
    for (const word of all) expect(word).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("keeps the words of today's vocabulary, aliases included", () => {
    expect([...WORDS.keys()].sort()).toEqual(
      [
        ...["help", "bantuan", "status", "setup", "siapkan", "open", "buka", "join", "ikut", "leave", "keluar"],
        ...["preview", "pratinjau", "match", "cocokkan", "close", "tutup", "report", "rekap", "laporan"],
        ...["schedule", "jadwal", "checkin", "cerita", "lapor", "journal", "catatan", "jurnal", "notes", "baca"],
        ...["pause", "rehat", "resume", "lanjut", "profile", "profil", "end", "akhiri", "avoid", "hindari"],
        ...["role", "peran", "access", "akses", "organizer", "penyelenggara", "weights", "bobot", "topics", "topik"],
        ...["hours", "jam", "audit", "jejak"],
        ...["forget-me", "hapus-data-saya", "retention", "retensi"],
        // issue 16 (export)
        ...["mydata", "datasaya"],
        // issue 18
        ...["calendar", "kalender"],
      ].sort(),
    );
  });

  it("reads no word it does not have, Object's own names included", () => {
    for (const word of ["constructor", "__proto__", "toString", "hasOwnProperty", "zzz"]) {
      expect(commandFromText(`${word} x y`)).toEqual({ type: `unknown:${word}`, rest: 2 });
      expect(commandFromOptions(word, { x: "y" })).toEqual({ type: `unknown:${word}`, rest: 0 });
    }
  });

  it("registers every entry as a Discord subcommand with its names and options, and nothing else", () => {
    // `/mentoring` holds Discord's 25 at most; the data-rights words are under `/privacy`.
    // `/calendar` (issue 18) is one word: its argument is the command's own option, no subcommand.
    const [mentoring, privacy, calendar] = commandDefinitions();
    expect(calendar?.name).toBe("calendar");
    expect((calendar?.options ?? []).map((o) => o.name)).toEqual([COMMAND_TABLE.calendar.argument.name]);
    expect(mentoring?.name).toBe("mentoring");
    expect(privacy?.name).toBe("privacy");
    expect(privacy?.name_localizations?.id).toBe("privasi");
    const under = (c: typeof mentoring) => (c?.options ?? []) as APIApplicationCommandSubcommandOption[];
    expect(under(mentoring).length).toBeLessThanOrEqual(25);
    expect(under(privacy).map((s) => s.name)).toEqual(
      COMMAND_ENTRIES.filter((e) => e.discordCommand === "privacy").map((e) => e.name),
    );
    const subcommands = [...under(mentoring), ...under(privacy)];
    expect([...subcommands.map((s) => s.name), "calendar"].sort()).toEqual(COMMAND_ENTRIES.map((e) => e.name).sort());
    for (const sub of subcommands) {
      expect(sub.type).toBe(ApplicationCommandOptionType.Subcommand);
      const entry = COMMAND_TABLE[sub.name as keyof typeof COMMAND_TABLE];
      expect(entry, sub.name).toBeDefined();
      expect(WORDS.get(sub.name)?.name).toBe(sub.name);
      expect(sub.name_localizations?.id ?? sub.name).toBe(entry.id[0]);
      const options = [...("argument" in entry ? [entry.argument] : []), ...("formOptions" in entry ? entry.formOptions : [])];
      expect((sub.options ?? []).map((o) => [o.name, o.name_localizations?.id, o.required ?? false])).toEqual(
        options.map((o) => [o.name, o.nameId, o.required]),
      );
    }
  });

  it("builds a valid command of the entry's type from each subcommand's typed option, and without it", () => {
    const SAMPLES: Record<string, string | number> = {
      string: "x",
      integer: 8,
      user: "123456789012345678",
      role: "120000000000000002",
    };
    const VALID_TEXT: Record<string, string> = {
      who: "everyone",
      range: "8-20 1-5",
      values: "goal=4",
      until: "2026-12-24",
      state: "off",
      export: "csv 2",
    };
    for (const entry of COMMAND_ENTRIES) {
      const bare = commandFromOptions(entry.name);
      expect(bare, entry.name).toEqual(commandFromText(entry.name));
      expect(typeOf(bare)).toBe(entry.type);
      if (!entry.argument) continue;
      const value = VALID_TEXT[entry.argument.name] ?? SAMPLES[entry.argument.kind];
      const raw = commandFromOptions(entry.name, { [entry.argument.name]: value });
      expect(typeOf(raw), entry.name).toBe(entry.type);
      const parsed = parseCommand(raw);
      expect(parsed.ok, `${entry.name}: ${JSON.stringify(raw)}`).toBe(true);
      if (parsed.ok) expect(parsed.command.type).toBe(entry.type);
      // A typed option is what the same text typed after the word would be (a mention for a user or role).
      const typed = entry.argument.kind === "user" ? `<@${value}>` : entry.argument.kind === "role" ? `<@&${value}>` : value;
      expect(parseCommand(commandFromText(`${entry.name} ${typed}`))).toEqual(parsed);
    }
  });

  it("names a help key for every word but the help itself, listed once per audience in the table's order", () => {
    for (const entry of COMMAND_ENTRIES) if (entry.name !== "help") expect(entry.help, entry.name).toBeDefined();
    expect(helpKeys("member")).toEqual(["help.member", "help.profile", "help.forget", "help.privacy", "help.calendar"]);
    expect(helpKeys("organizer")).toEqual(["help.organizer", "help.topics", "help.audit", "help.retention"]);
  });
});

describe("the compact id table", () => {
  const UUIDS = ["0f17b784-2da0-4f43-8d0b-2b0a99f8dd6c", "9b2d0c1e-7a44-4e1b-a0c3-5d6e7f8091a2"];
  const sample = (kind: FieldKind, i: number): unknown => {
    if (typeof kind !== "string") return kind.oneOf.at(-1);
    return { uuid: UUIDS[i % 2], int: 8 + i, bool: true, instant: "2026-12-24T09:30:00.000Z", word: "U123abc" }[kind];
  };

  it("gives every command type its own code", () => {
    const codes = Object.values(COMPACT_IDS).map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("carries a sample command of each type, every field filled, compactly there and back", () => {
    for (const [type, spec] of Object.entries(COMPACT_IDS)) {
      const command = {
        type: type as CommandType,
        ...Object.fromEntries(spec.fields.map(([name, kind], i) => [name, sample(kind, i)])),
      };
      // The sample is a command the core takes, so the table's fields are the schema's.
      expect(parseCommand(command).ok, type).toBe(true);
      for (const kind of ["command", "form"] as const) {
        const id = encodeCustomId({ kind, command: command as never });
        expect(id.startsWith(`sb1${kind[0]}:${spec.code}`) && !id.includes("{"), id).toBe(true);
        expect(decodeCustomId(id), id).toEqual({ kind, command });
      }
      const select = encodeCustomId({ kind: "select", command: command as never, field: "rating" }, 3);
      expect(decodeCustomId(select)).toEqual({ kind: "select", command, field: "rating" });
      // With no field set, the type alone is its code.
      expect(encodeCustomId({ kind: "command", command: { type } as never })).toBe(`sb1c:${spec.code}`);
    }
  });
});
