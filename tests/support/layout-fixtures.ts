/**
 * What the rendering tests of every platform lay out: one pairing, one
 * session, an intro for two members reading different languages, a program
 * and a round; and golden files (UPDATE_GOLDEN=1 rewrites them, a missing one
 * fails the test).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Language, Member, Profile, Program, Round, Session } from "../../src/core/domain";
import { translator } from "../../src/core/i18n/translate";
import type { Message } from "../../src/core/messages/message";
import { actions, fields, formButton, heading, message, text } from "../../src/core/views/blocks";
import { introMessage } from "../../src/core/views/intro";
import { reportMessage } from "../../src/core/views/report";

/** Compares `value` as JSON with tests/golden/<platform>/<name>.json. */
export function goldenFiles(platform: string): (name: string, value: unknown) => void {
  const dir = join(import.meta.dirname, "../golden", platform);
  return (name, value) => {
    const path = join(dir, `${name}.json`);
    const json = `${JSON.stringify(value, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === "1") {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, json);
    }
    if (!existsSync(path)) throw new Error(`no golden file ${path}: run with UPDATE_GOLDEN=1 once and review it`);
    expect(json).toBe(readFileSync(path, "utf8"));
  };
}

export const PAIRING = "6b1f0c1e-8a4e-4c55-9d7e-0a1b2c3d4e5f";
export const SESSION: Session = {
  id: "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c",
  pairingId: PAIRING,
  number: 2,
  startsAt: new Date("2026-12-02T03:00:00Z"),
  minutes: 60,
  status: "scheduled",
  checkInPromptedAt: null,
};

export const member = (id: string, name: string, language: Language, timezone: string): Member => ({
  id,
  tenantId: "t",
  externalId: `U${id.toUpperCase()}`,
  displayName: name,
  language,
  timezone,
});

export const profile = (memberId: string, expertise: string[], goals: string[], team: string): Profile => ({
  memberId,
  programId: "p",
  expertise,
  goals,
  interests: ["kopi"],
  team,
});

export function intro(language: Language): Message {
  const t = translator(language);
  return introMessage(t, language, {
    programName: "Sahabat Belajar",
    roundNumber: 1,
    members: [member("ani", "Ani", "id", "Asia/Jakarta"), member("budi", "Budi", "en", "Asia/Jayapura")],
    profiles: [profile("ani", ["SQL"], ["public speaking"], "Data"), profile("budi", ["public speaking"], ["SQL"], "Ops")],
    pairingId: PAIRING,
  });
}

export const PROGRAM: Program = {
  id: "p",
  tenantId: "t",
  channelId: "C1",
  spaceId: null,
  name: "Sahabat Belajar",
  language: "id",
  timezone: "Asia/Jakarta",
  roundWeeks: 12,
  createdBy: "m",
  matchingWeights: null,
  topicEdits: null,
  organizerRole: null,
  contactHours: { from: 8, until: 20, workingDays: [1, 2, 3, 4, 5] },
  retentionMonths: 12,
};

export const ROUND: Round = {
  id: "r",
  programId: "p",
  number: 2,
  status: "running",
  seed: 1,
  openedAt: new Date("2026-12-01T02:00:00Z"),
  endsAt: new Date("2027-02-23T02:00:00Z"),
};

/** A round announcement with its Join button, in English. */
export function announcement(): Message {
  const t = translator("en");
  return message(
    heading(t("round.announce.title", { number: 3 })),
    text(t("round.announce.body", { weeks: 12 })),
    actions(formButton(t("round.announce.join", { number: 3 }), { type: "round.join", roundId: PAIRING }, "primary")),
  );
}

/** Status fields whose value needs escaping on the platform (`programName`). */
export function statusFields(programName: string): Message {
  const t = translator("en");
  return message(
    fields([
      [t("status.program"), programName],
      [t("status.pausedUntil"), "Sunday, 20 December 2026"],
    ]),
  );
}

/** An organizer report with every figure set; one average from enough answers, one from too few. */
export function report(language: Language): Message {
  return reportMessage(translator(language), language, PROGRAM, ROUND, {
    members: { active: 9, left: 1, paused: 2 },
    pairings: { total: 5, active: 3, trios: 1, endedEarly: 1, endedWithRound: 1 },
    sessions: { held: 7, missed: 2, rescheduled: 1, awaiting: 1, upcoming: 4, prompted: 9 },
    checkIns: { counted: 10 },
    rating: { counted: 10, average: 4.3 },
    evaluations: { counted: 0, working: null, goalsReached: 0 },
  });
}
