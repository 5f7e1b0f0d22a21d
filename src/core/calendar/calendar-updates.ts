/**
 * Sending each member the pairing's calendar invite (issue 18), in the transaction of the change
 * that calls for it: a routine agreed, a session moved, a break taken or over, someone leaving, the
 * pairing or the round ending. One outbox row per member, to their DM (a file never goes to a
 * shared conversation), keyed by the series' new SEQUENCE: a retried transaction or a second click
 * (refused by the use case) sends nothing twice. Members who turned invites off get none.
 */
import { DateTime } from "luxon";
import type { Member, Pairing, Program } from "../domain";
import { type Translate, translator } from "../i18n/translate";
import type { Message } from "../messages/message";
import { languageOf, timezoneOf } from "../messages/notify";
import type { CalendarSeries, Tx } from "../ports";
import { formatDate, formatDateTime } from "../time/time-format";
import { actions, commandButton, message, muted, text } from "../views/blocks";
import { type CalendarInvite, INVITE_FILE_NAME, inviteUid, repeatOf } from "./calendar-invite";
import { googleCalendarLink, outlookCalendarLink } from "./calendar-links";

/** Why the invite is sent: it picks the words, and for a departure who gets the cancellation. */
export type CalendarChange = "agreed" | "moved" | "paused" | "resumed" | "left" | "ended" | "turned-on";

export interface CalendarOptions {
  change: CalendarChange;
  /** Someone who just left the pairing: their calendar loses the series. */
  departed?: Member;
  /** Only this member (they turned invites on). */
  only?: Member;
}

/** Sends the series as it now stands to the pairing's members (see CalendarOptions). */
export async function sendCalendarInvites(
  tx: Tx,
  program: Program,
  pairingId: string,
  now: Date,
  opts: CalendarOptions,
): Promise<void> {
  const series = await tx.calendar.series(pairingId);
  if (!series) return; // No routine agreed yet: nothing is in anyone's calendar.
  const pairing = await tx.pairings.get(pairingId);
  if (!pairing.cadence) return;
  const round = await tx.rounds.get(pairing.roundId);
  const links = await tx.pairings.members(pairingId);
  const current = await tx.members.getMany(links.filter((l) => !l.leftAt).map((l) => l.memberId));
  const recipients = opts.only ? [opts.only] : [...current, ...(opts.departed ? [opts.departed] : [])];
  const off = await tx.calendar.optedOut(recipients.map((m) => m.id));
  const to = recipients.filter((m) => !off.has(m.id));
  if (to.length === 0) return;

  const ended = pairing.status === "ended";
  const paused = !ended && (await anyonePaused(tx, round.id, current, now));
  // The round's end is the pair's last day (no session starts at or after it, sessions.ts).
  const lastStart = new Date(
    Math.min(round.endsAt.getTime() - 1000, (ended ? (pairing.endedAt ?? now) : round.endsAt).getTime()),
  );
  const nothingHeld = series.startsAt.getTime() > lastStart.getTime();
  const method = paused || (ended && nothingHeld) ? "cancel" : "request";
  const sequence = await tx.calendar.nextSequence(pairingId);
  const profiles = await tx.profiles.getMany(
    program.id,
    current.map((m) => m.id),
  );
  const next = method === "request" && !ended ? await tx.sessions.next(pairingId, now) : null;

  for (const member of to) {
    const language = languageOf(member, program);
    const t = translator(language);
    const leaving = opts.departed?.id === member.id;
    const others = (leaving ? current : current.filter((m) => m.id !== member.id)).map((m) => m.displayName);
    const names = others.length > 0 ? others.join(", ") : member.displayName;
    const goals = current
      .map((m) => {
        const goalsOf = profiles.find((p) => p.memberId === m.id)?.goals ?? [];
        return goalsOf.length > 0 ? `${m.displayName}: ${goalsOf.join(", ")}` : null;
      })
      .filter((g): g is string => g !== null)
      .join("; ");
    const description = [t("calendar.agenda", { goals: goals || "—" }), t("intro.privacy"), t("calendar.footer")].join("\n\n");
    const invite: CalendarInvite = {
      uid: inviteUid(pairingId),
      sequence,
      method: leaving ? "cancel" : method,
      stamp: now.toISOString(),
      start: series.startsAt.toISOString(),
      minutes: pairing.cadence.minutes,
      timezone: pairing.cadence.timezone,
      repeat: repeatOf(
        pairing.cadence.everyDays,
        pairing.cadence.weekday,
        DateTime.fromJSDate(series.startsAt).setZone(pairing.cadence.timezone).weekday,
      ),
      until: lastStart.toISOString(),
      moved: series.moved,
      summary: t("calendar.summary", { names }),
      description,
    };
    const zone = timezoneOf(member, program);
    await tx.outbox.enqueue({
      tenantId: program.tenantId,
      key: `calendar:${pairingId}:${sequence}:${member.id}`,
      audience: { kind: "member", memberId: member.id },
      message: inviteMessage(t, invite, pairing, series, {
        change: leaving ? "left" : opts.change,
        names,
        ended,
        next: next ? formatDateTime(next.startsAt, zone, language) : null,
        until: formatDate(lastStart, zone, language),
      }),
      at: now,
      programId: program.id,
    });
  }
}

/** Whether anyone still in the pairing is on a break now. */
async function anyonePaused(tx: Tx, roundId: string, members: readonly Member[], now: Date): Promise<boolean> {
  for (const m of members) {
    const enrollment = await tx.enrollments.find(roundId, m.id);
    if (enrollment?.pausedUntil && enrollment.pausedUntil > now) return true;
  }
  return false;
}

function inviteMessage(
  t: Translate,
  invite: CalendarInvite,
  pairing: Pairing,
  series: CalendarSeries,
  words: { change: CalendarChange; names: string; ended: boolean; next: string | null; until: string },
): Message {
  const cadence = pairing.cadence;
  const attachment = { name: INVITE_FILE_NAME, mime: "text/calendar" as const, calendar: invite };
  if (invite.method === "cancel") {
    const key = words.change === "paused" ? "calendar.paused" : "calendar.cancelled";
    return { ...message(text(t(key, { names: words.names }))), attachment };
  }
  if (words.ended) return { ...message(text(t("calendar.ended", { names: words.names, until: words.until }))), attachment };
  const everyDays = cadence?.everyDays ?? 7;
  const lead =
    // A series back after a break reads like a new invite; a change to one in place, as an update.
    words.change === "agreed" || words.change === "turned-on" || words.change === "resumed" || series.sequence === 0
      ? t("calendar.invite", { names: words.names, everyDays, minutes: invite.minutes })
      : t("calendar.updated", { names: words.names });
  const repeatNote = t("calendar.outlookRepeat", { everyDays, until: words.until });
  return {
    ...message(
      text(lead),
      words.next !== null && text(t("calendar.next", { when: words.next })),
      text(t("calendar.howTo")),
      {
        type: "links",
        links: [
          { label: t("calendar.google"), url: googleCalendarLink(invite, invite.description) },
          { label: t("calendar.outlook"), url: outlookCalendarLink(invite, `${repeatNote}\n\n${invite.description}`) },
        ],
      },
      // One press turns invites off, where the member is looking (typing the command still works).
      muted(t("calendar.offHint")),
      actions(commandButton(t("calendar.offButton"), { type: "calendar.invites", state: "off" })),
    ),
    attachment,
  };
}
