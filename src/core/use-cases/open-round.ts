import { programInChannel, requireOrganizer } from "../access/scope";
import { Refusal } from "../errors";
import { notifyChannel } from "../messages/notify";
import { scheduleRoundJobs } from "../schedule/planned-jobs";
import { WEEK_MS } from "../time/durations";
import { actions, formButton, heading, message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

export const openRound: UseCase<"round.open"> = async (ctx, command) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  const latest = await ctx.tx.rounds.latest(program.id, { lock: true });
  if (latest && latest.status !== "closed") throw new Refusal("refusal.roundAlreadyOpen", { number: latest.number });
  const weeks = command.weeks ?? program.roundWeeks;
  const round = await ctx.tx.rounds.create({
    programId: program.id,
    number: (latest?.number ?? 0) + 1,
    status: "open",
    seed: Math.floor(Math.random() * 2 ** 31),
    openedAt: ctx.now,
    endsAt: new Date(ctx.now.getTime() + weeks * WEEK_MS),
  });
  await scheduleRoundJobs(ctx.tx, round, ctx.now);
  await notifyChannel(ctx.tx, program, `round-open:${round.id}`, ctx.now, (t) =>
    message(
      heading(t("round.announce.title", { number: round.number })),
      text(t("round.announce.body", { weeks })),
      actions(
        formButton(t("round.announce.join", { number: round.number }), { type: "round.join", roundId: round.id }, "primary"),
      ),
    ),
  );
  return reply(message(text(ctx.t("round.opened", { number: round.number }))));
};
