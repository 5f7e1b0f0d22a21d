import { programInChannel, requireOrganizer } from "../access/scope";
import { Refusal } from "../errors";
import { vocabularyOf } from "../matching/topic-edits";
import type { Candidate, Matcher, MatchResult } from "../matching/types";
import { weightsOf } from "../matching/weights";
import { notifyChannel, notifyMember } from "../messages/notify";
import { formPairing } from "../pairing/pairing-formation";
import { tryRematch } from "../pairing/rematch";
import { avoidedPairs, earlierRounds, pairsThisRound } from "../pairing/round-pairs";
import { heading, message, text } from "../views/blocks";
import { introReasons } from "../views/intro";
import { reply, type UseCase } from "./types";

/** Matches everyone waiting in the open round; a dry run only shows the proposal. */
export const runMatching =
  (matcher: Matcher): UseCase<"round.match"> =>
  async (ctx, command) => {
    const program = await programInChannel(ctx, command.programId);
    await requireOrganizer(ctx, program);
    const round = await ctx.tx.rounds.latest(program.id, { lock: true });
    if (!round || round.status === "closed") throw new Refusal("refusal.noRound");

    const enrollments = await ctx.tx.enrollments.listActive(round.id);
    const profiles = await ctx.tx.profiles.getMany(
      program.id,
      enrollments.map((e) => e.memberId),
    );
    const profileOf = new Map(profiles.map((p) => [p.memberId, p]));
    const members = new Map((await ctx.tx.members.getMany(enrollments.map((e) => e.memberId))).map((m) => [m.id, m]));
    // Fairness: whoever was in a trio or left unmatched last round goes first.
    const previousRound = round.number > 1 ? await ctx.tx.rounds.byNumber(program.id, round.number - 1) : null;
    const priority = new Set(previousRound ? await ctx.tx.pairings.leftShort(previousRound.id) : []);
    // One query for everyone's current pairings, not one per enrollee.
    const activeCounts = await ctx.tx.pairings.activeCounts(
      round.id,
      enrollments.map((e) => e.memberId),
    );
    const candidates: Candidate[] = [];
    for (const e of enrollments) {
      const profile = profileOf.get(e.memberId);
      const member = members.get(e.memberId);
      if (!profile || !member || (e.pausedUntil && e.pausedUntil > ctx.now)) continue;
      const active = activeCounts.get(e.memberId) ?? 0;
      const slots = Math.max(e.partnersWanted - active, e.wantsRematch ? 1 : 0);
      if (slots <= 0) continue;
      candidates.push({
        memberId: e.memberId,
        slots,
        priority: priority.has(e.memberId),
        profile: { ...profile, timezone: member.timezone ?? program.timezone },
      });
    }
    // In a running round, one member waiting may still join a pair as its third (below).
    const rematching = round.status === "running" && !command.dryRun;
    if (candidates.length < (rematching ? 1 : 2)) throw new Refusal("refusal.tooFewToMatch");

    const { history, notAFit } = await earlierRounds(ctx.tx, round);
    const excluded = new Set([
      ...(await pairsThisRound(ctx.tx, round)),
      ...notAFit,
      ...(await avoidedPairs(
        ctx.tx,
        candidates.map((c) => c.memberId),
      )),
    ]);
    const weights = weightsOf(program.matchingWeights);
    const vocabulary = vocabularyOf(program.topicEdits);
    const result: MatchResult =
      candidates.length < 2
        ? { groups: [], unmatched: candidates.map((c) => c.memberId) }
        : matcher({
            candidates,
            excluded,
            history,
            seed: round.seed,
            weights,
            at: ctx.now,
            vocabulary,
          });
    const nameOf = (id: string) => members.get(id)?.displayName ?? id;

    if (command.dryRun) {
      const lines = result.groups.map((g) =>
        ctx.t("match.preview.group", {
          names: g.memberIds.map(nameOf).join(" + "),
          score: g.score,
          reasons: introReasons(
            ctx.t,
            ctx.language,
            g.memberIds.map((id) => members.get(id)).filter((m) => m !== undefined),
            profiles,
            weights,
            vocabulary,
          ).join(" "),
        }),
      );
      return reply(
        message(
          heading(ctx.t("match.preview.title", { groups: result.groups.length })),
          text(lines.join("\n")),
          // Names in alphabetical order and one reason for all: nothing tells whether, or in which
          // direction, someone asked not to be paired with someone.
          result.unmatched.length > 0 &&
            text(
              ctx.t("match.preview.unmatched", {
                names: result.unmatched
                  .map(nameOf)
                  .sort((a, b) => a.localeCompare(b, ctx.language))
                  .join(", "),
              }),
            ),
        ),
      );
    }

    for (const group of result.groups) {
      await formPairing(ctx.tx, program, round, group.memberIds, ctx.now);
      for (const id of group.memberIds) {
        const e = enrollments.find((x) => x.memberId === id);
        if (e?.wantsRematch) await ctx.tx.enrollments.update(e.id, { wantsRematch: false });
      }
    }
    // After the first matching, whoever is still waiting may join a pair as its third, at once,
    // rather than wait for someone new who cannot join any more.
    let joined = 0;
    const stillWaiting: string[] = [];
    for (const id of result.unmatched) {
      const member = members.get(id);
      if (rematching && member && (await tryRematch(ctx.tx, program, round, member, ctx.now))) joined++;
      else stillWaiting.push(id);
    }
    // The same words for everyone left out, whatever the reason: telling someone that everyone
    // available is excluded for them would tell them that someone asked not to be paired with them.
    for (const id of stillWaiting) {
      const member = members.get(id);
      if (member) {
        await notifyMember(ctx.tx, program, member, `unmatched:${round.id}:${id}:${ctx.now.getTime()}`, ctx.now, (t) =>
          message(text(t("match.unmatched"))),
        );
      }
    }
    if (round.status === "open") await ctx.tx.rounds.setStatus(round.id, "running");
    if (result.groups.length > 0) {
      await notifyChannel(ctx.tx, program, `matched:${round.id}:${ctx.now.getTime()}`, ctx.now, (t) =>
        message(text(t("match.channel", { number: round.number, groups: result.groups.length }))),
      );
    }
    const waitingNames = stillWaiting
      .map(nameOf)
      .sort((a, b) => a.localeCompare(b, ctx.language))
      .join(", ");
    // Plainly, when nothing formed: no "intros are on their way" for intros that do not exist.
    if (result.groups.length === 0 && joined === 0) return reply(message(text(ctx.t("match.nothing", { names: waitingNames }))));
    return reply(
      message(
        result.groups.length > 0 && text(ctx.t("match.done", { groups: result.groups.length })),
        joined > 0 && text(ctx.t("match.joinedGroups", { count: joined })),
        stillWaiting.length > 0 && text(ctx.t("match.stillWaiting", { names: waitingNames })),
      ),
    );
  };
