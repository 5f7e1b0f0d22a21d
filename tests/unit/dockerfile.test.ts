/**
 * The image runs as `node` in a root-owned /app: the embedded database needs
 * a folder of its own that node may write, kept as a volume, and DATA_DIR
 * pointing there (else PGlite tries ./data inside /app and cannot start).
 * Read from the Dockerfile as Docker reads it: instructions in order. The
 * image is built in one stage and runs the build (dist/, as `npm run
 * start:prod`) in another, on the slim image, with a health check.
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

  const stages = steps.reduce<Array<Array<[string, string]>>>((all, step) => {
    if (step[0] === "FROM") all.push([]);
    all.at(-1)?.push(step);
    return all;
  }, []);
  const build = stages[0] ?? [];
  const runtime = stages.at(-1) ?? [];
  const at = (stage: Array<[string, string]>, word: string, test: (args: string) => boolean) =>
    stage.findIndex(([w, a]) => w === word && test(a));

  it("builds in a stage of its own: every dependency, then npm run build", () => {
    expect(stages).toHaveLength(2);
    expect(build[0]?.[1]).toMatch(/^node:22-bookworm-slim AS build$/);
    const install = at(build, "RUN", (a) => a.startsWith("npm ci") && !a.includes("--omit=dev"));
    const run = at(build, "RUN", (a) => a === "npm run build");
    expect(install).toBeGreaterThanOrEqual(0);
    expect(run).toBeGreaterThan(install);
    // What tsconfig.build.json type-checks and esbuild bundles is in the stage before it runs.
    for (const path of ["src", "migrations", "tsconfig.build.json"])
      expect(at(build, "COPY", (a) => a.split(/\s+/).includes(path) || a.startsWith(`${path} `))).toBeLessThan(run);
  });

  it("runs the build on the slim image with production dependencies only, as npm run start:prod does", () => {
    expect(runtime[0]?.[1]).toBe("node:22-bookworm-slim");
    expect(at(runtime, "RUN", (a) => a.startsWith("npm ci --omit=dev"))).toBeGreaterThanOrEqual(0);
    expect(at(runtime, "COPY", (a) => a === "--from=build /app/dist ./dist")).toBeGreaterThanOrEqual(0);
    // No TypeScript source and no tsx at run time.
    expect(at(runtime, "COPY", (a) => /(^|\s)src(\s|$)/.test(a))).toBe(-1);
    const cmd = JSON.parse(runtime.at(-1)?.[1] ?? "[]") as string[];
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(cmd.join(" ")).toBe(pkg.scripts["start:prod"]);
    expect(cmd).not.toContain("tsx");
  });

  it("keeps the embedded database's template step, as root before the switch to node", () => {
    const template = at(runtime, "RUN", (a) => a === "node dist/pglite-template-cli.js");
    expect(template).toBeGreaterThan(at(runtime, "COPY", (a) => a.startsWith("--from=build")));
    expect(template).toBeLessThan(at(runtime, "USER", (a) => a === "node"));
  });

  it("has a health check that fetches /healthz on PORT with node (no curl in the slim image)", () => {
    const checks = runtime.filter(([w]) => w === "HEALTHCHECK");
    expect(checks).toHaveLength(1);
    const args = checks[0]?.[1] ?? "";
    const cmd = JSON.parse(args.slice(args.indexOf("CMD") + 3).trim()) as string[];
    expect(cmd.slice(0, 2)).toEqual(["node", "-e"]);
    expect(cmd[2]).toContain("fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz')");
    expect(cmd[2]).toMatch(/process\.exit\(r\.ok \? 0 : 1\)/);
    expect(args).toMatch(/--timeout=\d+s/);
  });

  it("sets PORT in the image, so the playground too serves the /healthz its health check fetches", () => {
    const port = runtime.filter(([w, a]) => w === "ENV" && a.startsWith("PORT=")).map(([, a]) => a.slice("PORT=".length));
    expect(port).toEqual(["3000"]);
    expect(at(runtime, "ENV", (a) => a.startsWith("PORT="))).toBeLessThan(at(runtime, "HEALTHCHECK", () => true));
  });

  it("leaves node_modules and dist out of the build context (the stages make their own)", () => {
    const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n");
    expect(ignored).toContain("node_modules");
    expect(ignored).toContain("dist");
  });
});
