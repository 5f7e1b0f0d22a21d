/** node-cron drives the ticker; it only ticks (missed runs are found as due rows, not replayed by cron). */
import cron from "node-cron";
import type { Ticker } from "./tick";

export interface CronHandle {
  stop(): Promise<void>;
}

export function startCron(ticker: Ticker, expression: string, onError: (error: unknown) => void): CronHandle {
  const task = cron.schedule(
    expression,
    async () => {
      try {
        await ticker.tick();
      } catch (error) {
        onError(error);
      }
    },
    // Overlap is handled by Ticker (a tick while one runs joins it); node-cron would log each skip.
    { name: "sebaya-tick" },
  );
  // A process that was down catches up at once rather than at the next minute.
  void ticker.tick().catch(onError);
  return {
    async stop() {
      await task.stop();
    },
  };
}
