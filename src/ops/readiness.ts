/**
 * What /readyz asks: the database answers (`select 1`, within a short
 * timeout), every migration this code knows is applied, and each platform
 * this process runs is connected. A failed check is named in the answer.
 */
import { type Kysely, sql } from "kysely";
import { migrations } from "../../migrations/index";

export type CheckResult = "ok" | string;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export interface ReadinessOptions {
  // biome-ignore lint/suspicious/noExplicitAny: only `select 1` and the migrations table are read; any schema will do.
  db: Kysely<any>;
  /** Each platform's name and whether it is connected now. */
  platforms: () => ReadonlyArray<{ name: string; connected: boolean }>;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 1_000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

export function readiness(options: ReadinessOptions): () => Promise<ReadinessReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const known = Object.keys(migrations);
  // Applied migrations stay applied: once seen, later probes skip that query.
  let migrated = false;
  return async () => {
    const checks: Record<string, CheckResult> = {};
    try {
      await within(timeoutMs, sql`select 1`.execute(options.db));
      checks.database = "ok";
    } catch (error) {
      checks.database = `unreachable: ${reason(error)}`;
    }
    if (migrated) checks.migrations = "ok";
    else if (checks.database !== "ok") checks.migrations = "unknown: the database is unreachable";
    else {
      try {
        const { rows } = await within(timeoutMs, sql<{ name: string }>`select name from kysely_migration`.execute(options.db));
        const applied = new Set(rows.map((r) => r.name));
        const missing = known.filter((name) => !applied.has(name));
        migrated = missing.length === 0;
        checks.migrations = migrated ? "ok" : `not applied: ${missing.join(", ")}`;
      } catch (error) {
        checks.migrations = `unknown: ${reason(error)}`;
      }
    }
    for (const p of options.platforms()) checks[`platform:${p.name}`] = p.connected ? "ok" : "not connected";
    return { ready: Object.values(checks).every((c) => c === "ok"), checks };
  };
}
