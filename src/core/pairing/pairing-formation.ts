/** Creating a pairing (or adding someone to one) and sending its intro, in one place. */
import type { Member, Pairing, Program, Round } from "../domain";
import { vocabularyOf } from "../matching/topic-edits";
import { weightsOf } from "../matching/weights";
import { notifyPairing } from "../messages/notify";
import type { Tx } from "../ports";
import { evaluationDue, scheduleEvaluation, schedulePairingStartJobs } from "../schedule/planned-jobs";
import { introMessage } from "../views/intro";

async function sendIntro(tx: Tx, program: Program, round: Round, pairing: Pairing, at: Date, joined?: Member) {
  const links = await tx.pairings.members(pairing.id);
  const members = await tx.members.getMany(links.filter((l) => !l.leftAt).map((l) => l.memberId));
  const profiles = await tx.profiles.getMany(
    program.id,
    members.map((m) => m.id),
  );
  const key = joined ? `intro:${pairing.id}:joined:${joined.id}` : `intro:${pairing.id}`;
  await notifyPairing(tx, program, pairing.id, members, key, at, (t, language) =>
    introMessage(t, language, {
      programName: program.name,
      roundNumber: round.number,
      members,
      profiles,
      ...(joined ? { joined } : {}),
      ...(pairing.cadence
        ? { agreedSchedule: t("cadence.agreed", { everyDays: pairing.cadence.everyDays, minutes: pairing.cadence.minutes }) }
        : {}),
      pairingId: pairing.id,
      weights: weightsOf(program.matchingWeights),
      vocabulary: vocabularyOf(program.topicEdits),
    }),
  );
}

export async function formPairing(tx: Tx, program: Program, round: Round, memberIds: readonly string[], at: Date) {
  const pairing = await tx.pairings.create({ roundId: round.id, memberIds, at });
  await sendIntro(tx, program, round, pairing, at);
  if (evaluationDue(pairing, 1) < round.endsAt) await scheduleEvaluation(tx, pairing, 1, at);
  await schedulePairingStartJobs(tx, pairing, at);
  return pairing;
}

export async function joinPairing(tx: Tx, program: Program, round: Round, pairing: Pairing, member: Member, at: Date) {
  await tx.pairings.addMember(pairing.id, member.id, at);
  await sendIntro(tx, program, round, pairing, at, member);
}
