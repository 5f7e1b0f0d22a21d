/**
 * Command registration against a local HTTP server standing in for Discord's
 * REST API: the route (guild or global), the token sent but never printed,
 * the `/mentoring` definition within Discord's naming and length rules, the
 * subcommands read back into the words `commandFromText` knows, and the
 * invite URL's permissions.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIApplicationCommandOption, APIApplicationCommandSubcommandOption, LocalizationMap } from "discord.js";
import { ApplicationCommandOptionType } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  COMMAND_NAME,
  calendarCommand,
  mentoringCommand,
  privacyCommand,
  SUBCOMMANDS,
} from "../../src/adapters/discord/command-definitions";
import { BOT_PERMISSIONS, cli, inviteUrl, registerCommands } from "../../src/adapters/discord/register";
import { parseCommand } from "../../src/core/commands/command";
import { commandFromOptions, commandFromText } from "../../src/core/commands/slash";

const TOKEN = "test-token.NEVER.PRINTED";
const APP = "1100000000000000001";
const GUILD = "1200000000000000002";

interface Recorded {
  method: string;
  url: string;
  /** Whether the bot token was sent; the header itself is never kept. */
  authorized: boolean;
  body: unknown;
}

let server: Server;
let api: string;
let recorded: Recorded[] = [];
let status = 200;

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const text = await readBody(req);
    const body = text ? JSON.parse(text) : undefined;
    recorded.push({
      method: req.method ?? "",
      url: req.url ?? "",
      authorized: req.headers.authorization === `Bot ${TOKEN}`,
      body,
    });
    res.setHeader("content-type", "application/json");
    if (status !== 200) {
      res.statusCode = status;
      res.end(JSON.stringify({ message: "401: Unauthorized", code: 0 }));
      return;
    }
    const stored = (Array.isArray(body) ? body : []).map((c: Record<string, unknown>, i: number) => ({
      ...c,
      id: `13000000000000000${i}`,
      application_id: APP,
      version: "1",
    }));
    res.end(JSON.stringify(stored));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  recorded = [];
  status = 200;
});

describe("registerCommands", () => {
  it("PUTs the command list to the guild route when a guild is given", async () => {
    const stored = await registerCommands({ token: TOKEN, applicationId: APP, guildId: GUILD, apiUrl: api });
    expect(recorded).toHaveLength(1);
    const [put] = recorded;
    expect(put?.method).toBe("PUT");
    expect(put?.url).toBe(`/api/v10/applications/${APP}/guilds/${GUILD}/commands`);
    expect(put?.authorized).toBe(true);
    expect(put?.body).toEqual([mentoringCommand(), privacyCommand(), calendarCommand()]);
    expect(stored.map((c) => c.name)).toEqual([COMMAND_NAME, "privacy", "calendar"]);
  });

  it("PUTs to the global route without a guild", async () => {
    await registerCommands({ token: TOKEN, applicationId: APP, apiUrl: api });
    expect(recorded.map((r) => [r.method, r.url])).toEqual([["PUT", `/api/v10/applications/${APP}/commands`]]);
  });
});

describe("the command line", () => {
  const run = async (env: Record<string, string | undefined>) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await cli(
      env,
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out, err };
  };

  it("names the missing variable in one line and never prints the token", async () => {
    const noApp = await run({ DISCORD_TOKEN: TOKEN });
    expect(noApp.code).toBe(1);
    expect(noApp.err).toHaveLength(1);
    expect(noApp.err[0]).toMatch(/DISCORD_APPLICATION_ID is not set/);
    const noToken = await run({ DISCORD_APPLICATION_ID: APP, DISCORD_TOKEN: " " });
    expect(noToken.err[0]).toMatch(/DISCORD_TOKEN is not set/);
    for (const line of [...noApp.err, ...noApp.out, ...noToken.err]) expect(line).not.toContain(TOKEN);
    expect(recorded).toEqual([]);
  });

  it("registers, then prints where and the invite URL", async () => {
    const { code, out, err } = await run({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP,
      DISCORD_GUILD_ID: GUILD,
      DISCORD_API_URL: api,
    });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([
      `sebaya: registered /mentoring, /privacy, /calendar in server ${GUILD}`,
      `sebaya: invite the bot with ${inviteUrl(APP)}`,
    ]);
    expect(recorded[0]?.url).toBe(`/api/v10/applications/${APP}/guilds/${GUILD}/commands`);
  });

  it("reports a refusal in one line without the token", async () => {
    status = 401;
    const { code, out, err } = await run({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: api });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^sebaya: registering the commands failed: .*Unauthorized/);
    expect(err[0]).not.toContain(TOKEN);
    expect(err[0]).not.toContain("\n");
  });
});

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Every name and description in the command, with its localizations. */
function* named(
  item: {
    name: string;
    description: string;
    name_localizations?: LocalizationMap | null;
    description_localizations?: LocalizationMap | null;
  },
  path: string,
): Generator<{ path: string; names: string[]; descriptions: string[] }> {
  yield {
    path,
    names: [item.name, ...Object.values(item.name_localizations ?? {}).filter((v): v is string => typeof v === "string")],
    descriptions: [
      item.description,
      ...Object.values(item.description_localizations ?? {}).filter((v): v is string => typeof v === "string"),
    ],
  };
  for (const option of ("options" in item ? (item.options as APIApplicationCommandOption[] | undefined) : undefined) ?? [])
    yield* named(option, `${path} ${option.name}`);
}

describe("the /mentoring command", () => {
  const command = mentoringCommand();
  const subcommands = (command.options ?? []) as APIApplicationCommandSubcommandOption[];

  it("join's expertise and goals ask Discord for choices as the member types (topics from the vocabulary)", () => {
    const join = subcommands.find((s) => s.name === "join");
    expect(join?.options?.[0]).toMatchObject({ name: "expertise", required: false, autocomplete: true, max_length: 100 });
    expect(join?.options?.[0]?.name_localizations).toEqual({ id: "keahlian" });
    expect(join?.options?.[1]).toMatchObject({
      name: "goals",
      required: false,
      autocomplete: true,
      name_localizations: { id: "tujuan" },
    });
  });

  it("has every member and organizer subcommand, each with the options it takes", () => {
    expect(command.name).toBe("mentoring");
    expect(subcommands.every((s) => s.type === ApplicationCommandOptionType.Subcommand)).toBe(true);
    expect(Object.fromEntries(subcommands.map((s) => [s.name, (s.options ?? []).map((o) => `${o.name}:${o.type}`)]))).toEqual({
      join: [`expertise:${ApplicationCommandOptionType.String}`, `goals:${ApplicationCommandOptionType.String}`],
      leave: [],
      status: [],
      pause: [`until:${ApplicationCommandOptionType.String}`],
      resume: [],
      notes: [],
      profile: [],
      journal: [`text:${ApplicationCommandOptionType.String}`],
      end: [],
      help: [],
      schedule: [],
      checkin: [],
      avoid: [`user:${ApplicationCommandOptionType.User}`],
      setup: [`name:${ApplicationCommandOptionType.String}`],
      open: [`weeks:${ApplicationCommandOptionType.Integer}`],
      preview: [],
      match: [],
      close: [],
      report: [`export:${ApplicationCommandOptionType.String}`],
      organizer: [`user:${ApplicationCommandOptionType.User}`],
      access: [`who:${ApplicationCommandOptionType.String}`],
      role: [`role:${ApplicationCommandOptionType.Role}`],
      hours: [`range:${ApplicationCommandOptionType.String}`],
      weights: [`values:${ApplicationCommandOptionType.String}`],
      topics: [`change:${ApplicationCommandOptionType.String}`],
    });
    const weeks = subcommands.find((s) => s.name === "open")?.options?.[0];
    expect(weeks).toMatchObject({ min_value: 4, max_value: 52, required: false });
    expect(subcommands.find((s) => s.name === "avoid")?.options?.[0]).toMatchObject({ required: true });
    expect(subcommands.find((s) => s.name === "organizer")?.options?.[0]).toMatchObject({ required: true });
  });

  it("names everything validly, lower case, at most 32 characters, distinct per language", () => {
    for (const { path, names } of named(command, command.name)) {
      for (const name of names) {
        expect(name, path).toMatch(NAME);
        expect(name, path).toBe(name.toLowerCase());
      }
    }
    const idNames = subcommands.map((s) => s.name_localizations?.id ?? s.name);
    expect(new Set(idNames).size).toBe(subcommands.length);
    expect(Object.fromEntries(subcommands.map((s) => [s.name, s.name_localizations?.id]))).toMatchObject({
      join: "ikut",
      leave: "keluar",
      pause: "rehat",
      resume: "lanjut",
      journal: "catatan",
      end: "akhiri",
      help: "bantuan",
      schedule: "jadwal",
      checkin: "cerita",
      open: "buka",
      close: "tutup",
      report: "rekap",
      organizer: "penyelenggara",
      hours: "jam",
      avoid: "hindari",
      weights: "bobot",
      topics: "topik",
    });
  });

  it("describes everything in English and Indonesian, within 100 characters", () => {
    for (const { path, descriptions } of named(command, command.name)) {
      for (const d of descriptions) {
        expect(d.length, path).toBeGreaterThan(0);
        expect(d.length, path).toBeLessThanOrEqual(100);
      }
    }
    for (const item of [command, ...subcommands, ...subcommands.flatMap((s) => s.options ?? [])]) {
      const localized = item.description_localizations ?? {};
      expect(Object.keys(localized).sort(), item.name).toEqual(["en-GB", "en-US", "id"]);
      expect(localized["en-US"]).toBe(item.description);
      expect(localized.id, item.name).not.toBe(item.description);
    }
    expect(subcommands.find((s) => s.name === "join")?.description_localizations?.id).toBe(
      "Ikut putaran mentoring yang sedang dibuka",
    );
  });

  it("stays within Discord's 8,000 characters (the longest localization of each field counts)", () => {
    let total = 0;
    for (const { names, descriptions } of named(command, command.name)) {
      total += Math.max(...names.map((n) => n.length)) + Math.max(...descriptions.map((d) => d.length));
    }
    expect(total).toBeLessThanOrEqual(8000);
  });

  it("is usable in servers and in DMs with the bot", () => {
    expect(command.contexts).toEqual([0, 1]);
    expect(command.integration_types).toEqual([0]);
  });
});

describe("the /privacy command", () => {
  it("holds the data words (audit, forget-me, retention, mydata), localized, and each command stays within Discord's 25 subcommands", () => {
    const command = privacyCommand();
    const subs = (command.options ?? []) as APIApplicationCommandSubcommandOption[];
    expect(command.name).toBe("privacy");
    expect(command.name_localizations?.id).toBe("privasi");
    expect(subs.map((s) => [s.name, s.name_localizations?.id, (s.options ?? []).map((o) => o.name)])).toEqual([
      ["audit", "jejak", []],
      ["forget-me", "hapus-data-saya", []],
      ["retention", "retensi", ["months"]],
      ["mydata", "datasaya", []],
    ]);
    expect(command.description_localizations?.id).toBeTruthy();
    for (const c of [mentoringCommand(), command]) expect((c.options ?? []).length).toBeLessThanOrEqual(25);
  });

  it("registers /calendar (/kalender) with its state as the command's own option, read as the calendar word", () => {
    const command = calendarCommand();
    expect(command.name).toBe("calendar");
    expect(command.name_localizations?.id).toBe("kalender");
    expect((command.options ?? []).map((o) => [o.type, o.name, o.name_localizations?.id, o.required ?? false])).toEqual([
      [ApplicationCommandOptionType.String, "state", "status", false],
    ]);
    expect(parseCommand(commandFromOptions(command.name, { state: "off" }))).toMatchObject({
      ok: true,
      command: { type: "calendar.invites", state: "off" },
    });
    expect(parseCommand(commandFromOptions(command.name, { state: "nyala" }))).toMatchObject({
      ok: true,
      command: { type: "calendar.invites", state: "on" },
    });
    expect(parseCommand(commandFromOptions(command.name, { state: "maybe" })).ok).toBe(false);
  });
});

describe("commandFromOptions", () => {
  const EXPECTED: Record<string, string> = {
    join: "round.join",
    leave: "round.leave",
    status: "status",
    pause: "pause",
    resume: "resume",
    journal: "journal.write",
    notes: "journal.read",
    profile: "profile.show",
    end: "pairing.end",
    help: "help",
    schedule: "cadence.propose",
    checkin: "checkin",
    avoid: "member.avoid",
    setup: "program.setup",
    open: "round.open",
    preview: "round.match",
    match: "round.match",
    close: "round.close",
    report: "program.report",
    organizer: "program.organizer",
    role: "program.role",
    access: "setup.access",
    hours: "program.hours",
    weights: "program.weights",
    topics: "program.topics",
    audit: "program.audit",
    "forget-me": "member.forget",
    retention: "program.retention",
    mydata: "data.export",
    calendar: "calendar.invites",
  };

  it("turns every subcommand into the word the core reads", () => {
    expect(SUBCOMMANDS.map((s) => s.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const s of SUBCOMMANDS) {
      const options = s.option
        ? { [s.option.name]: s.option.kind === "user" ? "123" : s.option.kind === "integer" ? 8 : "x" }
        : {};
      const raw = commandFromOptions(s.name, options);
      // A word typed with its form's one answer ("journal x") is that form submitted.
      const type = raw.type === "form.submit" ? (raw.request as { type: string }).type : raw.type;
      expect(type, s.name).toBe(EXPECTED[s.name]);
    }
  });

  it("builds the same command as the word typed with the option's value after it", () => {
    expect(commandFromOptions("pause", { until: "2026-12-24" })).toEqual(commandFromText("pause 2026-12-24"));
    expect(commandFromOptions("avoid", { user: "123456789012345678" })).toEqual(commandFromText("avoid <@123456789012345678>"));
    expect(commandFromOptions("role", { role: "120000000000000002" })).toEqual(commandFromText("role <@&120000000000000002>"));
    expect(commandFromOptions("journal", { text: "  two\nlines  " })).toEqual(commandFromText("journal two lines"));
    expect(commandFromOptions("journal", { text: "" })).toEqual(commandFromText("journal"));
    expect(commandFromOptions("pause")).toEqual(commandFromText("pause"));
    expect(commandFromOptions("unknown", { x: "y" })).toEqual(commandFromText("unknown"));
    expect(parseCommand(commandFromOptions("avoid", { user: "123456789012345678" }))).toEqual({
      ok: true,
      command: { type: "member.avoid", userId: "123456789012345678" },
    });
    expect(parseCommand(commandFromOptions("organizer", { user: "42" }))).toEqual({
      ok: true,
      command: { type: "program.organizer", userId: "42" },
    });
    expect(parseCommand(commandFromOptions("open", { weeks: 8 }))).toEqual({
      ok: true,
      command: { type: "round.open", weeks: 8 },
    });
    expect(parseCommand(commandFromOptions("hours", { range: "8-20 1-5" }))).toEqual({
      ok: true,
      command: { type: "program.hours", from: 8, until: 20, workingDays: [1, 2, 3, 4, 5] },
    });
    expect(parseCommand(commandFromOptions("pause", { until: "2026-12-24" }))).toEqual({
      ok: true,
      command: { type: "pause", answers: { until: "2026-12-24" } },
    });
  });
});

describe("the invite URL", () => {
  it("asks for the bot and its commands with exactly the permissions the bot uses", () => {
    // View Channel, Send Messages, Embed Links, Read Message History, Create Private Threads, Send Messages in Threads.
    const expected = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 36n) | (1n << 38n);
    expect(BOT_PERMISSIONS).toBe(expected);
    expect(expected).toBe(343597468672n);
    const url = new URL(inviteUrl(APP));
    expect(url.origin + url.pathname).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe(APP);
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    expect(url.searchParams.get("permissions")).toBe("343597468672");
    expect(inviteUrl(APP)).toContain("scope=bot+applications.commands&");
  });
});
