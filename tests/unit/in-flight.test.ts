/** InFlight counts calls while they run, whatever their outcome, and `settled` waits for them up to a deadline. */
import { describe, expect, it } from "vitest";
import { InFlight } from "../../src/scheduler/in-flight";

function gate() {
  let open: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { closed, open };
}

describe("InFlight", () => {
  it("settled resolves true at once with nothing running, and once the last call ends (a throw counts as an end)", async () => {
    const inFlight = new InFlight();
    expect(await inFlight.settled(0)).toBe(true);
    const a = gate();
    const b = gate();
    const run = inFlight.track(async (g: { closed: Promise<void> }, fail: boolean) => {
      await g.closed;
      if (fail) throw new Error("failed");
      return "done";
    });
    const first = run(a, false);
    const second = run(b, true).catch((error: Error) => error.message);
    expect(inFlight.size).toBe(2);
    let settled: boolean | null = null;
    const waiting = inFlight.settled(5_000).then((s) => {
      settled = s;
    });
    a.open();
    expect(await first).toBe("done");
    expect(settled).toBeNull();
    b.open();
    expect(await second).toBe("failed");
    await waiting;
    expect(settled).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it("settled resolves false when the deadline passes first", async () => {
    const inFlight = new InFlight();
    const g = gate();
    const running = inFlight.track(() => g.closed)();
    expect(await inFlight.settled(20)).toBe(false);
    expect(inFlight.size).toBe(1);
    g.open();
    await running;
    expect(await inFlight.settled(20)).toBe(true);
  });
});
