/**
 * Discord interactions into the core's commands (see ARCHITECTURE.md, "The
 * same click on Discord"). What shapes this file is Discord's 3 seconds and
 * its modals: the core gets `ackAfterMs` to answer so that a form can still
 * open as the first response (a modal is allowed only then), else the
 * interaction is deferred and the answer follows as an edit; a form longer
 * than one modal goes step by step through a draft, since a modal cannot
 * open another.
 */
import { randomUUID } from "node:crypto";
import {
  type APIMessage,
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type ModalSubmitInteraction,
  Partials,
  RESTEvents,
  type RepliableInteraction,
  Routes,
  type StringSelectMenuInteraction,
} from "discord.js";
import { holdsControlCharacter } from "../../core/commands/command";
import { commandFromOptions } from "../../core/commands/slash";
import type { Core } from "../../core/core";
import type { Language } from "../../core/domain";
import { type FormAnswers, formSubmission } from "../../core/forms/form-submission";
import { problemsAcrossAnswers, problemWithAnswer } from "../../core/forms/form-validation";
import { translator } from "../../core/i18n/translate";
import type { Form, Reply } from "../../core/messages/message";
import { replyLanguage } from "../../core/messages/reply-language";
import type { Clock } from "../../core/time/clock";
import { withReviewRef } from "../../core/views/reading-summary";
import type { DraftDocument, DraftOwner, PlatformStore } from "../platform-port";
import { type InteractionTimings, requestClock } from "../shared/interaction-timings";
import { DOUBLE_CLICK_MS, pressDigest } from "../shared/presses";
import { COMMAND_NAMES, type InteractionOptionValue } from "./command-definitions";
import { commandFromSelect, decodeCustomId, parseContinueCustomId, parseModalCustomId, parseReviewCustomId } from "./custom-id";
import type { DiscordMessagePayload } from "./limits";
import { answersFromModal, continuePrompt, fixPrompt, formPrompt, modalSteps, stepInputs } from "./modals";
import { envelope, type Person, personOf } from "./people";
import { notedMessage, renderReply, settledMessage } from "./render";

/** How long the core may take before the interaction is deferred (Discord allows 3 s for the first response). */
const ACK_AFTER_MS = 2_000;

export interface DiscordAppOptions {
  core: Core;
  store: PlatformStore;
  clock: Clock;
  token: string;
  /** REST base URL (a proxy, or a test's fake Discord); the gateway URL comes from it too. */
  apiUrl?: string;
  /** Called with unexpected errors; never with private text. */
  onError?: (error: unknown) => void;
  /** Shards this process runs (discord.js `shards`), and how many there are in all (`shardCount`). */
  shards?: number | number[] | "auto";
  shardCount?: number;
  /** See ACK_AFTER_MS. */
  ackAfterMs?: number;
  /** Told each interaction's ack (its first response reaching Discord) and reply latency. */
  timings?: InteractionTimings;
  /** Told when a gateway shard drops (false) and when every shard is back (true): readiness follows. */
  onConnection?: (connected: boolean) => void;
}

export interface DiscordApp {
  client: Client;
  stop(): Promise<void>;
}

type Origin = NonNullable<DraftDocument["origin"]>;
/** "reply": a new ephemeral message; "update": the ephemeral message the interaction came from is replaced. */
type Mode = "reply" | "update";
type Component = ButtonInteraction | StringSelectMenuInteraction;

const LATE = Symbol("late");
/** Discord shows at most 25 autocomplete choices. */
const DISCORD_CHOICES = 25;

/** Of `given`, the answers `form` asks for. */
function prefillFor(form: Form, given: FormAnswers | undefined): FormAnswers {
  if (!given) return {};
  return Object.fromEntries(
    form.inputs.flatMap((input) => (given[input.name] === undefined ? [] : [[input.name, given[input.name]]])),
  );
}
const hash = (value: string) => pressDigest(value, 16);

/** A rendered payload in discord.js's option shape (allowedMentions in camelCase; no mention unless named). */
function options(payload: DiscordMessagePayload): InteractionEditReplyOptions {
  const mentions = payload.allowed_mentions;
  return {
    content: payload.content ?? "",
    embeds: payload.embeds ?? [],
    components: payload.components ?? [],
    allowedMentions: {
      parse: (mentions.parse ?? []) as Array<"users" | "roles" | "everyone">,
      ...(mentions.users ? { users: mentions.users } : {}),
    },
  };
}

/** The program channel an interaction happened in: a thread's parent; none in a DM. */
function programChannel(i: Interaction): string | undefined {
  if (!i.guildId || !i.channelId) return undefined;
  const channel = i.channel;
  return channel?.isThread() ? (channel.parentId ?? undefined) : i.channelId;
}

/** The message a component is on, if it is one that may be settled (a bot message, not an ephemeral one). */
function originOf(i: Component): Origin | undefined {
  if (!i.channelId || i.message.flags.has(MessageFlags.Ephemeral)) return undefined;
  const kind = !i.guildId ? "dm" : i.channel?.isThread() ? "thread" : "channel";
  return { channelId: i.channelId, messageId: i.message.id, kind };
}

const fromEphemeral = (i: RepliableInteraction): boolean =>
  (i.isMessageComponent() || (i.isModalSubmit() && i.isFromMessage())) && Boolean(i.message?.flags.has(MessageFlags.Ephemeral));

export async function startDiscordApp(opts: DiscordAppOptions): Promise<DiscordApp> {
  const ackAfterMs = opts.ackAfterMs ?? ACK_AFTER_MS;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // DM channels are not cached with the Guilds intent alone; interactions in them still need their channel.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    ...(opts.apiUrl ? { rest: { api: opts.apiUrl } } : {}),
    ...(opts.shards !== undefined ? { shards: opts.shards } : {}),
    ...(opts.shardCount !== undefined ? { shardCount: opts.shardCount } : {}),
  });
  const { core, store, clock } = opts;
  const report = (error: unknown) => opts.onError?.(error);
  const claim = (key: string, windowMs?: number) => store.claimEvent(key, clock.now(), windowMs);
  const owner = (person: Person): DraftOwner => ({ platform: "discord", tenantExternalId: person.tenant, userId: person.user });

  /** `work`'s result; if it is not there by the deadline, `defer` acknowledges the interaction first. */
  async function inTime<T>(received: number, work: Promise<T>, defer: () => Promise<unknown>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof LATE>((resolve) => {
      timer = setTimeout(() => resolve(LATE), Math.max(0, received + ackAfterMs - Date.now()));
    });
    try {
      const first = await Promise.race([work, late]);
      if (first !== LATE) return first;
    } finally {
      clearTimeout(timer);
    }
    await defer();
    return work;
  }

  function defer(i: RepliableInteraction, mode: Mode): Promise<unknown> {
    if (mode === "update" && fromEphemeral(i) && (i.isMessageComponent() || i.isModalSubmit())) return i.deferUpdate();
    return i.deferReply({ flags: MessageFlags.Ephemeral });
  }

  /** Sends payloads as the interaction's answer: the first as its response (or an edit of it), the rest as follow-ups. */
  async function send(i: RepliableInteraction, payloads: DiscordMessagePayload[], mode: Mode): Promise<void> {
    const [first, ...rest] = payloads;
    const update = mode === "update" && fromEphemeral(i);
    if (!first) {
      // Nothing to say: acknowledge without a message.
      if (!i.deferred && !i.replied) {
        if (i.isMessageComponent() || (i.isModalSubmit() && i.isFromMessage())) await i.deferUpdate();
        else await i.reply({ content: "✓", flags: MessageFlags.Ephemeral });
      } else if (i.deferred && !update) await i.deleteReply();
      return;
    }
    if (i.deferred || i.replied) await i.editReply(options(first));
    else if (update && i.isMessageComponent()) await i.update(options(first));
    else if (update && i.isModalSubmit() && i.isFromMessage()) await i.update(options(first));
    else await i.reply({ ...(options(first) as InteractionReplyOptions), flags: MessageFlags.Ephemeral });
    for (const payload of rest)
      await i.followUp({ ...(options(payload) as InteractionReplyOptions), flags: MessageFlags.Ephemeral });
  }

  async function newDraft(
    person: Person,
    form: Form,
    language: Language,
    channelId: string | undefined,
    origin: Origin | undefined,
    answers: FormAnswers = {},
  ) {
    const id = await store.drafts.create(
      randomUUID(),
      owner(person),
      { form, answers, language, ...(channelId ? { channelId } : {}), ...(origin ? { origin } : {}) },
      clock.now(),
    );
    if (!id) throw new Error("form draft: the tenant is unknown");
    return { id, language, answers };
  }

  /**
   * An answered question is updated so it cannot be answered twice: in a DM its buttons give way
   * to the answer; a question shared in a pair's thread gets the core's note (who answered, never
   * what), and loses its buttons once everyone has answered.
   */
  async function settle(origin: Origin, reply: Reply): Promise<void> {
    const shared = origin.kind !== "dm" ? reply.shared : undefined;
    if (origin.kind === "dm" ? !reply.settled : !shared) return;
    const route = Routes.channelMessage(origin.channelId, origin.messageId);
    // Read back: another member's note may have been added since the button was pressed.
    const message = (await client.rest.get(route)) as APIMessage;
    if (message.author.id !== client.user?.id) return;
    const body = shared ? notedMessage(message, shared.note, shared.everyone) : settledMessage(message, reply.messages[0]);
    await client.rest.patch(route, { body });
  }

  /** Runs a command through the core and answers with its reply (a modal, messages, or both after a defer). */
  async function act(
    i: RepliableInteraction,
    person: Person,
    received: number,
    what: {
      command: unknown;
      channelId: string | undefined;
      origin: Origin | undefined;
      mode: Mode;
      /** Answers to show in the form the reply opens, by input name (only those it asks for). */
      prefill?: FormAnswers;
    },
  ): Promise<void> {
    const work = (async () => {
      // The interaction's id goes with the command into its log lines and onto the outbox rows it writes.
      const reply = await core.execute({ ...envelope(person, what.channelId, what.command), requestId: i.id });
      // The form's steps speak the language the core answered in.
      const language = reply.language ?? replyLanguage(null, person.locale, null);
      const draft = reply.form
        ? await newDraft(person, reply.form, language, what.channelId, what.origin, prefillFor(reply.form, what.prefill))
        : null;
      // Answers read back wait in a draft for the member's confirm or fix; the buttons name it.
      if (!reply.review) return { reply, draft };
      // The form to fix speaks the language just chosen in it, as the reading does.
      const chosen = reply.review.answers.language;
      const formLanguage: Language = chosen === "en" || chosen === "id" ? chosen : language;
      const kept = await newDraft(person, reply.review.form, formLanguage, what.channelId, what.origin, reply.review.answers);
      return { reply: { ...reply, messages: withReviewRef(reply.messages, kept.id) }, draft };
    })();
    const { reply, draft } = await inTime(received, work, () => defer(i, what.mode));
    const payloads = renderReply(reply);
    if (reply.form && draft) {
      const t = translator(draft.language);
      const [step] = modalSteps(reply.form, draft.id, t, draft.answers);
      // The core sends no messages alongside a form; were there any, the modal would come first.
      if (step && !i.deferred && !i.replied && !i.isModalSubmit()) {
        await i.showModal(step);
        return;
      }
      if (step) payloads.push(formPrompt(t, reply.form, draft.id));
    }
    await send(i, payloads, what.mode);
    if ((reply.settled || reply.shared) && what.origin) await settle(what.origin, reply).catch(report);
  }

  async function expired(i: RepliableInteraction, person: Person, mode: Mode): Promise<void> {
    const t = translator(
      await store.readerLanguage({ platform: "discord", tenant: person.tenant, user: person.user, locale: person.locale }),
    );
    await send(i, [{ content: t("discord.form.expired"), allowed_mentions: { parse: [] } }], mode);
  }

  async function onCommand(i: ChatInputCommandInteraction, person: Person, received: number): Promise<void> {
    // A word in a subcommand group (`/mentoring privacy audit`) is the group's one option.
    const group = i.options.data.find((o) => o.type === ApplicationCommandOptionType.SubcommandGroup);
    const sub = (group?.options ?? i.options.data).find((o) => o.type === ApplicationCommandOptionType.Subcommand);
    const values: Record<string, InteractionOptionValue> = Object.fromEntries(
      // A one-word command (`/calendar off`) has its options at the top, no subcommand.
      (sub ? (sub.options ?? []) : group ? [] : i.options.data).map((o) => [o.name, o.value as InteractionOptionValue]),
    );
    const command = commandFromOptions(sub?.name ?? i.commandName, values);
    // An option named as an input of the form the command opens is already in that form (join's expertise).
    const prefill: FormAnswers = Object.fromEntries(
      Object.entries(values).flatMap(([name, v]) => (typeof v === "string" && v.trim() !== "" ? [[name, v]] : [])),
    );
    await act(i, person, received, { command, channelId: programChannel(i), origin: undefined, mode: "reply", prefill });
  }

  async function onComponent(i: Component, person: Person, received: number): Promise<void> {
    const values = i.isStringSelectMenu() ? i.values : [];
    const press = `discord:press:${person.user}:${i.message.id}:${i.customId}${values.length ? `:${hash(values.join("\n"))}` : ""}`;
    if (!(await claim(press, DOUBLE_CLICK_MS))) {
      await i.deferUpdate();
      return;
    }
    const next = parseContinueCustomId(i.customId);
    if (next) {
      // The next step of a form: straight from the draft, no core call, so the modal is the first response.
      const draft = await store.drafts.get(next.draftId, owner(person), clock.now());
      // Prefilled with the answers so far: a step reopened to fix an answer shows what was typed.
      const modal = draft
        ? modalSteps(draft.form, next.draftId, translator(draft.language), draft.answers)[next.step - 1]
        : undefined;
      if (modal) await i.showModal(modal);
      else await expired(i, person, "update");
      return;
    }
    const review = parseReviewCustomId(i.customId);
    if (review) {
      // Taken, so a review is answered once: confirm submits its answers, fix opens the form prefilled.
      const draft = await store.drafts.take(review.draftId, owner(person), clock.now());
      if (!draft) await expired(i, person, "update");
      else if (review.choice === "confirm") {
        const command = formSubmission(draft.form.request, draft.answers);
        await act(i, person, received, { command, channelId: draft.channelId, origin: draft.origin, mode: "update" });
      } else {
        const fix = await newDraft(person, draft.form, draft.language, draft.channelId, draft.origin);
        const [step] = modalSteps(draft.form, fix.id, translator(draft.language));
        if (step) await i.showModal(step);
      }
      return;
    }
    const decoded = decodeCustomId(i.customId);
    // Garbled, or from an older version: the core gets null and tells the member it could not read it.
    const command = !decoded ? null : decoded.kind === "select" ? commandFromSelect(decoded, values[0] ?? "") : decoded.command;
    await act(i, person, received, { command, channelId: programChannel(i), origin: originOf(i), mode: "update" });
  }

  async function onModal(i: ModalSubmitInteraction, person: Person, received: number): Promise<void> {
    const mode: Mode = "update";
    const step = parseModalCustomId(i.customId);
    if (!step) {
      await expired(i, person, mode);
      return;
    }
    const fields: Record<string, string | readonly string[] | null | undefined> = {};
    for (const [customId, field] of i.fields.fields) {
      if ("values" in field && field.values) fields[customId] = field.values;
      else if ("value" in field && typeof field.value === "string") fields[customId] = field.value;
    }
    const answers = answersFromModal(fields);
    const who = owner(person);
    const draft = await store.drafts.get(step.draftId, who, clock.now());
    if (!draft) {
      await expired(i, person, mode);
      return;
    }
    const t = translator(draft.language);
    // What the core would refuse is said now, with everything typed kept for the step to reopen.
    const inputs = stepInputs(draft.form, step.step);
    const problems = inputs.flatMap((input) => {
      const problem = problemWithAnswer(draft.form.request.type, input.name, answers[input.name], t, input.label);
      return problem ? [problem] : [];
    });
    if (problems.length === 0 && step.step === modalSteps(draft.form, step.draftId, t).length) {
      // The last step: a rule across answers (a weekday every 10 days) reopens the step holding its field.
      const across = problemsAcrossAnswers(draft.form.request.type, { ...draft.answers, ...answers }, t);
      problems.push(...inputs.flatMap((input) => (across[input.name] ? [across[input.name] as string] : [])));
    }
    if (problems.length > 0) {
      // A control character cannot be stored (nor shown back): that answer reopens blank.
      const keepable = Object.fromEntries(
        Object.entries(answers).filter(([, v]) => !(typeof v === "string" && holdsControlCharacter(v))),
      );
      if (await store.drafts.mergeAnswers(step.draftId, who, keepable, clock.now()))
        await send(i, [fixPrompt(t, problems, step.step, step.draftId)], mode);
      else await expired(i, person, mode);
      return;
    }
    const total = modalSteps(draft.form, step.draftId, t).length;
    if (step.step < total) {
      if (await store.drafts.mergeAnswers(step.draftId, who, answers, clock.now()))
        await send(i, [continuePrompt(t, step.step + 1, total, step.draftId)], mode);
      else await expired(i, person, mode);
      return;
    }
    // Whoever takes the draft completes the form: a last step submitted twice counts once.
    const taken = await store.drafts.take(step.draftId, who, clock.now());
    if (!taken) {
      await expired(i, person, mode);
      return;
    }
    const command = formSubmission(taken.form.request, { ...taken.answers, ...answers });
    await act(i, person, received, { command, channelId: taken.channelId, origin: taken.origin, mode });
  }

  /**
   * Choices as the member types into an autocomplete option (join's expertise): the channel's
   * program's topics (its organizers' edits included) in the interaction's language, at most
   * Discord's 25; one indexed read.
   */
  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const language = replyLanguage(null, i.locale, null);
    const query = String(focused.value);
    const person = personOf(i);
    const suggestions = await core.suggestTopics({
      platform: "discord",
      tenantId: person.tenant,
      channelId: i.channelId,
      query,
      language,
      limit: DISCORD_CHOICES,
    });
    const choices = suggestions.map((s) => {
      const name = s.label.slice(0, 100);
      return { name, value: name };
    });
    await i.respond(choices);
  }

  /** Interactions waiting for their first response, by id: when each arrived (for the ack latency). */
  const awaitingAck = new Map<string, ReturnType<typeof requestClock>>();
  if (opts.timings) {
    // The first response is whichever comes first (a reply, a modal, a defer): seen where it reaches Discord.
    client.rest.on(RESTEvents.Response, (request) => {
      const id = /\/interactions\/(\d+)\/[^/]+\/callback/.exec(String(request.path))?.[1];
      const clock = id ? awaitingAck.get(id) : undefined;
      if (!id || !clock) return;
      awaitingAck.delete(id);
      clock.acked();
    });
  }

  async function handle(i: Interaction): Promise<void> {
    const received = Date.now();
    if (i.isAutocomplete()) {
      if (COMMAND_NAMES.includes(i.commandName)) await onAutocomplete(i).catch(report);
      return;
    }
    if (i.isChatInputCommand()) {
      if (!COMMAND_NAMES.includes(i.commandName)) return;
    } else if (!i.isButton() && !i.isStringSelectMenu() && !i.isModalSubmit()) return;
    try {
      // A gateway replay (or a second replica seeing the same event) changes nothing.
      if (!(await claim(`discord:interaction:${i.id}`))) return;
      const person = personOf(i);
      const clock = requestClock(opts.timings, received);
      if (opts.timings) awaitingAck.set(i.id, clock);
      try {
        if (i.isChatInputCommand()) await onCommand(i, person, received);
        else if (i.isModalSubmit()) await onModal(i, person, received);
        else await onComponent(i, person, received);
        clock.replied(i.isChatInputCommand() ? "command" : i.isModalSubmit() ? "modal" : "component");
      } finally {
        awaitingAck.delete(i.id);
      }
    } catch (error) {
      report(error);
      // Never a silent spinner: a short apology in the interaction's language.
      const t = translator(replyLanguage(null, i.locale, null));
      const apology = { content: t("error.generic"), allowed_mentions: { parse: [] } };
      if (i.deferred && !i.replied) await i.editReply(options(apology)).catch(report);
      else if (!i.deferred && !i.replied) await send(i, [apology], "reply").catch(report);
    }
  }

  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch(report);
  });
  client.on(Events.Error, report);
  // Removed from a server (an outage is GuildUnavailable, not this): its data is deleted in 30 days
  // unless the bot is added back, and its organizers are told by DM (which reaches those who share
  // another server with the bot). Added back: the deletion is called off.
  const tenant = () => client.application?.id ?? client.user?.id;
  // discord.js empties a removed guild's channel cache before GuildDelete: its channels are noted
  // from the raw packet, which comes first (they find programs whose server was never learned).
  const removedChannels = new Map<string, string[]>();
  client.on(Events.Raw, (packet: { t?: string; d?: { id?: string; unavailable?: boolean } }) => {
    const id = packet.t === "GUILD_DELETE" && !packet.d?.unavailable ? packet.d?.id : undefined;
    const guild = id ? client.guilds.cache.get(id) : undefined;
    if (id && guild) removedChannels.set(id, [...guild.channels.cache.keys()]);
  });
  client.on(Events.GuildDelete, (guild) => {
    const tenantId = tenant();
    const channelIds = removedChannels.get(guild.id) ?? [];
    removedChannels.delete(guild.id);
    if (!tenantId) return;
    core.spaceLeft({ platform: "discord", tenantId, space: guild.id, channelIds, organizersReachable: true }).catch(report);
  });
  client.on(Events.GuildCreate, (guild) => {
    const tenantId = tenant();
    if (tenantId) core.spaceReturned({ platform: "discord", tenantId, space: guild.id }).catch(report);
  });
  // Shards down now; the process counts as connected only when none is.
  const down = new Set<number>();
  const shardIs = (shardId: number, up: boolean) => {
    const before = down.size === 0;
    if (up) down.delete(shardId);
    else down.add(shardId);
    if (before !== (down.size === 0)) opts.onConnection?.(down.size === 0);
  };
  client.on(Events.ShardReconnecting, (shardId) => shardIs(shardId, false));
  client.on(Events.ShardDisconnect, (_event, shardId) => shardIs(shardId, false));
  client.on(Events.ShardResume, (shardId) => shardIs(shardId, true));
  client.on(Events.ShardReady, (shardId) => shardIs(shardId, true));

  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, () => resolve());
  });
  await client.login(opts.token);
  await ready;
  return {
    client,
    async stop() {
      await client.destroy();
    },
  };
}
