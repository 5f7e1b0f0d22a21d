/** Sign-up closes a week after a round opens: the channel hears how many joined, organizers get the next step. */
import { notifyChannel } from "../messages/notify";
import { notifyOrganizers } from "../messages/notify-organizers";
import { roundSignupCloseJob } from "../schedule/job-kinds";
import { actions, commandButton, message, text } from "../views/blocks";
import { done, type JobKind, skipped } from "./job-kind";

export const roundSignupClose: JobKind<"round-signup-close"> = {
  ...roundSignupCloseJob,
  async run(tx, p, now) {
    const round = await tx.rounds.get(p.roundId);
    if (round.status !== "open") return skipped("round no longer open for sign-up");
    const program = await tx.programs.get(round.programId);
    const count = (await tx.enrollments.listActive(round.id)).length;
    await notifyChannel(tx, program, `signup-closed:${round.id}`, now, (t) =>
      message(text(t("round.signupClosed.channel", { number: round.number, count }))),
    );
    await notifyOrganizers(tx, program, `signup-closed:${round.id}`, now, (t) =>
      message(
        text(t("round.signupClosed.organizer", { number: round.number, count })),
        actions(
          commandButton(t("round.preview"), { type: "round.match", dryRun: true, programId: program.id }),
          commandButton(t("round.match"), { type: "round.match", dryRun: false, programId: program.id }, "primary"),
        ),
      ),
    );
    return done();
  },
};
