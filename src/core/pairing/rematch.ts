/**
 * A new peer for someone whose pairing ended: another waiting member first,
 * otherwise the pair they would add most to (making a trio). Never someone
 * they were already with this round.
 *
 * Takes the round's lock before reading who is waiting and who was already
 * together (a caller that decides anything beforehand should take it first,
 * see `pairingOfActor`): two re-matches, or a re-match and a matching run,
 * would otherwise each read the round before the other's pairing committed
 * and could pair the same two people twice.
 */
import type { Member, Program, Round } from "../domain";
import { scorePair } from "../matching/score";
import { vocabularyOf } from "../matching/topic-edits";
import { pairKey } from "../matching/types";
import { weightsOf } from "../matching/weights";
import type { Tx } from "../ports";
import { formPairing, joinPairing } from "./pairing-formation";
import { avoidedPairs, earlierRounds, pairsThisRound } from "./round-pairs";

export async function tryRematch(tx: Tx, program: Program, given: Round, member: Member, now: Date): Promise<boolean> {
  const round = await tx.rounds.get(given.id, { lock: true });
  if (round.status === "closed") return false;
  const seen = await pairsThisRound(tx, round);
  const enrollments = await tx.enrollments.listActive(round.id);
  const profiles = new Map(
    (
      await tx.profiles.getMany(
        program.id,
        enrollments.map((e) => e.memberId),
      )
    ).map((p) => [p.memberId, p]),
  );
  const mine = profiles.get(member.id);
  const weights = weightsOf(program.matchingWeights);
  const vocabulary = vocabularyOf(program.topicEdits);
  if (!mine) return false;
  const affinity = (otherId: string) => {
    const other = profiles.get(otherId);
    // Topics and teams under the program's weights; working hours are left out (members' zones are not loaded here).
    return other ? scorePair({ ...mine, timezone: "" }, { ...other, timezone: "" }, { weights, vocabulary }).score : 0;
  };
  // The matcher's hard exclusions hold here too: this round's pairs, "not a good fit", "do not pair me with".
  const { notAFit } = await earlierRounds(tx, round);
  const avoided = await avoidedPairs(
    tx,
    enrollments.map((e) => e.memberId),
  );
  const free = (id: string) => {
    const key = pairKey(id, member.id);
    return id !== member.id && !seen.has(key) && !notAFit.has(key) && !avoided.has(key);
  };

  // Waiting: asked for a re-match, or never matched this round. Someone who
  // ended a pairing without asking for a new one is left in peace.
  const everMatched = new Set((await tx.pairings.inRound(round.id)).flatMap((p) => p.memberIds));
  const waiting: Array<{ id: string; score: number }> = [];
  for (const e of enrollments) {
    if (!free(e.memberId) || (e.pausedUntil && e.pausedUntil > now)) continue;
    if (e.wantsRematch || !everMatched.has(e.memberId)) waiting.push({ id: e.memberId, score: affinity(e.memberId) });
  }
  waiting.sort((a, b) => b.score - a.score);
  const partner = waiting[0];
  if (partner) {
    await formPairing(tx, program, round, [member.id, partner.id], now);
    for (const id of [member.id, partner.id]) {
      const e = await tx.enrollments.find(round.id, id);
      if (e) await tx.enrollments.update(e.id, { wantsRematch: false });
    }
    return true;
  }

  let best: { pairingId: string; score: number } | null = null;
  for (const { pairing } of await tx.pairings.inRound(round.id)) {
    if (pairing.status !== "active") continue;
    const current = (await tx.pairings.members(pairing.id)).filter((l) => !l.leftAt).map((l) => l.memberId);
    if (current.length !== 2 || !current.every(free)) continue;
    const score = current.reduce((sum, id) => sum + affinity(id), 0);
    if (!best || score > best.score) best = { pairingId: pairing.id, score };
  }
  if (!best) return false;
  await joinPairing(tx, program, round, await tx.pairings.get(best.pairingId, { lock: true }), member, now);
  const e = await tx.enrollments.find(round.id, member.id);
  if (e) await tx.enrollments.update(e.id, { wantsRematch: false });
  return true;
}

/**
 * Who in a matched round is waiting for a peer: active, not on a break, in no
 * pairing now, and either asked for a new peer or was never matched. Before
 * the first matching everyone is unmatched, so nobody counts as waiting.
 */
export async function waitingForPeer(tx: Tx, round: Round, now: Date): Promise<string[]> {
  if (round.status !== "running") return [];
  const everMatched = new Set((await tx.pairings.inRound(round.id)).flatMap((p) => p.memberIds));
  const candidates = (await tx.enrollments.listActive(round.id)).filter(
    (e) => !(e.pausedUntil && e.pausedUntil > now) && (e.wantsRematch || !everMatched.has(e.memberId)),
  );
  // One query for everyone's current pairings, not one per enrollee.
  const paired = await tx.pairings.activeCounts(
    round.id,
    candidates.map((e) => e.memberId),
  );
  return candidates.filter((e) => !paired.has(e.memberId)).map((e) => e.memberId);
}
