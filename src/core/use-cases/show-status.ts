import type { Button } from "../messages/message";
import { timezoneOf } from "../messages/notify";
import { retentionDate } from "../pairing/retention";
import { formatDate, formatDateTime } from "../time/time-format";
import { actions, commandButton, fields, formButton, heading, message, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** Only the actor's own view: never a partner's notes, ratings or reasons. */
export const showStatus: UseCase<"status"> = async (ctx) => {
  const { t, tx, now } = ctx;
  const latest = await tx.enrollments.latestForMember(ctx.member.id);
  if (latest?.enrollment.status !== "active") {
    return reply(message(heading(t("status.title")), text(t("status.notEnrolled"))));
  }
  const { round, enrollment } = latest;
  const program = await tx.programs.get(round.programId);
  const zone = timezoneOf(ctx.member, program);
  const rows: Array<[string, string]> = [
    [t("status.program"), program.name],
    [
      t("status.round"),
      t("status.roundValue", {
        number: round.number,
        status: t(`status.roundStatus.${round.status}`),
        date: formatDate(round.endsAt, zone, ctx.language),
      }),
    ],
  ];
  // When this round's private notes go (issue 16): the program's setting, in the member's zone.
  const retention = await retentionDate(tx, program, round);
  rows.push([
    t("status.retention"),
    t("status.retentionValue", { date: formatDate(retention.date, zone, ctx.language), months: retention.months }),
  ]);
  const paused = enrollment.pausedUntil && enrollment.pausedUntil > now ? enrollment.pausedUntil : null;
  if (paused) rows.push([t("status.pausedUntil"), formatDate(paused, zone, ctx.language)]);
  const buttons: Button[] = [];
  const pairings = round.status === "closed" ? [] : await tx.pairings.activeWithMembers(ctx.tenant.id, ctx.member.id, round.id);
  if (pairings.length === 0) rows.push([t("status.pairing"), t("status.waiting")]);
  for (const { pairing, members } of pairings) {
    const peers = members.filter((l) => !l.leftAt && l.memberId !== ctx.member.id);
    const { started, next } = await tx.sessions.around(ctx.tenant.id, pairing.id, now);
    rows.push(
      [t("status.pairing"), peers.map((p) => p.displayName).join(", ")],
      [
        t("status.schedule"),
        pairing.cadence
          ? t("status.scheduleValue", { everyDays: pairing.cadence.everyDays, minutes: pairing.cadence.minutes })
          : t("status.noSchedule"),
      ],
      [t("status.nextSession"), next ? formatDateTime(next.startsAt, zone, ctx.language) : t("status.none")],
    );
    // No routine yet: the first step is proposing one, right from here.
    if (!pairing.cadence)
      buttons.push(formButton(t("intro.proposeButton"), { type: "cadence.propose", pairingId: pairing.id }, "primary"));
    if (started) {
      buttons.push(formButton(t("status.checkinButton"), { type: "checkin", sessionId: started.id }, "primary"));
    }
    buttons.push(formButton(t("end.button"), { type: "pairing.end", pairingId: pairing.id }, "danger"));
  }
  const notes = await tx.journal.count(ctx.member.id);
  rows.push([t("status.journal"), t("status.journalValue", { count: notes })]);
  buttons.push(formButton(t("status.journalButton"), { type: "journal.write" }));
  if (notes > 0) buttons.push(commandButton(t("journal.readButton"), { type: "journal.read" }));
  buttons.push(
    paused ? commandButton(t("status.resumeButton"), { type: "resume" }) : formButton(t("status.pauseButton"), { type: "pause" }),
  );
  return reply(message(heading(t("status.title")), fields(rows), actions(...buttons)));
};
