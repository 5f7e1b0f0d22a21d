/**
 * Three days after the prompt: a session nobody confirmed counts as missed,
 * and when a pair has missed two sessions in a row the organizers hear of it
 * (names only; check-in notes stay private).
 */
import { notifyOrganizers } from "../messages/notify-organizers";
import { sessionReviewJob } from "../schedule/job-kinds";
import { message, text } from "../views/blocks";
import { done, type JobKind, skipped } from "./job-kind";
import { pairingContext } from "./pairing-context";

export const sessionReview: JobKind<"session-review"> = {
  ...sessionReviewJob,
  async run(tx, p, now) {
    const session = await tx.sessions.get(p.sessionId, { lock: true });
    const { pairing, program, members } = await pairingContext(tx, session.pairingId);
    if (pairing.status !== "active") return skipped("pairing ended");
    let status = session.status;
    if (status === "scheduled") {
      status = "missed";
      await tx.sessions.setStatus(session.id, status);
    }
    if (status !== "missed") return done(status);
    const previous = session.number > 1 ? await tx.sessions.byNumber(pairing.id, session.number - 1) : null;
    if (previous?.status !== "missed") return done("missed");
    const names = members
      .map((m) => m.displayName)
      .sort((a, b) => a.localeCompare(b))
      .join(", ");
    await notifyOrganizers(tx, program, `two-missed:${pairing.id}:${session.number}`, now, (t) =>
      message(text(t("organizer.twoMissed", { names, program: program.name }))),
    );
    return done("missed twice; organizers told");
  },
};
