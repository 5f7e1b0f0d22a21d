/**
 * A fake Discord on 127.0.0.1 for tests. One HTTP server is both the REST API
 * (`apiUrl`, given to the real client as `new Client({ rest: { api: fake.apiUrl } })`)
 * and the gateway (the `ws://` URL that `GET /gateway/bot` hands out). The real
 * discord.js 14.28 client, @discordjs/ws and @discordjs/rest talk to it unchanged:
 * JSON encoding, no compression (discord.js asks for zlib-stream only when the
 * optional zlib-sync package is installed; this fake refuses that).
 *
 * Gateway: HELLO, IDENTIFY (any `shard: [id, count]`) -> READY with the guilds of
 * that shard as unavailable, then one GUILD_CREATE per guild (only with the Guilds
 * intent, as Discord does), heartbeats acked, RESUME answered with RESUMED. Closes
 * like Discord on a wrong token (4004), an invalid shard (4010) and privileged
 * intents not enabled for the app (4014). Every IDENTIFY is kept in `identifies`.
 *
 * Interactions: builders (`slashCommand`, `buttonPress`, `stringSelect`,
 * `modalSubmit`) make the payloads Discord sends; `interact(payload)` dispatches
 * INTERACTION_CREATE to the shard owning the guild (shard 0 for DMs) and resolves
 * with the REST calls that answered it. The callback is checked like Discord:
 * a second acknowledgement is 400/40060, an unknown interaction 404/10062.
 *
 * REST: every call is kept in `calls` ({ method, path without /api/v10, query,
 * body (JSON, or the payload_json of a multipart request), files, status }) and
 * answered with objects discord.js accepts: messages (echoing what was sent, with
 * incrementing snowflakes), DM channels (`dm-<user id>`), private threads and their
 * members, interaction callbacks and webhook edits, command registration. Unknown
 * routes answer 404 {code: 0} and are recorded too. `fail()` scripts errors:
 * a 403/50007 for DMs to one member, or a 429 with retry_after and the
 * x-ratelimit-* headers @discordjs/rest reads (not global unless asked).
 *
 * Everything is deterministic: ids come from a counter (snowflakes from
 * 2025-01-01), the only timers are the timeouts of `waitFor` / `interact`, and
 * `stop()` closes every socket. Destroy the client before `stop()`: a live
 * discord.js client reconnects when its gateway socket closes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type APIApplicationCommandInteractionDataOption,
  type APIChannel,
  type APIChatInputApplicationCommandInteraction,
  type APIEmbed,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIModalSubmissionComponent,
  type APIModalSubmitInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  type Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  PermissionsBitField,
  type UserFlags,
} from "discord.js";
import { type WebSocket, WebSocketServer } from "ws";

// ---------------------------------------------------------------------------
// Public types

/** Default ids (snowflake-shaped, so shard routing and createdAt work). */
export const FAKE_IDS = {
  /** The application, and the bot user (same id, as for every modern app). */
  application: "1300000000000000001",
  guild: "1200000000000000001",
  /** The guild's text channel where the program runs. */
  programChannel: "1200000000000000011",
  organizerRole: "1200000000000000021",
  botRole: "1200000000000000022",
  /** The guild owner (an organizer). */
  owner: "1400000000000000001",
  member: "1400000000000000002",
  otherMember: "1400000000000000003",
} as const;

export type LocaleString = `${Locale}`;

export interface FakeUser {
  id: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

export interface FakeChannelConfig {
  id: string;
  name: string;
  /** GuildText (0) unless said otherwise. */
  type?: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildCategory | ChannelType.GuildVoice;
  parentId?: string | null;
  topic?: string | null;
}

export interface FakeRoleConfig {
  id: string;
  name: string;
  permissions?: bigint | string;
}

export interface FakeGuildConfig {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale?: LocaleString;
  /** The first text channel is the program channel. */
  channels: FakeChannelConfig[];
  /** Besides @everyone (id = guild id) and the bot's managed role, which are added. */
  roles: FakeRoleConfig[];
  /** Member user ids besides the bot (the owner is added). Users of guild interactions join too. */
  members?: string[];
  /** Role ids per member, for the `member.roles` of interactions and GUILD_CREATE. */
  memberRoles?: Record<string, string[]>;
  /** Reported `member_count`; the number of known members by default. */
  memberCount?: number;
}

export interface FakeDiscordOptions {
  /** When set, REST and IDENTIFY must use it (else 401 / close 4004). Any token is accepted otherwise. */
  token?: string;
  applicationId?: string;
  botUsername?: string;
  /** Application flags in READY (e.g. GatewayMessageContentLimited); 0 by default. */
  applicationFlags?: number;
  guilds?: FakeGuildConfig[];
  users?: FakeUser[];
  /** `shards` answered by GET /gateway/bot (recommended count). 1 by default. */
  shards?: number;
  /** session_start_limit.max_concurrency; defaults to `shards` so a multi-shard client identifies without 5 s waits. */
  maxConcurrency?: number;
  /** HELLO heartbeat_interval in ms; Discord's 41250 by default (the first beat comes after interval * random). */
  heartbeatIntervalMs?: number;
  /** Privileged intents enabled for the app (GuildMembers, GuildPresences, MessageContent bits). None by default. */
  privilegedIntents?: number;
  /** Bot permissions sent as `app_permissions`. */
  appPermissions?: bigint | string;
  /**
   * When set, an interaction callback arriving later than this many ms after dispatch
   * gets 404/10062 like Discord after 3 s. Off by default (tests stay timing-free).
   */
  interactionDeadlineMs?: number;
}

export interface RestFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
  /** The file's bytes as sent. */
  bytes: Buffer;
}

export interface RestCall {
  method: string;
  /** Without /api/v10 and without the query, e.g. `/channels/123/messages`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the payload_json of a multipart body; null when none. */
  body: unknown;
  files: RestFile[];
  /** The status the fake answered with. */
  status: number;
}

export interface Failure {
  status: number;
  /** Discord JSON error code, e.g. 50007. */
  code?: number;
  message?: string;
  /** Seconds, for 429s: `retry_after` in the body and the retry-after header. */
  retryAfter?: number;
  /** For 429s: mark the limit as global (X-RateLimit-Global header). False by default. */
  global?: boolean;
  /** How many matching calls fail; every one until removed by default. */
  times?: number;
}

export interface IdentifyRecord {
  token: string;
  intents: number;
  shard: [number, number];
  properties: Record<string, unknown>;
  compress: boolean;
  largeThreshold?: number;
  presence?: unknown;
}

export interface GatewayRecord {
  /** The shard id of the connection once identified, else null. */
  shard: number | null;
  op: number;
  d: unknown;
}

export type FakeInteraction =
  | APIChatInputApplicationCommandInteraction
  | APIMessageComponentInteraction
  | APIModalSubmitInteraction;

export type OptionInput =
  | string
  | number
  | boolean
  | { type: ApplicationCommandOptionType; value: string | number | boolean; focused?: boolean };

interface InteractionContextInput {
  /** A user id or user; FAKE_IDS.member by default. */
  user?: string | FakeUser;
  /** null for a DM with the bot; the first guild by default (for slash commands). */
  guildId?: string | null;
  /** The program channel of the guild, or the user's DM channel, by default. */
  channelId?: string;
  locale?: LocaleString;
  /** The member's permissions in the channel (guild only); owner: all, others: @everyone's. */
  permissions?: bigint | string;
  /** Role ids of the member (guild only); the guild's memberRoles by default. */
  roles?: string[];
  appPermissions?: bigint | string;
}

export interface SlashCommandInput extends InteractionContextInput {
  /** "mentoring" by default. */
  name?: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** By name (types inferred: string 3, integer 4, other number 10, boolean 5) or raw options. */
  options?: Record<string, OptionInput> | APIApplicationCommandInteractionDataOption[];
}

export interface ComponentInput extends InteractionContextInput {
  customId: string;
  /**
   * The message the component belongs to (object or id). By default the newest stored
   * message holding a component with this custom id; its channel decides guild or DM.
   */
  message?: APIMessage | string;
}

export interface StringSelectInput extends ComponentInput {
  values: string[];
}

export interface ModalSubmitInput extends InteractionContextInput {
  /** The interaction (or its id) that answered with the modal: custom id, user, channel, message and layout come from it. */
  from?: string | FakeInteraction;
  /** Required without `from`. */
  customId?: string;
  /** Text inputs by custom id (string); selects (string[]). Missing ones are sent empty, like Discord. */
  fields: Record<string, string | string[] | boolean | null>;
  /** The message of the component that opened the modal, when not given by `from`. */
  message?: APIMessage | string;
}

/** A modal as sent in a type 9 callback (ModalBuilder#toJSON()). */
export interface ModalData {
  custom_id: string;
  title: string;
  components: Array<Record<string, unknown>>;
}

// ---------------------------------------------------------------------------
// Internal types

type Json = Record<string, unknown>;

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface ParsedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  files: RestFile[];
  authorization: string | null;
}

interface Route {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle: (m: string[], req: ParsedRequest) => Answer;
}

interface FailureRule extends Failure {
  method: string;
  pattern: RegExp;
  left: number;
}

interface GatewayConnection {
  socket: WebSocket;
  shard: [number, number] | null;
  intents: number;
  seq: number;
  sessionId: string | null;
}

interface InteractionState {
  payload: FakeInteraction;
  responses: RestCall[];
  callbackType: number | null;
  originalMessageId: string | null;
  modal: ModalData | null;
  /** The choices an autocomplete interaction was answered with. */
  choices?: Array<{ name: string; value: string | number }>;
  dispatchedAt: number;
}

type StoredGuild = {
  config: FakeGuildConfig;
  members: Set<string>;
};

const DISCORD_EPOCH = 1_420_070_400_000n;
const FIRST_ID_MS = BigInt(Date.UTC(2025, 0, 1));
const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;
const BOT_PERMISSIONS =
  EVERYONE_PERMISSIONS |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.ManageThreads |
  PermissionFlagsBits.ManageMessages;
export const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;
export const ATTACHMENT_DESCRIPTION_MAX = 1024;

/** The description (alt text) the message's body gave its `index`th attachment, if any. */
function attachmentDescription(body: Json, index: number): { description?: string } {
  const described = Array.isArray(body.attachments) ? (body.attachments as Array<{ id?: unknown; description?: unknown }>) : [];
  const found = described.find((a) => Number(a.id) === index)?.description;
  return typeof found === "string" ? { description: found } : {};
}

const notFound = (code: number, message: string): Answer => ({ status: 404, body: { code, message } });
const badRequest = (message: string): Answer => ({
  status: 400,
  body: { code: 50035, message: "Invalid Form Body", errors: { _errors: [{ code: "INVALID", message }] } },
});

function perms(value: bigint | string | undefined, fallback: bigint): string {
  return (value === undefined ? fallback : BigInt(value)).toString();
}

export function defaultGuild(): FakeGuildConfig {
  return {
    id: FAKE_IDS.guild,
    name: "Sebaya Test Guild",
    ownerId: FAKE_IDS.owner,
    preferredLocale: "en-US",
    channels: [{ id: FAKE_IDS.programChannel, name: "mentoring", topic: "Peer mentoring rounds" }],
    roles: [
      { id: FAKE_IDS.organizerRole, name: "Organizer", permissions: EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageGuild },
    ],
    members: [FAKE_IDS.member, FAKE_IDS.otherMember],
    memberRoles: { [FAKE_IDS.owner]: [FAKE_IDS.organizerRole] },
  };
}

export function defaultUsers(): FakeUser[] {
  return [
    { id: FAKE_IDS.owner, username: "ola", globalName: "Ola Organizer" },
    { id: FAKE_IDS.member, username: "budi", globalName: "Budi" },
    { id: FAKE_IDS.otherMember, username: "citra", globalName: "Citra" },
  ];
}

// ---------------------------------------------------------------------------

export class FakeDiscord {
  /** Every REST call, in arrival order (including failed and unknown ones). */
  readonly calls: RestCall[] = [];
  /** Every IDENTIFY received. */
  readonly identifies: IdentifyRecord[] = [];
  /** Every gateway payload the clients sent (heartbeats included). */
  readonly received: GatewayRecord[] = [];
  apiUrl = "";
  gatewayUrl = "";

  readonly applicationId: string;
  readonly bot: APIUser;
  readonly guilds: FakeGuildConfig[];
  private readonly options: FakeDiscordOptions;
  private readonly users = new Map<string, APIUser>();
  private readonly storedGuilds = new Map<string, StoredGuild>();
  private readonly channels = new Map<string, APIChannel>();
  private readonly messages = new Map<string, APIMessage>();
  private readonly channelMessages = new Map<string, string[]>();
  private readonly threadMemberIds = new Map<string, Set<string>>();
  private readonly commandSets = new Map<string, Json[]>();
  private readonly commandIds = new Map<string, string>();
  private readonly interactions = new Map<string, InteractionState>();
  /** The same states by interaction token: webhook calls name the token (a map, so thousands of them stay cheap). */
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly failures: FailureRule[] = [];
  private readonly connections = new Set<GatewayConnection>();
  private readonly sessions = new Map<string, { shard: [number, number]; intents: number; seq: number }>();
  /** RESUMEs not answered yet while `holdResumes()` is in force (null: answered at once). */
  private heldResumes: Array<() => void> | null = null;
  private readonly waiters = new Set<() => void>();
  private readonly routes: Route[];
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private idCounter = 0n;
  private sessionCounter = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.options = options;
    this.applicationId = options.applicationId ?? FAKE_IDS.application;
    this.bot = {
      id: this.applicationId,
      username: options.botUsername ?? "sebaya",
      global_name: null,
      discriminator: "0",
      avatar: null,
      bot: true,
      public_flags: 0 as UserFlags,
      flags: 0 as UserFlags,
      mfa_enabled: false,
      verified: true,
    };
    this.users.set(this.bot.id, this.bot);
    for (const u of options.users ?? defaultUsers()) this.addUser(u);
    this.guilds = options.guilds ?? [defaultGuild()];
    for (const g of this.guilds) this.addGuild(g);
    this.routes = this.buildRoutes();
  }

  // -------------------------------------------------------------------------
  // Lifecycle

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      void this.onHttp(req, res);
    });
    const wss = new WebSocketServer({ server });
    wss.on("connection", (socket, req) => this.onGatewayConnection(socket, req));
    this.server = server;
    this.wss = wss;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
  }

  /** Closes every gateway socket and HTTP connection. Destroy the client first. */
  async stop(): Promise<void> {
    for (const c of this.connections) c.socket.terminate();
    this.connections.clear();
    const wss = this.wss;
    const server = this.server;
    this.wss = null;
    this.server = null;
    if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    for (const wake of [...this.waiters]) wake();
  }

  // -------------------------------------------------------------------------
  // State for assertions

  /** Calls with this method (case-insensitive, "*" for any) whose path matches. */
  of(method: string, path: RegExp): RestCall[] {
    const m = method.toUpperCase();
    return this.calls.filter((c) => (m === "*" || c.method === m) && path.test(c.path));
  }

  /** Heartbeats (op 1) received from clients. */
  get heartbeats(): number {
    return this.received.filter((r) => r.op === GatewayOpcodes.Heartbeat).length;
  }

  message(id: string): APIMessage | undefined {
    return this.messages.get(id);
  }

  /** Messages of a channel (or thread, or DM), oldest first, including interaction replies. */
  messagesIn(channelId: string): APIMessage[] {
    return (this.channelMessages.get(channelId) ?? []).flatMap((id) => this.messages.get(id) ?? []);
  }

  channel(id: string): APIChannel | undefined {
    return this.channels.get(id);
  }

  /** Threads created through the API, oldest first. */
  threads(): APIChannel[] {
    return [...this.channels.values()].filter((c) => c.type === ChannelType.PrivateThread || c.type === ChannelType.PublicThread);
  }

  threadMembers(threadId: string): string[] {
    return [...(this.threadMemberIds.get(threadId) ?? [])];
  }

  /** Registered commands: global, or of a guild. */
  commands(guildId?: string): Json[] {
    return this.commandSets.get(guildId ?? "global") ?? [];
  }

  /** The REST calls that answered an interaction (callback first), so far. */
  responsesTo(interactionId: string): RestCall[] {
    return this.interactions.get(interactionId)?.responses ?? [];
  }

  /** The modal shown in answer to an interaction (the latest one by default). */
  modalShown(interactionId?: string): ModalData | undefined {
    if (interactionId) return this.interactions.get(interactionId)?.modal ?? undefined;
    return [...this.interactions.values()].reverse().find((s) => s.modal)?.modal ?? undefined;
  }

  /** A known user, or a plausible one made up for the id. */
  user(id: string): APIUser {
    return this.users.get(id) ?? this.addUser({ id });
  }

  /** The shard that owns a guild for a given shard count: (guild_id >> 22) % count. */
  static shardOf(guildId: string, count: number): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  /**
   * Resolves with the predicate's first truthy result, checked now and after every
   * REST call and gateway payload; rejects after timeoutMs.
   */
  waitFor<T>(predicate: () => T | false | null | undefined, timeoutMs = 5000, what = "condition"): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = predicate();
      if (first) {
        resolve(first);
        return;
      }
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`FakeDiscord.waitFor: ${what} not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        if (!this.server) {
          clearTimeout(timer);
          this.waiters.delete(check);
          reject(new Error(`FakeDiscord.waitFor: stopped while waiting for ${what}`));
          return;
        }
        const value = predicate();
        if (value) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(value);
        }
      };
      this.waiters.add(check);
    });
  }

  // -------------------------------------------------------------------------
  // Scripting

  /**
   * Makes matching REST calls fail (before any routing). Returns a function removing the rule.
   * A 429 answers `{message, retry_after, global}` with retry-after and x-ratelimit-* headers;
   * @discordjs/rest waits retry-after + its 50 ms offset and retries (forever, so give `times`).
   */
  fail(method: string, path: RegExp, failure: Failure): () => void {
    const rule: FailureRule = { ...failure, method: method.toUpperCase(), pattern: path, left: failure.times ?? Infinity };
    this.failures.push(rule);
    return () => {
      const i = this.failures.indexOf(rule);
      if (i >= 0) this.failures.splice(i, 1);
    };
  }

  /** Sends a dispatch (op 0) to every identified connection of a shard (all shards by default). */
  dispatch(t: string, d: unknown, shardId?: number): number {
    let sent = 0;
    for (const c of this.connections) {
      if (!c.shard || (shardId !== undefined && c.shard[0] !== shardId)) continue;
      this.sendDispatch(c, t, d);
      sent++;
    }
    return sent;
  }

  /** The bot removed from a server (kicked, or the server deleted): GUILD_DELETE without `unavailable`. */
  removeBotFrom(guildId: string): number {
    return this.dispatch(GatewayDispatchEvents.GuildDelete, { id: guildId });
  }

  /** The bot added (back) to a server it knows: GUILD_CREATE with the whole server, as Discord sends it. */
  addBotTo(guildId: string): number {
    const stored = this.storedGuilds.get(guildId);
    if (!stored) throw new Error(`no guild ${guildId}`);
    return this.dispatch(GatewayDispatchEvents.GuildCreate, this.guildCreatePayload(stored));
  }

  /** Asks a shard for a heartbeat now (op 1, as Discord may); resolves when it arrived and was acked. */
  async requestHeartbeat(shardId = 0): Promise<void> {
    const conn = this.connectionFor(shardId);
    const before = this.received.filter((r) => r.op === GatewayOpcodes.Heartbeat && r.shard === shardId).length;
    conn.socket.send(JSON.stringify({ op: GatewayOpcodes.Heartbeat, d: conn.seq, s: null, t: null }));
    await this.waitFor(
      () => this.received.filter((r) => r.op === GatewayOpcodes.Heartbeat && r.shard === shardId).length > before,
      5000,
      `a heartbeat from shard ${shardId}`,
    );
  }

  /** RESUMEs wait unanswered until `releaseResumes()`: a gateway that is slow to come back. */
  holdResumes(): void {
    this.heldResumes ??= [];
  }

  releaseResumes(): void {
    const held = this.heldResumes ?? [];
    this.heldResumes = null;
    for (const answer of held) answer();
  }

  /** Closes a shard's socket with a gateway close code (4000: unknown error, which discord.js resumes after). */
  closeShard(shardId = 0, code = 4000): void {
    this.connectionFor(shardId).socket.close(code, "fake-discord: closed by the test");
  }

  // -------------------------------------------------------------------------
  // Interactions

  /**
   * Dispatches INTERACTION_CREATE and resolves with its responses once answered:
   * the callback, and when that was a deferral (type 5 or 6), the next webhook call
   * (edit of @original or follow-up). Later calls keep arriving in `responsesTo(id)`.
   */
  async interact(payload: FakeInteraction, { timeoutMs = 5000 }: { timeoutMs?: number } = {}): Promise<RestCall[]> {
    const state = this.registerInteraction(payload);
    const shardCount = this.anyShardCount();
    const shardId = payload.guild_id ? FakeDiscord.shardOf(payload.guild_id, shardCount) : 0;
    const conn = this.connectionFor(shardId);
    state.dispatchedAt = Date.now();
    this.sendDispatch(conn, GatewayDispatchEvents.InteractionCreate, payload);
    return this.waitFor(
      () => (this.answered(state) ? state.responses : undefined),
      timeoutMs,
      `an answer to interaction ${payload.id}`,
    );
  }

  /**
   * Dispatches INTERACTION_CREATE and returns at once, for load that must not wait
   * (bench/interactions-discord.ts): the answers arrive in `calls` and `responsesTo(id)`.
   */
  sendInteraction(payload: FakeInteraction): void {
    const state = this.registerInteraction(payload);
    const shardId = payload.guild_id ? FakeDiscord.shardOf(payload.guild_id, this.anyShardCount()) : 0;
    const conn = this.connectionFor(shardId);
    state.dispatchedAt = Date.now();
    this.sendDispatch(conn, GatewayDispatchEvents.InteractionCreate, payload);
  }

  slashCommand(input: SlashCommandInput = {}): APIChatInputApplicationCommandInteraction {
    const guildId = input.guildId === undefined ? (this.guilds[0]?.id ?? null) : input.guildId;
    const base = this.interactionBase(InteractionType.ApplicationCommand, { ...input, guildId });
    const name = input.name ?? "mentoring";
    const { options, resolved } = this.commandOptions(input, guildId);
    const payload = {
      ...base,
      type: InteractionType.ApplicationCommand,
      data: {
        id: this.commandIds.get(`${guildId ?? "global"}:${name}`) ?? this.commandIds.get(`global:${name}`) ?? this.snowflake(),
        name,
        type: ApplicationCommandType.ChatInput,
        ...(options.length ? { options } : {}),
        ...(resolved ? { resolved } : {}),
      },
    } as APIChatInputApplicationCommandInteraction;
    return payload;
  }

  /**
   * What Discord sends as a member types into an autocomplete option: the command so far, the
   * option being typed marked `focused` (always a string here, as Discord sends it).
   */
  autocomplete(input: SlashCommandInput & { focused: string }): FakeInteraction {
    const command = this.slashCommand(input);
    const mark = (options: APIApplicationCommandInteractionDataOption[]): APIApplicationCommandInteractionDataOption[] =>
      options.map((o) =>
        "options" in o && Array.isArray(o.options)
          ? ({ ...o, options: mark(o.options as APIApplicationCommandInteractionDataOption[]) } as typeof o)
          : o.name === input.focused
            ? ({ ...o, focused: true } as typeof o)
            : o,
      );
    return {
      ...command,
      type: InteractionType.ApplicationCommandAutocomplete,
      data: { ...command.data, options: mark(command.data.options ?? []) },
    } as unknown as FakeInteraction;
  }

  /** The choices an autocomplete interaction was answered with (callback type 8). */
  choicesShown(interactionId: string): Array<{ name: string; value: string | number }> | undefined {
    return this.interactions.get(interactionId)?.choices ?? undefined;
  }

  buttonPress(input: ComponentInput): APIMessageComponentInteraction {
    return this.componentInteraction(input, { custom_id: input.customId, component_type: ComponentType.Button });
  }

  stringSelect(input: StringSelectInput): APIMessageComponentInteraction {
    return this.componentInteraction(input, {
      custom_id: input.customId,
      component_type: ComponentType.StringSelect,
      values: input.values,
    });
  }

  /**
   * A modal submission. With `from`, its layout follows the modal that interaction showed
   * (label 18 wrapping a text input 4 or a select; ids numbered like Discord when unset),
   * and a field name the modal lacks throws. Without it, each field becomes a label with a
   * text input (string) or a string select (string[]), and the submission happens where
   * `message` is, else in the first guild's program channel (guildId: null for a DM).
   */
  modalSubmit(input: ModalSubmitInput): APIModalSubmitInteraction {
    const from = typeof input.from === "string" ? this.interactions.get(input.from)?.payload : input.from;
    if (input.from && !from) throw new Error(`FakeDiscord.modalSubmit: unknown interaction ${String(input.from)}`);
    const modal = from ? this.interactions.get(from.id)?.modal : undefined;
    if (from && !modal) throw new Error(`FakeDiscord.modalSubmit: interaction ${from.id} showed no modal`);
    const customId = input.customId ?? modal?.custom_id;
    if (!customId) throw new Error("FakeDiscord.modalSubmit: customId or from is required");
    const ctx: InteractionContextInput = {
      user: from ? (from.member?.user ?? from.user) : undefined,
      guildId: from ? (from.guild_id ?? null) : undefined,
      channelId: from?.channel?.id,
      locale: from?.locale,
      ...stripUndefined(input),
    };
    const message = input.message ?? (from && "message" in from ? from.message : undefined);
    const guildId =
      ctx.guildId !== undefined
        ? ctx.guildId
        : message
          ? this.guildOfChannel(this.resolveMessage(message).channel_id)
          : (this.guilds[0]?.id ?? null);
    const base = this.interactionBase(InteractionType.ModalSubmit, { ...ctx, guildId });
    const components = modal ? this.submissionFromModal(modal, input.fields) : submissionFromFields(input.fields);
    return {
      ...base,
      type: InteractionType.ModalSubmit,
      data: { custom_id: customId, components },
      ...(message ? { message: this.resolveMessage(message) } : {}),
    } as APIModalSubmitInteraction;
  }

  // -------------------------------------------------------------------------
  // Interaction internals

  private componentInteraction(input: ComponentInput, data: Json): APIMessageComponentInteraction {
    const message = input.message ? this.resolveMessage(input.message) : this.findMessageWithComponent(input.customId);
    if (!message) {
      throw new Error(`FakeDiscord: no stored message has a component "${input.customId}"; pass \`message\``);
    }
    const guildId = input.guildId !== undefined ? input.guildId : this.guildOfChannel(message.channel_id);
    const base = this.interactionBase(InteractionType.MessageComponent, {
      ...input,
      // In a DM, the one pressing is the recipient unless said otherwise.
      user: input.user ?? (guildId ? undefined : this.dmRecipient(message.channel_id)),
      guildId,
      channelId: input.channelId ?? message.channel_id,
    });
    const component = findComponent(message.components ?? [], input.customId);
    return {
      ...base,
      type: InteractionType.MessageComponent,
      data: { ...data, ...(typeof component?.id === "number" ? { id: component.id } : {}) },
      message,
    } as APIMessageComponentInteraction;
  }

  private interactionBase(type: InteractionType, input: InteractionContextInput & { guildId: string | null }): Json {
    const user = typeof input.user === "object" ? this.addUser(input.user) : this.user(input.user ?? FAKE_IDS.member);
    const id = this.snowflake();
    const token = `fake-interaction-token-${id}`;
    const guild = input.guildId ? this.storedGuilds.get(input.guildId) : undefined;
    if (input.guildId && !guild) throw new Error(`FakeDiscord: unknown guild ${input.guildId}`);
    const common: Json = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      locale: input.locale ?? "en-US",
      app_permissions: perms(input.appPermissions ?? this.options.appPermissions, BOT_PERMISSIONS),
      entitlements: [],
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    };
    if (guild) {
      const g = guild.config;
      guild.members.add(user.id);
      const channelId = input.channelId ?? this.programChannelId(g);
      const channel = this.channels.get(channelId);
      if (!channel) throw new Error(`FakeDiscord: unknown channel ${channelId}`);
      const member: APIInteractionGuildMember = {
        ...this.memberObject(g, user.id),
        roles: input.roles ?? g.memberRoles?.[user.id] ?? [],
        permissions: perms(input.permissions, user.id === g.ownerId ? PermissionsBitField.All : this.everyonePermissions(g)),
      };
      const guildLocale = g.preferredLocale ?? "en-US";
      return {
        ...common,
        guild_id: g.id,
        guild: { id: g.id, locale: guildLocale, features: [] },
        guild_locale: guildLocale,
        channel: { ...channel, permissions: member.permissions },
        channel_id: channel.id,
        member,
        authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: g.id },
        context: InteractionContextType.Guild,
      };
    }
    const dm = this.ensureDm(user.id);
    if (input.channelId && input.channelId !== dm.id)
      throw new Error("FakeDiscord: a DM interaction happens in the user's DM channel");
    return {
      ...common,
      channel: dm,
      channel_id: dm.id,
      user,
      // A guild-installed app used in a DM with its bot: "0" (Discord's documented value).
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: "0" },
      context: InteractionContextType.BotDM,
    };
  }

  private commandOptions(
    input: SlashCommandInput,
    guildId: string | null,
  ): { options: APIApplicationCommandInteractionDataOption[]; resolved: Json | null } {
    const users: Record<string, APIUser> = {};
    const members: Record<string, Json> = {};
    let leaf: APIApplicationCommandInteractionDataOption[];
    if (Array.isArray(input.options)) {
      leaf = input.options;
    } else {
      leaf = Object.entries(input.options ?? {}).map(([name, v]) => {
        const typed =
          typeof v === "object"
            ? v
            : typeof v === "string"
              ? { type: ApplicationCommandOptionType.String, value: v }
              : typeof v === "boolean"
                ? { type: ApplicationCommandOptionType.Boolean, value: v }
                : {
                    type: Number.isInteger(v) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number,
                    value: v,
                  };
        if (typed.type === ApplicationCommandOptionType.User || typed.type === ApplicationCommandOptionType.Mentionable) {
          const uid = String(typed.value);
          users[uid] = this.user(uid);
          const g = guildId ? this.storedGuilds.get(guildId) : undefined;
          if (g?.members.has(uid)) {
            const { user: _user, ...member } = this.memberObject(g.config, uid);
            // A string, as Discord sends it (and as JSON can carry it).
            members[uid] = { ...member, permissions: this.everyonePermissions(g.config).toString() };
          }
        }
        return { name, ...typed } as APIApplicationCommandInteractionDataOption;
      });
    }
    let options = leaf;
    if (input.subcommand) {
      options = [
        { name: input.subcommand, type: ApplicationCommandOptionType.Subcommand, options: leaf },
      ] as APIApplicationCommandInteractionDataOption[];
    }
    if (input.subcommandGroup) {
      options = [
        { name: input.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options },
      ] as APIApplicationCommandInteractionDataOption[];
    }
    const hasUsers = Object.keys(users).length > 0;
    const resolved = hasUsers ? { users, ...(Object.keys(members).length ? { members } : {}) } : null;
    return { options, resolved };
  }

  private submissionFromModal(modal: ModalData, fields: ModalSubmitInput["fields"]): APIModalSubmissionComponent[] {
    const used = new Set<number>();
    const walkIds = (c: Json) => {
      if (typeof c.id === "number") used.add(c.id);
      if (c.component && typeof c.component === "object") walkIds(c.component as Json);
      if (Array.isArray(c.components)) for (const x of c.components) walkIds(x as Json);
    };
    for (const c of modal.components) walkIds(c);
    let next = 0;
    const idOf = (c: Json): number => {
      if (typeof c.id === "number") return c.id;
      do next++;
      while (used.has(next));
      return next;
    };
    const known = new Set<string>();
    const answer = (c: Json): Json => {
      const id = idOf(c);
      const customId = String(c.custom_id);
      known.add(customId);
      const given = fields[customId];
      switch (c.type) {
        case ComponentType.TextInput:
        case ComponentType.RadioGroup:
          if (Array.isArray(given)) throw new Error(`FakeDiscord.modalSubmit: "${customId}" is a single-value field`);
          return { type: c.type, id, custom_id: customId, value: given ?? (c.type === ComponentType.TextInput ? "" : null) };
        case ComponentType.Checkbox:
          return { type: c.type, id, custom_id: customId, value: Boolean(given) };
        default:
          return {
            type: c.type,
            id,
            custom_id: customId,
            values: Array.isArray(given) ? given : given === undefined || given === null ? [] : [String(given)],
          };
      }
    };
    const out = modal.components.map((c): Json => {
      const id = idOf(c);
      if (c.type === ComponentType.Label) return { type: ComponentType.Label, id, component: answer(c.component as Json) };
      if (c.type === ComponentType.ActionRow) {
        return { type: ComponentType.ActionRow, id, components: (c.components as Json[]).map(answer) };
      }
      return { type: c.type, id };
    });
    for (const name of Object.keys(fields)) {
      if (!known.has(name)) throw new Error(`FakeDiscord.modalSubmit: the modal "${modal.custom_id}" has no field "${name}"`);
    }
    return out as unknown as APIModalSubmissionComponent[];
  }

  private registerInteraction(payload: FakeInteraction): InteractionState {
    const existing = this.interactions.get(payload.id);
    if (existing) return existing;
    const state: InteractionState = {
      payload,
      responses: [],
      callbackType: null,
      originalMessageId: null,
      modal: null,
      dispatchedAt: Date.now(),
    };
    if ("message" in payload && payload.message && !this.messages.has(payload.message.id)) this.storeMessage(payload.message);
    this.interactions.set(payload.id, state);
    this.interactionsByToken.set(payload.token, state);
    return state;
  }

  private answered(state: InteractionState): boolean {
    const final = (c: RestCall) => c.status !== 429;
    const callback = state.responses.find((c) => c.path.endsWith("/callback") && final(c));
    if (!callback) return false;
    if (callback.status >= 300) return true;
    const deferred =
      state.callbackType === InteractionResponseType.DeferredChannelMessageWithSource ||
      state.callbackType === InteractionResponseType.DeferredMessageUpdate;
    if (!deferred) return true;
    return state.responses.some((c) => c.path.startsWith("/webhooks/") && final(c));
  }

  private findMessageWithComponent(customId: string): APIMessage | undefined {
    return [...this.messages.values()].reverse().find((m) => findComponent(m.components ?? [], customId));
  }

  private resolveMessage(message: APIMessage | string): APIMessage {
    if (typeof message !== "string") return message;
    const found = this.messages.get(message);
    if (!found) throw new Error(`FakeDiscord: unknown message ${message}`);
    return found;
  }

  // -------------------------------------------------------------------------
  // Model

  private snowflake(): string {
    const ms = FIRST_ID_MS - DISCORD_EPOCH + this.idCounter++;
    return (ms << 22n).toString();
  }

  private timestampOf(id: string): string {
    try {
      return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH)).toISOString();
    } catch {
      return new Date(Number(FIRST_ID_MS)).toISOString();
    }
  }

  private addUser(u: FakeUser | APIUser): APIUser {
    const api: APIUser =
      "discriminator" in u
        ? u
        : {
            id: u.id,
            username: u.username ?? `user${u.id.slice(-4)}`,
            global_name: u.globalName === undefined ? (u.username ?? null) : u.globalName,
            discriminator: "0",
            avatar: null,
            public_flags: 0 as UserFlags,
            ...(u.bot ? { bot: true } : {}),
          };
    this.users.set(api.id, api);
    return api;
  }

  private addGuild(g: FakeGuildConfig): void {
    const members = new Set<string>([this.bot.id, g.ownerId, ...(g.members ?? [])]);
    this.storedGuilds.set(g.id, { config: g, members });
    g.channels.forEach((c, position) => {
      const type = c.type ?? ChannelType.GuildText;
      const base = {
        id: c.id,
        guild_id: g.id,
        name: c.name,
        position,
        permission_overwrites: [],
        parent_id: c.parentId ?? null,
        nsfw: false,
        flags: 0,
      };
      const channel =
        type === ChannelType.GuildCategory
          ? { ...base, type }
          : type === ChannelType.GuildVoice
            ? { ...base, type, bitrate: 64000, user_limit: 0, rtc_region: null, last_message_id: null, rate_limit_per_user: 0 }
            : {
                ...base,
                type,
                topic: c.topic ?? null,
                last_message_id: null,
                rate_limit_per_user: 0,
                default_auto_archive_duration: 4320,
              };
      this.channels.set(c.id, channel as APIChannel);
    });
  }

  private programChannelId(g: FakeGuildConfig): string {
    const text = g.channels.find((c) => (c.type ?? ChannelType.GuildText) === ChannelType.GuildText);
    if (!text) throw new Error(`FakeDiscord: guild ${g.id} has no text channel`);
    return text.id;
  }

  private everyonePermissions(g: FakeGuildConfig): bigint {
    const everyone = g.roles.find((r) => r.id === g.id);
    return everyone?.permissions === undefined ? EVERYONE_PERMISSIONS : BigInt(everyone.permissions);
  }

  private roleObjects(g: FakeGuildConfig): Json[] {
    const roles: FakeRoleConfig[] = g.roles.some((r) => r.id === g.id)
      ? [...g.roles]
      : [{ id: g.id, name: "@everyone", permissions: EVERYONE_PERMISSIONS }, ...g.roles];
    const out: Json[] = roles.map((r, position) => ({
      id: r.id,
      name: r.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: perms(r.permissions, EVERYONE_PERMISSIONS),
      managed: false,
      mentionable: false,
      flags: 0,
    }));
    out.push({
      ...out[0],
      id: this.botRoleId(g),
      name: this.bot.username,
      position: out.length,
      permissions: BOT_PERMISSIONS.toString(),
      managed: true,
      tags: { bot_id: this.bot.id },
    });
    return out;
  }

  private botRoleId(g: FakeGuildConfig): string {
    return g.id === FAKE_IDS.guild ? FAKE_IDS.botRole : `${g.id.slice(0, -2)}99`;
  }

  private memberObject(g: FakeGuildConfig, userId: string) {
    return {
      user: this.user(userId),
      nick: null,
      avatar: null,
      banner: null,
      roles: userId === this.bot.id ? [this.botRoleId(g)] : (g.memberRoles?.[userId] ?? []),
      joined_at: this.timestampOf(g.id),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  private guildCreatePayload(stored: StoredGuild): Json {
    const g = stored.config;
    const locale = g.preferredLocale ?? "en-US";
    return {
      id: g.id,
      name: g.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: g.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 2,
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: this.programChannelId(g),
      system_channel_flags: 0,
      rules_channel_id: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: locale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      emojis: [],
      stickers: [],
      roles: this.roleObjects(g),
      joined_at: this.timestampOf(g.id),
      large: false,
      unavailable: false,
      member_count: g.memberCount ?? stored.members.size,
      voice_states: [],
      members: [this.memberObject(g, this.bot.id)],
      channels: g.channels.map((c) => {
        const { guild_id: _gid, ...rest } = this.channels.get(c.id) as APIChannel & { guild_id?: string };
        return rest;
      }),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      lazy: true,
    };
  }

  private guildOfChannel(channelId: string): string | null {
    const c = this.channels.get(channelId) as { guild_id?: string } | undefined;
    return c?.guild_id ?? null;
  }

  private dmRecipient(channelId: string): string | undefined {
    const c = this.channels.get(channelId);
    return c && "recipients" in c ? c.recipients?.[0]?.id : undefined;
  }

  private ensureDm(userId: string): APIChannel {
    const id = `dm-${userId}`;
    const existing = this.channels.get(id);
    if (existing) return existing;
    const dm = {
      id,
      type: ChannelType.DM,
      last_message_id: null,
      flags: 0,
      recipients: [this.user(userId)],
    } as unknown as APIChannel;
    this.channels.set(id, dm);
    return dm;
  }

  private storeMessage(m: APIMessage): APIMessage {
    this.messages.set(m.id, m);
    const list = this.channelMessages.get(m.channel_id) ?? [];
    if (!list.includes(m.id)) list.push(m.id);
    this.channelMessages.set(m.channel_id, list);
    const channel = this.channels.get(m.channel_id);
    if (channel && "last_message_id" in channel) Object.assign(channel, { last_message_id: m.id });
    return m;
  }

  private createMessage(channelId: string, body: Json, extra: Partial<APIMessage> = {}, files: RestFile[] = []): APIMessage {
    const id = this.snowflake();
    const message: APIMessage = {
      id,
      channel_id: channelId,
      author: this.bot,
      content: typeof body.content === "string" ? body.content : "",
      timestamp: this.timestampOf(id),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: files.map((f, i) => ({
        id: `${id}${i}`,
        filename: f.name,
        size: f.size,
        url: `https://cdn.example.invalid/attachments/${channelId}/${id}/${f.name}`,
        proxy_url: `https://media.example.invalid/attachments/${channelId}/${id}/${f.name}`,
        content_type: f.contentType,
        ...attachmentDescription(body, i),
      })),
      embeds: Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [],
      components: numberComponents(
        Array.isArray(body.components) ? (body.components as Json[]) : [],
      ) as unknown as APIMessage["components"],
      pinned: false,
      type: MessageType.Default,
      flags: typeof body.flags === "number" ? body.flags : 0,
      ...(body.nonce !== undefined ? { nonce: body.nonce as string } : {}),
      ...extra,
    };
    this.storeMessage(message);
    const guildId = this.guildOfChannel(channelId);
    const ephemeral = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    if (!ephemeral) {
      const intent = guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
      this.dispatchFor(
        guildId,
        GatewayDispatchEvents.MessageCreate,
        { ...message, ...(guildId ? { guild_id: guildId } : {}) },
        intent,
      );
    }
    return message;
  }

  private editMessage(message: APIMessage, body: Json): APIMessage {
    const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
    const patch: Partial<APIMessage> = {};
    if ("content" in body) patch.content = typeof body.content === "string" ? body.content : "";
    if ("embeds" in body) patch.embeds = (body.embeds as APIEmbed[] | null) ?? [];
    if ("components" in body) {
      patch.components = numberComponents((body.components as Json[] | null) ?? []) as unknown as APIMessage["components"];
    }
    if ("attachments" in body && Array.isArray(body.attachments)) patch.attachments = message.attachments;
    let flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    if (typeof body.flags === "number") {
      const changeable = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
      flags = (flags & ~changeable) | (body.flags & changeable);
    }
    Object.assign(message, patch, {
      flags,
      edited_timestamp: wasLoading ? null : this.timestampOf(this.snowflake()),
    });
    return message;
  }

  private dispatchFor(guildId: string | null, t: string, d: unknown, intent?: number): void {
    for (const c of this.connections) {
      if (!c.shard) continue;
      if (intent !== undefined && (c.intents & intent) === 0) continue;
      const owner = guildId ? FakeDiscord.shardOf(guildId, c.shard[1]) : 0;
      if (owner === c.shard[0]) this.sendDispatch(c, t, d);
    }
  }

  // -------------------------------------------------------------------------
  // Gateway

  private anyShardCount(): number {
    for (const c of this.connections) if (c.shard) return c.shard[1];
    return 1;
  }

  private connectionFor(shardId: number): GatewayConnection {
    const open = [...this.connections].filter((c) => c.shard?.[0] === shardId && c.socket.readyState === c.socket.OPEN);
    const conn = open.at(-1);
    if (!conn) throw new Error(`FakeDiscord: no identified gateway connection for shard ${shardId}`);
    return conn;
  }

  private sendDispatch(c: GatewayConnection, t: string, d: unknown): void {
    c.seq++;
    if (c.sessionId) {
      const session = this.sessions.get(c.sessionId);
      if (session) session.seq = c.seq;
    }
    c.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: c.seq, d }));
  }

  private onGatewayConnection(socket: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? "/", "ws://fake").searchParams;
    if ((query.get("encoding") ?? "json") !== "json" || query.has("compress")) {
      socket.close(4002, "fake-discord speaks encoding=json without compress only");
      return;
    }
    const conn: GatewayConnection = { socket, shard: null, intents: 0, seq: 0, sessionId: null };
    this.connections.add(conn);
    socket.on("close", () => {
      this.connections.delete(conn);
    });
    socket.on("message", (raw, isBinary) => {
      let payload: { op: number; d: unknown };
      try {
        payload = JSON.parse(isBinary ? Buffer.from(raw as Buffer).toString() : raw.toString()) as { op: number; d: unknown };
      } catch {
        socket.close(4002, "Error while decoding payload.");
        return;
      }
      this.received.push({ shard: conn.shard?.[0] ?? null, op: payload.op, d: payload.d });
      this.onGatewayPayload(conn, payload);
      this.notify();
    });
    socket.send(
      JSON.stringify({
        op: GatewayOpcodes.Hello,
        d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250, _trace: ['["fake-gateway",{"micros":0}]'] },
        s: null,
        t: null,
      }),
    );
  }

  private onGatewayPayload(conn: GatewayConnection, payload: { op: number; d: unknown }): void {
    const { socket } = conn;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null }));
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(conn, payload.d as Json);
        return;
      case GatewayOpcodes.Resume: {
        if (this.heldResumes) {
          this.heldResumes.push(() => this.onGatewayPayload(conn, payload));
          return;
        }
        const d = payload.d as { token: string; session_id: string; seq: number };
        const session = this.sessions.get(d.session_id);
        if (!session || !this.tokenOk(d.token)) {
          socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }));
          return;
        }
        conn.shard = session.shard;
        conn.intents = session.intents;
        conn.sessionId = d.session_id;
        conn.seq = session.seq;
        this.sendDispatch(conn, GatewayDispatchEvents.Resumed, { _trace: ['["fake-gateway",{"micros":0}]'] });
        return;
      }
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!conn.shard) socket.close(4003, "Not authenticated.");
        return;
      default:
        socket.close(4001, "Unknown opcode.");
    }
  }

  private onIdentify(conn: GatewayConnection, d: Json): void {
    const { socket } = conn;
    if (conn.shard) {
      socket.close(4005, "Already authenticated.");
      return;
    }
    const shard = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
    const record: IdentifyRecord = {
      token: String(d.token),
      intents: Number(d.intents),
      shard,
      properties: (d.properties ?? {}) as Record<string, unknown>,
      compress: d.compress === true,
      ...(d.large_threshold !== undefined ? { largeThreshold: Number(d.large_threshold) } : {}),
      ...(d.presence !== undefined ? { presence: d.presence } : {}),
    };
    this.identifies.push(record);
    if (!this.tokenOk(record.token)) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    const [id, count] = shard;
    if (!(Number.isInteger(id) && Number.isInteger(count) && count >= 1 && id >= 0 && id < count)) {
      socket.close(4010, "Invalid shard.");
      return;
    }
    if (!Number.isInteger(record.intents) || record.intents < 0) {
      socket.close(4013, "Invalid intent(s).");
      return;
    }
    if (record.intents & PRIVILEGED_INTENTS & ~(this.options.privilegedIntents ?? 0)) {
      socket.close(4014, "Disallowed intent(s).");
      return;
    }
    conn.shard = shard;
    conn.intents = record.intents;
    conn.sessionId = `fake-session-${++this.sessionCounter}`;
    this.sessions.set(conn.sessionId, { shard, intents: record.intents, seq: 0 });
    const mine = [...this.storedGuilds.values()].filter((g) => FakeDiscord.shardOf(g.config.id, count) === id);
    this.sendDispatch(conn, GatewayDispatchEvents.Ready, {
      v: 10,
      user_settings: {},
      user: this.bot,
      guilds: mine.map((g) => ({ id: g.config.id, unavailable: true })),
      session_id: conn.sessionId,
      session_type: "normal",
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: this.options.applicationFlags ?? 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ["singapore"],
      auth: {},
      _trace: ['["fake-gateway",{"micros":0}]'],
    });
    // Discord streams the guilds after READY, to clients with the Guilds intent only.
    if (record.intents & GatewayIntentBits.Guilds) {
      for (const g of mine) this.sendDispatch(conn, GatewayDispatchEvents.GuildCreate, this.guildCreatePayload(g));
    }
  }

  private tokenOk(token: string): boolean {
    return this.options.token === undefined ? token.length > 0 : token === this.options.token;
  }

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  // -------------------------------------------------------------------------
  // REST

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    const versioned = /^\/api(?:\/v\d+)?(\/.*)$/.exec(url.pathname);
    const parsed: ParsedRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      // @discordjs/rest percent-encodes "@original" (and "@me") in paths; record them decoded.
      path: decodeURIComponent(versioned?.[1] ?? url.pathname),
      query: Object.fromEntries(url.searchParams),
      body: null,
      files: [],
      authorization: req.headers.authorization ?? null,
    };
    let answer: Answer;
    try {
      await parseBody(parsed, Buffer.concat(chunks), req.headers["content-type"] ?? "");
      answer = versioned ? this.answer(parsed) : notFound(0, "404: Not Found");
    } catch (error) {
      answer = { status: 500, body: { code: 0, message: `fake-discord: ${(error as Error).stack ?? String(error)}` } };
    }
    const call: RestCall = {
      method: parsed.method,
      path: parsed.path,
      query: parsed.query,
      body: parsed.body,
      files: parsed.files,
      status: answer.status,
    };
    this.calls.push(call);
    this.attachToInteraction(call);
    const headers: Record<string, string> = { ...answer.headers };
    if (answer.body !== undefined) headers["content-type"] = "application/json";
    res.writeHead(answer.status, headers);
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    this.notify();
  }

  private attachToInteraction(call: RestCall): void {
    const cb = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(call.path);
    const hook = /^\/webhooks\/\d+\/([^/]+)/.exec(call.path);
    const state = cb?.[1] ? this.interactions.get(cb[1]) : hook?.[1] ? this.interactionsByToken.get(hook[1]) : undefined;
    state?.responses.push(call);
  }

  private answer(req: ParsedRequest): Answer {
    const rule = this.failures.find(
      (f) => f.left > 0 && (f.method === "*" || f.method === req.method) && f.pattern.test(req.path),
    );
    if (rule) {
      rule.left--;
      return failureAnswer(rule);
    }
    for (const route of this.routes) {
      if (route.method !== req.method) continue;
      const m = route.pattern.exec(req.path);
      if (!m) continue;
      if (route.auth && !this.authorized(req.authorization))
        return { status: 401, body: { code: 0, message: "401: Unauthorized" } };
      return route.handle([...m], req);
    }
    return notFound(0, "404: Not Found");
  }

  private authorized(header: string | null): boolean {
    const token = /^Bot (.+)$/.exec(header ?? "")?.[1];
    return token !== undefined && this.tokenOk(token);
  }

  private buildRoutes(): Route[] {
    const r = (method: string, pattern: RegExp, handle: Route["handle"], auth = true): Route => ({
      method,
      pattern,
      handle,
      auth,
    });
    const ok = (body: unknown, status = 200): Answer => ({ status, body });
    const body = (req: ParsedRequest): Json => (req.body && typeof req.body === "object" ? (req.body as Json) : {});
    return [
      r("GET", /^\/gateway\/bot$/, () => {
        const shards = this.options.shards ?? 1;
        return ok({
          url: this.gatewayUrl,
          shards,
          session_start_limit: {
            total: 1000,
            remaining: 1000 - this.identifies.length,
            reset_after: 86_400_000,
            max_concurrency: this.options.maxConcurrency ?? Math.max(1, shards),
          },
        });
      }),
      r("GET", /^\/gateway$/, () => ok({ url: this.gatewayUrl }), false),
      r("GET", /^\/users\/@me$/, () => ok(this.bot)),
      r("GET", /^\/users\/(\d+)$/, ([, id]) => {
        const u = this.users.get(id ?? "");
        return u ? ok(u) : notFound(10013, "Unknown User");
      }),
      r("POST", /^\/users\/@me\/channels$/, (_m, req) => {
        const recipient = String(body(req).recipient_id ?? "");
        if (!/^\d+$/.test(recipient)) return badRequest("recipient_id is not a snowflake");
        return ok(this.ensureDm(recipient));
      }),
      r("GET", /^\/applications\/@me$/, () =>
        ok({
          id: this.applicationId,
          name: this.bot.username,
          icon: null,
          description: "",
          bot_public: false,
          bot_require_code_grant: false,
          verify_key: "0".repeat(64),
          flags: this.options.applicationFlags ?? 0,
          bot: this.bot,
          owner: this.user(this.guilds[0]?.ownerId ?? FAKE_IDS.owner),
          team: null,
          approximate_guild_count: this.guilds.length,
        }),
      ),
      r("GET", /^\/applications\/(\d+)\/commands$/, () => ok(this.commands())),
      r("PUT", /^\/applications\/(\d+)\/commands$/, ([, app], req) => this.putCommands(app ?? "", null, req.body)),
      r("POST", /^\/applications\/(\d+)\/commands$/, ([, app], req) => this.postCommand(app ?? "", null, body(req))),
      r("GET", /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, ([, , guild]) => ok(this.commands(guild))),
      r("PUT", /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, ([, app, guild], req) =>
        this.putCommands(app ?? "", guild ?? null, req.body),
      ),
      r("POST", /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, ([, app, guild], req) =>
        this.postCommand(app ?? "", guild ?? null, body(req)),
      ),
      r(
        "POST",
        /^\/interactions\/([^/]+)\/([^/]+)\/callback$/,
        ([, id, token], req) => this.callback(id ?? "", token ?? "", req),
        false,
      ),
      r("POST", /^\/webhooks\/([^/]+)\/([^/]+)$/, ([, app, token], req) => this.followUp(app ?? "", token ?? "", req), false),
      r("GET", /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/, (m) => this.webhookMessage(m, null), false),
      r("PATCH", /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/, (m, req) => this.webhookMessage(m, body(req)), false),
      r("DELETE", /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/, (m) => this.webhookMessage(m, "delete"), false),
      r("GET", /^\/channels\/([^/]+)$/, ([, id]) => {
        const c = this.channels.get(id ?? "");
        return c ? ok(c) : notFound(10003, "Unknown Channel");
      }),
      r("PATCH", /^\/channels\/([^/]+)$/, ([, id], req) => this.patchChannel(id ?? "", body(req))),
      r("GET", /^\/channels\/([^/]+)\/messages$/, ([, id], req) => {
        if (!this.channels.has(id ?? "")) return notFound(10003, "Unknown Channel");
        const limit = Number(req.query.limit ?? 50);
        return ok(
          this.messagesIn(id ?? "")
            .reverse()
            .slice(0, limit),
        );
      }),
      r("POST", /^\/channels\/([^/]+)\/messages$/, ([, id], req) => this.postMessage(id ?? "", body(req), req.files)),
      r("GET", /^\/channels\/([^/]+)\/messages\/(\d+)$/, ([, id, mid]) => {
        const m = this.messages.get(mid ?? "");
        return m && m.channel_id === id ? ok(m) : notFound(10008, "Unknown Message");
      }),
      r("PATCH", /^\/channels\/([^/]+)\/messages\/(\d+)$/, ([, id, mid], req) => {
        const m = this.messages.get(mid ?? "");
        if (!m || m.channel_id !== id) return notFound(10008, "Unknown Message");
        if (m.author.id !== this.bot.id)
          return { status: 403, body: { code: 50005, message: "Cannot edit a message authored by another user" } };
        return ok(this.editMessage(m, body(req)));
      }),
      r("DELETE", /^\/channels\/([^/]+)\/messages\/(\d+)$/, ([, id, mid]) => {
        const m = this.messages.get(mid ?? "");
        if (!m || m.channel_id !== id) return notFound(10008, "Unknown Message");
        this.deleteMessage(m);
        return { status: 204 };
      }),
      r("POST", /^\/channels\/([^/]+)\/threads$/, ([, id], req) => this.createThread(id ?? "", null, body(req))),
      r("POST", /^\/channels\/([^/]+)\/messages\/(\d+)\/threads$/, ([, id, mid], req) =>
        this.createThread(id ?? "", mid ?? null, body(req)),
      ),
      r("PUT", /^\/channels\/([^/]+)\/thread-members\/(\d+|@me)$/, ([, id, user]) =>
        this.threadMember(id ?? "", user ?? "", "add"),
      ),
      r("DELETE", /^\/channels\/([^/]+)\/thread-members\/(\d+|@me)$/, ([, id, user]) =>
        this.threadMember(id ?? "", user ?? "", "remove"),
      ),
      r("GET", /^\/channels\/([^/]+)\/thread-members\/(\d+)$/, ([, id, user]) => {
        const members = this.threadMemberIds.get(id ?? "");
        if (!members) return notFound(10003, "Unknown Channel");
        if (!members.has(user ?? "")) return notFound(10007, "Unknown Member");
        return ok({ id, user_id: user, join_timestamp: this.timestampOf(id ?? "0"), flags: 0 });
      }),
      r("GET", /^\/guilds\/(\d+)$/, ([, id], req) => {
        const g = this.storedGuilds.get(id ?? "");
        if (!g) return notFound(10004, "Unknown Guild");
        const { channels: _c, threads: _t, members: _m, presences: _p, voice_states: _v, ...guild } = this.guildCreatePayload(g);
        return ok({
          ...guild,
          ...(req.query.with_counts === "true"
            ? { approximate_member_count: g.config.memberCount ?? g.members.size, approximate_presence_count: 0 }
            : {}),
        });
      }),
      r("GET", /^\/guilds\/(\d+)\/channels$/, ([, id]) => {
        const g = this.storedGuilds.get(id ?? "");
        return g ? ok(g.config.channels.map((c) => this.channels.get(c.id))) : notFound(10004, "Unknown Guild");
      }),
      r("GET", /^\/guilds\/(\d+)\/roles$/, ([, id]) => {
        const g = this.storedGuilds.get(id ?? "");
        return g ? ok(this.roleObjects(g.config)) : notFound(10004, "Unknown Guild");
      }),
      r("GET", /^\/guilds\/(\d+)\/members\/(\d+)$/, ([, id, user]) => {
        const g = this.storedGuilds.get(id ?? "");
        if (!g) return notFound(10004, "Unknown Guild");
        return g.members.has(user ?? "") ? ok(this.memberObject(g.config, user ?? "")) : notFound(10007, "Unknown Member");
      }),
    ];
  }

  private putCommands(app: string, guildId: string | null, body: unknown): Answer {
    if (app !== this.applicationId) return { status: 403, body: { code: 50001, message: "Missing Access" } };
    if (!Array.isArray(body)) return badRequest("expected an array of commands");
    if (guildId && !this.storedGuilds.has(guildId)) return { status: 403, body: { code: 50001, message: "Missing Access" } };
    const list = (body as Json[]).map((c) => this.commandObject(c, guildId));
    this.commandSets.set(guildId ?? "global", list);
    return { status: 200, body: list };
  }

  private postCommand(app: string, guildId: string | null, body: Json): Answer {
    if (app !== this.applicationId) return { status: 403, body: { code: 50001, message: "Missing Access" } };
    const command = this.commandObject(body, guildId);
    const key = guildId ?? "global";
    const list = (this.commandSets.get(key) ?? []).filter((c) => c.name !== command.name);
    list.push(command);
    this.commandSets.set(key, list);
    return { status: 201, body: command };
  }

  private commandObject(c: Json, guildId: string | null): Json {
    const key = `${guildId ?? "global"}:${String(c.name)}`;
    const id = this.commandIds.get(key) ?? this.snowflake();
    this.commandIds.set(key, id);
    return {
      type: ApplicationCommandType.ChatInput,
      description: "",
      default_member_permissions: null,
      nsfw: false,
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: null,
      name_localizations: null,
      description_localizations: null,
      ...c,
      id,
      application_id: this.applicationId,
      version: this.snowflake(),
      ...(guildId ? { guild_id: guildId } : {}),
    };
  }

  private callback(id: string, token: string, req: ParsedRequest): Answer {
    const state = this.interactions.get(id);
    if (!state || state.payload.token !== token) return notFound(10062, "Unknown interaction");
    const deadline = this.options.interactionDeadlineMs;
    if (deadline !== undefined && Date.now() - state.dispatchedAt > deadline) return notFound(10062, "Unknown interaction");
    if (state.callbackType !== null)
      return { status: 400, body: { code: 40060, message: "Interaction has already been acknowledged." } };
    const b = (req.body ?? {}) as { type?: number; data?: Json };
    const data = b.data ?? {};
    const payload = state.payload;
    const channelId = payload.channel?.id ?? "";
    const componentMessage = "message" in payload ? payload.message : undefined;
    const metadata = {
      id: payload.id,
      type: payload.type,
      user: payload.member?.user ?? payload.user,
      authorizing_integration_owners: payload.authorizing_integration_owners,
      ...(payload.type === InteractionType.MessageComponent && componentMessage
        ? { interacted_message_id: componentMessage.id }
        : {}),
    };
    const replyExtra: Partial<APIMessage> = {
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      type: payload.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
      interaction_metadata: metadata as APIMessage["interaction_metadata"],
    };
    let message: APIMessage | undefined;
    switch (b.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        message = this.createMessage(channelId, data, replyExtra, req.files);
        state.originalMessageId = message.id;
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = ((typeof data.flags === "number" ? data.flags : 0) & MessageFlags.Ephemeral) | MessageFlags.Loading;
        message = this.createMessage(channelId, { content: "", flags }, replyExtra);
        state.originalMessageId = message.id;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (!componentMessage) return badRequest("this interaction has no message to update");
        const stored = this.messages.get(componentMessage.id) ?? this.storeMessage(componentMessage);
        if (b.type === InteractionResponseType.UpdateMessage) this.editMessage(stored, data);
        message = stored;
        state.originalMessageId = stored.id;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if ((payload.type as number) !== InteractionType.ApplicationCommandAutocomplete)
          return badRequest("only an autocomplete interaction takes choices");
        const choices = (data.choices ?? []) as Array<{ name: string; value: string | number }>;
        // Discord's limits: 25 choices, names and values of 1 to 100 characters.
        if (choices.length > 25 || choices.some((c) => !c.name || c.name.length > 100 || String(c.value).length > 100))
          return badRequest("choices exceed Discord's limits");
        state.choices = choices;
        break;
      }
      case InteractionResponseType.Modal:
        if (payload.type === InteractionType.ModalSubmit) return badRequest("a modal cannot answer a modal submit");
        if (typeof data.custom_id !== "string" || !Array.isArray(data.components))
          return badRequest("a modal needs custom_id and components");
        state.modal = data as unknown as ModalData;
        break;
      default:
        return badRequest(`interaction callback type ${String(b.type)} is not valid here`);
    }
    state.callbackType = b.type;
    if (req.query.with_response !== "true") return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: payload.id,
          type: payload.type,
          activity_instance_id: null,
          response_message_id: message?.id ?? null,
          response_message_loading: b.type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral: message ? ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0 : false,
        },
        resource: { type: b.type, ...(message && b.type !== InteractionResponseType.DeferredMessageUpdate ? { message } : {}) },
      },
    };
  }

  private stateForWebhook(app: string, token: string): InteractionState | Answer {
    const state = this.interactionsByToken.get(token);
    if (!state || app !== this.applicationId || state.callbackType === null) return notFound(10015, "Unknown Webhook");
    return state;
  }

  private followUp(app: string, token: string, req: ParsedRequest): Answer {
    const state = this.stateForWebhook(app, token);
    if ("status" in state) return state;
    const payload = state.payload;
    const message = this.createMessage(
      payload.channel?.id ?? "",
      (req.body ?? {}) as Json,
      {
        webhook_id: this.applicationId,
        application_id: this.applicationId,
      },
      req.files,
    );
    return req.query.wait === "true" ? { status: 200, body: message } : { status: 204 };
  }

  private webhookMessage([, app, token, mid]: string[], action: Json | "delete" | null): Answer {
    const state = this.stateForWebhook(app ?? "", token ?? "");
    if ("status" in state) return state;
    const id = mid === "@original" ? state.originalMessageId : mid;
    const message = id ? this.messages.get(id) : undefined;
    if (!message) return notFound(10008, "Unknown Message");
    if (action === "delete") {
      this.deleteMessage(message);
      return { status: 204 };
    }
    return { status: 200, body: action ? this.editMessage(message, action) : message };
  }

  private deleteMessage(m: APIMessage): void {
    this.messages.delete(m.id);
    const list = this.channelMessages.get(m.channel_id);
    if (list)
      this.channelMessages.set(
        m.channel_id,
        list.filter((x) => x !== m.id),
      );
  }

  private postMessage(channelId: string, body: Json, files: RestFile[]): Answer {
    const channel = this.channels.get(channelId);
    if (!channel) return notFound(10003, "Unknown Channel");
    if (channel.type === ChannelType.GuildCategory || channel.type === ChannelType.GuildVoice) {
      return badRequest("cannot send messages in a non-text channel");
    }
    if ("thread_metadata" in channel && channel.thread_metadata?.archived) {
      return { status: 400, body: { code: 50083, message: "Thread is archived" } };
    }
    const hasContent =
      (typeof body.content === "string" && body.content.length > 0) ||
      (Array.isArray(body.embeds) && body.embeds.length > 0) ||
      (Array.isArray(body.components) && body.components.length > 0) ||
      files.length > 0 ||
      body.poll !== undefined;
    if (!hasContent) return { status: 400, body: { code: 50006, message: "Cannot send an empty message" } };
    // Discord's limits on files: their total size, and an attachment's description (its alt text).
    if (files.reduce((n, f) => n + f.size, 0) > ATTACHMENT_SIZE_LIMIT)
      return { status: 413, body: { code: 40005, message: "Request entity too large" } };
    const described = Array.isArray(body.attachments) ? (body.attachments as Array<{ description?: unknown }>) : [];
    if (described.some((a) => typeof a.description === "string" && a.description.length > ATTACHMENT_DESCRIPTION_MAX))
      return badRequest("attachments.description: must be 1024 or fewer in length");
    if (body.enforce_nonce === true && body.nonce !== undefined) {
      const dup = this.messagesIn(channelId).find((m) => m.nonce === body.nonce);
      if (dup) return { status: 200, body: dup };
    }
    return { status: 200, body: this.createMessage(channelId, body, {}, files) };
  }

  private createThread(parentId: string, messageId: string | null, body: Json): Answer {
    const parent = this.channels.get(parentId);
    if (!parent) return notFound(10003, "Unknown Channel");
    if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement) {
      return badRequest("threads can only be created in text or announcement channels");
    }
    if (typeof body.name !== "string" || body.name.length < 1 || body.name.length > 100)
      return badRequest("name must be 1-100 characters");
    if (messageId && !this.messages.has(messageId)) return notFound(10008, "Unknown Message");
    const type = messageId
      ? parent.type === ChannelType.GuildAnnouncement
        ? ChannelType.AnnouncementThread
        : ChannelType.PublicThread
      : typeof body.type === "number"
        ? body.type
        : ChannelType.PrivateThread;
    if (type === ChannelType.PrivateThread && parent.type !== ChannelType.GuildText)
      return badRequest("private threads need a text channel");
    const id = messageId ?? this.snowflake();
    const now = this.timestampOf(id);
    const guildId = (parent as { guild_id?: string }).guild_id ?? "";
    const thread = {
      id,
      guild_id: guildId,
      parent_id: parentId,
      owner_id: this.bot.id,
      type,
      name: body.name,
      last_message_id: null,
      rate_limit_per_user: typeof body.rate_limit_per_user === "number" ? body.rate_limit_per_user : 0,
      flags: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: typeof body.auto_archive_duration === "number" ? body.auto_archive_duration : 4320,
        archive_timestamp: now,
        locked: false,
        ...(type === ChannelType.PrivateThread ? { invitable: body.invitable !== false } : {}),
        create_timestamp: now,
      },
      member: { id, user_id: this.bot.id, join_timestamp: now, flags: 0 },
    } as unknown as APIChannel;
    this.channels.set(id, thread);
    this.threadMemberIds.set(id, new Set([this.bot.id]));
    this.dispatchFor(guildId, GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true }, GatewayIntentBits.Guilds);
    return { status: 201, body: thread };
  }

  private threadMember(threadId: string, user: string, action: "add" | "remove"): Answer {
    const members = this.threadMemberIds.get(threadId);
    const thread = this.channels.get(threadId);
    if (!members || !thread) return notFound(10003, "Unknown Channel");
    if ("thread_metadata" in thread && thread.thread_metadata?.archived)
      return { status: 400, body: { code: 50083, message: "Thread is archived" } };
    const userId = user === "@me" ? this.bot.id : user;
    const guild = this.storedGuilds.get((thread as { guild_id?: string }).guild_id ?? "");
    if (action === "add" && guild && !guild.members.has(userId)) return notFound(10007, "Unknown Member");
    if (action === "add") members.add(userId);
    else members.delete(userId);
    Object.assign(thread, { member_count: members.size });
    return { status: 204 };
  }

  private patchChannel(id: string, body: Json): Answer {
    const channel = this.channels.get(id);
    if (!channel) return notFound(10003, "Unknown Channel");
    const top = ["name", "topic", "rate_limit_per_user", "parent_id", "nsfw"] as const;
    for (const key of top) if (key in body) Object.assign(channel, { [key]: body[key] });
    if ("thread_metadata" in channel && channel.thread_metadata) {
      const meta = channel.thread_metadata as unknown as Json;
      for (const key of ["archived", "locked", "invitable", "auto_archive_duration"]) {
        if (key in body) meta[key] = body[key];
      }
      if ("archived" in body) meta.archive_timestamp = this.timestampOf(this.snowflake());
    }
    return { status: 200, body: channel };
  }
}

// ---------------------------------------------------------------------------
// Helpers

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function failureAnswer(f: Failure): Answer {
  const message = f.message ?? (f.status === 429 ? "You are being rate limited." : `${f.status}: fake failure`);
  if (f.status !== 429) return { status: f.status, body: { code: f.code ?? 0, message } };
  const retryAfter = f.retryAfter ?? 1;
  const headers: Record<string, string> = {
    "retry-after": String(retryAfter),
    "x-ratelimit-limit": "5",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
    "x-ratelimit-reset-after": String(retryAfter),
    "x-ratelimit-bucket": "fakebucket0000000000000000000000",
    "x-ratelimit-scope": f.global ? "global" : "user",
  };
  // @discordjs/rest treats the mere presence of this header as a global limit.
  if (f.global) headers["x-ratelimit-global"] = "true";
  return {
    status: 429,
    headers,
    body: { message, retry_after: retryAfter, global: f.global === true, ...(f.code !== undefined ? { code: f.code } : {}) },
  };
}

async function parseBody(req: ParsedRequest, raw: Buffer, contentType: string): Promise<void> {
  if (raw.length === 0) return;
  if (contentType.startsWith("application/json")) {
    req.body = JSON.parse(raw.toString("utf8"));
    return;
  }
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    const fields: Json = {};
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") req.body = JSON.parse(value);
        else fields[field] = value;
      } else {
        req.files.push({
          field,
          name: value.name,
          contentType: value.type,
          size: value.size,
          bytes: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    if (req.body === null && Object.keys(fields).length) req.body = fields;
    return;
  }
  req.body = raw.toString("utf8");
}

/** The component with this custom id in a message's components (rows, containers, sections, labels). */
function findComponent(components: readonly unknown[], customId: string): Json | undefined {
  for (const raw of components) {
    const c = raw as Json;
    if (c.custom_id === customId) return c;
    const nested = [
      ...(Array.isArray(c.components) ? c.components : []),
      ...(c.accessory ? [c.accessory] : []),
      ...(c.component ? [c.component] : []),
    ];
    const found = nested.length ? findComponent(nested, customId) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Discord numbers components without an id depth-first from 1 (skipping ids already used). */
function numberComponents(components: Json[]): Json[] {
  const used = new Set<number>();
  const collect = (c: Json) => {
    if (typeof c.id === "number") used.add(c.id);
    for (const x of childrenOf(c)) collect(x);
  };
  for (const c of components) collect(c);
  let next = 0;
  const assign = (c: Json): Json => {
    let id = c.id;
    if (typeof id !== "number") {
      do next++;
      while (used.has(next));
      id = next;
    }
    const out: Json = { ...c, id };
    if (Array.isArray(c.components)) out.components = (c.components as Json[]).map(assign);
    if (c.accessory && typeof c.accessory === "object") out.accessory = assign(c.accessory as Json);
    if (c.component && typeof c.component === "object") out.component = assign(c.component as Json);
    return out;
  };
  return components.map(assign);
}

function childrenOf(c: Json): Json[] {
  return [
    ...(Array.isArray(c.components) ? (c.components as Json[]) : []),
    ...(c.accessory && typeof c.accessory === "object" ? [c.accessory as Json] : []),
    ...(c.component && typeof c.component === "object" ? [c.component as Json] : []),
  ];
}

function submissionFromFields(fields: ModalSubmitInput["fields"]): APIModalSubmissionComponent[] {
  let id = 0;
  return Object.entries(fields).map(([customId, value]) => {
    const labelId = ++id;
    const componentId = ++id;
    const component = Array.isArray(value)
      ? { type: ComponentType.StringSelect, id: componentId, custom_id: customId, values: value }
      : { type: ComponentType.TextInput, id: componentId, custom_id: customId, value: value === null ? "" : String(value) };
    return { type: ComponentType.Label, id: labelId, component } as APIModalSubmissionComponent;
  });
}

/**
 * A message of the bot's as Discord sends it with a component press, for
 * pressing a button the test rendered itself (not one the fake stored).
 */
export function botMessage(m: { id: string; channelId: string; components: unknown[]; at: Date }): APIMessage {
  return {
    id: m.id,
    channel_id: m.channelId,
    author: { id: FAKE_IDS.application, username: "sebaya", discriminator: "0", global_name: null, avatar: null, bot: true },
    content: "",
    components: m.components,
    flags: 0,
    type: 0,
    timestamp: m.at.toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
  } as unknown as APIMessage;
}
