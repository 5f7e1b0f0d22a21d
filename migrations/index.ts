/**
 * Every migration, imported statically: no file-system discovery, so the same
 * list works under tsx, vitest and a bundled build alike (see stack-notes on
 * dynamic `.ts` imports on Node 20). Add new migrations here in order.
 */
import type { Migration } from "kysely/migration";
import * as m0001 from "./0001_initial";
import * as m0002 from "./0002_matching";
import * as m0003 from "./0003_scheduling";
import * as m0004 from "./0004_platforms";
import * as m0005 from "./0005_oauth_states";
import * as m0006 from "./0006_answer_order";
import * as m0007 from "./0007_spaces";
import * as m0010 from "./0010_playground_state";
import * as m0011 from "./0011_program_topics";
import * as m0012 from "./0012_outbox_request_id";
import * as m0013 from "./0013_sealed_private_text";
import * as m0014 from "./0014_privacy_retention";
import * as m0015 from "./0015_audit_and_departures";
import * as m0017 from "./0017_calendar_invites";
import * as m0018 from "./0018_outbox_held";

export const migrations: Record<string, Migration> = {
  "0001_initial": m0001,
  "0002_matching": m0002,
  "0003_scheduling": m0003,
  "0004_platforms": m0004,
  "0005_oauth_states": m0005,
  "0006_answer_order": m0006,
  "0007_spaces": m0007,
  "0010_playground_state": m0010,
  "0011_program_topics": m0011,
  "0012_outbox_request_id": m0012,
  "0013_sealed_private_text": m0013,
  "0015_audit_and_departures": m0015,
  "0014_privacy_retention": m0014,
  "0017_calendar_invites": m0017,
  "0018_outbox_held": m0018,
};
