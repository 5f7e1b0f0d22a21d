/** A note to each of a program's organizers, by DM in their own language, within their contact hours. */
import type { Program } from "../domain";
import type { Tx } from "../ports";
import { type Build, notifyMember } from "./notify";
import { contactMoment } from "./reach";

/** Keys are `${keyPrefix}:${organizerId}`; `except` leaves one member out (a note about themselves). */
export async function notifyOrganizers(
  tx: Tx,
  program: Program,
  keyPrefix: string,
  now: Date,
  build: Build,
  except?: string,
): Promise<void> {
  for (const organizerId of await tx.programs.organizers(program.id)) {
    if (organizerId === except) continue;
    const organizer = await tx.members.get(organizerId);
    await notifyMember(
      tx,
      program,
      organizer,
      `${keyPrefix}:${organizerId}`,
      now,
      build,
      contactMoment([organizer], program, now),
    );
  }
}
