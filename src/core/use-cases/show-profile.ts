import { profileProgram } from "../access/profile-program";
import { timezoneOf } from "../messages/notify";
import { actions, formButton, message, text } from "../views/blocks";
import { profileMessage } from "../views/profile";
import { reply, type UseCase } from "./types";

/**
 * The actor's own saved profile, to them alone (a reply is seen only by whoever acted); the
 * command names nobody else, so nobody can ask for someone else's. Organizers see figures only.
 */
export const showProfile: UseCase<"profile.show"> = async (ctx, command) => {
  const { t, tx } = ctx;
  const program = await profileProgram(ctx, command.programId);
  if (!program) return reply(message(text(t("profile.noneAnywhere"))));
  const [profile] = await tx.profiles.getMany(program.id, [ctx.member.id]);
  if (profile) return reply(profileMessage(t, ctx.language, program, profile, timezoneOf(ctx.member, program), ctx.now));
  // No profile yet: it is made by joining, right here when the round is open and this is its channel.
  const round = await tx.rounds.latest(program.id);
  const join =
    round?.status === "open" && ctx.channelId === program.channelId
      ? actions(
          formButton(t("round.announce.join", { number: round.number }), { type: "round.join", roundId: round.id }, "primary"),
        )
      : null;
  return reply(message(text(t("profile.none", { program: program.name })), join));
};
