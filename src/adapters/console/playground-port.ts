/**
 * What the playground keeps and reads beside the core, as one port (like
 * adapters/platform-port.ts for the bots): the adapter holds no database
 * handle. The playground runs the bots' own scheduler in-process, so the
 * port hands it a ticker on the same data.
 */

import type { Language } from "../../core/domain";
import type { Clock } from "../../core/time/clock";
import type { Sender } from "../../delivery/sender";
import type { Ticker } from "../../scheduler/tick";

export interface SavedPlayground {
  simulatedAt: Date;
  state: unknown;
}

/** A member's own choices as the core stored them (null where they chose none). */
export interface ChosenReader {
  userId: string;
  language: Language | null;
  timezone: string | null;
}

export interface PlaygroundStore {
  /** The scheduler's ticker over this data, delivering through `sender`. */
  dueWork(sender: Sender, clock: Clock): Pick<Ticker, "tick" | "deliver">;
  /** The earliest pending job or outbox row after `after`. */
  nextDueAfter(after: Date): Promise<Date | null>;
  chosenReaders(tenantExternalId: string): Promise<ChosenReader[]>;
  loadState(tenantExternalId: string): Promise<SavedPlayground | null>;
  saveState(tenantExternalId: string, saved: SavedPlayground, now: Date): Promise<void>;
  /** The latest moment the data records (messages written, jobs run). */
  latestRecordedMoment(): Promise<Date | null>;
}
