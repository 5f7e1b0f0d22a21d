import { adminSpace, programInChannel, requireOrganizer } from "../access/scope";
import { sendProgramChart } from "../charts/send-chart";
import type { Program } from "../domain";
import { Refusal } from "../errors";
import { waitingForPeer } from "../pairing/rematch";
import { message, text } from "../views/blocks";
import { ANSWER_BLOCK, reportMessage } from "../views/report";
import { exportRoundCsv } from "./export-round-csv";
import type { UseCase } from "./types";

/**
 * Organizers' view of how a program is going: the channel's program (or the
 * one a button names); in a DM, every program the actor organizes. Each
 * program's chart goes to the organizer's DM as well (only the chart when the
 * App Home's button asks for it).
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
    const to = { tenantId: ctx.tenant.id, memberId: ctx.member.id, language: ctx.language };
    const key = `chart:${program.id}:${ctx.member.id}:${ctx.now.toISOString()}`;
    const charted = await sendProgramChart(ctx.tx, to, program, ctx.now, key);
    if (command.chartOnly) {
      messages.push(message(text(ctx.t(charted ? "chart.sent" : "chart.nothing", { name: program.name }))));
      continue;
    }
    const round = await ctx.tx.rounds.latest(program.id);
    const figures = round ? await ctx.tx.reports.round(round.id, ctx.now, ANSWER_BLOCK) : null;
    const report = reportMessage(ctx.t, ctx.language, program, round, figures);
    // Who is waiting for a peer, by name only, so an organizer can help (issue 12).
    const waiting = round ? await ctx.tx.members.getMany(await waitingForPeer(ctx.tx, round, ctx.now)) : [];
    if (waiting.length > 0) {
      const names = waiting.map((m) => m.displayName).sort((a, b) => a.localeCompare(b, ctx.language));
      report.blocks.push(text(ctx.t("report.waiting", { names: names.join(", ") })));
    }
    if (charted) report.blocks.push(text(ctx.t("chart.sent", { name: program.name })));
    messages.push(report);
  }
  return { messages };
};
