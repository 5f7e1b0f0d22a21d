/**
 * The timestamp rule in front of Bolt: a signed request's timestamp may be at
 * most five minutes from our clock, in the past or in the future.
 */
import { describe, expect, it } from "vitest";
import { MAX_SKEW_SECONDS, timestampRefused } from "../../src/adapters/slack/request-timestamp";

const NOW_MS = 1_800_000_000_500;
const now = Math.floor(NOW_MS / 1000);

describe("timestampRefused", () => {
  it("takes timestamps up to five minutes away either way", () => {
    for (const delta of [0, 1, -1, 240, -240, MAX_SKEW_SECONDS, -MAX_SKEW_SECONDS])
      expect(timestampRefused(String(now + delta), NOW_MS)).toBe(false);
  });

  it("refuses anything further, the future included (Bolt only refuses the past)", () => {
    for (const delta of [MAX_SKEW_SECONDS + 1, -MAX_SKEW_SECONDS - 1, 600, -600, 86_400 * 365])
      expect(timestampRefused(String(now + delta), NOW_MS)).toBe(true);
  });

  it("refuses a header that is not whole seconds", () => {
    for (const header of ["", "abc", "1.8e9", `${now}.5`, ` ${now}`, `${now}, ${now}`, "-1", ["1", "2"]])
      expect(timestampRefused(header, NOW_MS)).toBe(true);
  });

  it("leaves a request without the header to Bolt", () => {
    expect(timestampRefused(undefined, NOW_MS)).toBe(false);
  });
});
