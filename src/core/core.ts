/**
 * The core's one entry point for adapters: `execute` takes what a platform
 * saw (actor, channel, raw command), validates it, runs the use case in one
 * transaction and returns the reply for the actor. Refusals roll back.
 */

import { requireOwnIds } from "./access/tenant-guard";
import { recordAudit } from "./audit/record-audit";
import { actorSchema, type CommandType, type Envelope, parseCommand } from "./commands/command";
import { describeIssues } from "./commands/problems";
import type { Context } from "./context";
import { type Departure, type SpaceEvent, type SpaceLeft, spaceLeft, spaceReturned } from "./departures/space-departure";
import type { Language } from "./domain";
import { Refusal } from "./errors";
import { languageFromLocale, translator } from "./i18n/translate";
import { optimalMatcher } from "./matching/optimal-matcher";
import type { TopicSuggestion } from "./matching/topic-suggestions";
import type { Matcher } from "./matching/types";
import type { Reply } from "./messages/message";
import { replyLanguage } from "./messages/reply-language";
import type { Store, Tx } from "./ports";
import type { Clock } from "./time/clock";
import { addOrganizer } from "./use-cases/add-organizer";
import { avoidMember } from "./use-cases/avoid-member";
import { checkIn } from "./use-cases/check-in";
import { closeRound } from "./use-cases/close-round";
import { confirmCadence } from "./use-cases/confirm-cadence";
import { editProfile } from "./use-cases/edit-profile";
import { editTopics } from "./use-cases/edit-topics";
import { endPairing } from "./use-cases/end-pairing";
import { exportMyData } from "./use-cases/export-my-data";
import { forgetMe } from "./use-cases/forget-me";
import { help, helpFor } from "./use-cases/help";
import { joinRound } from "./use-cases/join-round";
import { leaveRound } from "./use-cases/leave-round";
import { moveSession } from "./use-cases/move-session";
import { openRound } from "./use-cases/open-round";
import { pause } from "./use-cases/pause";
import { proposeCadence } from "./use-cases/propose-cadence";
import { readJournal } from "./use-cases/read-journal";
import { requestRematch } from "./use-cases/request-rematch";
import { resume } from "./use-cases/resume";
import { runMatching } from "./use-cases/run-matching";
import { setCalendarInvites } from "./use-cases/set-calendar-invites";
import { setContactHours } from "./use-cases/set-contact-hours";
import { setMatchingWeights } from "./use-cases/set-matching-weights";
import { setOrganizerRole } from "./use-cases/set-organizer-role";
import { setRetention } from "./use-cases/set-retention";
import { setSetupAccess } from "./use-cases/set-setup-access";
import { setupProgram } from "./use-cases/setup-program";
import { showAudit } from "./use-cases/show-audit";
import { showHome } from "./use-cases/show-home";
import { showProfile } from "./use-cases/show-profile";
import { showReport } from "./use-cases/show-report";
import { showStatus } from "./use-cases/show-status";
import { submitEvaluation } from "./use-cases/submit-evaluation";
import { programTopicHints, suggestProgramTopics, type TopicQuery } from "./use-cases/suggest-topics";
import type { UseCase } from "./use-cases/types";
import { welcome } from "./use-cases/welcome";
import { writeJournal } from "./use-cases/write-journal";
import { message, text } from "./views/blocks";

export interface CoreDeps {
  store: Store;
  clock: Clock;
  matcher?: Matcher;
  /** Called with unexpected errors; never with private text. */
  onError?: (error: unknown, context: { command: string; requestId?: string | undefined }) => void;
  /**
   * Told how each command ended (for metrics and logs): its type (`unknown` for one that is not a
   * command), ok, refused (a Refusal), invalid (input that did not parse) or error. Never its input.
   */
  onOutcome?: (event: { command: string; outcome: CommandOutcome; requestId?: string | undefined }) => void;
}

export type CommandOutcome = "ok" | "refused" | "invalid" | "error";

export interface Core {
  execute(envelope: Envelope): Promise<Reply>;
  /** Topics for what a member is typing into a topics field (type-ahead); reads only. */
  suggestTopics(query: TopicQuery): Promise<TopicSuggestion[]>;
  /** What a typed topics list was read as, and near topics, as lines to show (a terminal's stand-in for type-ahead); reads only. */
  topicHints(query: TopicQuery): Promise<string[]>;
  // issue 16: a workspace uninstalled the app or a server removed the bot; and its return.
  /** Marks the space's data for deletion in 30 days (idempotent); null when Sebaya never saw its tenant. */
  spaceLeft(event: SpaceLeft): Promise<Departure | null>;
  /** The app is back in the space: a pending deletion is cancelled (true), organizers are told. */
  spaceReturned(event: SpaceEvent): Promise<boolean>;
}

class InvalidInput extends Error {
  constructor(readonly messages: Reply["messages"]) {
    super("invalid input");
  }
}

type UseCases = { [T in CommandType]: UseCase<T> };

export function createCore(deps: CoreDeps): Core {
  const useCases: UseCases = {
    help,
    status: showStatus,
    home: showHome,
    welcome,
    "program.report": showReport,
    "program.setup": setupProgram,
    "round.open": openRound,
    "round.join": joinRound,
    "round.leave": leaveRound,
    "round.match": runMatching(deps.matcher ?? optimalMatcher),
    "round.close": closeRound,
    "cadence.propose": proposeCadence,
    "cadence.confirm": confirmCadence,
    checkin: checkIn,
    "session.move": moveSession,
    "journal.write": writeJournal,
    "journal.read": readJournal,
    pause,
    resume,
    "pairing.end": endPairing,
    "rematch.request": requestRematch,
    "evaluation.submit": submitEvaluation,
    "program.hours": setContactHours,
    "member.avoid": avoidMember,
    "program.organizer": addOrganizer,
    "program.role": setOrganizerRole,
    "setup.access": setSetupAccess,
    "program.weights": setMatchingWeights,
    "program.topics": editTopics,
    "profile.show": showProfile,
    "profile.edit": editProfile,
    "program.audit": showAudit,
    // issue 16 (erase)
    "member.forget": forgetMe,
    "program.retention": setRetention,
    "data.export": exportMyData,
    // issue 18
    "calendar.invites": setCalendarInvites,
  };

  async function execute(envelope: Envelope): Promise<Reply> {
    const actor = actorSchema.parse(envelope.actor);
    // The language to answer in is known only inside the transaction; refusals need it after.
    let language: Language = languageFromLocale(actor.locale) ?? "id";
    const commandName =
      typeof envelope.command === "object" && envelope.command !== null && "type" in envelope.command
        ? String((envelope.command as { type: unknown }).type)
        : "unknown";
    // Only a known type is told on: a label taken from raw input could be anything.
    const kind = Object.hasOwn(useCases, commandName) ? commandName : "unknown";
    const requestId = envelope.requestId;
    const told = (outcome: CommandOutcome) => deps.onOutcome?.({ command: kind, outcome, requestId });
    // The platform event's id goes onto every outbox row the command writes (for the logs).
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) =>
      deps.store.transaction(work, requestId ? { requestId } : undefined);
    try {
      const result = await inTransaction(async (tx) => {
        // Someone who talks to the bot again gets DMs tried again (they may have opened them).
        // One round trip: who acts, their channel's program, whether their space was marked as left.
        const { tenant, member, channelProgram, spaceDeparted } = await tx.members.arrive(
          actor.platform,
          actor.tenantId,
          actor.userId,
          actor.displayName,
          { channelId: envelope.channelId, space: actor.space },
        );
        language = replyLanguage(member.language, actor.locale, channelProgram?.language);
        // Someone acting in a space the app had left proves it is back: its deletion is called off.
        if (actor.space && spaceDeparted) await spaceReturned(tx, tenant.id, actor.space, deps.clock.now());
        // A program set up before spaces were kept learns its space from the first command in its channel.
        if (channelProgram && channelProgram.spaceId === null && actor.space)
          await tx.programs.setSpace(channelProgram.id, actor.space);
        const t = translator(language);
        // An adapter that could not read a button or form passes null: nothing runs, the member is told.
        if (typeof envelope.command !== "object" || envelope.command === null)
          throw new InvalidInput([message(text(t("error.unreadable")))]);
        const ctx: Context = { tx, now: deps.clock.now(), actor, tenant, member, channelId: envelope.channelId, language, t };
        const parsed = parseCommand(envelope.command);
        if (!parsed.ok) {
          // Thrown, not returned, so that even the first-contact member row is rolled back.
          const known = parsed.issues.every((i) => i.path[0] !== "type");
          // An organizer who mistypes needs their own commands listed too.
          if (!known) throw new InvalidInput([message(text(t("error.unknownCommand"))), await helpFor(ctx)]);
          throw new InvalidInput([
            message(text(t("error.invalid")), text(describeIssues(t, parsed.issues, { command: commandName }).join("\n"))),
          ]);
        }
        await requireOwnIds(tx, tenant.id, parsed.command);
        const useCase = useCases[parsed.command.type] as UseCase<CommandType>;
        const done = await useCase(ctx, parsed.command);
        // An organizer action is recorded here, for every command, only once it succeeded.
        await recordAudit(ctx, parsed.command);
        return { ...done, language };
      });
      told("ok");
      return result;
    } catch (error) {
      const t = translator(language);
      if (error instanceof InvalidInput) {
        told("invalid");
        return { messages: error.messages, language };
      }
      if (error instanceof Refusal) {
        told("refused");
        return { messages: [message(text(t(error.key, error.params)))], language };
      }
      told("error");
      deps.onError?.(error, { command: commandName, requestId });
      return { messages: [message(text(t("error.generic")))], language };
    }
  }

  return {
    execute,
    suggestTopics: (query) => suggestProgramTopics(deps.store, query, (e) => deps.onError?.(e, { command: "suggestTopics" })),
    topicHints: (query) => programTopicHints(deps.store, query, (e) => deps.onError?.(e, { command: "topicHints" })),
    spaceLeft: (event) => deps.store.transaction((tx) => spaceLeft(tx, event, deps.clock.now())),
    spaceReturned: (event) =>
      deps.store.transaction(async (tx) => {
        const tenant = await tx.departures.tenant(event.platform, event.tenantId);
        return tenant ? spaceReturned(tx, tenant.id, event.space, deps.clock.now()) : false;
      }),
  };
}
