/** What a platform gives delivery: one send per outbox row. */
import type { Outgoing } from "./outgoing";

export interface Sender {
  /** Sends one row; throws a DeliveryFailure (anything else counts as transient). */
  send(message: Outgoing): Promise<{ platformMessageId: string | null }>;
}
