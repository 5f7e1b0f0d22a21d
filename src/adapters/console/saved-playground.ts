/**
 * The playground remembers where it was: the simulated time, every message
 * each person saw (with its buttons) and how far each has read, saved with
 * its data after every step. A restart goes on from there instead of going
 * back to the real time while the data sits in the simulated future.
 */
import { z } from "zod";
import type { Button, Message } from "../../core/messages/message";
import type { MovableClock } from "./advance";
import { type ConsoleWorkspace, PLAYGROUND_TENANT } from "./app";
import type { PlaygroundStore } from "./playground-port";

const audience = z.union([z.literal("everyone"), z.array(z.string())]);
const savedSchema = z.object({
  version: z.literal(1),
  seen: z.record(z.string(), z.number().int().nonnegative()),
  workspace: z.object({
    seq: z.number().int().nonnegative(),
    entries: z.array(
      z.object({
        seq: z.number().int(),
        at: z.iso.datetime(),
        where: z.enum(["reply", "dm", "pair", "channel"]),
        conversation: z.string(),
        visibleTo: audience,
        text: z.string(),
        // The message and its buttons' numbers, to number them per screen again (older saves have neither).
        message: z.custom<Message>((v) => typeof v === "object" && v !== null && "blocks" in v).optional(),
        buttons: z.array(z.number().int()).optional(),
      }),
    ),
    buttons: z.array(
      z.object({
        number: z.number().int(),
        // The core built these buttons; the playground's own save hands them back.
        button: z.custom<Button>((v) => typeof v === "object" && v !== null && "action" in v),
        visibleTo: audience,
        inChannel: z.boolean(),
      }),
    ),
  }),
});

/** Where a restarted playground goes on from, and whether what people saw came back with it. */
export interface Restored {
  at: Date;
  history: boolean;
}

/**
 * Takes back the saved time and history into a fresh workspace and `seen`;
 * null for a new playground. Data saved before the playground kept its clock
 * still moves the clock up to the latest moment it records, without history.
 */
export async function restorePlayground(
  store: PlaygroundStore,
  ws: ConsoleWorkspace,
  clock: MovableClock,
  seen: Map<string, number>,
): Promise<Restored | null> {
  const saved = await store.loadState(PLAYGROUND_TENANT);
  if (!saved) {
    const latest = await store.latestRecordedMoment();
    if (!latest || latest <= clock.now()) return null;
    clock.advance(latest.getTime() - clock.now().getTime());
    return { at: clock.now(), history: false };
  }
  // Never behind the saved moment; a clock already past it (real time moved on) stays.
  const behind = saved.simulatedAt.getTime() - clock.now().getTime();
  if (behind > 0) clock.advance(behind);
  const parsed = savedSchema.safeParse(saved.state);
  // A history this version cannot read is left out; the time still holds.
  if (parsed.success) {
    ws.restore(parsed.data.workspace);
    for (const [id, upTo] of Object.entries(parsed.data.seen)) seen.set(id, upTo);
  }
  return { at: clock.now(), history: parsed.success };
}

export async function savePlayground(
  store: PlaygroundStore,
  ws: ConsoleWorkspace,
  clock: MovableClock,
  seen: ReadonlyMap<string, number>,
): Promise<void> {
  const state = { version: 1, seen: Object.fromEntries(seen), workspace: ws.snapshot() };
  await store.saveState(PLAYGROUND_TENANT, { simulatedAt: clock.now(), state }, new Date());
}
