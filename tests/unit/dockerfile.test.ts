/**
 * The image runs as `node` in a root-owned /app: the embedded database needs
 * a folder of its own that node may write, kept as a volume, and DATA_DIR
 * pointing there (else PGlite tries ./data inside /app and cannot start).
 * Read from the Dockerfile as Docker reads it: instructions in order.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

/** [instruction, arguments] in order, comments and blank lines dropped, continuations joined. */
function instructions(text: string): Array<[string, string]> {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => {
      const [word = "", ...rest] = l.split(/\s+/);
      return [word.toUpperCase(), rest.join(" ")];
    });
}

describe("Dockerfile", () => {
  const steps = instructions(readFileSync(join(ROOT, "Dockerfile"), "utf8"));
  const index = (word: string, test: (args: string) => boolean) => steps.findIndex(([w, a]) => w === word && test(a));
  const dataDir = steps.filter(([w, a]) => w === "ENV" && a.startsWith("DATA_DIR=")).map(([, a]) => a.slice("DATA_DIR=".length));

  it("points DATA_DIR at an absolute folder outside the code", () => {
    expect(dataDir).toHaveLength(1);
    expect(dataDir[0]).toMatch(/^\/app\/data$/);
  });

  it("creates that folder owned by node, before switching to node, and keeps it as a volume", () => {
    const dir = dataDir[0] ?? "";
    const chown = index("RUN", (a) => a.includes(`mkdir -p ${dir}`) && a.includes(`chown node:node ${dir}`));
    const volume = index("VOLUME", (a) => a.includes(dir));
    const user = index("USER", (a) => a === "node");
    expect(chown).toBeGreaterThanOrEqual(0);
    expect(volume).toBeGreaterThan(chown);
    expect(user).toBeGreaterThan(chown);
    expect(steps.at(-1)?.[0]).toBe("CMD");
  });
});
