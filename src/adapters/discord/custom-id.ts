/**
 * Discord's custom_id holds at most 100 characters, so a button cannot carry
 * its command as JSON the way a Slack button value does. This codec packs the
 * commands the core puts on buttons and selects into a short, versioned,
 * reversible string; anything it has no compact form for travels as JSON, and
 * a command that does not fit even then is refused loudly at render time.
 *
 *   sb1c:ci.DxeAfGtaT0ONLBsKmfjdbA.1     a command button (checkin, sessionId, outcome #1)
 *   sb1f:es.ax8MHopOTFWdfgobLD1OXw.2     a form button (evaluation.submit, pairingId, number 2)
 *   sb1s2:rating:ci.DxeAfGtaT0ONLBsKmfjdbA  a select (the chosen option's value goes in `rating`);
 *                                        the 2 keeps two equal ids in one message apart
 *   sb1c:{"type":"program.setup","name":"Kopi"}  the JSON fallback
 *   sb1m:2:<draft>  /  sb1n:2:<draft>    modal step 2 of a form draft / the button that opens it
 *   sb1r:c:<draft>  /  sb1r:f:<draft>    confirm / fix the answers a draft keeps, read back (Reply.review)
 *
 * Compact bodies are a type code and then one field per dot, in a fixed order
 * per type; an empty segment is an absent field. UUIDs are 22 base64url
 * characters, enum values their index, integers base 36, booleans 1/0, ISO
 * instants their epoch milliseconds in base 36. A value that would not come
 * back exactly (an upper-case UUID, an unknown enum value, an extra field)
 * sends the whole command down the JSON path instead, so decoding always
 * returns what was encoded. Decoding never throws: a foreign or garbled id is
 * null, and the core validates whatever comes back, as for any other input.
 */
import type { Command } from "../../core/commands/command";
import { COMPACT_IDS, type FieldKind } from "../../core/commands/compact-ids";

export const CUSTOM_ID_MAX = 100;
const PREFIX = "sb1";

/** What a component's custom_id carries back to the adapter. */
export type CustomIdPayload =
  | { kind: "command"; command: Command }
  | { kind: "form"; command: Command }
  /** A select: the chosen option's value completes `command` in `field`. */
  | { kind: "select"; command: Command; field: string };

/** A decoded payload: the command as raw input, for `parseCommand` to validate like any other. */
export type DecodedCustomId =
  | { kind: "command" | "form"; command: RawCommand }
  | { kind: "select"; command: RawCommand; field: string };
export type RawCommand = { type: string } & Record<string, unknown>;

const KIND_CODES = { command: "c", form: "f", select: "s" } as const;
const KINDS_BY_CODE: Record<string, "command" | "form" | "select"> = { c: "command", f: "form", s: "select" };

interface FieldCodec {
  encode(value: unknown): string | null;
  decode(text: string): unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const B64_UUID = /^[A-Za-z0-9_-]{21}[AQgw]$/;

/** A lower-case UUID as 22 base64url characters, or null if it has no exact compact form. */
export function compactUuid(uuid: string): string | null {
  if (!UUID.test(uuid)) return null;
  return Buffer.from(uuid.replaceAll("-", ""), "hex").toString("base64url");
}

/** The inverse of `compactUuid`; null unless `text` is exactly what it would produce. */
export function expandUuid(text: string): string | null {
  if (!B64_UUID.test(text)) return null;
  const hex = Buffer.from(text, "base64url").toString("hex");
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const uuid: FieldCodec = {
  encode: (v) => (typeof v === "string" ? compactUuid(v) : null),
  decode: (t) => expandUuid(t),
};

const int: FieldCodec = {
  encode: (v) => (typeof v === "number" && Number.isSafeInteger(v) ? v.toString(36) : null),
  decode: (t) => {
    if (!/^-?[0-9a-z]{1,11}$/.test(t)) return null;
    const n = Number.parseInt(t, 36);
    return Number.isSafeInteger(n) && n.toString(36) === t ? n : null;
  },
};

const bool: FieldCodec = {
  encode: (v) => (v === true ? "1" : v === false ? "0" : null),
  decode: (t) => (t === "1" ? true : t === "0" ? false : null),
};

const oneOf = (values: readonly string[]): FieldCodec => ({
  encode: (v) => {
    const i = typeof v === "string" ? values.indexOf(v) : -1;
    return i < 0 ? null : i.toString(36);
  },
  decode: (t) => (/^[0-9a-z]$/.test(t) ? (values[Number.parseInt(t, 36)] ?? null) : null),
});

/** An ISO instant as produced by `Date#toISOString`, as epoch milliseconds. */
const instant: FieldCodec = {
  encode: (v) => {
    if (typeof v !== "string") return null;
    const ms = Date.parse(v);
    return Number.isSafeInteger(ms) && ms >= 0 && new Date(ms).toISOString() === v ? ms.toString(36) : null;
  },
  decode: (t) => {
    const ms = int.decode(t);
    return typeof ms === "number" && ms >= 0 && ms <= 8.64e15 ? new Date(ms).toISOString() : null;
  },
};

/** Letters, digits, `_` and `-` verbatim (platform user ids, zone-free words). */
const word: FieldCodec = {
  encode: (v) => (typeof v === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null),
  decode: (t) => (/^[A-Za-z0-9_-]{1,64}$/.test(t) ? t : null),
};

type Spec = { code: string; fields: Array<[name: string, codec: FieldCodec]> };

const CODECS = { uuid, int, bool, instant, word } as const;
const codecOf = (kind: FieldKind): FieldCodec => (typeof kind === "string" ? CODECS[kind] : oneOf(kind.oneOf));

/** Compact forms, keyed by command type: the core's table (core/commands/compact-ids.ts) with each field's codec. */
const SPECS: Record<string, Spec> = Object.fromEntries(
  Object.entries(COMPACT_IDS).map(([type, spec]) => [
    type,
    { code: spec.code, fields: spec.fields.map(([name, kind]): [string, FieldCodec] => [name, codecOf(kind)]) },
  ]),
);

const SPECS_BY_CODE = new Map(Object.entries(SPECS).map(([type, spec]) => [spec.code, { type, spec }]));

function compactBody(command: Record<string, unknown>): string | null {
  const type = command.type;
  if (typeof type !== "string" || !Object.hasOwn(SPECS, type)) return null;
  const spec = SPECS[type] as Spec;
  const known = new Set(spec.fields.map(([name]) => name));
  for (const key of Object.keys(command)) if (key !== "type" && !known.has(key) && command[key] !== undefined) return null;
  const segments: string[] = [spec.code];
  for (const [name, codec] of spec.fields) {
    const value = command[name];
    if (value === undefined) {
      segments.push("");
      continue;
    }
    const encoded = codec.encode(value);
    if (encoded === null || encoded === "") return null;
    segments.push(encoded);
  }
  while (segments.length > 1 && segments.at(-1) === "") segments.pop();
  return segments.join(".");
}

function decodeBody(body: string): RawCommand | null {
  if (body.startsWith("{")) {
    const value: unknown = JSON.parse(body);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    const command = value as Record<string, unknown>;
    return typeof command.type === "string" ? (command as RawCommand) : null;
  }
  const [code = "", ...segments] = body.split(".");
  const found = SPECS_BY_CODE.get(code);
  if (!found || segments.length > found.spec.fields.length) return null;
  const command: RawCommand = { type: found.type };
  for (const [i, text] of segments.entries()) {
    if (text === "") continue;
    const [name, codec] = found.spec.fields[i] as [string, FieldCodec];
    const value = codec.decode(text);
    if (value === null) return null;
    command[name] = value;
  }
  return command;
}

const FIELD = /^[A-Za-z][A-Za-z0-9_.]{0,39}$/;

/**
 * The custom_id for a button or select. `slot` (1 or more) tells apart two
 * components of one message that carry the same command; Discord requires
 * custom_ids to be unique per message. Throws a RangeError when the command
 * cannot fit in 100 characters.
 */
export function encodeCustomId(payload: CustomIdPayload, slot = 0): string {
  if (!Number.isInteger(slot) || slot < 0 || slot > 9999) throw new RangeError(`custom_id slot ${slot} is out of range`);
  const command = payload.command as Record<string, unknown>;
  const json = JSON.stringify(command);
  const compact = compactBody(command);
  const body = compact !== null && compact.length <= json.length ? compact : json;
  if (payload.kind === "select" && !FIELD.test(payload.field))
    throw new RangeError(`select field "${payload.field.slice(0, 50)}" cannot be carried in a Discord custom_id`);
  const head = `${PREFIX}${KIND_CODES[payload.kind]}${slot > 0 ? String(slot) : ""}:`;
  const id = payload.kind === "select" ? `${head}${payload.field}:${body}` : `${head}${body}`;
  if (id.length > CUSTOM_ID_MAX)
    throw new RangeError(
      `a ${payload.kind} carrying command "${String(command.type)}" needs a ${id.length}-character custom_id; Discord allows ${CUSTOM_ID_MAX}`,
    );
  return id;
}

/** The payload a custom_id carries, or null for ids that are not ours or are garbled. Never throws. */
export function decodeCustomId(id: unknown): DecodedCustomId | null {
  try {
    if (typeof id !== "string" || id.length > CUSTOM_ID_MAX) return null;
    const head = /^sb1([cfs])([1-9][0-9]{0,3})?:/.exec(id);
    if (!head) return null;
    const kind = KINDS_BY_CODE[head[1] as string];
    let rest = id.slice(head[0].length);
    if (kind === "select") {
      const colon = rest.indexOf(":");
      const field = rest.slice(0, colon);
      if (colon < 0 || !FIELD.test(field)) return null;
      rest = rest.slice(colon + 1);
      const command = decodeBody(rest);
      return command ? { kind, command, field } : null;
    }
    const command = kind ? decodeBody(rest) : null;
    return kind && command ? { kind, command } : null;
  } catch {
    return null;
  }
}

/** The raw command a chosen select option completes. */
export function commandFromSelect(payload: { command: RawCommand; field: string }, value: string): RawCommand {
  return { ...payload.command, [payload.field]: value };
}

const MAX_STEP = 99;

function stepId(code: "m" | "n", step: number, draftId: string): string {
  const draft = compactUuid(draftId);
  if (!draft) throw new RangeError("a form draft id must be a lower-case UUID");
  if (!Number.isInteger(step) || step < 1 || step > MAX_STEP) throw new RangeError(`form step ${step} is out of range`);
  return `${PREFIX}${code}:${step}:${draft}`;
}

function parseStepId(code: "m" | "n", id: unknown): { step: number; draftId: string } | null {
  if (typeof id !== "string") return null;
  const match = new RegExp(`^${PREFIX}${code}:([1-9][0-9]?):([A-Za-z0-9_-]{22})$`).exec(id);
  const draftId = match ? expandUuid(match[2] as string) : null;
  return match && draftId ? { step: Number(match[1]), draftId } : null;
}

/** The custom_id of step `step` (1-based) of a form's modals; `draftId` (a UUID) names the draft the adapter keeps. */
export function modalCustomId(step: number, draftId: string): string {
  return stepId("m", step, draftId);
}

export function parseModalCustomId(id: unknown): { step: number; draftId: string } | null {
  return parseStepId("m", id);
}

/** The custom_id of the "Continue" button that opens step `step` (a modal cannot open another modal). */
export function continueCustomId(step: number, draftId: string): string {
  return stepId("n", step, draftId);
}

export function parseContinueCustomId(id: unknown): { step: number; draftId: string } | null {
  return parseStepId("n", id);
}

const REVIEW_CODES = { confirm: "c", fix: "f" } as const;

/** The custom_id of a review's button: confirm or fix the answers the draft `draftId` keeps. */
export function reviewCustomId(choice: "confirm" | "fix", draftId: string): string {
  const draft = compactUuid(draftId);
  if (!draft) throw new RangeError("a form draft id must be a lower-case UUID");
  return `${PREFIX}r:${REVIEW_CODES[choice]}:${draft}`;
}

export function parseReviewCustomId(id: unknown): { choice: "confirm" | "fix"; draftId: string } | null {
  if (typeof id !== "string") return null;
  const match = new RegExp(`^${PREFIX}r:([cf]):([A-Za-z0-9_-]{22})$`).exec(id);
  const draftId = match ? expandUuid(match[2] as string) : null;
  return match && draftId ? { choice: match[1] === "c" ? "confirm" : "fix", draftId } : null;
}
