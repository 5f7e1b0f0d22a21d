/**
 * `/mentoring report csv [round]`: a round member by member, as a CSV file in
 * the organizer's own DM (issue 17). It goes through the report's checks
 * (requireOrganizer, the one place every organizer command is allowed), and
 * like the data export its row names no program, so a DM that cannot be
 * delivered is never replaced by a channel message: names and pairings stay
 * with the organizer.
 */
import { adminSpace, programInChannel, requireOrganizer } from "../access/scope";
import type { Context } from "../context";
import type { Program } from "../domain";
import { Refusal } from "../errors";
import { ATTACHMENT_MAX_BYTES, attachmentBytes } from "../messages/attachment";
import type { Reply } from "../messages/message";
import { message, muted, text } from "../views/blocks";
import { roundRosterCsv } from "../views/round-roster-csv";
import { type CommandOf, reply } from "./types";

/** The channel's program (or the one named); in a DM, the one program the actor organizes. */
async function organizedProgram(ctx: Context, command: CommandOf<"program.report">): Promise<Program> {
  if (command.programId || ctx.channelId) {
    const program = await programInChannel(ctx, command.programId);
    await requireOrganizer(ctx, program);
    return program;
  }
  const programs = await ctx.tx.programs.organizedBy(ctx.tenant.id, ctx.member.id, adminSpace(ctx));
  const only = programs[0];
  if (!only) throw new Refusal("refusal.notOrganizer");
  if (programs.length > 1) throw new Refusal("csv.whichProgram");
  return only;
}

export async function exportRoundCsv(ctx: Context, command: CommandOf<"program.report">): Promise<Reply> {
  const { t, tx, member, now } = ctx;
  const program = await organizedProgram(ctx, command);
  const round = command.round ? await tx.rounds.byNumber(program.id, command.round) : await tx.rounds.latest(program.id);
  if (!round) throw new Refusal(command.round ? "csv.noSuchRound" : "report.noRound", { number: command.round ?? 0 });
  const zone = member.timezone ?? program.timezone;
  const file = roundRosterCsv(t, ctx.language, round, await tx.roster.ofRound(round.id), zone, now);
  if (attachmentBytes(file) > ATTACHMENT_MAX_BYTES) throw new Refusal("csv.tooLarge");
  await tx.outbox.enqueue({
    tenantId: ctx.tenant.id,
    key: `report-csv:${round.id}:${member.id}:${now.toISOString()}`,
    audience: { kind: "member", memberId: member.id },
    message: {
      ...message(text(t("csv.intro", { program: program.name, number: round.number, file: file.name })), muted(t("csv.privacy"))),
      attachment: file,
    },
    at: now,
  });
  return reply(message(text(t("csv.sent", { number: round.number, file: file.name }))));
}
