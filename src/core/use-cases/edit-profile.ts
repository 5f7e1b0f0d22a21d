import { profileProgram } from "../access/profile-program";
import { Refusal } from "../errors";
import { timezoneOf } from "../messages/notify";
import { message, text } from "../views/blocks";
import { profileMessage } from "../views/profile";
import { profileForm } from "../views/profile-form";
import type { UseCase } from "./types";

/**
 * The member's own profile, edited between rounds (or during one): the request opens the form
 * filled in as saved; the answers replace the profile and the member's zone. Nothing of a round
 * changes here: enrollments and pairings stay as they are, and the next intake starts from this.
 */
export const editProfile: UseCase<"profile.edit"> = async (ctx, command) => {
  const { t, tx } = ctx;
  const program = await profileProgram(ctx, command.programId);
  const [profile] = program ? await tx.profiles.getMany(program.id, [ctx.member.id]) : [];
  if (!program || !profile) throw new Refusal("refusal.noProfile");
  const zone = timezoneOf(ctx.member, program);
  if (!command.answers)
    return { messages: [], form: profileForm(t, program.id, profile, { timezone: zone, language: ctx.language }) };
  const answers = command.answers;
  const saved = {
    ...profile,
    expertise: answers.expertise,
    goals: answers.goals,
    interests: answers.interests,
    team: answers.team,
  };
  await tx.profiles.upsert(saved);
  // The zone is the member's, kept beside their language (which this form does not ask).
  if (answers.timezone !== ctx.member.timezone)
    await tx.members.setPreferences(ctx.member.id, { language: ctx.member.language ?? ctx.language, timezone: answers.timezone });
  return {
    messages: [
      message(text(t("profile.saved", { program: program.name }))),
      profileMessage(t, ctx.language, program, saved, answers.timezone, ctx.now),
    ],
  };
};
