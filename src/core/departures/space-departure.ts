/**
 * A workspace that uninstalled the app, or a server that removed the bot
 * (issue 16, item 5): its data is kept 30 days, then deleted by a job
 * (jobs/space-deletion.ts), unless the app comes back first. Idempotent: a
 * second "left" keeps the first date; a "back" with no mark does nothing.
 */
import type { Member, Platform, Program } from "../domain";
import { translator } from "../i18n/translate";
import { languageOf, timezoneOf } from "../messages/notify";
import type { Tx } from "../ports";
import { spaceDeletionJob } from "../schedule/job-kinds";
import { DAY_MS } from "../time/durations";
import { formatDate } from "../time/time-format";
import { message, text } from "../views/blocks";

/** How long a departed space's data is kept, in case it comes back. */
export const DELETION_GRACE_DAYS = 30;

export interface SpaceEvent {
  platform: Platform;
  /** The tenant as the platform names it (the Slack team, the Discord application). */
  tenantId: string;
  /** The workspace or server. */
  space: string;
}

export interface SpaceLeft extends SpaceEvent {
  /** The space's channels, as the platform last listed them: finds programs whose space was never learned. */
  channelIds?: readonly string[];
  /**
   * Whether organizers can still be written to (Discord: a DM reaches someone who shares another
   * server with the bot). False on Slack: the app's token is revoked before Slack says it was uninstalled.
   */
  organizersReachable: boolean;
}

export interface Departure {
  deleteAt: Date;
  /** Programs the deletion will remove. */
  programs: number;
  /** False when the space was already marked (a repeated event): nothing new was written. */
  marked: boolean;
}

/** Each organizer of the space's programs once, with the programs they organize there. */
async function organizersOf(tx: Tx, programs: readonly Program[]): Promise<Array<{ member: Member; programs: Program[] }>> {
  const byMember = new Map<string, { member: Member; programs: Program[] }>();
  for (const program of programs) {
    for (const id of await tx.programs.organizers(program.id)) {
      const entry = byMember.get(id) ?? { member: await tx.members.get(id), programs: [] };
      entry.programs.push(program);
      byMember.set(id, entry);
    }
  }
  return [...byMember.values()];
}

/** One DM per organizer, in their language, about the programs they organize in the space. */
async function tellOrganizers(
  tx: Tx,
  programs: readonly Program[],
  keyPrefix: string,
  now: Date,
  say: (program: Program, member: Member) => { key: "departure.left" | "departure.back"; params: Record<string, string> },
): Promise<void> {
  for (const { member, programs: theirs } of await organizersOf(tx, programs)) {
    const first = theirs[0] as Program;
    const language = languageOf(member, first);
    const t = translator(language);
    const said = say(first, member);
    const names = theirs.map((p) => p.name).join(", ");
    await tx.outbox.enqueue({
      tenantId: first.tenantId,
      key: `${keyPrefix}:${member.id}`,
      audience: { kind: "member", memberId: member.id },
      message: message(text(t(said.key, { ...said.params, names }))),
      at: now,
    });
  }
}

export async function spaceLeft(tx: Tx, event: SpaceLeft, now: Date): Promise<Departure | null> {
  const tenant = await tx.departures.tenant(event.platform, event.tenantId);
  // Never seen: nothing is held, nothing to delete.
  if (!tenant) return null;
  const programs = await tx.departures.programs(tenant.id, event.space, event.channelIds ?? []);
  const mark = await tx.departures.mark(tenant.id, event.space, now, new Date(now.getTime() + DELETION_GRACE_DAYS * DAY_MS));
  if (!mark.marked) return { deleteAt: mark.deleteAt, programs: programs.length, marked: false };
  await spaceDeletionJob.schedule(tx, {
    key: `${tenant.id}:${event.space}:${mark.leftAt.getTime()}`,
    dueAt: mark.deleteAt,
    payload: { tenantId: tenant.id, spaceId: event.space, deleteAt: mark.deleteAt.toISOString() },
    at: now,
  });
  if (event.organizersReachable)
    await tellOrganizers(
      tx,
      programs,
      `space-left:${tenant.id}:${event.space}:${mark.leftAt.getTime()}`,
      now,
      (program, member) => ({
        key: "departure.left",
        params: { date: formatDate(mark.deleteAt, timezoneOf(member, program), languageOf(member, program)) },
      }),
    );
  return { deleteAt: mark.deleteAt, programs: programs.length, marked: true };
}

/**
 * The app is back (reinstalled, the bot re-added, or someone there used a command): the mark is
 * cleared, so the deletion job finds nothing to do, and organizers hear that nothing was lost.
 * True when there was a mark.
 */
export async function spaceReturned(tx: Tx, tenantId: string, space: string, now: Date): Promise<boolean> {
  const departure = await tx.departures.find(tenantId, space);
  if (!departure || !(await tx.departures.clear(tenantId, space))) return false;
  const programs = await tx.departures.programs(tenantId, space, []);
  await tellOrganizers(tx, programs, `space-back:${tenantId}:${space}:${departure.leftAt.getTime()}`, now, () => ({
    key: "departure.back",
    params: {},
  }));
  return true;
}
