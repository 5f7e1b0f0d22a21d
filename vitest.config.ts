/**
 * One `npm test` runs the unit tests once and every database test twice:
 * on PGlite (embedded) and on the PostgreSQL server named by
 * TEST_DATABASE_URL. Without that variable the server half is skipped, and
 * this file says so at the top of the run.
 */
import { defineConfig } from "vitest/config";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.warn(
    "\n[sebaya] PostgreSQL server tests SKIPPED: TEST_DATABASE_URL is not set. " +
      "Set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run every database test on a real server too; .ci/run always does.\n",
  );
}

const dbTests = ["tests/db/**/*.test.ts", "tests/e2e/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true as const, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true as const, test: { name: "pglite", include: dbTests, env: { SEBAYA_TEST_DB: "pglite" } } },
      ...(serverUrl
        ? [
            {
              extends: true as const,
              test: { name: "postgres", include: dbTests, env: { SEBAYA_TEST_DB: "postgres", TEST_DATABASE_URL: serverUrl } },
            },
            {
              // Replicas as separate processes against the server: several replicas need a real PostgreSQL.
              extends: true as const,
              test: {
                name: "reliability",
                include: ["tests/reliability/**/*.test.ts"],
                env: { SEBAYA_TEST_DB: "postgres", TEST_DATABASE_URL: serverUrl },
                testTimeout: 180_000,
              },
            },
          ]
        : []),
    ],
  },
});
