/** At most one pass running plus one queued, whatever the number of callers; failures do not wedge it. */
import { describe, expect, it } from "vitest";
import { Coalesced } from "../../src/scheduler/coalesced";

/** A pass that waits until released, recording when it started. */
function gatedPasses() {
  const releases: Array<() => void> = [];
  let active = 0;
  let most = 0;
  const pass: Coalesced<number> = new Coalesced(async () => {
    most = Math.max(most, ++active);
    const n = pass.started;
    await new Promise<void>((resolve) => releases.push(resolve));
    active--;
    return n;
  });
  const releaseNext = async () => {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()?.();
  };
  return { pass, releaseNext, most: () => most };
}

describe("Coalesced", () => {
  it("a thousand calls during a pass share one queued pass", async () => {
    const { pass, releaseNext, most } = gatedPasses();
    const first = pass.run();
    const later = Array.from({ length: 1_000 }, () => pass.run());
    expect(new Set(later).size).toBe(1);
    await releaseNext();
    expect(await first).toBe(1);
    await releaseNext();
    expect(await Promise.all(later)).toEqual(Array.from({ length: 1_000 }, () => 2));
    expect(pass.started).toBe(2);
    expect(most()).toBe(1);
    await pass.idle();
  });

  it("a call after the queued pass started gets a new pass, not the one already running", async () => {
    const { pass, releaseNext } = gatedPasses();
    void pass.run();
    const second = pass.run();
    await releaseNext();
    // The second pass is running now (its gate is waiting); a call now must queue a third.
    while (pass.started < 2) await new Promise((resolve) => setImmediate(resolve));
    const third = pass.run();
    expect(third).not.toBe(second);
    await releaseNext();
    expect(await second).toBe(2);
    await releaseNext();
    expect(await third).toBe(3);
  });

  it("a failing pass rejects its callers and the next call runs again", async () => {
    let fail = true;
    const pass = new Coalesced(async () => {
      if (fail) throw new Error("database gone");
      return "ok";
    });
    await expect(pass.run()).rejects.toThrow("database gone");
    fail = false;
    expect(await pass.run()).toBe("ok");
    await pass.idle();
  });
});
