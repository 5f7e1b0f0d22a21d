/**
 * The database could not be opened at start: which setting points where, and
 * why, in one line. A URL is named by its host and port, never its password.
 */
export class DatabaseUnavailable extends Error {
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = "DatabaseUnavailable";
  }
}

/** "db.example:5432/sebaya" from a postgres:// URL: where, without who or the password. */
export function whereIs(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "an unreadable URL";
  }
}
