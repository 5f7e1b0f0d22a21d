/**
 * The compact form a command takes where a platform limits what a button may
 * carry (Discord's 100-character custom_id): a short code per command type and
 * its fields in a fixed order, each with the kind of value it holds. The
 * adapter owns the codec mechanics (src/adapters/discord/custom-id.ts); this
 * table is the vocabulary, keyed by the same command types as the Command
 * union, so a type or a field the command's schema does not have does not
 * compile.
 *
 * Codes and field order are a wire format: buttons already sent must still
 * decode, so a code or a field's position never changes; new fields go last.
 */

import { CHECK_IN_OUTCOMES, LANGUAGES } from "../domain";
import type { CommandField, CommandType } from "./command";

/** How a field's value is packed: see custom-id.ts for each kind's form. */
export type FieldKind = "uuid" | "int" | "bool" | "instant" | "word" | { oneOf: readonly string[] };

export interface CompactSpec<T extends CommandType> {
  code: string;
  fields: ReadonlyArray<readonly [CommandField<T>, FieldKind]>;
}

export type CompactSpecs = { readonly [T in CommandType]?: CompactSpec<T> };

/**
 * Free text (names, notes, intake answers, weights) has no compact form: it
 * goes as JSON, and never sits on a button in practice. A type missing here (a
 * new command) still works, as JSON.
 */
export const COMPACT_IDS = {
  help: { code: "h", fields: [] },
  status: { code: "st", fields: [] },
  home: { code: "ho", fields: [] },
  welcome: { code: "we", fields: [] },
  "program.report": {
    code: "pr",
    fields: [
      ["programId", "uuid"],
      ["chartOnly", "bool"],
      // The retrospective's CSV button (issue 17).
      ["format", { oneOf: ["csv"] }],
      ["round", "int"],
    ],
  },
  "program.setup": {
    code: "ps",
    fields: [
      ["language", { oneOf: LANGUAGES }],
      ["roundWeeks", "int"],
    ],
  },
  "round.open": { code: "ro", fields: [["weeks", "int"]] },
  "round.join": { code: "rj", fields: [["roundId", "uuid"]] },
  "round.leave": { code: "rl", fields: [] },
  "round.match": {
    code: "rm",
    fields: [
      ["dryRun", "bool"],
      ["programId", "uuid"],
    ],
  },
  "round.close": { code: "rc", fields: [] },
  "cadence.propose": { code: "cp", fields: [["pairingId", "uuid"]] },
  "cadence.confirm": {
    code: "cc",
    fields: [
      ["pairingId", "uuid"],
      ["proposalOf", "instant"],
    ],
  },
  checkin: {
    code: "ci",
    fields: [
      ["sessionId", "uuid"],
      ["outcome", { oneOf: CHECK_IN_OUTCOMES }],
    ],
  },
  "journal.write": { code: "jw", fields: [] },
  pause: { code: "pa", fields: [] },
  resume: { code: "re", fields: [] },
  "pairing.end": { code: "pe", fields: [["pairingId", "uuid"]] },
  "member.avoid": { code: "ma", fields: [["userId", "word"]] },
  "program.organizer": { code: "po", fields: [["userId", "word"]] },
  "program.weights": { code: "pw", fields: [] },
  "program.topics": { code: "pc", fields: [] },
  "rematch.request": { code: "rr", fields: [["pairingId", "uuid"]] },
  "program.hours": {
    code: "ph",
    fields: [
      ["from", "int"],
      ["until", "int"],
    ],
  },
  "evaluation.submit": {
    code: "es",
    fields: [
      ["pairingId", "uuid"],
      ["number", "int"],
    ],
  },
  "profile.show": { code: "pf", fields: [["programId", "uuid"]] },
  "profile.edit": { code: "pfe", fields: [["programId", "uuid"]] },
  "member.forget": { code: "mf", fields: [] },
  "program.retention": { code: "pt", fields: [["months", "int"]] },
} as const satisfies CompactSpecs;
