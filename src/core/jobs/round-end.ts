/** A round's end date: wrap-ups for every pair, then the round closes (unless an organizer closed it first). */
import { closeRound } from "../pairing/round-closing";
import { roundEndJob } from "../schedule/job-kinds";
import { done, type JobKind, skipped } from "./job-kind";

export const roundEnd: JobKind<"round-end"> = {
  ...roundEndJob,
  async run(tx, p, now) {
    const round = await tx.rounds.get(p.roundId);
    if (round.status === "closed") return skipped("already closed");
    const latest = await tx.rounds.latest(round.programId, { lock: true });
    if (latest?.id !== round.id) return skipped("not the current round");
    // Channel and pair messages: the wrap-up is not urgent, but it is not held for quiet hours
    // either, since a round end at night should still close the round on time.
    await closeRound(tx, await tx.programs.get(round.programId), round, now);
    return done();
  },
};
