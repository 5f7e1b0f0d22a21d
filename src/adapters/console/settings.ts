/**
 * What the playground takes from the environment: where its data lives (the
 * embedded database in DATA_DIR, or DATABASE_URL) and the language it greets
 * in. It needs no token: with no platform configured, this is what runs.
 */
import type { Config } from "../../config";
import type { Language } from "../../core/domain";

export interface ConsoleSettings {
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  language: Language;
  /** How the playground names where its data is, on its first screen. */
  dataLabel: string;
}

export function consoleSettings(c: Config): ConsoleSettings {
  return {
    database: c.DATABASE_URL ? { kind: "postgres", url: c.DATABASE_URL } : { kind: "pglite", dataDir: c.DATA_DIR },
    language: c.DEFAULT_LANGUAGE,
    dataLabel: c.DATABASE_URL ? "PostgreSQL" : c.DATA_DIR,
  };
}
