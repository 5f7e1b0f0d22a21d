import { describe, expect, it } from "vitest";
import { resolveTimezone } from "../../src/core/time/timezones";

describe("resolveTimezone", () => {
  it("gives the same answer when asked again (answers are remembered)", () => {
    for (let i = 0; i < 2; i++) {
      expect(resolveTimezone(" asia/jakarta ")).toBe("Asia/Jakarta");
      expect(resolveTimezone("Asia/Makassar")).toBe("Asia/Makassar");
      expect(resolveTimezone("wita")).toBe("Asia/Makassar");
      expect(resolveTimezone("Mars/Olympus")).toBeNull();
      expect(resolveTimezone("")).toBeNull();
    }
  });

  it("still answers right after many different names", () => {
    for (let i = 0; i < 1_500; i++) expect(resolveTimezone(`Nowhere/Place${i}`)).toBeNull();
    expect(resolveTimezone("europe/london")).toBe("Europe/London");
    expect(resolveTimezone("Nowhere/Place3")).toBeNull();
  });
});
