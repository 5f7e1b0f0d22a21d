/** Finding the program, round and pairing a command is about, or refusing. */
import type { Context } from "../context";
import type { Enrollment, Pairing, PairingMember, Program, Round } from "../domain";
import { Refusal } from "../errors";

/** The program of the channel the command came from, or the one a button names (a DM has no channel). */
export async function programInChannel(ctx: Context, programId?: string): Promise<Program> {
  if (programId) {
    const program = await ctx.tx.programs.find(programId);
    if (!program || program.tenantId !== ctx.tenant.id) throw new Refusal("refusal.noProgram");
    return program;
  }
  if (!ctx.channelId) throw new Refusal("refusal.needChannel");
  const program = await ctx.tx.programs.byChannel(ctx.tenant.id, ctx.channelId);
  if (!program) throw new Refusal("refusal.noProgram");
  return program;
}

/**
 * The space the actor is an admin of, as their platform vouched where they acted; null when they
 * are not (or acted in a DM). One bot serves many Discord servers as one tenant, so an admin
 * flag counts only in the space it came from.
 */
export function adminSpace(ctx: Context): string | null {
  return ctx.actor.isAdmin && ctx.actor.space ? ctx.actor.space : null;
}

export async function requireOrganizer(ctx: Context, program: Program): Promise<void> {
  if (program.spaceId !== null && program.spaceId === adminSpace(ctx)) return;
  if (program.organizerRole && ctx.actor.roles?.includes(program.organizerRole)) return;
  if (await ctx.tx.programs.isOrganizer(program.id, ctx.member.id)) return;
  throw new Refusal("refusal.notOrganizer");
}

export interface Membership {
  program: Program;
  round: Round;
  enrollment: Enrollment;
}

/** The actor's enrollment in the newest round they joined (still active). */
export async function currentMembership(ctx: Context): Promise<Membership> {
  const latest = await ctx.tx.enrollments.latestForMember(ctx.member.id);
  if (latest?.enrollment.status !== "active" || latest.round.status === "closed") {
    throw new Refusal("refusal.notEnrolled");
  }
  const program = await ctx.tx.programs.get(latest.round.programId);
  return { program, round: latest.round, enrollment: latest.enrollment };
}

/**
 * The pairing a command acts on. A button names its pairing and acts on that
 * one, never on the member's current pairing; without a name, the newest.
 * `lock` locks its round, then the pairing.
 */
export async function pairingOfActor(
  ctx: Context,
  pairingId: string | undefined,
  opts: { lock?: boolean; allowEnded?: boolean } = {},
): Promise<{ pairing: Pairing; program: Program; round: Round; memberIds: string[] }> {
  let pairing: Pairing;
  // Without a lock, the newest pairing comes with its members and its round is the membership's:
  // neither is read again.
  let unlocked: { round: Round; members: PairingMember[] } | null = null;
  if (pairingId) {
    pairing = await ctx.tx.pairings.get(pairingId);
  } else {
    const { round } = await currentMembership(ctx);
    const [active] = await ctx.tx.pairings.activeWithMembers(ctx.tenant.id, ctx.member.id, round.id);
    if (!active) throw new Refusal("refusal.noPairing");
    pairing = active.pairing;
    if (!opts.lock) unlocked = { round, members: active.members };
  }
  // With `lock`, the round's lock before the pairing's: the order matching and re-matching take
  // them in too, so an ending that re-matches never waits in a circle with another. Its members
  // are read after the locks, as whoever held them left them.
  const round = unlocked?.round ?? (await ctx.tx.rounds.get(pairing.roundId, { lock: opts.lock }));
  if (opts.lock) pairing = await ctx.tx.pairings.get(pairing.id, { lock: true });
  const members = unlocked?.members ?? (await ctx.tx.pairings.members(pairing.id));
  const mine = members.find((m) => m.memberId === ctx.member.id);
  if (!mine) throw new Refusal("refusal.notInPairing");
  if (!opts.allowEnded && (pairing.status === "ended" || mine.leftAt)) throw new Refusal("refusal.pairingEnded");
  const program = await ctx.tx.programs.get(round.programId);
  const memberIds = members.filter((m) => !m.leftAt).map((m) => m.memberId);
  return { pairing, program, round, memberIds };
}
