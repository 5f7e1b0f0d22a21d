/** Keeping the routine going: the session after a given one, on the agreed cadence. */
import type { Pairing, Session } from "./domain";
import type { Tx } from "./ports";
import { addDays } from "./time-format";

/** Ensures the session after `session` exists; returns the upcoming one. */
export async function ensureNextSession(tx: Tx, pairing: Pairing, session: Session): Promise<Session | null> {
  const last = await tx.sessions.last(pairing.id);
  if (last && last.number > session.number) return last;
  if (!pairing.cadence || pairing.status !== "active") return null;
  return tx.sessions.create({
    pairingId: pairing.id,
    number: session.number + 1,
    startsAt: addDays(session.startsAt, pairing.cadence.everyDays, pairing.cadence.timezone),
    minutes: pairing.cadence.minutes,
  });
}
