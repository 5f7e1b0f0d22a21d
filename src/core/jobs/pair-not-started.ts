/**
 * Two weeks after an intro, a pair that has not held a session yet is named
 * to the organizers (names only: nothing a member wrote), so someone can help
 * before the round is over.
 */
import { notifyOrganizers } from "../messages/notify-organizers";
import { pairNotStartedJob } from "../schedule/job-kinds";
import { message, text } from "../views/blocks";
import { done, type JobKind, skipped } from "./job-kind";
import { pairingContext } from "./pairing-context";

export const pairNotStarted: JobKind<"pair-not-started"> = {
  ...pairNotStartedJob,
  async run(tx, p, now) {
    const { pairing, program, members } = await pairingContext(tx, p.pairingId);
    if (pairing.status !== "active") return skipped("pairing ended");
    if ((await tx.sessions.countHeld(pairing.id)) > 0) return skipped("started");
    const names = members
      .map((m) => m.displayName)
      .sort((a, b) => a.localeCompare(b))
      .join(", ");
    // Organizers hear it within their own contact hours (notifyOrganizers holds it till then).
    await notifyOrganizers(tx, program, `not-started:${pairing.id}`, now, (t) =>
      message(text(t("organizer.notStarted", { names, program: program.name }))),
    );
    return done("organizers told");
  },
};
