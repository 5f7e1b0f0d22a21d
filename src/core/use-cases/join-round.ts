import { programInChannel } from "../access/scope";
import type { Program, Round } from "../domain";
import { Refusal } from "../errors";
import { translator } from "../i18n/translate";
import { vocabularyOf } from "../matching/topic-edits";
import { understoodItems, worthReviewing } from "../matching/understood-topics";
import { resolveTimezone } from "../time/timezones";
import { message, text } from "../views/blocks";
import { intakeForm, prefilledIntakeForm } from "../views/forms";
import { startingFrom } from "../views/profile-form";
import { readingSummary } from "../views/reading-summary";
import { reply, type UseCase } from "./types";

/** Without an intake the reply is the intake form; with one, the member is enrolled. */
export const joinRound: UseCase<"round.join"> = async (ctx, command) => {
  let round: Round | null;
  let program: Program;
  if (command.roundId) {
    round = await ctx.tx.rounds.get(command.roundId);
    program = await ctx.tx.programs.get(round.programId);
    // A round is joined from its program's channel (its announcement, its welcome, the form opened
    // there): someone outside a private channel cannot join by naming its round.
    if (ctx.channelId !== program.channelId) throw new Refusal("refusal.joinFromChannel");
  } else {
    program = await programInChannel(ctx);
    round = await ctx.tx.rounds.latest(program.id);
  }
  if (!round || round.status === "closed") throw new Refusal("refusal.noRound");
  // A button on an old announcement acts on that round, which may be over.
  if (round.status !== "open") throw new Refusal("refusal.signupClosed", { number: round.number });
  // Someone who left may join again while sign-ups are open: their enrollment comes back.
  // With the saved profile the intake form starts from: both in one read.
  const { enrollment: earlier, profile: saved } = await ctx.tx.enrollments.joining(ctx.tenant.id, round.id, ctx.member.id);
  if (earlier?.status === "active") throw new Refusal("refusal.alreadyJoined", { number: round.number });
  if (!command.answers) {
    const form = intakeForm(ctx.t, {
      roundId: round.id,
      // The member's own zone, else the one their platform profile reports, else the program's.
      timezone: ctx.member.timezone ?? (ctx.actor.timezone ? resolveTimezone(ctx.actor.timezone) : null) ?? program.timezone,
      language: ctx.language,
    });
    // A member who joined before starts from their saved profile: only what is new needs typing.
    return { messages: [], form: startingFrom(form, saved ?? undefined) };
  }
  const intake = command.answers;
  // Read with the program's own topics (its organizers' edits), as the matcher will read them.
  const vocabulary = vocabularyOf(program.topicEdits);
  const read = { expertise: understoodItems(intake.expertise, vocabulary), goals: understoodItems(intake.goals, vocabulary) };
  if (!intake.confirmed && worthReviewing(read.expertise, read.goals)) {
    // Nothing is saved yet: the member sees what was understood and confirms it or fixes it.
    const t = translator(intake.language);
    const { confirmed: _, ...answers } = intake;
    const request = { type: "round.join" as const, roundId: round.id };
    return {
      messages: [readingSummary(t, intake.language, read)],
      review: {
        request,
        answers: { ...answers, confirmed: true },
        form: prefilledIntakeForm(t, { roundId: round.id, timezone: intake.timezone, language: intake.language }, intake),
      },
    };
  }
  if (earlier) {
    // A fresh start: no break or re-match request left over from before leaving.
    await ctx.tx.enrollments.update(earlier.id, {
      status: "active",
      partnersWanted: intake.partnersWanted,
      wantsRematch: false,
      pausedUntil: null,
    });
  } else {
    const enrollment = await ctx.tx.enrollments.create({
      roundId: round.id,
      memberId: ctx.member.id,
      partnersWanted: intake.partnersWanted,
      at: ctx.now,
    });
    if (!enrollment) throw new Refusal("refusal.alreadyJoined", { number: round.number });
  }
  await ctx.tx.members.setPreferences(ctx.member.id, { language: intake.language, timezone: intake.timezone });
  await ctx.tx.profiles.upsert({
    memberId: ctx.member.id,
    programId: program.id,
    expertise: intake.expertise,
    goals: intake.goals,
    interests: intake.interests,
    team: intake.team,
  });
  // The reply speaks the language just chosen.
  return reply(message(text(translator(intake.language)("join.done", { number: round.number }))));
};
