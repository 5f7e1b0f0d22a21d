import { adminSpace } from "../access/scope";
import type { Message } from "../messages/message";
import { formatDate } from "../time/time-format";
import { DEFAULT_TIMEZONE } from "../time/timezones";
import { actions, commandButton, formButton, heading, message, muted, text } from "../views/blocks";
import { ANSWER_BLOCK, reportMessage } from "../views/report";
import { showStatus } from "./show-status";
import type { UseCase } from "./types";

/** How many of the member's own journal notes Home shows. */
const JOURNAL_ON_HOME = 5;
const NOTE_PREVIEW = 280;

/**
 * The member's home (Slack App Home): their status, their goals and how far
 * they got, their newest private notes, and, for organizers, each program in
 * figures. Everything here is the actor's own or aggregate.
 */
export const showHome: UseCase<"home"> = async (ctx) => {
  const { t, tx } = ctx;
  const messages: Message[] = [...(await showStatus(ctx, { type: "status" })).messages];

  const latest = await tx.enrollments.latestForMember(ctx.member.id);
  if (latest?.enrollment.status === "active" && latest.round.status !== "closed") {
    const program = await tx.programs.get(latest.round.programId);
    const [profile] = await tx.profiles.getMany(program.id, [ctx.member.id]);
    if (profile && profile.goals.length > 0) {
      const mine = (await tx.pairings.inRound(latest.round.id)).filter((p) => p.memberIds.includes(ctx.member.id));
      const reached = new Set<string>();
      for (const { pairing } of mine)
        for (const g of await tx.evaluations.goalsReached(pairing.id, ctx.member.id)) reached.add(g);
      const lines = profile.goals.map((goal) =>
        reached.has(goal) ? t("home.goalReached", { goal }) : t("home.goalOpen", { goal }),
      );
      messages.push(message(heading(t("home.goals")), text(lines.join("\n"))));
    }
  }

  const notes = await tx.journal.recent(ctx.member.id, JOURNAL_ON_HOME);
  // The member's zone; before they chose one, the zone of the program they last joined (as status does).
  const zone = ctx.member.timezone ?? (latest ? (await tx.programs.get(latest.round.programId)).timezone : DEFAULT_TIMEZONE);
  messages.push(
    message(
      heading(t("home.journal")),
      muted(t("journal.hint")),
      notes.length === 0
        ? text(t("home.journalEmpty"))
        : text(
            notes
              .map((n) => {
                const body = [...n.text].length > NOTE_PREVIEW ? `${[...n.text].slice(0, NOTE_PREVIEW - 1).join("")}…` : n.text;
                return `${formatDate(n.at, zone, ctx.language)}: ${body}`;
              })
              .join("\n"),
          ),
      actions(formButton(t("status.journalButton"), { type: "journal.write" })),
    ),
  );

  const organized = await tx.programs.organizedBy(ctx.tenant.id, ctx.member.id, adminSpace(ctx));
  if (organized.length > 0) messages.push(message(heading(t("home.organizer"))));
  for (const program of organized) {
    const round = await tx.rounds.latest(program.id);
    const figures = round ? await tx.reports.round(round.id, ctx.now, ANSWER_BLOCK) : null;
    const report = reportMessage(t, ctx.language, program, round, figures);
    if (round?.status === "open") {
      report.blocks.push(
        actions(
          commandButton(t("home.preview"), { type: "round.match", dryRun: true, programId: program.id }),
          commandButton(t("home.match"), { type: "round.match", dryRun: false, programId: program.id }, "primary"),
        ),
      );
    }
    // The chart goes to the organizer's DM on a click, not each time the home opens.
    if (round)
      report.blocks.push(
        actions(commandButton(t("home.chart"), { type: "program.report", programId: program.id, chartOnly: true })),
      );
    messages.push(report);
  }
  return { messages };
};
