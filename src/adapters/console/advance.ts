/**
 * Moving the playground's clock forward the way time really passes: step to
 * each moment some work falls due (a reminder, a check-in prompt, a message
 * held for quiet hours), run it there, and only then go on. Jumping straight
 * to the end would send a week of messages at once, all stamped with the
 * last moment. The playground's `:advance` and the demo both use this.
 */
import type { Clock } from "../../core/time/clock";
import type { PlaygroundStore } from "./playground-port";

export interface MovableClock extends Clock {
  advance(ms: number): void;
}

/** A retry loop cannot keep the clock busy forever: past this many stops, the rest runs at the target. */
const MAX_STOPS = 10_000;

export async function advanceThroughDueWork(
  store: PlaygroundStore,
  clock: MovableClock,
  tick: () => Promise<unknown>,
  ms: number,
): Promise<void> {
  const target = clock.now().getTime() + ms;
  // Whatever is already due goes out at the moment we start from.
  await tick();
  for (let stops = 0; stops < MAX_STOPS; stops++) {
    const next = await store.nextDueAfter(clock.now());
    if (!next || next.getTime() > target) break;
    clock.advance(next.getTime() - clock.now().getTime());
    await tick();
  }
  const rest = target - clock.now().getTime();
  if (rest > 0) clock.advance(rest);
  await tick();
}
