/**
 * How a platform adapter says a send failed, so the dispatcher can decide:
 * - rate-limited: wait `retryAfterMs` (the platform's Retry-After); `scope`
 *   says whether the whole tenant (workspace / bot) or one conversation waits;
 * - transient: try again with backoff (5xx, timeouts, connection resets);
 * - dm-closed: the member does not accept DMs from the bot (Slack
 *   cannot_dm_bot / messages tab off, Discord 50007): no retry, fall back;
 * - permanent: retrying cannot help (unknown user, channel gone, no access).
 * - unsendable: the message itself cannot be put into the platform's form (a
 *   button whose command does not fit Discord's custom_id): a Sebaya bug, the
 *   same on every try. It fails at once and holds its conversation no longer;
 *   no fallback either, since telling the member "I couldn't reach you" would
 *   be untrue. The failure is logged and counted like any other.
 * Anything else an adapter throws counts as transient.
 */
export type DeliveryFailureKind = "rate-limited" | "transient" | "dm-closed" | "permanent" | "unsendable";

export class DeliveryFailure extends Error {
  constructor(
    readonly kind: DeliveryFailureKind,
    detail: string,
    readonly retryAfterMs?: number,
    readonly scope: "tenant" | "conversation" = "conversation",
  ) {
    super(detail);
    this.name = "DeliveryFailure";
  }
}

export function classify(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  return new DeliveryFailure("transient", error instanceof Error ? error.name : "error");
}
