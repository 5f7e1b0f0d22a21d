import { adminSpace, programInChannel, requireOrganizer } from "../access/scope";
import type { Program } from "../domain";
import { Refusal } from "../errors";
import { waitingForPeer } from "../pairing/rematch";
import { text } from "../views/blocks";
import { ANSWER_BLOCK, reportMessage } from "../views/report";
import { exportRoundCsv } from "./export-round-csv";
import type { UseCase } from "./types";

/**
 * Organizers' view of how a program is going: the channel's program (or the
 * one a button names); in a DM, every program the actor organizes.
 */
export const showReport: UseCase<"program.report"> = async (ctx, command) => {
  // issue 17: the member-by-member CSV, after the same organizer check.
  if (command.format === "csv") return exportRoundCsv(ctx, command);
  let programs: Program[];
  if (command.programId || ctx.channelId) {
    const program = await programInChannel(ctx, command.programId);
    await requireOrganizer(ctx, program);
    programs = [program];
  } else {
    programs = await ctx.tx.programs.organizedBy(ctx.tenant.id, ctx.member.id, adminSpace(ctx));
    if (programs.length === 0) throw new Refusal("refusal.notOrganizer");
  }
  const messages = [];
  for (const program of programs) {
    const round = await ctx.tx.rounds.latest(program.id);
    const figures = round ? await ctx.tx.reports.round(round.id, ctx.now, ANSWER_BLOCK) : null;
    const report = reportMessage(ctx.t, ctx.language, program, round, figures);
    // Who is waiting for a peer, by name only, so an organizer can help (issue 12).
    const waiting = round ? await ctx.tx.members.getMany(await waitingForPeer(ctx.tx, round, ctx.now)) : [];
    if (waiting.length > 0) {
      const names = waiting.map((m) => m.displayName).sort((a, b) => a.localeCompare(b, ctx.language));
      report.blocks.push(text(ctx.t("report.waiting", { names: names.join(", ") })));
    }
    messages.push(report);
  }
  return { messages };
};
