/** What both bots do to see a double click for what it is: the same press, claimed once. */
import { createHash } from "node:crypto";

/** A second press of the same control on the same message within this window is the same press. */
export const DOUBLE_CLICK_MS = 10_000;

/** A short digest of what a press carries (a button's value, a select's choices), for its claim key. */
export const pressDigest = (value: string, length: number): string =>
  createHash("sha256").update(value).digest("base64url").slice(0, length);
