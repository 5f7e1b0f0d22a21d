/** A round's end date: wrap-ups for every pair, then the round closes (unless an organizer closed it first). */
import { z } from "zod";
import { closeRound } from "../round-closing";
import { done, type JobKind, skipped } from "./job-kind";

const payload = z.object({ roundId: z.uuid() });

export const roundEnd: JobKind<z.infer<typeof payload>> = {
  kind: "round-end",
  payload,
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
